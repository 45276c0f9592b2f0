import { defineMessages } from '../define.js';

/** Scheduled pings about action items (src/items/pings.ts): digests, reminders, escalation. */
export const pings = defineMessages({
  ja: {
    'pings.digest.title': '今週の宿題',
    'pings.digest.summary': '未完了の宿題 {count}件（うち期限切れ {overdue}件、期限間近 {soon}件）',
    'pings.daily.overdue': '期限切れ {count}件',
    'pings.daily.dueSoon': '期限間近 {count}件',
    'pings.daily.followUp': '早急対応の状況確認 {count}件',
    'pings.daily.joiner': '、',
    'pings.meeting.title': '{meeting}に向けた宿題',
    'pings.meeting.notice':
      '{when}の本部で報告していただく宿題です。会議の前に状況を更新し、資料があれば事務局に提出してください。',
    'pings.more': 'ほかに{count}件あります。「自分の宿題」ですべて確認できます。',
    'pings.escalation.title': '期限切れの宿題（{days}営業日以上）',
    'pings.escalation.intro':
      '担当には毎営業日確認していますが、次の{count}件が期限を{days}営業日以上過ぎています。',
    'pings.escalation.late': '{days}営業日超過',
    'pings.escalation.more': 'ほかに{count}件あります。「宿題一覧」ですべて確認できます。',
    'pings.fact.late': '超過',
    'pings.fact.lastProgress': '最新の進捗',
    'pings.late': '（この通知は予定の {planned} より遅れて送られています）',
    'pings.cancelled.title': '期限の再設定が必要な宿題（会議中止）',
    'pings.cancelled.intro':
      '{meeting}（{when}）が中止されたため、この会議までとしていた次の{count}件の宿題は期限がなくなりました。それぞれ新しい期限を設定してください。',
    'pings.cancelled.fact': '期限の再設定',
    'pings.cancelled.edit': '宿題編集 #{number}',
  },
  en: {
    'pings.digest.title': 'Your action items this week',
    'pings.digest.summary': '{count} open ({overdue} overdue, {soon} due soon)',
    'pings.daily.overdue': '{count} overdue',
    'pings.daily.dueSoon': '{count} due soon',
    'pings.daily.followUp': '{count} to do as soon as possible',
    'pings.daily.joiner': ', ',
    'pings.meeting.title': 'Action items for {meeting}',
    'pings.meeting.notice':
      'These items are reported at the HQ meeting on {when}. Please update them before the meeting and send any material to the secretariat.',
    'pings.more': '{count} more: "my items" lists them all.',
    'pings.escalation.title': 'Action items overdue by {days}+ business days',
    'pings.escalation.intro':
      'Still open {days} or more business days after the due date, although their owners are asked every business day: {count}.',
    'pings.escalation.late': '{days} business days overdue',
    'pings.escalation.more': '{count} more: "items" lists them all.',
    'pings.fact.late': 'Overdue',
    'pings.fact.lastProgress': 'Latest progress',
    'pings.late': '(This notice is late: it was due {planned}.)',
    'pings.cancelled.title': 'Action items that need a new due (meeting cancelled)',
    'pings.cancelled.intro':
      '{meeting} ({when}) is cancelled, so these {count} action items due at it have no due date now. Please set a new due for each.',
    'pings.cancelled.fact': 'New due',
    'pings.cancelled.edit': 'edit item #{number}',
  },
});

import { defineMessages } from '../define.js';

export const surveys = defineMessages({
  ja: {
    'cmd.surveys': 'アンケートを表示します（部署の方は回答、事務局は作成・送信・結果）',
    'cmd.surveyNew': 'アンケートを作成します',
    'cmd.surveyEdit': 'アンケートを編集します：アンケート編集 番号',
    'cmd.surveyCopy': '以前のアンケートを複製して新しく作ります：アンケート複製 番号',
    'cmd.surveySend': 'アンケートを各部の部長・代理に送信します：アンケート送信 番号',
    'cmd.surveyClose': 'アンケートを締め切ります：アンケート締切 番号',
    'cmd.results': 'アンケートの結果を表示します：結果 番号',

    'survey.rank': '{rank}位',
    'survey.points': '{rank}位={points}点',
    'survey.status.draft': '下書き',
    'survey.status.open': '受付中',
    'survey.status.closed': '締切済み',
    'survey.notFound':
      'アンケート「{ref}」は見つかりません。「アンケート」と送ると一覧が表示されます。',
    'survey.none': 'アンケートはまだありません。「アンケート作成」で作成できます。',
    'survey.noneToAnswer': '現在、あなたの部署が回答するアンケートはありません。',
    'survey.noneOpenLastClosed':
      '受付中のアンケートはありません。最後に締め切られたアンケートと、あなたの部署の回答です。',
    'survey.cmd.progress': 'アンケートの回答状況（回答した部署の数）を表示します：回答状況 番号',
    'survey.cmd.missing': 'まだ回答していない部署を表示します：未回答 番号',
    'survey.progress.noneSent': '送信済みのアンケートはありません。',
    'survey.progress.open':
      '「{title}」の回答状況: {answered} / {total} 部署（回答期限: {deadline}）',
    'survey.progress.closedText': '「{title}」は締め切りました。回答: {answered} / {total} 部署',
    'survey.missing.list': '「{title}」に未回答の部署（{count} / {total}）: {names}',
    'survey.missing.none': '「{title}」にはすべての部署が回答しました。',

    'survey.form.ruleExactly':
      '特に検討してほしい項目を{count}つ選び、1位から{count}位まで順位を付けてください（同じ項目は選べません）。',
    'survey.form.ruleUpTo':
      '特に検討してほしい項目を{count}つまで、1位から順に選んでください（同じ項目は選べません）。',
    'survey.form.rankPlaceholder': '項目を選んでください',
    'survey.form.deadline': '回答期限: {deadline}',
    'survey.form.department':
      '{department}としてご回答ください。部長・代理のどちらが回答しても、部署の回答は1つです。',
    'survey.form.topicsHeading': '各項目へのコメント（任意）',
    'survey.form.commentLabel': 'コメント',
    'survey.form.commentPlaceholder': 'この項目についての課題意識やご意見（{max}文字以内）',
    'survey.form.opinionLabel': '自由意見（任意）',
    'survey.form.opinionPlaceholder': '全体を通してのご意見・ご要望（{max}文字以内）',
    'survey.form.submit': '回答を送信',
    'survey.form.current':
      '現在の回答: {name}（{at}）。変更して送信すると上書きされ、以前の内容は履歴に残ります。',
    'survey.form.conflict':
      '{name}が{at}に回答を変更しました。あなたの入力はそのまま残しています。もう一度送信すると、この内容で上書きします。',
    'survey.form.fix': '入力内容を確認してください。回答はまだ保存されていません。',

    'survey.error.notOpen': 'このアンケートはまだ受付を始めていません。回答は保存されていません。',
    'survey.error.closed': 'このアンケートは締め切られました。回答は保存されていません。',
    'survey.error.guest':
      'このアンケートには各部の部長・代理の方のみ回答できます。名簿に登録のない方の回答は受け付けられません。',
    'survey.error.notRepresentative':
      'このアンケートには各部の部長・代理の方のみ回答できます。回答は保存されていません。',
    'survey.error.notInAudience':
      'あなたの部署はこのアンケートの回答対象ではありません。回答は保存されていません。',
    'survey.error.otherDepartment':
      'このカードは{department}の回答用です。ご自身の部署のカード（「アンケート」と送ると表示されます）からご回答ください。回答は保存されていません。',
    'survey.error.rankRequired': '項目を選んでください。',
    'survey.error.unknownTopic': 'この項目はアンケートにありません。選び直してください。',
    'survey.error.sameTopic': '{rank}位と同じ項目です。別の項目を選んでください。',
    'survey.error.rankGap': '上の順位から順に選んでください。',
    'survey.error.tooLong': '{max}文字以内で入力してください（現在{length}文字）。',
    'survey.error.missing':
      'このアンケートは見つかりませんでした。回答は保存されていません。「アンケート」と送ると最新のカードが表示されます。',
    'survey.error.missingTitle': 'アンケートが見つかりません',
    'survey.error.notForYouTitle': '回答対象外です',

    'survey.view.answeredBy': '{name}が{at}に回答しました。',
    'survey.view.notAnswered': '{department}はまだ回答していません。',
    'survey.view.editUntil': '{deadline}まで、部長・代理のどちらでも修正できます。',
    'survey.view.closed': 'このアンケートは{at}に締め切られました。',
    'survey.view.edit': '回答を修正',
    'survey.view.answer': '回答する',
    'survey.view.rankingHeading': '順位',
    'survey.view.commentsHeading': 'コメント',
    'survey.view.opinionHeading': '自由意見',
    'survey.view.history': '変更履歴: {count}件（最新: {name}、{at}）',
    'survey.view.none': '（なし）',

    'survey.progress.title': 'アンケート回答状況',
    'survey.progress.count': '回答 {answered} / {total} 部署',
    'survey.progress.deadline': '回答期限: {deadline}',
    'survey.progress.closed': '締め切りました（{at}）。',

    'survey.nudge':
      '【アンケートのお願い】「{title}」の回答期限は{deadline}です。{department}の回答がまだ届いていません。お送りしたカードからご回答ください（「アンケート」と送るとカードをもう一度表示します）。',
    'survey.nudge.late': '（遅れてのお知らせです）',

    'survey.results.title': 'アンケート結果: {title}',
    'survey.results.summary': '回答 {answered} / {total} 部署 · {status} · {points}',
    'survey.results.score': '{score}点',
    'survey.results.counts': '{counts}',
    'survey.results.answered': '回答済み（{count}）: {names}',
    'survey.results.missing': '未回答（{count}）: {names}',
    'survey.results.nobody': 'なし',
    'survey.results.andMore': '他{count}部署',
    'survey.results.commentsHeading': '項目別コメント',
    'survey.results.moreComments': '他{count}件は CSV でご覧ください。',
    'survey.results.opinionsHeading': '自由意見',
    'survey.results.noOpinions': '自由意見はありません。',
    'survey.results.csv': 'CSV をダウンロード',
    'survey.results.csvNote': 'CSV のリンクは{until}まで有効です（Excel でそのまま開けます）。',
    'survey.results.back': 'アンケート一覧',

    'survey.csv.department': '部署',
    'survey.csv.status': '状態',
    'survey.csv.answeredBy': '回答者',
    'survey.csv.answeredAt': '回答日時',
    'survey.csv.comment': 'コメント: {topic}',
    'survey.csv.opinion': '自由意見',
    'survey.csv.answered': '回答済み',
    'survey.csv.missing': '未回答',
    'survey.csv.expired':
      'このダウンロードリンクは有効期限が切れています。Teams で Honbu に「結果」と送ると、新しいリンクが表示されます。',
    'survey.csv.invalid': 'このダウンロードリンクは正しくありません。',

    'survey.admin.title': 'アンケート',
    'survey.admin.line':
      '#{number} · {status} · 対象 {audience}部署 · 回答 {answered}件 · 期限 {deadline}',
    'survey.admin.noDeadline': '未設定',
    'survey.action.new': '新規作成',
    'survey.action.edit': '編集',
    'survey.action.send': '送信',
    'survey.action.resend': '未送信の方に送信',
    'survey.action.results': '結果',
    'survey.action.copy': '複製',
    'survey.action.close': '締め切る',

    'survey.send.done':
      '「{title}」を送信しました。新たに{sent}名に届け、{already}名は送信済みでした。回答期限は{deadline}です。',
    'survey.send.nobody':
      '「{title}」を受付中にしましたが、まだ誰にも届けられていません。回答期限は{deadline}です。',
    'survey.send.channels': '進捗カードを{count}件のチャネルに掲示しています。',
    'survey.send.noChannel':
      '登録されたチャネルがないため、進捗カードは掲示していません（委員会のチャネルで @Honbu に話しかけると登録されます）。',
    'survey.send.unreachable':
      'Honbu とのチャットがまだないため届けられなかった方: {names}。Teams で Honbu を追加していただいた後、もう一度「送信」してください。',
    'survey.send.failed':
      '一時的な問題で届けられなかった方: {names}。しばらくしてからもう一度「送信」してください（届いた方に重ねて送ることはありません）。',
    'survey.send.noDeadline':
      '回答期限が設定されていません。「編集」で期限を設定してから送信してください。',
    'survey.send.pastDeadline':
      '回答期限（{deadline}）を過ぎています。「編集」で期限を延ばしてから送信してください。',
    'survey.send.closed': 'このアンケートは締め切られています。',
    'survey.send.noAudience': '回答する部署が選ばれていません。「編集」で選んでください。',
    'survey.close.done': '「{title}」を締め切りました。回答 {answered} / {total} 部署。',
    'survey.close.already': 'このアンケートはすでに締め切られています。',
    'survey.close.notOpen': 'このアンケートはまだ送信されていません。',

    'survey.editor.titleNew': 'アンケートの作成',
    'survey.editor.titleEdit': 'アンケートの編集（#{number}、{status}）',
    'survey.editor.titleJa': 'タイトル（日本語）',
    'survey.editor.titleEn': 'タイトル（英語・任意）',
    'survey.editor.introJa': '説明文（日本語）',
    'survey.editor.introEn': '説明文（英語・任意）',
    'survey.editor.rankingMode': '順位の付け方',
    'survey.editor.modeExactly': 'ちょうど N 項目に順位を付ける',
    'survey.editor.modeUpTo': '最大 N 項目まで順位を付ける',
    'survey.editor.rankCount': '順位を付ける項目数（N）',
    'survey.editor.commentMax': '項目ごとのコメントの文字数上限',
    'survey.editor.opinionMax': '自由意見の文字数上限',
    'survey.editor.deadlineDate': '回答期限（日付）',
    'survey.editor.deadlineTime': '回答期限（時刻）',
    'survey.editor.audience': '回答する部署',
    'survey.editor.nudges':
      'リマインドを送る日（期限の何営業日前か。カンマ区切り、空欄なら送らない）',
    'survey.editor.topicsHeading': '項目（項目名が空の行は保存しません）',
    'survey.editor.topic': '項目 {n}',
    'survey.editor.topicTitleJa': '項目名（日本語）',
    'survey.editor.topicTitleEn': '項目名（英語・任意）',
    'survey.editor.topicDescriptionJa': '説明（日本語・任意）',
    'survey.editor.topicDescriptionEn': '説明（英語・任意）',
    'survey.editor.addTopics': '項目欄を追加',
    'survey.editor.save': '保存',
    'survey.editor.locked':
      '送信済みのため、項目の追加・削除と順位の付け方は変更できません。文言と回答期限は変更できます。',
    'survey.editor.saved': '保存しました（#{number}）。',
    'survey.editor.fix': '入力内容を確認してください。まだ保存されていません。',
    'survey.editor.error.required': '入力してください。',
    'survey.editor.error.tooLong': '{max}文字以内で入力してください。',
    'survey.editor.error.number': '{min}〜{max}の整数で入力してください。',
    'survey.editor.error.deadlineInvalid': '日付と時刻を正しく入力してください。',
    'survey.editor.error.deadlinePast': '回答期限は現在より後にしてください。',
    'survey.editor.error.audienceEmpty': '部署を1つ以上選んでください。',
    'survey.editor.error.unknownDepartment': '名簿にない部署が含まれています。',
    'survey.editor.error.tooFewTopics': '順位を付けるには項目が{count}つ以上必要です。',
    'survey.editor.error.tooManyTopics': '項目は{max}個までです。',
    'survey.editor.error.nudges': '1〜20の数をカンマ区切りで入力してください（例: 3,1）。',
    'survey.editor.error.missingTitle': '項目名（日本語）を入力してください。',
    'survey.copy.suffix': '（コピー）',
    'survey.copy.done':
      'アンケート #{from} を複製しました（#{number}、下書き）。回答期限を設定して保存し、送信してください。',
  },
  en: {
    'cmd.surveys':
      'Shows surveys (departments answer; the secretariat creates, sends and reads results)',
    'cmd.surveyNew': 'Creates a survey',
    'cmd.surveyEdit': 'Edits a survey: survey edit NUMBER',
    'cmd.surveyCopy': 'Starts a new survey as a copy of an earlier one: survey copy NUMBER',
    'cmd.surveySend': "Sends a survey to every department's head and delegate: survey send NUMBER",
    'cmd.surveyClose': 'Closes a survey: survey close NUMBER',
    'cmd.results': 'Shows the results of a survey: results NUMBER',

    'survey.rank': 'Rank {rank}',
    'survey.points': 'rank {rank} = {points} pt',
    'survey.status.draft': 'Draft',
    'survey.status.open': 'Open',
    'survey.status.closed': 'Closed',
    'survey.notFound': 'There is no survey "{ref}". Send "survey" to see the list.',
    'survey.none': 'There are no surveys yet. Send "survey new" to create one.',
    'survey.noneToAnswer': 'There is no survey for your department to answer right now.',
    'survey.noneOpenLastClosed':
      "No survey is open. Here is the last one that closed, with your department's answer.",
    'survey.cmd.progress':
      'Shows how many departments have answered a survey: survey progress NUMBER',
    'survey.cmd.missing': 'Lists the departments that have not answered: survey missing NUMBER',
    'survey.progress.noneSent': 'No survey has been sent yet.',
    'survey.progress.open':
      '"{title}": {answered} of {total} departments have answered (deadline: {deadline}).',
    'survey.progress.closedText':
      '"{title}" is closed. {answered} of {total} departments answered.',
    'survey.missing.list': 'Not yet answered "{title}" ({count} of {total}): {names}',
    'survey.missing.none': 'Every department has answered "{title}".',

    'survey.form.ruleExactly':
      'Choose the {count} topics you most want reviewed and rank them 1 to {count} (each topic once).',
    'survey.form.ruleUpTo':
      'Choose up to {count} topics you most want reviewed, ranked from 1 (each topic once).',
    'survey.form.rankPlaceholder': 'Choose a topic',
    'survey.form.deadline': 'Please answer by {deadline}',
    'survey.form.department':
      'You answer for {department}. The head and the delegate share one answer for the department.',
    'survey.form.topicsHeading': 'Comments on each topic (optional)',
    'survey.form.commentLabel': 'Comment',
    'survey.form.commentPlaceholder':
      'What your department sees as the issue, or your view (up to {max} characters)',
    'survey.form.opinionLabel': 'Free opinion (optional)',
    'survey.form.opinionPlaceholder': 'Anything else you want to tell us (up to {max} characters)',
    'survey.form.submit': 'Send answer',
    'survey.form.current':
      'Current answer: {name} ({at}). Sending replaces it; earlier versions are kept in the history.',
    'survey.form.conflict':
      '{name} changed the answer at {at}. Your inputs are kept below; send again to replace the answer with them.',
    'survey.form.fix': 'Please check the fields marked below. Your answer has not been saved yet.',

    'survey.error.notOpen': 'This survey is not open for answers yet. Nothing was saved.',
    'survey.error.closed': 'This survey is closed. Your answer was not saved.',
    'survey.error.guest':
      'Only the heads and delegates of the departments can answer this survey. People outside the directory cannot answer.',
    'survey.error.notRepresentative':
      'Only the heads and delegates of the departments can answer this survey. Nothing was saved.',
    'survey.error.notInAudience':
      'Your department is not among those asked in this survey. Nothing was saved.',
    'survey.error.otherDepartment':
      'This card is for {department}. Please answer on your own department\'s card (send "survey" to get it). Nothing was saved.',
    'survey.error.rankRequired': 'Please choose a topic.',
    'survey.error.unknownTopic': 'This topic is not in the survey. Please choose again.',
    'survey.error.sameTopic': 'Already chosen for rank {rank}. Please choose another topic.',
    'survey.error.rankGap': 'Please fill the ranks in order, starting with rank 1.',
    'survey.error.tooLong': 'Please keep it to {max} characters (now {length}).',
    'survey.error.missing':
      'This survey could not be found. Nothing was saved. Send "survey" to get the current card.',
    'survey.error.missingTitle': 'Survey not found',
    'survey.error.notForYouTitle': 'Not for your department',

    'survey.view.answeredBy': 'Answered by {name} at {at}.',
    'survey.view.notAnswered': '{department} has not answered yet.',
    'survey.view.editUntil': 'The head or the delegate can change it until {deadline}.',
    'survey.view.closed': 'This survey closed at {at}.',
    'survey.view.edit': 'Edit answer',
    'survey.view.answer': 'Answer',
    'survey.view.rankingHeading': 'Ranking',
    'survey.view.commentsHeading': 'Comments',
    'survey.view.opinionHeading': 'Free opinion',
    'survey.view.history':
      'History: {count, plural, one {# version} other {# versions}} (latest: {name}, {at})',
    'survey.view.none': '(none)',

    'survey.progress.title': 'Survey progress',
    'survey.progress.count': 'Answered: {answered} / {total} departments',
    'survey.progress.deadline': 'Deadline: {deadline}',
    'survey.progress.closed': 'Closed ({at}).',

    'survey.nudge':
      'Reminder: the survey "{title}" closes at {deadline}, and {department} has not answered yet. Please answer on the card sent earlier (send "survey" to see it again).',
    'survey.nudge.late': '(This reminder is late.) ',

    'survey.results.title': 'Survey results: {title}',
    'survey.results.summary': 'Answered {answered} / {total} departments · {status} · {points}',
    'survey.results.score': '{score} pt',
    'survey.results.counts': '{counts}',
    'survey.results.answered': 'Answered ({count}): {names}',
    'survey.results.missing': 'Not answered ({count}): {names}',
    'survey.results.nobody': 'none',
    'survey.results.andMore': '{count} more',
    'survey.results.commentsHeading': 'Comments by topic',
    'survey.results.moreComments': '{count} more in the CSV.',
    'survey.results.opinionsHeading': 'Free opinions',
    'survey.results.noOpinions': 'No free opinions.',
    'survey.results.csv': 'Download CSV',
    'survey.results.csvNote': 'The CSV link works until {until} (opens in Excel as is).',
    'survey.results.back': 'All surveys',

    'survey.csv.department': 'Department',
    'survey.csv.status': 'Status',
    'survey.csv.answeredBy': 'Answered by',
    'survey.csv.answeredAt': 'Answered at',
    'survey.csv.comment': 'Comment: {topic}',
    'survey.csv.opinion': 'Free opinion',
    'survey.csv.answered': 'Answered',
    'survey.csv.missing': 'Not answered',
    'survey.csv.expired':
      'This download link has expired. Send "results" to Honbu in Teams to get a new one.',
    'survey.csv.invalid': 'This download link is not valid.',

    'survey.admin.title': 'Surveys',
    'survey.admin.line':
      '#{number} · {status} · {audience} departments · {answered} answered · deadline {deadline}',
    'survey.admin.noDeadline': 'not set',
    'survey.action.new': 'New survey',
    'survey.action.edit': 'Edit',
    'survey.action.send': 'Send',
    'survey.action.resend': 'Send to those not reached',
    'survey.action.results': 'Results',
    'survey.action.copy': 'Copy',
    'survey.action.close': 'Close',

    'survey.send.done':
      'Sent "{title}": {sent, plural, one {# new recipient} other {# new recipients}}, {already} had it already. Deadline: {deadline}.',
    'survey.send.nobody':
      '"{title}" is open for answers, but it has not reached anyone yet. Deadline: {deadline}.',
    'survey.send.channels':
      'A progress card is posted in {count, plural, one {# channel} other {# channels}}.',
    'survey.send.noChannel':
      'No channel is registered, so no progress card was posted (@mention Honbu in the committee channel to register it).',
    'survey.send.unreachable':
      'Not reached because they have no chat with Honbu yet: {names}. Ask them to add Honbu in Teams, then send again.',
    'survey.send.failed':
      'Not reached because of a temporary problem: {names}. Send again in a while (nobody gets it twice).',
    'survey.send.noDeadline': 'The survey has no deadline. Set one with "Edit" before sending.',
    'survey.send.pastDeadline':
      'The deadline ({deadline}) has passed. Move it with "Edit" before sending.',
    'survey.send.closed': 'This survey is closed.',
    'survey.send.noAudience': 'No department is chosen to answer. Choose them with "Edit".',
    'survey.close.done': 'Closed "{title}". Answered: {answered} / {total} departments.',
    'survey.close.already': 'This survey is already closed.',
    'survey.close.notOpen': 'This survey has not been sent yet.',

    'survey.editor.titleNew': 'New survey',
    'survey.editor.titleEdit': 'Edit survey (#{number}, {status})',
    'survey.editor.titleJa': 'Title (Japanese)',
    'survey.editor.titleEn': 'Title (English, optional)',
    'survey.editor.introJa': 'Introduction (Japanese)',
    'survey.editor.introEn': 'Introduction (English, optional)',
    'survey.editor.rankingMode': 'Ranking',
    'survey.editor.modeExactly': 'Rank exactly N topics',
    'survey.editor.modeUpTo': 'Rank up to N topics',
    'survey.editor.rankCount': 'Number of topics to rank (N)',
    'survey.editor.commentMax': 'Longest comment per topic (characters)',
    'survey.editor.opinionMax': 'Longest free opinion (characters)',
    'survey.editor.deadlineDate': 'Deadline (date)',
    'survey.editor.deadlineTime': 'Deadline (time)',
    'survey.editor.audience': 'Departments that answer',
    'survey.editor.nudges':
      'Reminders: business days before the deadline, comma-separated (empty: no reminders)',
    'survey.editor.topicsHeading': 'Topics (rows without a title are not saved)',
    'survey.editor.topic': 'Topic {n}',
    'survey.editor.topicTitleJa': 'Title (Japanese)',
    'survey.editor.topicTitleEn': 'Title (English, optional)',
    'survey.editor.topicDescriptionJa': 'Description (Japanese, optional)',
    'survey.editor.topicDescriptionEn': 'Description (English, optional)',
    'survey.editor.addTopics': 'More topic rows',
    'survey.editor.save': 'Save',
    'survey.editor.locked':
      'The survey has been sent: topics cannot be added or removed and the ranking cannot change. Texts and the deadline can.',
    'survey.editor.saved': 'Saved (#{number}).',
    'survey.editor.fix': 'Please check the fields marked below. Nothing has been saved yet.',
    'survey.editor.error.required': 'Please fill this in.',
    'survey.editor.error.tooLong': 'Please keep it to {max} characters.',
    'survey.editor.error.number': 'Please enter a whole number from {min} to {max}.',
    'survey.editor.error.deadlineInvalid': 'Please enter a valid date and time.',
    'survey.editor.error.deadlinePast': 'The deadline must be in the future.',
    'survey.editor.error.audienceEmpty': 'Please choose at least one department.',
    'survey.editor.error.unknownDepartment': 'A chosen department is not in the directory.',
    'survey.editor.error.tooFewTopics': 'Ranking needs at least {count} topics.',
    'survey.editor.error.tooManyTopics': 'At most {max} topics.',
    'survey.editor.error.nudges': 'Please enter numbers from 1 to 20, comma-separated (e.g. 3,1).',
    'survey.editor.error.missingTitle': 'Please give the topic a Japanese title.',
    'survey.copy.suffix': ' (copy)',
    'survey.copy.done':
      'Copied survey #{from} as #{number} (draft). Set its deadline, save, then send it.',
  },
});

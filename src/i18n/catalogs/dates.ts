import { defineMessages } from '../define.js';

/** Messages about dates people type (shared by meetings, surveys and action items). */
export const dates = defineMessages({
  ja: {
    'date.unreadable':
      '「{input}」を日時として読み取れませんでした。例: 12月14日 15時〜16時、令和8年12月14日（月）午後3時、2026/12/14 15:00、明日 15時',
    'date.noSuchDate': '「{input}」という日時はありません。日付と時刻を確かめてください。',
    'date.weekdayMismatch':
      '{date}は{actual}です（「{input}」には{written}と書かれています）。日付か曜日を確かめてください。',
    'date.endBeforeStart': '「{input}」は終了が開始より前になっています。',
    'date.timeMissing': '「{input}」には時刻がありません。例: 12月14日 15時〜16時',
  },
  en: {
    'date.unreadable':
      'I could not read "{input}" as a date. Examples: 2026-12-14 15:00-16:00, 12/14 3pm, tomorrow 15:00',
    'date.noSuchDate': 'There is no such date or time as "{input}". Please check it.',
    'date.weekdayMismatch':
      '{date} is a {actual}, but "{input}" says {written}. Please check the date or the weekday.',
    'date.endBeforeStart': 'In "{input}" the end comes before the start.',
    'date.timeMissing': '"{input}" has no time of day. Example: 2026-12-14 15:00-16:00',
  },
});

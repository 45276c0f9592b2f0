import type { DateTime } from 'luxon';

/**
 * The days people name relative to today (来週金曜, 今週中, 月末, 3日後, 再来週, next
 * Friday, end of the month, in 3 days), read for the date parser.
 */

export const JA_WEEKDAYS = ['月', '火', '水', '木', '金', '土', '日'];
export const EN_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The date parser's cursor: consumes what a pattern recognises at the start of the rest. */
export interface Taker {
  take(pattern: RegExp): RegExpExecArray | undefined;
}

/** Weekday words after 来週 / next: 金曜, 金曜日, (金), 金, Friday, fri. */
const WEEKDAY_WORD = String.raw`(?:の\s*)?\(?\s*(?<wd>[月火水木金土日](?:曜日?)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\s*\)?`;

function weekdayOf(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const ja = JA_WEEKDAYS.indexOf(word.charAt(0));
  if (ja >= 0) return ja + 1;
  const en = EN_WEEKDAYS.indexOf(word.slice(0, 3).toLowerCase());
  return en >= 0 ? en + 1 : undefined;
}

/**
 * Days counted from today: N日後, N週間後, in N days; weeks (Monday to Sunday):
 * 今週/来週/再来週 with a weekday, or alone (来週 = its Monday, 今週中 = this Friday);
 * a weekday alone (the next one after today); the end of this or next month.
 */
export function readLater(cursor: Taker, today: DateTime): DateTime | undefined {
  const after =
    cursor.take(/(?<n>\d{1,3})\s*(?<unit>日|週間)\s*後/) ??
    cursor.take(/in\s+(?<n>\d{1,3})\s*(?<unit>days?|weeks?)(?![a-z])/);
  if (after?.groups) {
    const n = Number(after.groups['n']);
    return today.plus(
      /^(週間|weeks?)$/i.test(after.groups['unit'] ?? '') ? { weeks: n } : { days: n },
    );
  }
  const monthEnd = cursor.take(
    /(?<next>来月|next month'?s?)?\s*(?:今月)?\s*(?:末日?|月末)|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?<enNext>next\s+)?month/,
  );
  if (monthEnd) {
    const next = Boolean(monthEnd.groups?.['next'] ?? monthEnd.groups?.['enNext']);
    return today
      .plus({ months: next ? 1 : 0 })
      .endOf('month')
      .startOf('day');
  }
  const thisWeek = today.startOf('week');
  if (cursor.take(/今週中|今週末|(?:by\s+)?(?:the\s+)?end\s+of\s+(?:this|the)\s+week/)) {
    const friday = thisWeek.plus({ days: 4 });
    return friday < today ? today : friday;
  }
  const week = cursor.take(
    new RegExp(
      `(?<w>今週|来週|再来週|さらいしゅう|らいしゅう|this\\s+week|next\\s+week|the\\s+week\\s+after\\s+next|week\\s+after\\s+next)(?:中)?(?:\\s*${WEEKDAY_WORD})?`,
      'iu',
    ),
  );
  if (week?.groups) {
    const word = (week.groups['w'] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const weeks = /再来週|さらいしゅう|after next/.test(word)
      ? 2
      : /来週|らいしゅう|next/.test(word)
        ? 1
        : 0;
    const weekday = weekdayOf(week.groups['wd']) ?? (week[0].endsWith('中') ? 5 : 1);
    return thisWeek.plus({ weeks, days: weekday - 1 });
  }
  const named = cursor.take(
    new RegExp(
      `(?<which>next|this|coming|今度の)?\\s*(?<wd>[月火水木金土日]曜日?|(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?)(?![a-z])`,
      'iu',
    ),
  );
  if (named?.groups) {
    const weekday = weekdayOf(named.groups['wd']) ?? 1;
    // "next Friday" is next week's Friday, as 来週金曜; "Friday", "this Friday" the coming one.
    if (/^next/i.test(named.groups['which'] ?? ''))
      return thisWeek.plus({ weeks: 1, days: weekday - 1 });
    const ahead = (weekday - today.weekday + 7) % 7 || 7;
    return today.plus({ days: ahead });
  }
  return undefined;
}

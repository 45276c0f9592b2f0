import type { Locale } from './locale.js';

/** Date and time as a reader in this locale expects, in the committee's time zone. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  if (locale === 'ja') {
    const parts = new Intl.DateTimeFormat('ja-JP', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(date);
    const get = (type: Intl.DateTimeFormatPartTypes) =>
      parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}年${get('month')}月${get('day')}日（${get('weekday')}）${get('hour')}:${get('minute')}`;
  }
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

import type { Locale } from './locale.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared Intl.DateTimeFormat: making one costs far more than using it, and a
 * card of many items, or a digest for hundreds of owners, formats thousands of dates.
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** Year, month, day and weekday: the Japanese layouts below put them in order themselves. */
const DAY_PARTS = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  weekday: 'short',
} as const satisfies Intl.DateTimeFormatOptions;

type Parts = (type: Intl.DateTimeFormatPartTypes) => string;

/** The named parts of a formatted date, for the layouts Intl does not write itself. */
function partsOf(locale: string, options: Intl.DateTimeFormatOptions, date: Date): Parts {
  const parts = dateFormat(locale, options).formatToParts(date);
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

/**
 * Date and time as a reader in this locale expects, in the committee's time zone:
 * the same style everywhere a user reads one (meetings, surveys, items, policies),
 * 令和8年12月14日（月）17:00 in Japanese and 2026-12-14 (Mon) 17:00 in English.
 */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return formatMoment(date, locale, timeZone);
}

/** 令和8年12月14日（月）: the era date Japanese official documents use. */
export function formatEraDate(date: Date, timeZone: string): string {
  const get = partsOf(
    'ja-JP-u-ca-japanese',
    {
      timeZone,
      era: 'long',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
    },
    date,
  );
  // The first year of an era is written 元年.
  const year = get('year') === '1' ? '元' : get('year');
  return `${get('era')}${year}年${get('month')}月${get('day')}日（${get('weekday')}）`;
}

/** 2026-12-14 (Mon): ISO-like, for English readers. */
export function formatIsoDate(date: Date, timeZone: string): string {
  const get = partsOf(
    'en-CA',
    {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
    },
    date,
  );
  return `${get('year')}-${get('month')}-${get('day')} (${get('weekday')})`;
}

export function formatClock(date: Date, timeZone: string): string {
  return dateFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** 令和8年12月14日（月） in Japanese, 2026-12-14 (Mon) in English. */
export function formatDay(date: Date, locale: Locale, timeZone: string): string {
  return locale === 'ja' ? formatEraDate(date, timeZone) : formatIsoDate(date, timeZone);
}

/**
 * A meeting's time: 令和8年12月14日（月）15:00–16:00 in Japanese,
 * 2026-12-14 (Mon) 15:00–16:00 in English; the day is repeated only when the end is on another day.
 */
export function formatTimeRange(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const sameDay = formatIsoDate(start, timeZone) === formatIsoDate(end, timeZone);
  const until = sameDay ? formatClock(end, timeZone) : formatMoment(end, locale, timeZone);
  return `${formatMoment(start, locale, timeZone)}–${until}`;
}

/** A single moment, e.g. for a reminder's planned time: 令和8年12月7日（月）09:00. */
export function formatMoment(date: Date, locale: Locale, timeZone: string): string {
  return `${formatDay(date, locale, timeZone)}${locale === 'ja' ? '' : ' '}${formatClock(date, timeZone)}`;
}

/**
 * A day said back in a confirmation, with its weekday so a slip shows at once:
 * 12月11日（金） in Japanese, Fri 11 Dec in English; the year only when it is not this year's.
 */
export function formatSpokenDay(date: Date, locale: Locale, timeZone: string, now: Date): string {
  const withYear =
    formatIsoDate(date, timeZone).slice(0, 4) !== formatIsoDate(now, timeZone).slice(0, 4);
  if (locale === 'ja') {
    // Another year is the era year, as on every other date the committee reads.
    if (withYear) return formatEraDate(date, timeZone);
    const get = partsOf('ja-JP', { timeZone, ...DAY_PARTS }, date);
    return `${get('month')}月${get('day')}日（${get('weekday')}）`;
  }
  return dateFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  })
    .format(date)
    .replace(',', '');
}

/**
 * "2020-08-03" → 令和2年8月3日 / 3 Aug 2020; "2020-08" → 令和2年8月 / Aug 2020: a calendar
 * day, in the era style every other date the committee reads is written in.
 */
export function formatPolicyDate(iso: string, locale: Locale): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month) return iso;
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  if (locale === 'ja') {
    const get = partsOf(
      'ja-JP-u-ca-japanese',
      { timeZone: 'UTC', era: 'long', year: 'numeric', month: 'numeric' },
      date,
    );
    const eraYear = get('year') === '1' ? '元' : get('year');
    return `${get('era')}${eraYear}年${get('month')}月${day ? `${day}日` : ''}`;
  }
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    ...(day ? { day: 'numeric' } : {}),
    month: 'short',
    year: 'numeric',
  }).format(date);
}

import { strict as assert } from 'node:assert';
import { explainDateProblem, parseDateInput } from '../src/i18n/date-parser.js';
import { formatEraDate, formatTimeRange } from '../src/i18n/dates.js';
import { translator } from '../src/i18n/translate.js';

const TZ = 'Asia/Tokyo';
/** Wednesday 2026-11-25, 10:00 in Tokyo. */
const now = new Date('2026-11-25T01:00:00Z');
const jst = (local: string) => new Date(`${local}+09:00`).toISOString();

function read(input: string, referenceDay?: string) {
  return parseDateInput(input, {
    now,
    timeZone: TZ,
    ...(referenceDay ? { referenceDay: new Date(referenceDay) } : {}),
  });
}

function range(input: string, referenceDay?: string): [string, string | undefined] {
  const result = read(input, referenceDay);
  assert.ok(result.ok, `${input}: ${JSON.stringify(result)}`);
  return [result.start.toISOString(), result.end?.toISOString()];
}

describe('reading the dates people type', () => {
  it('reads ISO, slashes, Japanese and era forms in the committee time zone', () => {
    const cases: Array<[string, string, string?]> = [
      ['2026-12-14T15:00', jst('2026-12-14T15:00')],
      ['2026-12-14T06:00Z', '2026-12-14T06:00:00.000Z'],
      ['2026-12-14 15:00-16:00', jst('2026-12-14T15:00'), jst('2026-12-14T16:00')],
      ['2026/12/14 15:00', jst('2026-12-14T15:00')],
      ['12/14 15:00', jst('2026-12-14T15:00')],
      ['令和2年8月3日（月）午後3時03分', jst('2020-08-03T15:03')],
      ['令和元年5月1日 午前10時', jst('2019-05-01T10:00')],
      ['R8.12.14 15:00', jst('2026-12-14T15:00')],
      ['平成31年4月30日 9時', jst('2019-04-30T09:00')],
      ['2026年12月14日 15時30分', jst('2026-12-14T15:30')],
      ['12月14日 15時〜16時', jst('2026-12-14T15:00'), jst('2026-12-14T16:00')],
      ['１２月１４日（月）１５時～１６時半', jst('2026-12-14T15:00'), jst('2026-12-14T16:30')],
      ['12月14日 15時から16時まで', jst('2026-12-14T15:00'), jst('2026-12-14T16:00')],
      ['12/14 (Mon) 3pm to 4:30pm', jst('2026-12-14T15:00'), jst('2026-12-14T16:30')],
      ['12月14日 17時〜12月15日 9時', jst('2026-12-14T17:00'), jst('2026-12-15T09:00')],
      ['明日 15時', jst('2026-11-26T15:00')],
      ['tomorrow 3pm', jst('2026-11-26T15:00')],
      ['明後日 午前9時', jst('2026-11-27T09:00')],
      ['午後3時', jst('2026-11-25T15:00')],
      ['午前12時', jst('2026-11-25T00:00')],
      ['午後12時', jst('2026-11-25T12:00')],
    ];
    for (const [input, start, end] of cases) assert.deepEqual(range(input), [start, end], input);
  });

  it('takes the next occurrence when the year is left out, and the reference day for a time alone', () => {
    assert.deepEqual(range('8/3 15:00'), [jst('2027-08-03T15:00'), undefined]);
    assert.deepEqual(range('11月25日 9時'), [jst('2026-11-25T09:00'), undefined], 'today counts');
    assert.deepEqual(range('午後4時', jst('2026-12-14T15:00')), [
      jst('2026-12-14T16:00'),
      undefined,
    ]);
  });

  it('says which problem it found, and reads nothing into bad input', () => {
    const problem = (input: string) => {
      const result = read(input);
      return result.ok ? 'ok' : result.problem;
    };
    assert.equal(problem('そのうち'), 'unreadable');
    assert.equal(problem('12月14日 15時 ごろ'), 'unreadable');
    assert.equal(problem(''), 'unreadable');
    assert.equal(problem('2/30 10:00'), 'noSuchDate');
    assert.equal(problem('2026-02-30T10:00'), 'noSuchDate');
    assert.equal(problem('25:00'), 'noSuchDate');
    assert.equal(problem('午後13時'), 'noSuchDate');
    assert.equal(problem('12月14日 16時〜15時'), 'endBeforeStart');
    assert.equal(problem('令和2年8月3日（火）午後3時03分'), 'weekdayMismatch');
    assert.equal(problem('2026/12/14 (Tue) 15:00'), 'weekdayMismatch');
    assert.equal(problem('12月14日（月） 15時'), 'ok');
  });

  it('explains each problem in the reader language', () => {
    const explain = (input: string, locale: 'ja' | 'en') => {
      const result = read(input);
      assert.ok(!result.ok);
      return explainDateProblem(result, translator(locale), locale, TZ);
    };
    assert.equal(
      explain('令和2年8月3日（火）午後3時03分', 'ja'),
      '令和2年8月3日（月）は月曜日です（「令和2年8月3日（火）午後3時03分」には火曜日と書かれています）。日付か曜日を確かめてください。',
    );
    assert.equal(
      explain('2020/8/3 (Tue) 15:03', 'en'),
      '2020-08-03 (Mon) is a Monday, but "2020/8/3 (Tue) 15:03" says Tuesday. Please check the date or the weekday.',
    );
    assert.match(explain('そのうち', 'ja'), /^「そのうち」を日時として読み取れませんでした。例: /);
    assert.match(explain('someday', 'en'), /^I could not read "someday" as a date\. Examples: /);
  });

  it('formats dates with the era in Japanese and ISO-like in English, in the configured zone', () => {
    const start = new Date(jst('2026-12-14T15:00'));
    const end = new Date(jst('2026-12-14T16:00'));
    assert.equal(formatTimeRange(start, end, 'ja', TZ), '令和8年12月14日（月）15:00–16:00');
    assert.equal(formatTimeRange(start, end, 'en', TZ), '2026-12-14 (Mon) 15:00–16:00');
    assert.equal(formatEraDate(new Date(jst('2019-05-01T00:30')), TZ), '令和元年5月1日（水）');
    assert.equal(formatEraDate(new Date('2019-04-30T15:30:00Z'), TZ), '令和元年5月1日（水）');
    assert.equal(formatEraDate(new Date(jst('2019-04-30T23:59')), TZ), '平成31年4月30日（火）');
  });
});

describe('reading the dates people say', () => {
  /** Sunday 2026-12-06, 10:00 in Tokyo. */
  const sunday = new Date('2026-12-06T01:00:00Z');
  const on = (input: string, today = sunday) => {
    const result = parseDateInput(input, { now: today, timeZone: TZ });
    assert.ok(result.ok, `${input}: ${JSON.stringify(result)}`);
    return result;
  };
  const day = (input: string, today = sunday) =>
    DateTimeOf(on(input, today).start).toISOString().slice(0, 16);
  /** The local wall clock, written as if it were UTC, for readable assertions. */
  const DateTimeOf = (date: Date) => new Date(date.getTime() + 9 * 3600_000);

  it('carries 午後 and pm from the start of a range to a bare end', () => {
    assert.deepEqual(range('午後2時〜3時半', jst('2027-01-26T00:00')), [
      jst('2027-01-26T14:00'),
      jst('2027-01-26T15:30'),
    ]);
    assert.deepEqual(range('令和9年1月26日 午後2時〜3時半'), [
      jst('2027-01-26T14:00'),
      jst('2027-01-26T15:30'),
    ]);
    assert.deepEqual(range('12月14日 2pm-3:30'), [
      jst('2026-12-14T14:00'),
      jst('2026-12-14T15:30'),
    ]);
    assert.deepEqual(range('12月14日 午前10時〜11時'), [
      jst('2026-12-14T10:00'),
      jst('2026-12-14T11:00'),
    ]);
    assert.deepEqual(range('12月14日 午後1時〜5時'), [
      jst('2026-12-14T13:00'),
      jst('2026-12-14T17:00'),
    ]);
  });

  it('reads weeks, weekdays, month ends and days from now, in both languages', () => {
    const cases: Array<[string, string]> = [
      ['来週金曜', '2026-12-11T00:00'],
      ['来週の金曜日', '2026-12-11T00:00'],
      ['来週（金）', '2026-12-11T00:00'],
      ['来週火曜 午後3時', '2026-12-08T15:00'],
      ['来週', '2026-12-07T00:00'],
      ['来週中', '2026-12-11T00:00'],
      ['再来週', '2026-12-14T00:00'],
      ['再来週水曜', '2026-12-16T00:00'],
      ['今月末', '2026-12-31T00:00'],
      ['月末', '2026-12-31T00:00'],
      ['来月末', '2027-01-31T00:00'],
      ['3日後', '2026-12-09T00:00'],
      ['2週間後', '2026-12-20T00:00'],
      ['金曜', '2026-12-11T00:00'],
      ['next Friday', '2026-12-11T00:00'],
      ['this Friday', '2026-12-11T00:00'],
      ['Friday', '2026-12-11T00:00'],
      ['next Tuesday 3pm', '2026-12-08T15:00'],
      ['end of the month', '2026-12-31T00:00'],
      ['in 3 days', '2026-12-09T00:00'],
      ['the week after next', '2026-12-14T00:00'],
      ['next week', '2026-12-07T00:00'],
      ['by Friday', '2026-12-11T00:00'],
      ['来週金曜までに', '2026-12-11T00:00'],
      ['12月10日まで', '2026-12-10T00:00'],
    ];
    for (const [input, expected] of cases) assert.equal(day(input), expected, input);
    // On a Sunday the week is over: 今週中 is today (a due then moves to the next business day).
    assert.equal(day('今週中'), '2026-12-06T00:00');
    assert.equal(day('end of this week'), '2026-12-06T00:00');
    const wednesday = new Date('2026-11-25T01:00:00Z');
    assert.equal(day('今週中', wednesday), '2026-11-27T00:00');
    assert.equal(day('今週金曜', wednesday), '2026-11-27T00:00');
    assert.equal(day('this Friday', wednesday), '2026-11-27T00:00');
    assert.equal(day('next Friday', wednesday), '2026-12-04T00:00');
  });

  it('marks a day that has just passed this year instead of silently taking next year', () => {
    const read = on('12月1日');
    assert.equal(DateTimeOf(read.start).toISOString().slice(0, 10), '2027-12-01');
    assert.ok(read.justPassed);
    assert.equal(DateTimeOf(read.justPassed).toISOString().slice(0, 10), '2026-12-01');
    assert.equal(on('12月6日').justPassed, undefined, 'today is not past');
    assert.equal(on('1月5日').justPassed, undefined, 'long ago means next year');
    assert.equal(on('令和8年12月1日').justPassed, undefined, 'the year was written');
    // Early January: last week's 12月28日 has just passed; the next one is a year away.
    const january = new Date('2027-01-05T01:00:00Z');
    const december = on('12月28日', january);
    assert.equal(DateTimeOf(december.start).toISOString().slice(0, 10), '2027-12-28');
    assert.ok(december.justPassed);
    assert.equal(DateTimeOf(december.justPassed).toISOString().slice(0, 10), '2026-12-28');
    assert.equal(on('3月1日', january).justPassed, undefined);
  });
});

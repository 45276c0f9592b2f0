import type { MeetingUses } from './deps.js';
import type { MeetingDraft } from './meeting.js';
import { DEFAULT_DISCLOSURE } from './meeting.js';

/** Departments present at the meeting of the minutes (the secretariat's own is not invited). */
const ATTENDING = [
  'somu',
  'kikikanri',
  'kumin',
  'toshiseibi',
  'kaikei',
  'kyoiku',
  'bunkashoko',
  'kankyoseiso',
  'hokenfukushi',
  'kodomokatei',
];

/** The meeting of the minutes (shared/seed/minutes-r2-hq-2.txt). */
const SECOND_MEETING_R2: MeetingDraft = {
  title: '令和2年度 第2回 行政情報化推進本部',
  startsAt: '2020-08-03T15:03:00+09:00',
  endsAt: '2020-08-03T15:55:00+09:00',
  place: '庁議室（本庁舎5階）',
  agenda: [{ number: 1, title: '今後の行政情報化推進本部の体制（新たな体制）について' }],
  materials: [
    { id: '資料1-1', title: '今後の行政情報化推進本部の体制（新たな体制）について' },
    { id: '資料1-2', title: '行政情報化推進本部の改正案（概要）' },
    { id: '資料1-3', title: '豊島区情報システム管理運営規則 新旧対照表（案）' },
    { id: '資料1-4', title: '豊島区情報システム管理運営規則' },
    { id: '資料1-5', title: 'デジタルガバメント検討プロジェクトチーム設置要綱（案）' },
    { id: '資料1-6', title: 'デジタルガバメント実行計画（別紙5）' },
    { id: '資料1-7', title: 'デジタルガバメント検討プロジェクトチーム検討事項' },
    { id: '資料1-8', title: 'RPAの実績について' },
  ],
  attendeeDepartmentIds: ATTENDING,
  disclosure: DEFAULT_DISCLOSURE,
};

/** Who came for each department, from the attendance list of the minutes. */
const ATTENDANCE_R2: ReadonlyArray<[string, 'head' | 'delegate', string]> = [
  ['somu', 'head', 'somu-bucho@city.example.jp'],
  ['kikikanri', 'head', 'kikikanrikan@city.example.jp'],
  ['kumin', 'head', 'kumin-bucho@city.example.jp'],
  ['toshiseibi', 'head', 'toshiseibi-bucho@city.example.jp'],
  ['kaikei', 'head', 'kaikei-kanrishitsucho@city.example.jp'],
  ['kyoiku', 'head', 'kyoiku-bucho@city.example.jp'],
  ['bunkashoko', 'delegate', 'bunkadesign-kacho@city.example.jp'],
  ['kankyoseiso', 'delegate', 'kankyoseisaku-kacho@city.example.jp'],
  ['hokenfukushi', 'delegate', 'kaigohoken-kacho@city.example.jp'],
  ['kodomokatei', 'delegate', 'kodomowakamono-kacho@city.example.jp'],
];

/** 令和8年度 for a date in fiscal year 2026 (April to March). */
function fiscalYearName(date: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric' })
    .formatToParts(date)
    .reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.type]: Number(p.value) }), {});
  const fiscalYear = (local['month'] ?? 4) < 4 ? (local['year'] ?? 0) - 1 : (local['year'] ?? 0);
  const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    timeZone: 'UTC',
    era: 'long',
    year: 'numeric',
  }).formatToParts(new Date(Date.UTC(fiscalYear, 5, 1)));
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  return `${era}${year === '1' ? '元' : year}年度`;
}

/**
 * The demo's meetings: the past one from the minutes, and the next one (第3回)
 * three weeks after the store is created, on a business day at 15:00, with its
 * reminders scheduled so that they really fire in a demo.
 */
export async function seedDemoMeetings(services: MeetingUses): Promise<void> {
  const { meetings, calendar, clock } = services;
  const past = await meetings.create(SECOND_MEETING_R2, 'system');
  if (past.ok) {
    for (const [departmentId, attendee, upn] of ATTENDANCE_R2)
      await meetings.recordAttendance(past.meeting.id, departmentId, attendee, upn);
  }

  const day = calendar.onOrAfterBusinessDay(
    calendar.local(clock.now()).plus({ weeks: 3 }).toJSDate(),
  );
  const start = calendar.atLocalTime(day, 15, 0);
  await meetings.create(
    {
      title: `${fiscalYearName(start, calendar.timeZone)} 第3回 行政情報化推進本部`,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 60 * 60 * 1000).toISOString(),
      place: '庁議室（本庁舎5階）',
      agenda: [
        { number: 1, title: '教育委員会とのICT環境の調整状況について（報告）' },
        { number: 2, title: 'デジタルガバメント検討事項アンケートの結果について' },
        { number: 3, title: '区民部H所におけるRPAの取組と成果について（報告）' },
        { number: 4, title: '会議室の無線LAN環境の強化について' },
      ],
      materials: [
        { id: '資料1-1', title: '教育委員会とのICT環境の調整状況' },
        { id: '資料2-1', title: 'デジタルガバメント検討事項アンケート集計結果' },
        { id: '資料3-1', title: 'H所におけるRPAの取組状況' },
        { id: '資料4-1', title: '会議室の無線LAN環境の現状' },
      ],
      attendeeDepartmentIds: ATTENDING,
      disclosure: DEFAULT_DISCLOSURE,
    },
    'system',
  );
}

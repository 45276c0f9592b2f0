import { strict as assert } from 'node:assert';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { Actor } from '../../src/domain/directory.js';
import { dueValue, readDue } from '../../src/items/form.js';
import { translator } from '../../src/i18n/translate.js';
import type { ActionItem } from '../../src/items/item.js';
import { PingCalendar } from '../../src/items/ping-calendar.js';
import { WorkCalendar } from '../../src/scheduling/calendar.js';
import { FakeConnector } from '../harness/fake-connector.js';
import { ManualClock } from '../harness/manual-clock.js';
import { createTestSchema, type TestSchema } from '../harness/postgres.js';
import { runUntil } from '../harness/run-until.js';
import { TestBot, cardsOf, visibleText } from '../harness/test-bot.js';
import type { TestUser } from '../harness/teams.js';
import { jst } from '../meetings/helpers.js';

/** The people of the test, by a short name; 文化デザイン課長 and 情報担当係長（システム） write in English. */
const PEOPLE = {
  secretary: ['johokanri-kacho@city.example.jp', 'ja-JP'],
  system: ['joho-system@city.example.jp', 'en-US'],
  kumin: ['kumin-bucho@city.example.jp', 'ja-JP'],
  bunkaHead: ['bunkashoko-bucho@city.example.jp', 'ja-JP'],
  bunkaDelegate: ['bunkadesign-kacho@city.example.jp', 'en-US'],
  somu: ['somu-bucho@city.example.jp', 'ja-JP'],
} as const;
type Name = keyof typeof PEOPLE;

/** What one ping is, from its title. */
type Kind = 'digest' | 'daily' | 'meeting' | 'escalation' | 'cancelled';

interface Ping {
  /** Local time in Tokyo, e.g. "11-05 09:00". */
  readonly at: string;
  readonly to: Name;
  readonly kind: Kind;
  /** The line under the title: counts, or the meeting notice. */
  readonly notice: string;
  readonly text: string;
  readonly card: unknown;
}

function kindOf(title: string): Kind | undefined {
  if (title === '今週の宿題' || title === 'Your action items this week') return 'digest';
  if (title === '宿題の確認' || title === 'Your action items') return 'daily';
  if (title.endsWith('に向けた宿題') || title.startsWith('Action items for ')) return 'meeting';
  if (title.startsWith('期限切れの宿題') || title.startsWith('Action items overdue by'))
    return 'escalation';
  if (
    title.startsWith('期限の再設定が必要な宿題') ||
    title.startsWith('Action items that need a new due')
  )
    return 'cancelled';
  return undefined;
}

const local = (iso: string) =>
  new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');

/**
 * The demo store of a Monday morning (2026-11-02 09:00 in Tokyo: 第3回 is on
 * Tuesday 11/24 at 15:00, #5 is due 11/09), with the people above in Teams.
 */
async function demo(env: Record<string, string> = {}) {
  const clock = new ManualClock('2026-11-02T00:00:00Z');
  const bot = await TestBot.start({ clock, env });
  const users = Object.fromEntries(
    Object.entries(PEOPLE).map(([name, [upn, locale]]) => [name, bot.user(upn, locale)]),
  ) as Record<Name, TestUser>;
  for (const user of Object.values(users)) await bot.install(user);
  await bot.install(users.secretary, { channel: true });
  bot.connector.reset();
  const nameOf = new Map(
    Object.entries(users).map(([name, user]) => [user.personalConversationId, name as Name]),
  );

  const pings: Ping[] = [];
  /** Every 1:1 post, with its time: for the quiet-hours check. */
  const personalPosts: string[] = [];
  let seen = 0;
  const collect = (at: Date) => {
    for (const call of bot.connector.calls.slice(seen)) {
      if (call.kind !== 'send' || call.status >= 300) continue;
      const to = nameOf.get(call.conversationId ?? '');
      if (to) personalPosts.push(at.toISOString());
      const card = cardsOf([call])[0];
      if (!card || !to) continue;
      const text = visibleText(card);
      const [title = '', notice = ''] = text.split('\n');
      const kind = kindOf(title);
      if (kind) pings.push({ at: local(at.toISOString()), to, kind, notice, text, card });
    }
    seen = bot.connector.calls.length;
  };
  const actor = async (name: Name): Promise<Actor> => {
    const { directory } = bot.services;
    const upn = PEOPLE[name][0];
    const person = await directory.findByUpn(upn);
    assert.ok(person, `${upn} is in the demo directory`);
    return directory.actorFor({ aadObjectId: users[name].aadObjectId, displayName: upn }, person);
  };
  const item = async (number: number): Promise<ActionItem> => {
    const found = await bot.services.items.find(`#${number}`);
    assert.ok(found, `#${number} exists`);
    return found;
  };
  return {
    clock,
    bot,
    users,
    pings,
    personalPosts,
    actor,
    item,
    /** Runs the scheduler up to `until` (Tokyo time), recording what goes out at each tick. */
    run: async (until: string) => {
      collect(clock.now());
      await runUntil(clock, bot.services.scheduler, jst(until), collect);
    },
    /** "11-05 09:00 daily 期限間近 1件" for each ping to one person. */
    of: (name: Name) =>
      pings.filter((p) => p.to === name).map((p) => `${p.at} ${p.kind} ${p.notice}`),
  };
}

type Demo = Awaited<ReturnType<typeof demo>>;

/** The data of the card's first Action.Execute with this verb whose data passes `test`. */
function executeData(
  card: unknown,
  verb: string,
  test: (data: Record<string, unknown>) => boolean,
): Record<string, unknown> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    const data = n['data'] as Record<string, unknown> | undefined;
    if (n['type'] === 'Action.Execute' && n['verb'] === verb && data && test(data))
      found.push(data);
    Object.values(n).forEach(walk);
  };
  walk(card);
  const [first] = found;
  assert.ok(first, `the card has a ${verb} button`);
  return first;
}

/** No 1:1 post between 20:00 and 08:00, on a weekend or on a public holiday. */
function assertWorkingHoursOnly(d: Demo): void {
  const calendar = new WorkCalendar('Asia/Tokyo', null);
  for (const at of d.personalPosts) {
    const hour = calendar.local(new Date(at)).hour;
    assert.ok(hour >= 8 && hour < 20, `${local(at)} is inside quiet hours`);
    assert.ok(calendar.isBusinessDay(new Date(at)), `${local(at)} is not a business day`);
  }
}

/** Nobody gets two pings of one kind on one day. */
function assertNeverTwice(d: Demo): void {
  const seen = new Set<string>();
  for (const p of d.pings) {
    const key = `${p.at.slice(0, 5)} ${p.to} ${p.kind}`;
    assert.ok(!seen.has(key), `${key} twice`);
    seen.add(key);
  }
}

describe('action-item pings, a month of the demo items on a fake clock', function () {
  // A month of scheduled work over real HTTP takes a few seconds.
  this.timeout(60_000);
  let d: Demo;
  beforeEach(async () => {
    d = await demo();
  });
  afterEach(() => d.bot.stop());

  it('sends digests, due-soon, overdue and follow-up pings and the escalation exactly when due, once each, on business days', async () => {
    await d.run('2026-12-03T00:00');

    // 区民部長: #5 (due Mon 11/09, reported at 第3回) and its share of #6 and #7 (due at 第3回).
    assert.deepEqual(d.of('kumin'), [
      '11-02 09:00 digest 未完了の宿題 3件（うち期限切れ 0件、期限間近 0件）',
      // Two business days before 11/09.
      '11-05 09:00 daily 期限間近 1件',
      '11-09 09:00 digest 未完了の宿題 3件（うち期限切れ 0件、期限間近 1件）',
      '11-10 09:00 daily 期限切れ 1件',
      '11-11 09:00 daily 期限切れ 1件',
      '11-12 09:00 daily 期限切れ 1件',
      '11-13 09:00 daily 期限切れ 1件',
      // The digest replaces the day's ping.
      '11-16 09:00 digest 未完了の宿題 3件（うち期限切れ 1件、期限間近 0件）',
      '11-17 09:00 daily 期限切れ 1件',
      // With 第3回's materials reminder (7 days before): the items to report there, #5 being late already.
      '11-17 09:00 meeting 令和8年11月24日（火）15:00の本部で報告していただく宿題です。会議の前に状況を更新し、資料があれば事務局に提出してください。',
      '11-18 09:00 daily 期限切れ 1件',
      '11-19 09:00 daily 期限切れ 1件',
      '11-20 09:00 daily 期限切れ 1件',
      // Monday 11/23 is a public holiday (勤労感謝の日): the digest comes on Tuesday.
      '11-24 09:00 digest 未完了の宿題 3件（うち期限切れ 1件、期限間近 2件）',
      '11-25 09:00 daily 期限切れ 3件',
      '11-26 09:00 daily 期限切れ 3件',
      '11-27 09:00 daily 期限切れ 3件',
      '11-30 09:00 digest 未完了の宿題 3件（うち期限切れ 3件、期限間近 0件）',
      '12-01 09:00 daily 期限切れ 3件',
      '12-02 09:00 daily 期限切れ 3件',
    ]);
    const meetingPing = d.pings.find((p) => p.to === 'kumin' && p.kind === 'meeting');
    assert.match(meetingPing?.text ?? '', /^令和8年度 第3回 行政情報化推進本部に向けた宿題/);
    assert.match(meetingPing?.text ?? '', /#8 テレワークできる業務とできない業務を整理する/);
    assert.doesNotMatch(meetingPing?.text ?? '', /#5 H所/);

    // The secretariat owns #1 (早急に, every 3 business days) and #2, #4, #8 (due at 第3回),
    // and gets the list of items 3+ business days late each business day.
    assert.deepEqual(
      d.of('secretary').filter((line) => !line.includes(' digest ')),
      [
        // 11/03 is a holiday: 11/04, 11/05, 11/06 are the three business days after creation.
        '11-06 09:00 daily 早急対応の状況確認 1件',
        '11-11 09:00 daily 早急対応の状況確認 1件',
        // #5 was due 11/09: 11/10, 11/11, 11/12 late.
        '11-12 09:00 escalation 担当には毎営業日確認していますが、次の1件が期限を3営業日以上過ぎています。',
        '11-13 09:00 escalation 担当には毎営業日確認していますが、次の1件が期限を3営業日以上過ぎています。',
        '11-16 09:00 escalation 担当には毎営業日確認していますが、次の1件が期限を3営業日以上過ぎています。',
        '11-17 09:00 escalation 担当には毎営業日確認していますが、次の1件が期限を3営業日以上過ぎています。',
        '11-17 09:00 meeting 令和8年11月24日（火）15:00の本部で報告していただく宿題です。会議の前に状況を更新し、資料があれば事務局に提出してください。',
        '11-18 09:00 escalation 担当には毎営業日確認していますが、次の1件が期限を3営業日以上過ぎています。',
        '11-19 09:00 daily 早急対応の状況確認 1件',
        '11-19 09:00 escalation 担当には毎営業日確認していますが、次の1件が期限を3営業日以上過ぎています。',
        '11-20 09:00 escalation 担当には毎営業日確認していますが、次の1件が期限を3営業日以上過ぎています。',
        '11-24 09:00 escalation 担当には毎営業日確認していますが、次の1件が期限を3営業日以上過ぎています。',
        '11-25 09:00 daily 期限切れ 3件、早急対応の状況確認 1件',
        '11-25 09:00 escalation 担当には毎営業日確認していますが、次の1件が期限を3営業日以上過ぎています。',
        '11-26 09:00 daily 期限切れ 3件',
        '11-26 09:00 escalation 担当には毎営業日確認していますが、次の1件が期限を3営業日以上過ぎています。',
        '11-27 09:00 daily 期限切れ 3件',
        // 第3回 was on 11/24: its 23 open items join #5.
        '11-27 09:00 escalation 担当には毎営業日確認していますが、次の24件が期限を3営業日以上過ぎています。',
        '11-30 09:00 escalation 担当には毎営業日確認していますが、次の24件が期限を3営業日以上過ぎています。',
        '12-01 09:00 daily 期限切れ 3件',
        '12-01 09:00 escalation 担当には毎営業日確認していますが、次の24件が期限を3営業日以上過ぎています。',
        '12-02 09:00 daily 期限切れ 3件',
        '12-02 09:00 escalation 担当には毎営業日確認していますが、次の24件が期限を3営業日以上過ぎています。',
      ],
    );
    const escalation =
      d.pings.filter((p) => p.kind === 'escalation' && p.to === 'secretary').at(-1)?.text ?? '';
    assert.match(
      escalation,
      /#5 H所のRPAの取組内容と成果を事務局に報告する\n担当\n区民部\n期限\n令和8年11月9日（月） — 期限切れ\n超過\n16営業日超過/,
    );
    assert.match(escalation, /ほかに9件あります。/);

    // Digests every Monday, or the next business day: 4 per owner; 総務部長 owns only #6 and #7.
    assert.deepEqual(
      d
        .of('somu')
        .filter((line) => line.includes(' digest '))
        .map((line) => line.slice(0, 11)),
      ['11-02 09:00', '11-09 09:00', '11-16 09:00', '11-24 09:00', '11-30 09:00'],
    );

    // The head and the delegate of 文化商工部 each get the pings, the delegate in English.
    const delegate = d.of('bunkaDelegate');
    assert.deepEqual(delegate.slice(0, 2), [
      '11-02 09:00 digest 2 open (0 overdue, 0 due soon)',
      '11-09 09:00 digest 2 open (0 overdue, 0 due soon)',
    ]);
    assert.equal(d.of('bunkaHead').length, delegate.length);
    assert.match(
      d.pings.find((p) => p.to === 'system' && p.kind === 'escalation')?.text ?? '',
      /^Action items overdue by 3\+ business days\nStill open 3 or more business days after the due date, although their owners are asked every business day: 1\.\n#5 /,
    );

    assertWorkingHoursOnly(d);
    assertNeverTwice(d);
    d.bot.assertSentCardsValid();
    // A bare "完了" / "done" in the chat refers to what was pinged last.
    const last = await d.bot.services.items.lastPinged('kumin-bucho@city.example.jp');
    const numbers = await Promise.all(
      (last?.itemIds ?? []).map(async (id) => (await d.bot.services.items.get(id))?.number),
    );
    assert.deepEqual(numbers, [5, 8, 18]);
  });

  it('stops pinging a snoozed item until the snooze ends, and a done one for good; the secretariat still sees a snoozed late item', async () => {
    await d.run('2026-11-10T10:00');
    const five = await d.item(5);
    // 区民部長 presses Snooze → 3 days on Tuesday's ping card.
    const ping = d.pings.filter((p) => p.to === 'kumin').at(-1);
    const snooze = executeData(ping?.card, 'item.snooze', (data) => data['days'] === 3);
    assert.equal(snooze['itemId'], five.id);
    const pressed = await d.bot.execute(d.users.kumin, 'item.snooze', snooze);
    assert.match(JSON.stringify(pressed.body), /確認を令和8年11月13日（金）09:00まで延期しました/);
    await d.run('2026-11-13T10:00');
    // …and on Friday answers the ping in words: a bare 完了 means the item pinged.
    const done = await d.bot.say(d.users.kumin, '完了');
    assert.match(
      JSON.stringify(done.sent),
      /#5「H所のRPAの取組内容と成果を事務局に報告する」を完了として記録しました/,
    );
    assert.equal((await d.item(5)).status, 'done');
    await d.run('2026-11-21T00:00');

    assert.deepEqual(
      d.of('kumin').filter((line) => line.includes(' daily ')),
      [
        '11-05 09:00 daily 期限間近 1件',
        '11-10 09:00 daily 期限切れ 1件',
        // Snoozed on Tuesday for 3 days: until Friday 09:00.
        '11-13 09:00 daily 期限切れ 1件',
      ],
    );
    assert.deepEqual(
      d
        .of('secretary')
        .filter((line) => line.includes(' escalation '))
        .map((line) => line.slice(0, 11)),
      ['11-12 09:00', '11-13 09:00'],
    );
    assert.match(
      d.pings.find((p) => p.kind === 'escalation' && p.to === 'secretary')?.text ?? '',
      /次の確認\n令和8年11月13日（金）09:00/,
    );
    const digest = d.pings.find((p) => p.to === 'kumin' && p.at === '11-16 09:00');
    assert.equal(digest?.notice, '未完了の宿題 2件（うち期限切れ 0件、期限間近 0件）');
    assertNeverTwice(d);
  });

  it('pings a reopened overdue item again from the next business day, never twice on one day, and a done one not at all', async () => {
    await d.run('2026-11-10T10:00');
    // Tuesday: pinged at 09:00 about #5 (late since Monday); done by mistake, then reopened.
    assert.match(JSON.stringify((await d.bot.say(d.users.kumin, '完了')).sent), /完了として記録/);
    d.clock.advance(5 * 60_000);
    assert.match(
      JSON.stringify((await d.bot.say(d.users.kumin, '再開')).sent),
      /#5「.*」を再開しました/,
    );
    assert.equal((await d.item(5)).status, 'open');
    await d.run('2026-11-11T10:00');
    // Wednesday, pinged again: now done for real (a bare 完了 means the item just pinged).
    await d.bot.say(d.users.kumin, '完了');
    await d.run('2026-11-12T10:00');
    // Thursday, no ping: the department head finds the report was not sent and reopens #5.
    assert.match(
      JSON.stringify((await d.bot.say(d.users.kumin, '#5 再開: 報告が未送付だった')).sent),
      /#5「.*」を再開しました/,
    );
    await d.run('2026-11-16T10:00');

    assert.deepEqual(
      d.of('kumin').filter((line) => !line.includes(' digest ')),
      [
        '11-05 09:00 daily 期限間近 1件',
        '11-10 09:00 daily 期限切れ 1件',
        '11-11 09:00 daily 期限切れ 1件',
        '11-13 09:00 daily 期限切れ 1件',
      ],
    );
    assert.equal(
      d.pings.find((p) => p.to === 'kumin' && p.at === '11-16 09:00')?.notice,
      '未完了の宿題 3件（うち期限切れ 1件、期限間近 0件）',
      'the digest has it again',
    );
    // 3 business days late on Thursday, but done then; escalated again from Friday.
    assert.deepEqual(
      d
        .of('secretary')
        .filter((line) => line.includes(' escalation '))
        .map((line) => line.slice(0, 11)),
      ['11-13 09:00', '11-16 09:00'],
    );
    assert.match(
      d.pings.find((p) => p.kind === 'escalation' && p.to === 'secretary')?.text ?? '',
      /#5 H所のRPAの取組内容と成果を事務局に報告する\n担当\n区民部\n期限\n令和8年11月9日（月） — 期限切れ\n超過\n4営業日超過/,
    );
    assertNeverTwice(d);
    d.bot.assertSentCardsValid();
  });

  it('moving 第3回 moves the due of its items and their pings', async () => {
    await d.run('2026-11-10T10:00');
    const moved = await d.bot.say(d.users.secretary, '会議変更 #2 12月8日 15時〜16時');
    assert.match(JSON.stringify(moved.sent), /令和8年12月8日（火）15:00–16:00 に変更しました/);
    await d.run('2026-12-12T00:00');

    const somu = d.of('somu');
    assert.deepEqual(
      somu.filter((line) => !line.includes(' digest ')),
      [
        // 7 days before 12/08, with the meeting's own materials reminder.
        '12-01 09:00 meeting 令和8年12月8日（火）15:00の本部で報告していただく宿題です。会議の前に状況を更新し、資料があれば事務局に提出してください。',
        '12-09 09:00 daily 期限切れ 2件',
        '12-10 09:00 daily 期限切れ 2件',
        '12-11 09:00 daily 期限切れ 2件',
      ],
    );
    const digest = d.pings.find((p) => p.to === 'somu' && p.at === '12-07 09:00');
    assert.match(digest?.text ?? '', /次回の本部（令和8年12月8日（火））/);
    assert.equal(digest?.notice, '未完了の宿題 2件（うち期限切れ 0件、期限間近 2件）');
    assertWorkingHoursOnly(d);
    assertNeverTwice(d);
  });

  it('after a restart and a day of downtime sends nothing twice, nothing in quiet hours, and skips the missed day', async () => {
    await d.run('2026-11-10T09:30');
    await d.bot.restart();
    await d.run('2026-11-11T07:00');
    // Down all of Wednesday 11/11; back at 21:00, inside quiet hours.
    d.clock.set(jst('2026-11-11T21:00'));
    await d.bot.restart();
    await d.run('2026-11-14T00:00');

    assert.deepEqual(
      d.of('kumin').filter((line) => line.startsWith('11-1')),
      [
        '11-10 09:00 daily 期限切れ 1件',
        // Wednesday's pings would have gone out at night, or with Thursday's: they are dropped.
        '11-12 09:00 daily 期限切れ 1件',
        '11-13 09:00 daily 期限切れ 1件',
      ],
    );
    assertWorkingHoursOnly(d);
    assertNeverTwice(d);
    const jobs = await d.bot.services.scheduler.jobsInGroup('items:pings');
    const wednesday = jobs.find((j) => j.id === 'job:items:daily:2026-11-11');
    assert.equal(wednesday?.status, 'dropped');
  });
});

describe('action-item pings after downtime', function () {
  this.timeout(60_000);
  let d: Demo;
  beforeEach(async () => {
    d = await demo();
  });
  afterEach(() => d.bot.stop());

  it("a run that goes out hours after its time says so, in each reader's language; one on time does not", async () => {
    await d.run('2026-11-11T10:00');
    // Down from before Thursday's 09:00 run until 11:30 the same day.
    await d.bot.restart();
    d.clock.set(jst('2026-11-12T11:30'));
    await d.bot.restart();
    await d.run('2026-11-12T12:00');
    // Down over Monday's digest until 10:15.
    d.clock.set(jst('2026-11-16T10:15'));
    await d.bot.restart();
    await d.run('2026-11-16T12:00');

    const lines = (name: Name, at: string) =>
      d.pings.filter((p) => p.to === name && p.at === at).map((p) => p.text.split('\n'));
    const [wednesday] = lines('kumin', '11-11 09:00');
    assert.ok(wednesday && !wednesday.some((l) => l.includes('遅れて')), 'on time: no notice');
    const [thursday] = lines('kumin', '11-12 11:30');
    assert.deepEqual(thursday?.slice(0, 3), [
      '宿題の確認',
      '期限切れ 1件',
      '（この通知は予定の 令和8年11月12日（木）09:00 より遅れて送られています）',
    ]);
    const [digest] = lines('kumin', '11-16 10:15');
    assert.deepEqual(digest?.slice(0, 3), [
      '今週の宿題',
      '未完了の宿題 3件（うち期限切れ 1件、期限間近 0件）',
      '（この通知は予定の 令和8年11月16日（月）09:00 より遅れて送られています）',
    ]);
    const [escalation] = lines('system', '11-12 11:30');
    assert.equal(escalation?.[0], 'Action items overdue by 3+ business days');
    assert.match(escalation?.[2] ?? '', /^\(This notice is late: it was due .*09:00.*\.\)$/);
    const [englishDigest] = lines('bunkaDelegate', '11-16 10:15');
    assert.match(englishDigest?.[2] ?? '', /^\(This notice is late: it was due /);
    assertNeverTwice(d);
    d.bot.assertSentCardsValid();
  });
});

describe('action-item pings when a meeting is cancelled', function () {
  this.timeout(60_000);
  let d: Demo;
  beforeEach(async () => {
    d = await demo();
  });
  afterEach(() => d.bot.stop());

  it('tells the secretariat once which items were due at it, with the command that sets a new due; owners see "no due"', async () => {
    await d.run('2026-11-10T10:00');
    const cancelled = await d.bot.say(d.users.secretary, '会議中止 #2 市長日程の都合');
    assert.match(JSON.stringify(cancelled.sent), /中止/);
    await d.run('2026-11-10T10:05');
    // A restart does not send it again.
    await d.bot.restart();
    await d.run('2026-12-03T00:00');

    const notices = d.pings.filter((p) => p.kind === 'cancelled');
    assert.deepEqual(
      notices.map((p) => `${p.at} ${p.to}`),
      ['11-10 10:00 secretary', '11-10 10:00 system'],
    );
    const [ja, en] = notices.map((p) => p.text);
    assert.match(
      ja ?? '',
      /^期限の再設定が必要な宿題（会議中止）\n令和8年度 第3回 行政情報化推進本部（令和8年11月24日（火）15:00）が中止されたため、この会議までとしていた次の\d+件の宿題は期限がなくなりました。/,
    );
    assert.match(
      ja ?? '',
      /#2 [^\n]+\n担当\n[^\n]+\n期限\n未定（予定していた会議が中止されました）\n状況\n[^\n]+\n期限の再設定\n宿題編集 #2\n/,
    );
    assert.match(en ?? '', /^Action items that need a new due \(meeting cancelled\)\n/);
    assert.match(en ?? '', /\nNew due\nedit item #2\n/);
    assert.doesNotMatch(ja ?? '', /#5 /, '#5 has its own date');

    // The edit form starts with an empty due for them, and a cancelled meeting is no due.
    const two = await d.item(2);
    const third = await d.bot.services.meetings.get(
      two.due.kind === 'nextMeeting' ? two.due.meetingId : '',
    );
    assert.equal(third?.status, 'cancelled');
    assert.equal(dueValue(two.due, third ? [third] : [], translator('ja')), '');
    const read = readDue('#2', {
      now: d.clock.now(),
      calendar: d.bot.services.calendar,
      nextMeeting: undefined,
      meetingByNumber: (n) => (n === third?.number ? third : undefined),
    });
    assert.equal(read.ok, false);

    // Owners: no meeting ping, no overdue pings for the items that lost their due; the digest says why.
    assert.ok(!d.pings.some((p) => p.kind === 'meeting'));
    assert.deepEqual(
      d.of('somu').filter((line) => !line.includes(' digest ')),
      [],
    );
    const digest = d.pings.find((p) => p.to === 'somu' && p.at === '11-30 09:00');
    assert.match(digest?.text ?? '', /期限\n未定（予定していた会議が中止されました）/);
    // Only #5 is ever escalated.
    assert.ok(
      d.pings
        .filter((p) => p.kind === 'escalation')
        .every((p) => p.notice.includes('次の1件') || p.notice.includes(': 1.')),
    );
    assertNeverTwice(d);
    d.bot.assertSentCardsValid();
  });

  it('says nothing when no open item was due at the cancelled meeting', async () => {
    await d.run('2026-11-10T10:00');
    const { meetings, scheduler } = d.bot.services;
    const next = await meetings.next();
    assert.ok(next);
    const extra = await meetings.create(
      {
        title: '臨時 行政情報化推進本部',
        startsAt: '2026-12-15T06:00:00Z',
        endsAt: '2026-12-15T07:00:00Z',
        place: next.place,
        agenda: [],
        materials: [],
        attendeeDepartmentIds: next.attendeeDepartmentIds,
        disclosure: next.disclosure,
      },
      'system',
    );
    assert.ok(extra.ok);
    const cancelled = await d.bot.say(d.users.secretary, `会議中止 #${extra.meeting.number}`);
    assert.match(JSON.stringify(cancelled.sent), /を中止しました/);
    await d.run('2026-11-10T11:00');
    assert.ok(!d.pings.some((p) => p.kind === 'cancelled'));
    const [job] = await scheduler.jobsInGroup(`items:meeting:${extra.meeting.id}`);
    assert.equal(job?.status, 'dropped');
  });
});

describe('action-item ping settings', () => {
  it('reads the digest day and time, the ping time and the thresholds, and refuses times in quiet hours', () => {
    const config = loadConfig({
      ITEM_DIGEST_DAY: 'Fri',
      ITEM_DIGEST_TIME: '16:30',
      ITEM_PING_TIME: '10:00',
      ITEM_DUE_SOON_BUSINESS_DAYS: '3',
      ITEM_ESCALATE_AFTER_BUSINESS_DAYS: '5',
    });
    assert.deepEqual(config.itemPings, {
      digestWeekday: 5,
      digestTime: { hour: 16, minute: 30 },
      pingTime: { hour: 10, minute: 0 },
      dueSoonBusinessDays: 3,
      escalateAfterBusinessDays: 5,
    });
    assert.throws(
      () => loadConfig({ ITEM_PING_TIME: '21:00' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /ITEM_PING_TIME: 21:00 is inside QUIET_HOURS \(20:00-08:00\)/.test(err.message),
    );
    assert.throws(() => loadConfig({ ITEM_DIGEST_DAY: 'someday' }), /ITEM_DIGEST_DAY/);
    assert.doesNotThrow(() => loadConfig({ ITEM_PING_TIME: '21:00', QUIET_HOURS: 'off' }));
  });

  it('moves a digest off a holiday to the next business day, and runs the daily pings on business days only', () => {
    const calendar = new WorkCalendar('Asia/Tokyo', null);
    const friday = new PingCalendar(calendar, {
      ...loadConfig({}).itemPings,
      digestWeekday: 5,
    });
    // 2026-11-03 (Tue) is 文化の日; 2027-01-01 (Fri) is 元日.
    assert.equal(friday.nextDigestDay(new Date(jst('2026-12-26T00:00'))), '2027-01-04');
    assert.ok(friday.isDigestDay('2027-01-04'));
    assert.ok(!friday.isDigestDay('2027-01-01'));
    const monday = new PingCalendar(calendar, loadConfig({}).itemPings);
    assert.equal(monday.nextDigestDay(new Date(jst('2026-11-02T09:00'))), '2026-11-02');
    assert.equal(monday.nextDigestDay(new Date(jst('2026-11-02T09:01'))), '2026-11-09');
    assert.equal(monday.nextDigestDay(new Date(jst('2026-11-17T09:00'))), '2026-11-24');
    assert.equal(monday.nextDailyDay(new Date(jst('2026-11-02T09:01'))), '2026-11-04');
    assert.equal(monday.days.before('2026-11-24', 2), '2026-11-19');
    assert.equal(monday.days.between('2026-11-20', '2026-11-25'), 2);
  });
});

describe('action-item pings with two instances on one PostgreSQL', function () {
  this.timeout(120_000);
  let schema: TestSchema;
  before(async () => {
    schema = await createTestSchema();
  });
  after(() => schema.drop());

  it('send each digest, ping and escalation once between them over two weeks', async () => {
    const clock = new ManualClock('2026-11-02T00:00:00Z');
    const connector = new FakeConnector();
    await connector.start();
    const env = { STORE_URL: schema.url, STORE_POOL_SIZE: '5' };
    // One after the other: the first fills the empty database with the demo data.
    const a = await TestBot.start({ clock, env, connector });
    const b = await TestBot.start({ clock, env, connector });
    try {
      const kumin = a.user(PEOPLE.kumin[0]);
      const secretary = a.user(PEOPLE.secretary[0]);
      for (const user of [kumin, secretary]) await a.install(user);
      connector.reset();
      const end = new Date(jst('2026-11-14T00:00')).getTime();
      for (;;) {
        const due = [await a.services.scheduler.nextDueAt(), await b.services.scheduler.nextDueAt()]
          .filter((d): d is Date => d !== undefined)
          .map((d) => d.getTime());
        const next = Math.min(...due);
        if (!Number.isFinite(next) || next > end) break;
        if (next > clock.now().getTime()) clock.set(new Date(next));
        // Both race for the same due jobs.
        await Promise.all([a.services.scheduler.tick(), b.services.scheduler.tick()]);
      }
      const sent = connector.calls
        .filter((c) => c.kind === 'send' && c.status < 300)
        .map((c) => {
          const title = visibleText(cardsOf([c])[0]).split('\n')[0] ?? '';
          const to = c.conversationId === kumin.personalConversationId ? 'kumin' : 'secretary';
          return `${to} ${kindOf(title) ?? title}`;
        });
      const count = (line: string) => sent.filter((s) => s === line).length;
      assert.equal(count('kumin digest'), 2, '11/02 and 11/09');
      // 11/05 due soon; 11/10–11/13 overdue.
      assert.equal(count('kumin daily'), 5);
      // 11/06 and 11/11: #1's follow-ups.
      assert.equal(count('secretary daily'), 2);
      // 11/12 and 11/13: #5 is 3 business days late.
      assert.equal(count('secretary escalation'), 2);
      assert.equal(sent.length, 2 + 5 + 2 + 2 + count('secretary digest'));
      assert.equal(count('secretary digest'), 2);
    } finally {
      await a.stop();
      await b.stop();
      await connector.stop();
    }
  });
});

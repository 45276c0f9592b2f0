import { strict as assert } from 'node:assert';
import type { Person } from '../src/domain/directory.js';
import { catalogs, type MessageKey } from '../src/i18n/catalog.js';
import type { ActionItem } from '../src/items/item.js';
import type { Meeting } from '../src/meetings/meeting.js';
import { dueAtFor } from '../src/meetings/reminders.js';
import type { WorkCalendar } from '../src/scheduling/calendar.js';
import {
  CHANNEL_RECIPIENT,
  MONTH_ENDS,
  MONTH_STARTS,
  SCENARIO,
  simulateMonth,
  tokyo,
  type Delivery,
  type MonthResult,
} from './harness/month-simulation.js';

/** What a message is, from its title line (the committee works in Japanese). */
type Kind =
  | 'materials'
  | 'upcoming'
  | 'moved'
  | 'surveyForm'
  | 'surveyNudge'
  | 'itemDigest'
  | 'itemPing'
  | 'itemsForMeeting'
  | 'escalation'
  | 'other';

const SURVEY_TITLE = 'デジタルガバメント検討事項アンケート';

/** A message made from a ja catalog entry, whatever its parameters (so a reworded catalog still matches). */
function madeFrom(key: MessageKey): RegExp {
  const pieces = catalogs.ja[key]
    .split(/\{\w+\}/)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${pieces.join('.*')}`, 's');
}

const KINDS: ReadonlyArray<readonly [Kind, readonly MessageKey[]]> = [
  ['materials', ['meeting.remind.materials']],
  ['upcoming', ['meeting.remind.upcoming', 'meeting.remind.soon']],
  ['moved', ['meeting.notice.rescheduled']],
  ['surveyNudge', ['survey.nudge']],
  ['itemDigest', ['pings.digest.title']],
  ['itemPing', ['item.ping.title']],
  ['itemsForMeeting', ['pings.meeting.title']],
  ['escalation', ['pings.escalation.title']],
];
const SHAPES = KINDS.map(([kind, keys]) => [kind, keys.map(madeFrom)] as const);

function kindOf(d: Delivery): Kind {
  if (d.isCard && d.title === SURVEY_TITLE) return 'surveyForm';
  for (const [kind, shapes] of SHAPES) if (shapes.some((shape) => shape.test(d.title))) return kind;
  return 'other';
}

/** `11/12` in Tokyo. */
function day(at: Date): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Tokyo',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function same(a: readonly string[], b: readonly string[], message: string): void {
  assert.deepEqual([...a].sort(), [...b].sort(), message);
}

describe('npm run simulate: a month of the demo committee, checked against the rules', function () {
  // Four weeks of scheduled work and ~20 turns over real HTTP take a few seconds.
  this.timeout(60_000);
  let month: MonthResult;
  let calendar: WorkCalendar;
  let people: readonly Person[];
  let third: Meeting;
  const secretariat = () => people.filter((p) => p.role === 'secretariat').map((p) => p.upn);
  const representativesOf = (departmentId: string) =>
    people
      .filter(
        (p) => p.departmentId === departmentId && (p.role === 'member' || p.role === 'delegate'),
      )
      .map((p) => p.upn);
  const sent = (kind: Kind, to?: string) =>
    month.deliveries.filter((d) => kindOf(d) === kind && (to === undefined || d.to === to));
  const itemNumber = async (number: number): Promise<ActionItem> => {
    const item = await month.bot.services.items.find(`#${number}`);
    assert.ok(item, `#${number} exists`);
    return item;
  };

  before(async () => {
    month = await simulateMonth('ja');
    calendar = month.bot.services.calendar;
    people = month.people;
    const meeting = await month.bot.services.meetings.find('#2');
    assert.ok(meeting, '第3回 is meeting #2 of the demo');
    third = meeting;
  });
  after(() => month?.bot.stop());

  it('sends people nothing unasked but reminders, survey forms and nudges, and item pings', () => {
    const unasked = month.deliveries.filter((d) => !d.inReplyTo && d.to !== CHANNEL_RECIPIENT);
    assert.deepEqual(
      unasked.filter((d) => kindOf(d) === 'other').map((d) => `${d.to}: ${d.title}`),
      [],
    );
    const kinds = new Set(unasked.map(kindOf));
    for (const [kind] of KINDS) assert.ok(kinds.has(kind), `the month shows a ${kind}`);
    assert.ok(kinds.has('surveyForm'));
  });

  it('sends nothing in quiet hours, on a weekend or on a public holiday', () => {
    // The month holds two public holidays (文化の日 11/03, 勤労感謝の日 11/23) and four weekends.
    assert.ok(calendar.isHoliday(tokyo('2026-11-03T12:00')));
    assert.ok(calendar.isHoliday(tokyo('2026-11-23T12:00')));
    assert.ok(month.deliveries.length > 200, `${month.deliveries.length} deliveries`);
    for (const d of month.deliveries) {
      const when = `${d.at.toISOString()} to ${d.to}: ${d.title}`;
      assert.ok(!calendar.isQuiet(d.at), `in quiet hours: ${when}`);
      assert.ok(calendar.isBusinessDay(d.at), `not a business day: ${when}`);
    }
  });

  it('sends nothing twice: no message to one person twice in a day, no reminder or form twice at all', () => {
    const seenToday = new Set<string>();
    const seenEver = new Set<string>();
    for (const d of month.deliveries) {
      const daily = `${day(d.at)} ${d.to} ${d.text}`;
      assert.ok(!seenToday.has(daily), `twice on one day: ${daily}`);
      seenToday.add(daily);
      if (['materials', 'upcoming', 'moved', 'surveyForm'].includes(kindOf(d))) {
        const ever = `${d.to} ${d.text}`;
        assert.ok(!seenEver.has(ever), `twice: ${ever}`);
        seenEver.add(ever);
      }
      // Each kind of item ping at most once a day per person.
      if (['itemDigest', 'itemPing', 'escalation'].includes(kindOf(d))) {
        const ping = `${day(d.at)} ${d.to} ${kindOf(d)}`;
        assert.ok(!seenEver.has(ping), `two ${kindOf(d)} on one day to ${d.to}`);
        seenEver.add(ping);
      }
    }
  });

  it('reminds every head and delegate of the attending departments (and the channel) before 第3回, at the times of the rules for its new date', () => {
    const moved = third.history.find((e) => e.type === 'rescheduled');
    assert.ok(moved?.type === 'rescheduled', '第3回 was moved');
    const oldStart = new Date(moved.from.startsAt);
    const newStart = new Date(third.startsAt);
    assert.equal(newStart.toISOString(), tokyo('2026-11-26T15:00').toISOString());
    const move = SCENARIO.find((s) => 'says' in s && s.says.startsWith('会議変更'));
    assert.ok(move, 'the scenario moves a meeting');
    const movedAt = tokyo(move.at);

    const invited = [...third.attendeeDepartmentIds.flatMap(representativesOf), CHANNEL_RECIPIENT];
    // What fell due before the move went out for the old date; from the move on, every rule
    // fires again for the new date (the materials reminder too: the date it names changed).
    const expected = [
      ...third.reminders
        .map((rule) => dueAtFor(rule, oldStart, calendar))
        .filter((at) => at < movedAt),
      movedAt,
      ...third.reminders
        .map((rule) => dueAtFor(rule, newStart, calendar))
        .filter((at) => at > movedAt),
    ]
      .map((at) => at.toISOString())
      .sort();
    for (const to of invited) {
      const reminders = month.deliveries.filter(
        (d) => d.to === to && ['materials', 'upcoming', 'moved'].includes(kindOf(d)),
      );
      assert.deepEqual(
        reminders.map((d) => d.at.toISOString()).sort(),
        expected,
        `the reminders of 第3回 to ${to}`,
      );
      for (const d of reminders.filter((r) => r.at > movedAt && kindOf(r) !== 'moved'))
        assert.match(
          d.text,
          /11月26日（木）|15:00 から/,
          `after the move, ${to} reads the new date`,
        );
    }
    for (const to of [...secretariat(), 'fukukucho@city.example.jp'])
      assert.deepEqual(
        sent('materials', to).concat(sent('upcoming', to)),
        [],
        `${to} is not invited`,
      );
  });

  it('sends the survey form once to each head and delegate, and nudges only departments that have not answered', async () => {
    const survey = await month.bot.services.surveys.find('1');
    assert.ok(survey?.deadline, 'the demo survey has a deadline');
    const audience = survey.audience.flatMap(representativesOf);
    same(
      sent('surveyForm').map((d) => d.to),
      audience,
      'the form reaches every head and delegate once',
    );
    const answeredAt = new Map<string, Date>();
    for (const step of SCENARIO)
      if ('answersSurvey' in step) {
        const person = people.find((p) => p.upn === step.who);
        answeredAt.set(person?.departmentId ?? '', tokyo(step.at));
      }
    const nudgeMoments = [...new Set(sent('surveyNudge').map((d) => d.at.toISOString()))];
    const { hour, minute } = month.bot.services.config.surveyNudgeTime;
    const expectedMoments = month.bot.services.config.surveyNudgeBusinessDays.map((days) =>
      calendar
        .atLocalTime(
          calendar.businessDaysBefore(new Date(survey.deadline ?? ''), days),
          hour,
          minute,
        )
        .toISOString(),
    );
    same(
      nudgeMoments,
      expectedMoments,
      'nudges at the configured business days before the deadline',
    );
    for (const moment of nudgeMoments) {
      const at = new Date(moment);
      const notYet = survey.audience.filter((id) => !((answeredAt.get(id) ?? at) < at));
      same(
        sent('surveyNudge')
          .filter((d) => d.at.toISOString() === moment)
          .map((d) => d.to),
        notYet.flatMap(representativesOf),
        `the nudge of ${moment} goes to the departments without an answer`,
      );
    }
    // Someone answered between the two nudges, so the second is smaller than the first.
    const [first, second] = nudgeMoments.sort();
    const count = (m: string | undefined) =>
      sent('surveyNudge').filter((d) => d.at.toISOString() === m).length;
    assert.ok(count(second) < count(first), 'a department that answered is not nudged again');
  });

  it("pings each head and delegate only about their own department's items, and everyone who owns items gets a digest each week", async () => {
    const digestDays = ['11/02', '11/09', '11/16', '11/24']; // 11/23 is 勤労感謝の日: Tuesday
    for (const person of people.filter((p) => p.departmentId)) {
      assert.deepEqual(
        sent('itemDigest', person.upn).map((d) => day(d.at)),
        digestDays,
        `the weekly digests of ${person.upn}`,
      );
      // The secretariat sees every item reported at a meeting; heads and delegates their own.
      if (person.role === 'secretariat') continue;
      const pings = month.deliveries.filter(
        (d) =>
          d.to === person.upn && ['itemDigest', 'itemPing', 'itemsForMeeting'].includes(kindOf(d)),
      );
      for (const ping of pings)
        for (const [, number] of ping.text.matchAll(/^#(\d+) /gm)) {
          const item = await itemNumber(Number(number));
          assert.deepEqual(
            item.owner,
            { kind: 'department', departmentId: person.departmentId },
            `${person.upn} was pinged about #${number} of another department`,
          );
        }
    }
    assert.deepEqual(
      month.deliveries.filter((d) => d.to === 'fukukucho@city.example.jp'),
      [],
      'the chair owns no item and is invited to nothing',
    );
  });

  it('records the item answered in words, and pings it no more', async () => {
    const words = SCENARIO.find((s) => 'reportsDone' in s);
    assert.ok(words && 'reportsDone' in words);
    const reply = month.deliveries.find((d) => d.to === words.who && d.inReplyTo);
    const number = Number(/#(\d+)「/.exec(reply?.text ?? '')?.[1]);
    assert.match(reply?.text ?? '', /を完了として記録しました/);
    assert.equal((await itemNumber(number)).status, 'done');
    const after = month.deliveries.filter((d) => d.to === words.who && d.at > tokyo(words.at));
    assert.ok(after.length > 0);
    for (const d of after) assert.doesNotMatch(d.text, new RegExp(`^#${number} `, 'm'), d.title);
  });

  it('pings the late item every business day and escalates it to the whole secretariat from 3 business days late until it is done', async () => {
    const five = await itemNumber(5);
    assert.equal(five.due.kind, 'date');
    const due = five.due.kind === 'date' ? five.due.date : '';
    const doneStep = SCENARIO.find((s) => 'says' in s && s.says === '#5 完了');
    assert.ok(doneStep);
    const doneAt = tokyo(doneStep.at);
    assert.equal(five.status, 'done');

    const lateDays: string[] = [];
    for (let at = tokyo(`${due}T09:00`); at < doneAt; at = new Date(at.getTime() + 86_400_000))
      if (calendar.isBusinessDay(at) && day(at) !== day(tokyo(`${due}T09:00`)))
        lateDays.push(day(at));
    assert.deepEqual(lateDays, ['11/10', '11/11', '11/12', '11/13']);
    assert.deepEqual(
      sent('itemPing', doneStep.who)
        .filter((d) => d.text.includes('期限切れ') && d.at < doneAt)
        .map((d) => day(d.at)),
      lateDays,
      'the owner hears about it every business day it is late',
    );

    const escalations = sent('escalation');
    same([...new Set(escalations.map((d) => d.to))], secretariat(), 'only the secretariat is told');
    const firstDay = day(
      calendar.businessDaysAfter(
        tokyo(`${due}T12:00`),
        month.bot.services.config.itemPings.escalateAfterBusinessDays,
      ),
    );
    for (const upn of secretariat())
      assert.deepEqual(
        sent('escalation', upn).map((d) => day(d.at)),
        lateDays.slice(lateDays.indexOf(firstDay)),
        `${upn} is told from ${firstDay} until #5 is done`,
      );
    assert.ok(escalations.every((d) => /^#5 H所のRPA/m.test(d.text)));
  });

  it('covers the four weeks it says it does', () => {
    const first = month.deliveries[0]?.at;
    const last = month.deliveries.at(-1)?.at;
    assert.ok(first && first >= tokyo(MONTH_STARTS));
    assert.ok(last && last <= tokyo(MONTH_ENDS) && last >= tokyo('2026-11-26T00:00'));
  });
});

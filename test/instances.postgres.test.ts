import { strict as assert } from 'node:assert';
import type { AnswerContent, Survey } from '../src/surveys/survey.js';
import { FakeConnector } from './harness/fake-connector.js';
import { ManualClock } from './harness/manual-clock.js';
import { createTestSchema, type TestSchema } from './harness/postgres.js';
import { inputOf, invokeCard } from './harness/survey-cards.js';
import { cardsOf, TestBot, visibleText } from './harness/test-bot.js';

/** Monday 30 November 2026, 09:00 in Tokyo; the demo survey's deadline is two weeks later. */
const START = '2026-11-30T00:00:00Z';
const CHANNEL_ID = '19:committee@thread.tacv2';
/** The department with a head and a delegate who both answer for it. */
const DEPARTMENT = 'bunkashoko';
const HEAD = 'bunkashoko-bucho@city.example.jp';
const DELEGATE = 'bunkadesign-kacho@city.example.jp';
/** Heads of the other answering departments of the demo directory. */
const OTHER_HEADS: Readonly<Record<string, string>> = {
  somu: 'somu-bucho',
  kikikanri: 'kikikanrikan',
  kumin: 'kumin-bucho',
  toshiseibi: 'toshiseibi-bucho',
  kaikei: 'kaikei-kanrishitsucho',
  kyoiku: 'kyoiku-bucho',
  kankyoseiso: 'kankyoseiso-bucho',
  hokenfukushi: 'hokenfukushi-bucho',
  kodomokatei: 'kodomokatei-bucho',
};

function content(who: string, round: number): AnswerContent {
  return {
    ranking: round % 2 ? ['rpa', 'telework', 'web-meetings'] : ['web-meetings', 'rpa', 'telework'],
    comments: { rpa: `${who}、${round}回目のコメント` },
    opinion: `${who}の${round}回目の意見`,
  };
}

function cardData(
  survey: Survey,
  departmentId: string,
  answer: AnswerContent,
  basedOn: number,
): Record<string, unknown> {
  return {
    surveyId: survey.id,
    departmentId,
    basedOn,
    ...Object.fromEntries(answer.ranking.map((topicId, i) => [`rank${i + 1}`, topicId])),
    ...Object.fromEntries(
      survey.topics.map((t) => [`comment_${t.id}`, answer.comments[t.id] ?? '']),
    ),
    opinion: answer.opinion,
  };
}

/** What the invoke answered: the stored answer's card, or the form back with a conflict note. */
function outcomeOf(body: unknown): 'stored' | 'conflict' {
  const card = invokeCard(body);
  if (inputOf(card, 'opinion') === undefined) return 'stored';
  assert.match(visibleText(card), /回答を変更しました/, 'the form came back for another reason');
  return 'conflict';
}

describe('two instances on one PostgreSQL: survey answers and action items', function () {
  this.timeout(60_000);
  let schema: TestSchema;
  let connector: FakeConnector;
  let a: TestBot;
  let b: TestBot;
  let survey: Survey;

  before(async () => {
    schema = await createTestSchema();
    connector = new FakeConnector();
    await connector.start();
    const env = { STORE_URL: schema.url, STORE_POOL_SIZE: '5' };
    // One after the other: the first fills the empty database with the demo data.
    a = await TestBot.start({ clock: new ManualClock(START), env, connector });
    b = await TestBot.start({ clock: new ManualClock(START), env, connector });
    const representatives = [
      HEAD,
      DELEGATE,
      ...Object.values(OTHER_HEADS).map((h) => `${h}@city.example.jp`),
    ];
    for (const upn of representatives) await a.install(a.user(upn));
    const secretary = a.user('johokanri-kacho@city.example.jp');
    await a.say(secretary, 'ヘルプ', { channel: true });
    await a.say(secretary, 'アンケート送信 1');
    const found = await b.services.surveys.find('1');
    assert.equal(found?.status, 'open', 'the survey is sent');
    survey = found;
  });
  after(async () => {
    await a?.honbu.stop();
    await b?.honbu.stop();
    await connector?.stop();
    await schema?.drop();
  });

  it('head and delegate answering the same card at once on two instances: one is stored, the other is told, nothing is lost', async () => {
    const head = a.user(HEAD);
    const delegate = b.user(DELEGATE);
    const acknowledged: AnswerContent[] = [];
    const rounds = 25;
    for (let round = 1; round <= rounds; round++) {
      const basedOn = round - 1;
      const fromHead = content('部長', round);
      const fromDelegate = content('課長', round);
      const [onA, onB] = await Promise.all([
        a.execute(head, 'survey.submit', cardData(survey, DEPARTMENT, fromHead, basedOn)),
        b.execute(delegate, 'survey.submit', cardData(survey, DEPARTMENT, fromDelegate, basedOn)),
      ]);
      const outcomes = [outcomeOf(onA.body), outcomeOf(onB.body)];
      assert.deepEqual(
        [...outcomes].sort(),
        ['conflict', 'stored'],
        `round ${round}: exactly one of two answers based on revision ${basedOn} is stored`,
      );
      acknowledged.push(outcomes[0] === 'stored' ? fromHead : fromDelegate);
    }
    const stored = await a.services.surveys.repository.answerOf(survey.id, DEPARTMENT);
    assert.ok(stored);
    assert.deepEqual(
      stored.history.map(({ ranking, comments, opinion }) => ({ ranking, comments, opinion })),
      acknowledged,
      'every acknowledged answer is in the history, in order, once',
    );
    assert.deepEqual(
      stored.history.map((v) => v.revision),
      Array.from({ length: rounds }, (_, i) => i + 1),
    );
    assert.deepEqual(stored.current, stored.history.at(-1));
  });

  it('the same person pressing send on a stale card on both instances stores it once', async () => {
    const head = a.user(HEAD);
    const before = await a.services.surveys.repository.answerOf(survey.id, DEPARTMENT);
    const basedOn = before?.current.revision ?? 0;
    const again = content('部長（二重送信）', 0);
    const data = cardData(survey, DEPARTMENT, again, basedOn);
    const results = await Promise.all([
      a.execute(head, 'survey.submit', data),
      b.execute(head, 'survey.submit', data),
      a.execute(head, 'survey.submit', data),
      b.execute(head, 'survey.submit', data),
    ]);
    // The first stores it, the repeats find the same content: each shows the stored answer.
    for (const result of results) assert.equal(outcomeOf(result.body), 'stored');
    const after = await a.services.surveys.repository.answerOf(survey.id, DEPARTMENT);
    assert.equal(after?.history.length, basedOn + 1);
    assert.equal(after?.current.opinion, again.opinion);
  });

  it('answers arriving on both instances at once all count, and the progress card ends on the last count', async () => {
    await Promise.all([a.services.surveys.settled(), b.services.surveys.settled()]);
    connector.reset();
    const heads = Object.entries(OTHER_HEADS);
    const submit = (bot: TestBot, [departmentId, name]: [string, string]) =>
      bot.execute(
        bot.user(`${name}@city.example.jp`),
        'survey.submit',
        cardData(survey, departmentId, content(name, 1), 0),
      );
    await Promise.all(heads.slice(0, -2).map((head, i) => submit(i % 2 ? a : b, head)));
    await Promise.all([a.services.surveys.settled(), b.services.surveys.settled()]);
    // The last two answers: instance a's progress update (9 of 10) is slow to reach Teams,
    // so instance b's (10 of 10) gets there first.
    const slow = connector.hold((c) => c.kind === 'update' && c.conversationId === CHANNEL_ID);
    await submit(a, heads.at(-2) ?? ['', '']);
    await slow.arrived;
    await submit(b, heads.at(-1) ?? ['', '']);
    await b.services.surveys.settled();
    slow.release();
    await a.services.surveys.settled();

    const answers = await b.services.surveys.repository.answersOf(survey.id);
    assert.equal(answers.length, 10);
    const progress = connector.calls.filter(
      (c) => c.kind === 'update' && c.conversationId === CHANNEL_ID,
    );
    assert.match(visibleText(cardsOf(progress.slice(-1))[0]), /回答 10 \/ 10 部署/);
  });

  it('progress notes on one action item from both instances at once are all kept', async () => {
    const [item] = (await a.services.items.list()).filter(
      (i) => i.owner.kind === 'department' && i.owner.departmentId === 'kumin',
    );
    assert.ok(item, 'the demo data has an item owned by 区民部');
    const person = await a.services.directory.findByUpn('kumin-bucho@city.example.jp');
    const actor = await a.services.directory.actorFor(
      { aadObjectId: 'kumin-bucho', displayName: '区民部長' },
      person,
    );
    const notes = Array.from({ length: 40 }, (_, i) => `進捗メモ${i}`);
    const results = await Promise.all(
      notes.map((note, i) => (i % 2 ? a : b).services.items.addProgress(item.id, note, actor)),
    );
    assert.ok(results.every((r) => r.ok));
    const stored = await b.services.items.find(String(item.number));
    assert.deepEqual(
      stored?.progress
        .map((p) => p.text)
        .filter((text) => notes.includes(text))
        .sort(),
      [...notes].sort(),
    );
  });
});

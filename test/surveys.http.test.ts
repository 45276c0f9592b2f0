import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Survey } from '../src/surveys/survey.js';
import { assertValidCard, renderedInputs } from './harness/cards.js';
import { FakeConnector } from './harness/fake-connector.js';
import { ManualClock } from './harness/manual-clock.js';
import { runUntil } from './harness/run-until.js';
import {
  actionsOf,
  attentionTexts,
  buttonsOf,
  errorUnder,
  inputValue,
  invokeCard,
  pressed,
} from './harness/survey-cards.js';
import { cardsOf, TestBot, textsOf, visibleText } from './harness/test-bot.js';
import type { TestUser } from './harness/teams.js';

/** Monday 30 November 2026, 09:00 in Tokyo; the demo survey's deadline is 14 December 17:00. */
const START = '2026-11-30T00:00:00Z';
const DEADLINE = '2026-12-14T08:00:00.000Z';
const CHANNEL_ID = '19:committee@thread.tacv2';

/** Heads and delegates of the ten answering departments of the demo directory. */
const REPRESENTATIVES: Readonly<Record<string, readonly string[]>> = {
  somu: ['somu-bucho'],
  kikikanri: ['kikikanrikan'],
  kumin: ['kumin-bucho'],
  toshiseibi: ['toshiseibi-bucho'],
  kaikei: ['kaikei-kanrishitsucho'],
  kyoiku: ['kyoiku-bucho'],
  bunkashoko: ['bunkashoko-bucho', 'bunkadesign-kacho'],
  kankyoseiso: ['kankyoseiso-bucho', 'kankyoseisaku-kacho'],
  hokenfukushi: ['hokenfukushi-bucho', 'kaigohoken-kacho'],
  kodomokatei: ['kodomokatei-bucho', 'kodomowakamono-kacho'],
};
/** One delegate reads Teams in English. */
const ENGLISH = 'kankyoseisaku-kacho';

interface World {
  readonly bot: TestBot;
  readonly clock: ManualClock;
  readonly survey: Survey;
  readonly people: Readonly<Record<string, TestUser>>;
  readonly secretary: TestUser;
}

/**
 * A store where every representative has installed Honbu and the committee
 * channel is registered; each test starts from a copy (15 turns saved per test).
 */
let template: { readonly store: string; readonly connectorUrl: string } | undefined;

/** A copy of the template store whose conversation references point at `connector`. */
async function installedStore(connector: FakeConnector): Promise<string> {
  if (!template) {
    const bot = await TestBot.start({ clock: new ManualClock(START) });
    for (const name of Object.values(REPRESENTATIVES).flat())
      await bot.install(bot.user(`${name}@city.example.jp`, name === ENGLISH ? 'en-US' : 'ja-JP'));
    await bot.say(bot.user('johokanri-kacho@city.example.jp'), 'ヘルプ', { channel: true });
    await bot.stop();
    template = { store: readFileSync(bot.storePath, 'utf-8'), connectorUrl: bot.connector.url };
  }
  const copy = join(mkdtempSync(join(tmpdir(), 'honbu-surveys-')), 'honbu.json');
  writeFileSync(copy, template.store.replaceAll(template.connectorUrl, connector.url));
  return copy;
}

async function setUp(env: Record<string, string> = {}): Promise<World> {
  const clock = new ManualClock(START);
  const connector = new FakeConnector();
  await connector.start();
  const storePath = await installedStore(connector);
  const bot = await TestBot.start({ clock, env, storePath, connector });
  const people: Record<string, TestUser> = {};
  for (const name of Object.values(REPRESENTATIVES).flat())
    people[name] = bot.user(`${name}@city.example.jp`, name === ENGLISH ? 'en-US' : 'ja-JP');
  const secretary = bot.user('johokanri-kacho@city.example.jp');
  const survey = await bot.services.surveys.find('1');
  assert.ok(survey, 'the demo survey is seeded');
  return { bot, clock, survey, people, secretary };
}

/** Sends the survey and returns the card each person received. */
async function send(world: World): Promise<Map<string, Record<string, unknown>>> {
  const { bot, secretary, people } = world;
  const result = await bot.say(secretary, 'アンケート送信 1');
  const cards = new Map<string, Record<string, unknown>>();
  for (const [name, user] of Object.entries(people)) {
    const call = result.sent.find(
      (c) => c.kind === 'send' && c.conversationId === user.personalConversationId,
    );
    const [card] = call ? cardsOf([call]) : [];
    if (card) cards.set(name, card);
  }
  return cards;
}

async function submit(
  world: World,
  name: string,
  card: Record<string, unknown>,
  inputs: Record<string, unknown>,
) {
  const user = world.people[name] ?? world.bot.user(`${name}@city.example.jp`);
  const result = await world.bot.execute(
    user,
    'survey.submit',
    pressed(card, 'survey.submit', inputs),
  );
  await world.bot.services.surveys.settled();
  const answer = invokeCard(result.body);
  assertValidCard(answer, `answer card for ${name}`);
  return answer;
}

const threeRanks = { rank1: 'web-meetings', rank2: 'telework', rank3: 'rpa' };

async function storedAnswers(world: World) {
  return world.bot.services.surveys.repository.answersOf(world.survey.id);
}

function progressUpdates(world: World): string[] {
  return world.bot.connector.calls
    .filter((c) => c.kind === 'update' && c.conversationId === CHANNEL_ID)
    .map((c) => visibleText(cardsOf([c])[0]));
}

describe('surveys over the HTTP endpoint', () => {
  let world: World;
  afterEach(async () => {
    await world.bot.stop();
  });

  describe('sending', () => {
    beforeEach(async () => {
      world = await setUp();
    });

    it('puts the survey card in the 1:1 chat of every head and delegate of the audience, in their language', async () => {
      const cards = await send(world);
      assert.deepEqual([...cards.keys()].sort(), Object.values(REPRESENTATIVES).flat().sort());
      for (const [name, card] of cards) {
        assertValidCard(card, `survey card for ${name}`);
        assert.equal(inputValue(card, 'rank1'), '');
      }
      assert.match(visibleText(cards.get('kumin-bucho')), /デジタルガバメント検討事項アンケート/);
      assert.match(visibleText(cards.get(ENGLISH)), /Digital government review topics survey/);
      assert.match(visibleText(cards.get(ENGLISH)), /Environment and Sanitation/);
    });

    it('gives each card a refresh for the department head and delegate (user-specific views)', async () => {
      const cards = await send(world);
      const refresh = cards.get('hokenfukushi-bucho')?.['refresh'] as {
        action: { verb: string; data: { surveyId: string } };
        userIds: string[];
      };
      assert.equal(refresh.action.verb, 'survey.refresh');
      assert.equal(refresh.action.data.surveyId, world.survey.id);
      assert.deepEqual(
        [...refresh.userIds].sort(),
        [world.people['hokenfukushi-bucho']?.id, world.people['kaigohoken-kacho']?.id].sort(),
      );
    });

    it('renders the survey card with the adaptivecards renderer and finds every input', async () => {
      const card = (await send(world)).get('kumin-bucho');
      const inputs = renderedInputs(card);
      const ids = inputs.map((i) => i.id);
      assert.deepEqual(ids, [
        'rank1',
        'rank2',
        'rank3',
        ...world.survey.topics.map((t) => `comment_${t.id}`),
        'opinion',
      ]);
      assert.deepEqual(
        inputs.filter((i) => i.id.startsWith('rank')).map((i) => i.type),
        ['Input.ChoiceSet', 'Input.ChoiceSet', 'Input.ChoiceSet'],
      );
      assert.ok(
        inputs
          .filter((i) => i.id !== 'opinion' && !i.id.startsWith('rank'))
          .every((i) => i.type === 'Input.Text'),
      );
    });

    it('posts a progress card in the committee channel and says who could not be reached', async () => {
      const absent = world.bot.user('kodomokatei-bucho@city.example.jp');
      // This head never installed Honbu in a new store: forget their chat.
      await world.bot.services.conversations.markInactive(absent.personalConversationId);
      const result = await world.bot.say(world.secretary, 'アンケート送信 1');
      const [reply] = textsOf(result.sent.filter((c) => c.kind === 'reply'));
      assert.match(reply ?? '', /新たに13名に届け/);
      assert.match(reply ?? '', /子ども家庭部長/);
      const progress = result.sent.filter(
        (c) => c.kind === 'send' && c.conversationId === CHANNEL_ID,
      );
      assert.equal(progress.length, 1);
      const card = cardsOf(progress)[0];
      assertValidCard(card, 'progress card');
      assert.match(visibleText(card), /回答 0 \/ 10 部署/);
    });

    it('says plainly when sending reached nobody, rather than "sent to 0"', async () => {
      for (const person of Object.values(world.people))
        await world.bot.services.conversations.markInactive(person.personalConversationId);
      const result = await world.bot.say(world.secretary, 'アンケート送信 1');
      const [reply] = textsOf(result.sent.filter((c) => c.kind === 'reply'));
      assert.match(reply ?? '', /を受付中にしましたが、まだ誰にも届けられていません/);
      assert.doesNotMatch(reply ?? '', /新たに0名/);
      assert.match(reply ?? '', /届けられなかった方: 総務部長/);
    });

    it('sending again reaches only those not reached before', async () => {
      await send(world);
      world.bot.connector.reset();
      const again = await world.bot.say(world.secretary, 'アンケート送信 1');
      assert.equal(again.sent.filter((c) => c.kind === 'send').length, 0);
      assert.match(textsOf(again.sent)[0] ?? '', /新たに0名に届け、14名は送信済み/);
    });
  });

  describe('answering', () => {
    let cards: Map<string, Record<string, unknown>>;
    beforeEach(async () => {
      world = await setUp();
      cards = await send(world);
      world.bot.connector.reset();
    });
    const cardFor = (name: string) => {
      const card = cards.get(name);
      assert.ok(card, `${name} received the survey card`);
      return card;
    };

    it('stores a valid answer once and turns the card into "answered by … at … — edit"', async () => {
      world.clock.set('2026-12-01T01:00:00Z');
      const answered = await submit(world, 'kumin-bucho', cardFor('kumin-bucho'), {
        ...threeRanks,
        'comment_web-meetings': '区政連絡会をWeb会議で開きたい',
      });
      const text = visibleText(answered);
      assert.match(text, /区民部長が令和8年12月1日（火）10:00に回答しました。/);
      assert.match(text, /区政連絡会をWeb会議で開きたい/);
      assert.deepEqual(
        buttonsOf(answered).map((a) => a['verb']),
        ['survey.answer'],
      );
      const [stored] = await storedAnswers(world);
      assert.deepEqual(stored?.current.ranking, ['web-meetings', 'telework', 'rpa']);
      assert.deepEqual(stored?.current.comments, {
        'web-meetings': '区政連絡会をWeb会議で開きたい',
      });
      assert.equal(stored?.history.length, 1);
    });

    it('a double submit of the same card stores one answer and one history entry', async () => {
      const card = cardFor('kumin-bucho');
      const first = await submit(world, 'kumin-bucho', card, threeRanks);
      const second = await submit(world, 'kumin-bucho', card, threeRanks);
      assert.match(visibleText(second), /回答しました/);
      assert.deepEqual(visibleText(first), visibleText(second));
      const answers = await storedAnswers(world);
      assert.equal(answers.length, 1);
      assert.equal(answers[0]?.history.length, 1);
    });

    it('head and delegate share one answer: the edit form shows it, who changed it last, and history grows', async () => {
      world.clock.set('2026-12-01T01:00:00Z');
      await submit(world, 'hokenfukushi-bucho', cardFor('hokenfukushi-bucho'), threeRanks);
      world.clock.set('2026-12-02T02:30:00Z');
      const delegate = world.people['kaigohoken-kacho'];
      assert.ok(delegate);
      const opened = await world.bot.execute(delegate, 'survey.refresh', {
        surveyId: world.survey.id,
      });
      const view = invokeCard(opened.body);
      assertValidCard(view, 'delegate view');
      assert.match(visibleText(view), /保健福祉部長が令和8年12月1日（火）10:00に回答しました/);
      const edit = invokeCard(
        (await world.bot.execute(delegate, 'survey.answer', { surveyId: world.survey.id })).body,
      );
      assertValidCard(edit, 'edit form');
      assert.equal(inputValue(edit, 'rank2'), 'telework');
      const changed = await submit(world, 'kaigohoken-kacho', edit, { rank2: 'meeting-room-wifi' });
      assert.match(visibleText(changed), /介護保険課長が令和8年12月2日（水）11:30に回答しました/);
      assert.match(visibleText(changed), /変更履歴: 2件/);
      const [stored] = await storedAnswers(world);
      assert.deepEqual(
        stored?.history.map((v) => [v.byPersonId, v.ranking[1]]),
        [
          ['hokenfukushi-bucho@city.example.jp', 'telework'],
          ['kaigohoken-kacho@city.example.jp', 'meeting-room-wifi'],
        ],
      );
    });

    it("after the survey closes, a head's 「アンケート」 shows it with their department's answer", async () => {
      await submit(world, 'kumin-bucho', cardFor('kumin-bucho'), threeRanks);
      await world.bot.say(world.secretary, 'アンケート締切 1');
      const result = await world.bot.say(world.people['kumin-bucho'] as TestUser, 'アンケート');
      const replies = result.sent.filter((c) => c.kind === 'reply');
      assert.match(
        textsOf(replies).join('\n'),
        /受付中のアンケートはありません。最後に締め切られた/,
      );
      const [card] = cardsOf(replies);
      assertValidCard(card, 'closed survey for the head');
      assert.match(visibleText(card), /締め切られました。 区民部長が/);
      assert.match(visibleText(card), /Web会議/);
      assert.deepEqual(buttonsOf(card), [], 'nothing to edit');
    });

    it("updates the other representative's card and the progress card as answers arrive", async () => {
      await submit(world, 'kaigohoken-kacho', cardFor('kaigohoken-kacho'), threeRanks);
      const head = world.people['hokenfukushi-bucho'];
      const headUpdates = world.bot.connector.calls.filter(
        (c) => c.kind === 'update' && c.conversationId === head?.personalConversationId,
      );
      assert.equal(headUpdates.length, 1);
      const headCard = cardsOf(headUpdates)[0];
      assertValidCard(headCard, "head's updated card");
      assert.match(visibleText(headCard), /介護保険課長が.*に回答しました/);
      assert.deepEqual(
        progressUpdates(world).map((t) => /回答 (\d+) \/ 10/.exec(t)?.[1]),
        ['1'],
      );
      await submit(world, 'kumin-bucho', cardFor('kumin-bucho'), threeRanks);
      assert.deepEqual(
        progressUpdates(world).map((t) => /回答 (\d+) \/ 10/.exec(t)?.[1]),
        ['1', '2'],
      );
    });

    it('tries the progress card again when Teams throttles or fails it, and not when it is gone', async () => {
      const toChannel = (c: { kind: string; conversationId?: string }) =>
        c.kind === 'update' && c.conversationId === CHANNEL_ID;
      const channelUpdates = () => world.bot.connector.calls.filter(toChannel);
      world.bot.connector.failNext(429, { retryAfterSeconds: 2, appliesTo: toChannel });
      world.bot.connector.failNext(503, { appliesTo: toChannel });
      const before = world.clock.now().getTime();
      await submit(world, 'kaigohoken-kacho', cardFor('kaigohoken-kacho'), threeRanks);
      assert.deepEqual(
        channelUpdates().map((c) => c.status),
        [429, 503, 200],
      );
      assert.match(visibleText(cardsOf(channelUpdates().slice(-1))[0]), /回答 1 \/ 10/);
      assert.ok(
        world.clock.now().getTime() - before >= 3_000,
        'waited Retry-After (2 s), then 1 s after the 503',
      );

      world.bot.connector.failNext(404, { appliesTo: toChannel });
      await submit(world, 'kumin-bucho', cardFor('kumin-bucho'), threeRanks);
      assert.deepEqual(
        channelUpdates().map((c) => c.status),
        [429, 503, 200, 404],
        'a deleted card is not tried again',
      );
    });

    it('a conflicting change by the other representative is not overwritten silently', async () => {
      await submit(world, 'hokenfukushi-bucho', cardFor('hokenfukushi-bucho'), threeRanks);
      // The delegate still has the empty card from before the head answered.
      const back = await submit(world, 'kaigohoken-kacho', cardFor('kaigohoken-kacho'), {
        rank1: 'rpa',
        rank2: 'telework',
        rank3: 'web-meetings',
      });
      assert.match(visibleText(back), /保健福祉部長が.*に回答を変更しました/);
      assert.equal(inputValue(back, 'rank1'), 'rpa', 'the delegate keeps their inputs');
      assert.deepEqual((await storedAnswers(world))[0]?.current.ranking, [
        'web-meetings',
        'telework',
        'rpa',
      ]);
      const again = await submit(world, 'kaigohoken-kacho', back, {});
      assert.match(visibleText(again), /介護保険課長が.*に回答しました/);
      assert.deepEqual((await storedAnswers(world))[0]?.current.ranking, [
        'rpa',
        'telework',
        'web-meetings',
      ]);
    });

    describe('invalid submissions come back with the error next to the field, inputs kept, nothing stored', () => {
      afterEach(async () => {
        assert.deepEqual(await storedAnswers(world), [], 'nothing was stored');
      });

      it('the same topic twice', async () => {
        const back = await submit(world, 'kumin-bucho', cardFor('kumin-bucho'), {
          rank1: 'rpa',
          rank2: 'rpa',
          rank3: 'telework',
          comment_rpa: '申請受付で使いたい',
        });
        assert.equal(errorUnder(back, 'rank2'), '1位と同じ項目です。別の項目を選んでください。');
        assert.equal(errorUnder(back, 'rank1'), undefined);
        assert.equal(inputValue(back, 'rank2'), 'rpa');
        assert.equal(inputValue(back, 'comment_rpa'), '申請受付で使いたい');
        assert.match(attentionTexts(back)[0] ?? '', /回答はまだ保存されていません/);
      });

      it('a rank left empty, in English for an English reader', async () => {
        const back = await submit(world, ENGLISH, cardFor(ENGLISH), {
          rank1: 'rpa',
          rank2: 'telework',
        });
        assert.equal(errorUnder(back, 'rank3'), 'Please choose a topic.');
        assert.equal(inputValue(back, 'rank1'), 'rpa');
      });

      it('an unknown topic id', async () => {
        const back = await submit(world, 'kumin-bucho', cardFor('kumin-bucho'), {
          ...threeRanks,
          rank3: 'made-up-topic',
        });
        assert.equal(
          errorUnder(back, 'rank3'),
          'この項目はアンケートにありません。選び直してください。',
        );
      });

      it('text over the limit', async () => {
        const long = 'あ'.repeat(501);
        const back = await submit(world, 'kumin-bucho', cardFor('kumin-bucho'), {
          ...threeRanks,
          comment_telework: long,
        });
        assert.equal(
          errorUnder(back, 'comment_telework'),
          '500文字以内で入力してください（現在501文字）。',
        );
        assert.equal(inputValue(back, 'comment_telework'), long);
        assert.equal(inputValue(back, 'rank1'), 'web-meetings');
      });

      it('a user of another department (a forwarded card)', async () => {
        const back = await submit(world, 'somu-bucho', cardFor('kumin-bucho'), threeRanks);
        assert.match(attentionTexts(back)[0] ?? '', /このカードは区民部の回答用です/);
        assert.equal(inputValue(back, 'rank1'), 'web-meetings');
      });

      it('someone who does not answer for a department (the secretariat)', async () => {
        const back = await submit(world, 'johokanri-kacho', cardFor('kumin-bucho'), threeRanks);
        assert.match(attentionTexts(back)[0] ?? '', /各部の部長・代理の方のみ回答できます/);
      });

      it('a guest', async () => {
        const guest = world.bot.user('visitor@example.com', 'en-US');
        const result = await world.bot.execute(
          guest,
          'survey.submit',
          pressed(cardFor('kumin-bucho'), 'survey.submit', threeRanks),
        );
        const back = invokeCard(result.body);
        assertValidCard(back, 'guest');
        assert.match(attentionTexts(back)[0] ?? '', /Only the heads and delegates/);
        assert.equal(inputValue(back, 'rank1'), 'web-meetings');
      });

      it('a closed survey: the card becomes the closed view, with no inputs and no send button', async () => {
        await world.bot.say(world.secretary, 'アンケート締切 1');
        const back = await submit(world, 'kumin-bucho', cardFor('kumin-bucho'), threeRanks);
        assert.match(attentionTexts(back)[0] ?? '', /締め切られました。回答は保存されていません/);
        assert.deepEqual(renderedInputs(back), [], 'no inputs once closed');
        assert.deepEqual(buttonsOf(back), [], 'no send button once closed');
        assert.match(visibleText(back), /締め切られました。 区民部はまだ回答していません/);
        assert.equal((await storedAnswers(world)).length, 0);
      });

      it('a tampered survey id', async () => {
        const data = pressed(cardFor('kumin-bucho'), 'survey.submit', threeRanks);
        const result = await world.bot.execute(
          world.people['kumin-bucho'] as TestUser,
          'survey.submit',
          {
            ...data,
            surveyId: 'survey_forged',
          },
        );
        const back = invokeCard(result.body);
        assertValidCard(back, 'tampered');
        assert.match(visibleText(back), /アンケートが見つかりません/);
      });
    });
  });

  describe('reminders and the deadline', () => {
    beforeEach(async () => {
      world = await setUp();
    });

    function nudgedPeople(): string[] {
      const byConversation = new Map(
        Object.entries(world.people).map(([name, u]) => [u.personalConversationId, name]),
      );
      return world.bot.connector.calls
        .filter((c) => c.kind === 'send' && textsOf([c]).some((t) => /回答期限|closes at/.test(t)))
        .map((c) => byConversation.get(c.conversationId ?? '') ?? '?');
    }

    it('nudges only departments that have not answered, 3 and 1 business days before the deadline', async () => {
      const cards = await send(world);
      for (const name of ['kumin-bucho', 'kaigohoken-kacho', 'kyoiku-bucho'])
        await submit(world, name, cards.get(name) ?? {}, threeRanks);
      world.bot.connector.reset();
      const answered = new Set([
        'kumin-bucho',
        'hokenfukushi-bucho',
        'kaigohoken-kacho',
        'kyoiku-bucho',
      ]);
      const waiting = Object.keys(world.people)
        .filter((n) => !answered.has(n))
        .sort();

      await runUntil(world.clock, world.bot.services.scheduler, '2026-12-09T00:59:00Z');
      assert.deepEqual(nudgedPeople(), [], 'nothing before Wednesday 10:00');
      await runUntil(world.clock, world.bot.services.scheduler, '2026-12-09T01:00:00Z');
      assert.deepEqual(
        nudgedPeople().sort(),
        waiting,
        'Wednesday 9 Dec 10:00: 3 business days before',
      );
      // The first text message: action-item pings (cards) reach the same people.
      const english = world.bot.connector.calls.find(
        (c) =>
          c.conversationId === world.people[ENGLISH]?.personalConversationId &&
          typeof c.body?.['text'] === 'string',
      );
      assert.match(textsOf(english ? [english] : [])[0] ?? '', /Reminder: the survey .* closes at/);

      await runUntil(world.clock, world.bot.services.scheduler, '2026-12-11T01:00:00Z');
      assert.equal(
        nudgedPeople().length,
        waiting.length * 2,
        'Friday 11 Dec 10:00: 1 business day before',
      );
    });

    it('holds a reminder that falls in quiet hours until the morning', async () => {
      await world.bot.stop();
      world = await setUp({ SURVEY_NUDGE_TIME: '21:00', SURVEY_NUDGE_BUSINESS_DAYS: '3' });
      await send(world);
      world.bot.connector.reset();
      await runUntil(world.clock, world.bot.services.scheduler, '2026-12-09T22:59:00Z');
      assert.deepEqual(nudgedPeople(), [], 'not at 21:00 nor during the night');
      await runUntil(world.clock, world.bot.services.scheduler, '2026-12-09T23:00:00Z');
      assert.equal(nudgedPeople().length, 14, 'at 08:00 the next morning');
    });

    it('closes at the deadline and turns every card into its closed view', async () => {
      const cards = await send(world);
      await submit(world, 'kumin-bucho', cards.get('kumin-bucho') ?? {}, threeRanks);
      world.bot.connector.reset();
      await runUntil(world.clock, world.bot.services.scheduler, DEADLINE);
      await world.bot.services.surveys.settled();
      const survey = await world.bot.services.surveys.repository.get(world.survey.id);
      assert.equal(survey?.status, 'closed');
      assert.equal(survey?.closedAt, DEADLINE);

      const updates = world.bot.connector.calls.filter((c) => c.kind === 'update');
      const personal = updates.filter((c) => c.conversationId !== CHANNEL_ID);
      assert.equal(personal.length, 14, 'every survey card');
      for (const card of cardsOf(updates)) assertValidCard(card, 'closed view');
      const kumin = cardsOf(
        personal.filter(
          (c) => c.conversationId === world.people['kumin-bucho']?.personalConversationId,
        ),
      )[0];
      assert.match(visibleText(kumin), /令和8年12月14日（月）17:00に締め切られました。 区民部長が/);
      assert.deepEqual(buttonsOf(kumin), [], 'no edit button once closed');
      const somu = cardsOf(
        personal.filter(
          (c) => c.conversationId === world.people['somu-bucho']?.personalConversationId,
        ),
      )[0];
      assert.match(visibleText(somu), /総務部はまだ回答していません/);
      const channel = progressUpdates(world);
      assert.match(channel.at(-1) ?? '', /回答 1 \/ 10 部署[\s\S]*締め切りました/);
    });
  });

  describe('results', () => {
    beforeEach(async () => {
      world = await setUp();
      const cards = await send(world);
      const card = (name: string) => cards.get(name) ?? {};
      world.clock.set('2026-12-01T01:00:00Z');
      await submit(world, 'kumin-bucho', card('kumin-bucho'), {
        ...threeRanks,
        'comment_web-meetings': '区政連絡会と国保運営協議会をWeb会議で開きたい',
        'comment_meeting-room-wifi': '会議室でWeb会議をすると電波が弱い',
        opinion: '請求書の電子化は業務によって判断が分かれる',
      });
      world.clock.set('2026-12-02T02:30:00Z');
      await submit(world, 'kaigohoken-kacho', card('kaigohoken-kacho'), {
        rank1: 'web-meetings',
        rank2: 'meeting-room-wifi',
        rank3: 'e-invoicing',
        comment_telework: 'テレワークPCが前提なら、窓口以外は可能',
        opinion: '区民の "声" を, 大切に',
      });
      world.clock.set('2026-12-03T06:00:00Z');
      await submit(world, 'kyoiku-bucho', card('kyoiku-bucho'), {
        rank1: 'meeting-room-wifi',
        rank2: 'web-meetings',
        rank3: 'staff-support',
        'comment_staff-support': '=教育委員会職員と学校の先生で機器が異なる',
      });
    });

    it('shows the secretariat scores, counts per rank, bars, who answered and comments by topic', async () => {
      const result = await world.bot.say(world.secretary, '結果');
      const [card] = cardsOf(result.sent);
      assertValidCard(card, 'results');
      const text = visibleText(card);
      const order = [...text.matchAll(/^(\d+)\.\n(.+)\n(.+)\n(\d+)点$/gm)].map((m) => [m[2], m[4]]);
      assert.deepEqual(order, [
        ['Web会議', '8'],
        ['会議室のWi-Fi環境', '5'],
        ['テレワーク', '2'],
        ['対職員業務支援', '1'],
        ['請求書の電子化', '1'],
        ['RPA', '1'],
        ['行政手続のオンライン化', '0'],
        ['ペーパーレス化', '0'],
      ]);
      assert.match(text, /Web会議\n1位 2 · 2位 1 · 3位 0\n8点\n████████████████████/);
      assert.match(text, /会議室のWi-Fi環境\n1位 1 · 2位 1 · 3位 0\n5点\n█████████████░░░░░░░/);
      assert.match(text, /回答済み（3）: 区民部、教育委員会（教育部）、保健福祉部/);
      assert.match(
        text,
        /未回答（7）: 総務部、危機管理、都市整備部、会計管理室、文化商工部、環境清掃部、子ども家庭部/,
      );
      assert.match(text, /Web会議\n【区民部】区政連絡会と国保運営協議会をWeb会議で開きたい/);
      assert.match(text, /テレワーク\n【保健福祉部】テレワークPCが前提なら、窓口以外は可能/);
      assert.match(text, /【保健福祉部】区民の "声" を, 大切に/);
    });

    it('gives members a polite refusal', async () => {
      const [reply] = textsOf(
        (await world.bot.say(world.people['kumin-bucho'] as TestUser, '結果')).sent,
      );
      assert.equal(reply, '申し訳ありません。この操作は本部長または事務局のみが行えます。');
    });

    it('exports a CSV (UTF-8 with BOM, one row per department) through a short-lived signed link', async () => {
      const [card] = cardsOf((await world.bot.say(world.secretary, '結果')).sent);
      const link = actionsOf(card).find((a) => a['type'] === 'Action.OpenUrl')?.['url'];
      assert.equal(typeof link, 'string');
      const response = await fetch(String(link));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      const bytes = Buffer.from(await response.arrayBuffer());
      const expected = [
        '部署,状態,回答者,回答日時,1位,2位,3位,コメント: 対職員業務支援,コメント: Web会議,コメント: テレワーク,コメント: 請求書の電子化,コメント: RPA,コメント: 会議室のWi-Fi環境,コメント: 行政手続のオンライン化,コメント: ペーパーレス化,自由意見',
        '総務部,未回答,,,,,,,,,,,,,,',
        '危機管理,未回答,,,,,,,,,,,,,,',
        '区民部,回答済み,区民部長,2026-12-01 10:00,Web会議,テレワーク,RPA,,区政連絡会と国保運営協議会をWeb会議で開きたい,,,,会議室でWeb会議をすると電波が弱い,,,請求書の電子化は業務によって判断が分かれる',
        '都市整備部,未回答,,,,,,,,,,,,,,',
        '会計管理室,未回答,,,,,,,,,,,,,,',
        "教育委員会（教育部）,回答済み,教育部長,2026-12-03 15:00,会議室のWi-Fi環境,Web会議,対職員業務支援,'=教育委員会職員と学校の先生で機器が異なる,,,,,,,,",
        '文化商工部,未回答,,,,,,,,,,,,,,',
        '環境清掃部,未回答,,,,,,,,,,,,,,',
        '保健福祉部,回答済み,介護保険課長,2026-12-02 11:30,Web会議,会議室のWi-Fi環境,請求書の電子化,,,テレワークPCが前提なら、窓口以外は可能,,,,,,"区民の ""声"" を, 大切に"',
        '子ども家庭部,未回答,,,,,,,,,,,,,,',
      ];
      const expectedBytes = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(expected.map((line) => `${line}\r\n`).join(''), 'utf-8'),
      ]);
      assert.equal(bytes.toString('utf-8'), expectedBytes.toString('utf-8'));
      assert.ok(bytes.equals(expectedBytes), 'byte for byte, BOM included');
    });

    it('refuses a changed or expired link', async () => {
      const [card] = cardsOf((await world.bot.say(world.secretary, '結果')).sent);
      const link = String(actionsOf(card).find((a) => a['type'] === 'Action.OpenUrl')?.['url']);
      const forged = link.replace(encodeURIComponent(world.survey.id), 'survey_other');
      assert.equal((await fetch(forged)).status, 403);
      const tampered = link.replace(/sig=[^&]+/, 'sig=AAAA');
      assert.equal((await fetch(tampered)).status, 403);
      world.clock.advance(16 * 60 * 1000);
      const expired = await fetch(link);
      assert.equal(expired.status, 403);
      assert.match(await expired.text(), /有効期限が切れています/);
    });
  });
});

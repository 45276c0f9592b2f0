import { strict as assert } from 'node:assert';
import { renderedInputs } from './harness/cards.js';
import { ManualClock } from './harness/manual-clock.js';
import { errorUnder, inputOf, inputValue, invokeCard, pressed } from './harness/survey-cards.js';
import { cardsOf, TestBot, textsOf, visibleText } from './harness/test-bot.js';
import type { TestUser } from './harness/teams.js';

/** Monday 30 November 2026, 09:00 in Tokyo. */
const START = '2026-11-30T00:00:00Z';

describe('survey definitions: the secretariat creates, edits and copies surveys with cards', () => {
  let bot: TestBot;
  let secretary: TestUser;
  beforeEach(async () => {
    bot = await TestBot.start({ clock: new ManualClock(START) });
    secretary = bot.user('johokanri-kacho@city.example.jp');
  });
  afterEach(() => bot.stop());

  async function editorFor(text: string) {
    const [card] = cardsOf((await bot.say(secretary, text)).sent);
    assert.ok(card, `"${text}" answers with a card`);
    return card;
  }

  async function press(card: unknown, verb: string, inputs: Record<string, unknown>) {
    return invokeCard((await bot.execute(secretary, verb, pressed(card, verb, inputs))).body);
  }

  const newSurvey = {
    titleJa: 'テレワーク実施状況調査',
    titleEn: 'Telework survey',
    introJa: 'テレワークできる業務の整理状況を伺います。',
    rankingMode: 'upTo',
    rankCount: '2',
    commentMax: '200',
    opinionMax: '1000',
    deadlineDate: '2026-12-18',
    deadlineTime: '17:00',
    audience: 'somu,kumin',
    nudges: '2',
    topic0_titleJa: 'テレワークPC',
    topic0_titleEn: 'Telework PCs',
    topic1_titleJa: '窓口業務',
    topic2_titleJa: '庁内ネットワーク',
    topic2_descriptionJa: '自宅から庁内システムへの接続',
  };

  it('creates a survey from the editor card', async () => {
    const editor = await editorFor('アンケート作成');
    const ids = renderedInputs(editor).map((i) => i.id);
    for (const id of ['titleJa', 'rankingMode', 'rankCount', 'deadlineDate', 'audience', 'nudges'])
      assert.ok(ids.includes(id), `the editor has ${id}`);
    assert.deepEqual(
      ids.filter((id) => id.endsWith('_titleJa')),
      ['topic0_titleJa', 'topic1_titleJa', 'topic2_titleJa'],
    );
    assert.equal(
      inputValue(editor, 'audience'),
      'somu,kikikanri,kumin,toshiseibi,kaikei,kyoiku,bunkashoko,kankyoseiso,hokenfukushi,kodomokatei',
      'every department with a head or delegate by default',
    );
    const saved = await press(editor, 'survey.save', newSurvey);
    assert.match(visibleText(saved), /保存しました（#2）/);
    const survey = await bot.services.surveys.find('2');
    assert.deepEqual(survey?.title, { ja: 'テレワーク実施状況調査', en: 'Telework survey' });
    assert.deepEqual(survey?.ranking, { mode: 'upTo', count: 2 });
    assert.equal(survey?.deadline, '2026-12-18T08:00:00.000Z');
    assert.deepEqual(survey?.audience, ['somu', 'kumin']);
    assert.deepEqual(survey?.nudgeBusinessDays, [2]);
    assert.deepEqual(
      survey?.topics.map((t) => [t.id, t.title.ja, t.description.ja]),
      [
        ['topic-1', 'テレワークPC', ''],
        ['topic-2', '窓口業務', ''],
        ['topic-3', '庁内ネットワーク', '自宅から庁内システムへの接続'],
      ],
    );
    assert.equal(survey?.status, 'draft');
  });

  it('sends the editor back with each problem next to its field, keeping the inputs, saving nothing', async () => {
    const editor = await editorFor('survey new');
    const back = await press(editor, 'survey.save', {
      ...newSurvey,
      titleJa: '',
      deadlineDate: '2026-11-01',
      audience: '',
      nudges: 'soon',
      rankCount: '2',
      topic1_titleJa: '',
      topic2_titleJa: '',
      topic2_descriptionJa: '説明だけ',
    });
    assert.equal(errorUnder(back, 'titleJa'), '入力してください。');
    assert.equal(errorUnder(back, 'deadlineDate'), undefined, 'the date error is under the time');
    assert.equal(errorUnder(back, 'deadlineTime'), '回答期限は現在より後にしてください。');
    assert.equal(errorUnder(back, 'audience'), '部署を1つ以上選んでください。');
    assert.match(errorUnder(back, 'nudges') ?? '', /カンマ区切り/);
    assert.equal(errorUnder(back, 'topic2_titleJa'), '項目名（日本語）を入力してください。');
    assert.match(visibleText(back), /順位を付けるには項目が2つ以上必要です/);
    assert.equal(inputValue(back, 'topic2_descriptionJa'), '説明だけ');
    assert.equal(inputValue(back, 'introJa'), newSurvey.introJa);
    assert.equal((await bot.services.surveys.repository.list()).length, 1, 'only the demo survey');
  });

  it('adds topic rows without losing what was typed', async () => {
    const editor = await editorFor('アンケート作成');
    const more = await press(editor, 'survey.addTopics', {
      titleJa: '途中まで',
      topic0_titleJa: 'A',
    });
    assert.equal(inputValue(more, 'titleJa'), '途中まで');
    assert.equal(inputValue(more, 'topic0_titleJa'), 'A');
    assert.ok(inputOf(more, 'topic5_titleJa'), 'three more rows');
  });

  it('duplicates a previous survey as a new draft without a deadline', async () => {
    const editor = await editorFor('アンケート複製 1');
    assert.match(visibleText(editor), /アンケート #1 を複製しました（#2、下書き）/);
    assert.equal(inputValue(editor, 'titleJa'), 'デジタルガバメント検討事項アンケート（コピー）');
    const [original, copy] = [
      await bot.services.surveys.find('1'),
      await bot.services.surveys.find('2'),
    ];
    assert.deepEqual(copy?.topics, original?.topics);
    assert.deepEqual(copy?.audience, original?.audience);
    assert.equal(copy?.deadline, undefined);
    assert.equal(copy?.copiedFrom, original?.id);
  });

  it('keeps 「（コピー）」 only on the draft: sending a copy takes it off the title departments see', async () => {
    const kumin = bot.user('kumin-bucho@city.example.jp');
    await bot.install(kumin);
    const editor = await editorFor('アンケート複製 1');
    await press(editor, 'survey.save', { deadlineDate: '2026-12-18', deadlineTime: '17:00' });
    assert.equal(
      (await bot.services.surveys.find('2'))?.title.ja,
      'デジタルガバメント検討事項アンケート（コピー）',
      'the secretariat tells the draft apart',
    );
    const sent = await bot.say(secretary, 'アンケート送信 2');
    const card = cardsOf(
      sent.sent.filter((c) => c.conversationId === kumin.personalConversationId),
    )[0];
    assert.match(visibleText(card), /デジタルガバメント検討事項アンケート/);
    assert.doesNotMatch(visibleText(card), /コピー|copy/);
    const stored = await bot.services.surveys.find('2');
    assert.deepEqual(stored?.title, {
      ja: 'デジタルガバメント検討事項アンケート',
      en: 'Digital government review topics survey',
    });
  });

  it('edits a sent survey: texts and deadline change, topics and rule stay, reminders move', async () => {
    const kumin = bot.user('kumin-bucho@city.example.jp');
    await bot.install(kumin);
    assert.match(
      textsOf((await bot.say(secretary, 'アンケート送信 1')).sent)[0] ?? '',
      /新たに1名/,
    );
    const survey = await bot.services.surveys.find('1');
    const editor = await editorFor('アンケート編集 1');
    assert.equal(inputOf(editor, 'rankingMode'), undefined, 'the rule is fixed once sent');
    assert.equal(inputOf(editor, 'topic8_titleJa'), undefined, 'no rows for new topics');
    const saved = await press(editor, 'survey.save', {
      deadlineDate: '2026-12-18',
      deadlineTime: '12:00',
      topic1_titleJa: 'Web会議（外部委員を含む）',
      topic0_titleJa: '',
    });
    assert.doesNotMatch(visibleText(saved), /保存しました/, 'a topic title cannot be emptied');
    await press(saved, 'survey.save', { topic0_titleJa: '対職員業務支援' });
    const edited = await bot.services.surveys.find('1');
    assert.equal(edited?.deadline, '2026-12-18T03:00:00.000Z');
    assert.equal(edited?.topics[1]?.title.ja, 'Web会議（外部委員を含む）');
    assert.deepEqual(
      edited?.topics.map((t) => t.id),
      survey?.topics.map((t) => t.id),
    );
    const jobs = await bot.services.scheduler.jobsInGroup(`survey:${survey?.id}`);
    const pending = jobs
      .filter((j) => j.status === 'pending')
      .map((j) => [j.kind, j.dueAt])
      .sort();
    assert.deepEqual(pending, [
      ['survey.close', '2026-12-18T03:00:00.000Z'],
      ['survey.nudge', '2026-12-15T01:00:00.000Z'], // Tue 15 Dec 10:00: 3 business days before
      ['survey.nudge', '2026-12-17T01:00:00.000Z'], // Thu 17 Dec 10:00: 1 business day before
    ]);
    assert.equal(jobs.filter((j) => j.status === 'cancelled').length, 3, 'the old ones');
  });

  it('shows a member their own survey card, and nobody else the secretariat list', async () => {
    const kumin = bot.user('kumin-bucho@city.example.jp', 'en-US');
    await bot.install(kumin);
    await bot.say(secretary, 'アンケート送信 1');
    const [card] = cardsOf((await bot.say(kumin, 'survey')).sent);
    assert.match(visibleText(card), /Digital government review topics survey/);
    assert.ok(inputOf(card, 'rank1'), 'the answer form');
    const guest = bot.user('visitor@example.com', 'en-US');
    const survey = await bot.services.surveys.find('1');
    const refreshed = invokeCard(
      (await bot.execute(guest, 'survey.refresh', { surveyId: survey?.id })).body,
    );
    assert.match(visibleText(refreshed), /Only the heads and delegates/);
    assert.equal(inputOf(refreshed, 'rank1'), undefined);
  });
});

import { strict as assert } from 'node:assert';
import { assertValidCard } from './harness/cards.js';
import { TestBot, cardsOf, textsOf, visibleText } from './harness/test-bot.js';
import type { RecordedCall } from './harness/fake-connector.js';
import type { TestUser } from './harness/teams.js';
import { executeVerbs, headline } from './policy/card-reading.js';

/** The one card of a reply, validated as Teams will see it. */
function onlyCard(calls: readonly RecordedCall[]): Record<string, unknown> {
  const cards = cardsOf(calls);
  assert.equal(cards.length, 1, `one card expected, got ${cards.length}: ${textsOf(calls)}`);
  const [card] = cards;
  assertValidCard(card);
  return card as Record<string, unknown>;
}

/** The card an Action.Execute invoke answered with (it replaces the clicked card). */
function invokeCard(body: unknown): Record<string, unknown> {
  const response = body as { type?: string; value?: unknown };
  assert.equal(response.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(body));
  assertValidCard(response.value);
  return response.value as Record<string, unknown>;
}

function invokeMessage(body: unknown): string {
  const response = body as { type?: string; value?: unknown };
  assert.equal(response.type, 'application/vnd.microsoft.activity.message');
  return String(response.value);
}

describe('policy look-up over the HTTP endpoint', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await TestBot.start();
  });
  afterEach(() => bot.stop());

  async function ask(user: TestUser, text: string, options: { channel?: boolean } = {}) {
    return onlyCard((await bot.say(user, text, options)).sent);
  }

  it('answers a mayor-department member with 区長部局で承認済み: B, C, its source and the button', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const card = await ask(member, '区長部局で使えるWeb会議ツールは何ですか？');
    assert.equal(headline(card), '区長部局で承認済み: B, C');
    const text = visibleText(card);
    assert.match(text, /承認済み/);
    assert.match(text, /令和2年8月3日/);
    assert.match(text, /令和2年度 第2回 行政情報化推進本部（令和2年8月3日）・資料1-7 の審議/);
    assert.match(text, /外部の委員が参加するWeb会議/, 'related: the outside-member condition');
    assert.match(text, /事務局に質問する/);
    assert.deepEqual(executeVerbs(card), ['policy.ask']);
  });

  it('answers in English with the scope taken from the asker department', async () => {
    const member = bot.user('somu-bucho@city.example.jp', 'en-US');
    const card = await ask(member, 'What can we use for video calls?');
    assert.equal(headline(card), "Approved for the mayor's departments: B, C");
    const text = visibleText(card);
    assert.match(text, /Answered for the mayor's departments, from your department/);
    assert.match(text, /Digital Government HQ, FY2020 meeting 2 \(3 Aug 2020\)/);
    assert.match(text, /Ask the secretariat/);
  });

  it('answers the board of education (by department, or named in the question): A in use, not agreed', async () => {
    const education = bot.user('kyoiku-bucho@city.example.jp', 'ja-JP');
    const card = await ask(education, 'Web会議ツールは何が使えますか？');
    assert.equal(headline(card), '教育委員会で承認済みのWeb会議ツールは、ルールにはありません。');
    const text = visibleText(card);
    assert.match(text, /教育委員会で検討中: A/);
    assert.match(text, /区長部局とはまだ合意しておらず/);
    assert.match(text, /ご所属から教育委員会について答えています/);

    const member = bot.user('kumin-bucho@city.example.jp', 'en-US');
    const english = await ask(member, 'Which video call tools can the board of education use?');
    assert.equal(
      headline(english),
      'The policy data lists no approved web-conference tool for the board of education.',
    );
    assert.match(visibleText(english), /Under review for the board of education: A/);
  });

  it('states the condition for outside participants', async () => {
    const member = bot.user('hokenfukushi-bucho@city.example.jp', 'ja-JP');
    const card = await ask(member, '外部の委員とWeb会議をすることはできますか？');
    assert.match(headline(card), /外部の委員を招く会議も、B・C を使えば/);
    const text = visibleText(card);
    assert.match(text, /条件付きで承認/);
    assert.match(text, /インターネットに接続できるパソコンを持っていること/);
    assert.match(text, /使い方を説明すること/);

    const english = await ask(
      bot.user('somu-bucho@city.example.jp', 'en-US'),
      'Can outside committee members join a video call?',
    );
    assert.match(visibleText(english), /a PC that can connect to the internet/);
    assert.match(visibleText(english), /approved with conditions/);
  });

  it("tells tool A's status: not approved for the mayor's departments, under review", async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const card = await ask(member, 'Aは使えますか？');
    assert.equal(headline(card), '区長部局で A を承認したという記録は、ルールにはありません。');
    const text = visibleText(card);
    assert.match(text, /区長部局で承認済み: B, C/);
    assert.match(text, /教育委員会は A を既に児童・生徒との利用に使っています/);
    assert.match(text, /検討中/);

    const guest = bot.user('visitor@example.com', 'en-US');
    const english = await ask(guest, 'What is the status of tool A?');
    assert.match(visibleText(english), /already uses A with its pupils/);
    assert.match(visibleText(english), /under review/);
  });

  it('asked about a product the data does not name (Zoom), says so before listing what is approved', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const card = await ask(member, 'Zoomは使えますか？');
    assert.equal(headline(card), '区長部局で Zoom を承認したという記録は、ルールにはありません。');
    assert.match(visibleText(card), /区長部局で承認済み: B, C/);

    const english = await ask(
      bot.user('kumin-bucho@city.example.jp', 'en-US'),
      'Can I use Google Meet or Webex?',
    );
    const text = visibleText(english);
    assert.match(text, /no record of Google Meet being approved for the mayor's departments/);
    assert.match(text, /no record of Webex being approved/);
    assert.match(text, /Approved for the mayor's departments: B, C/);

    const general = visibleText(await ask(member, 'Web会議ツールは何が使えますか？'));
    assert.doesNotMatch(general, /記録は/, 'a question naming no product gets no such line');
  });

  it('names the meeting rooms with strong Wi-Fi, 507 to 510', async () => {
    const member = bot.user('somu-bucho@city.example.jp', 'ja-JP');
    const card = await ask(member, 'ＷｉＦｉがつながる会議室はどこ？');
    assert.match(headline(card), /電波が強いのは災対センターとなる507〜510の会議室だけです/);
    const english = await ask(
      bot.user('kumin-bucho@city.example.jp', 'en-US'),
      'Which meeting rooms have good Wi-Fi?',
    );
    assert.match(headline(english), /strong only in rooms 507 to 510/);
  });

  it('says plainly when the policy data does not answer, and offers the secretariat', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const card = await ask(member, 'Web会議の録画はしてもいいですか？');
    assert.equal(headline(card), 'ルールにはありません');
    assert.match(visibleText(card), /推測ではお答えしません/);
    assert.match(visibleText(card), /ルールにない言葉: 録画/);
    assert.doesNotMatch(visibleText(card), /B, C/, 'no answer from the weak match on Web会議');
    assert.deepEqual(executeVerbs(card), ['policy.ask']);

    const english = await ask(
      bot.user('somu-bucho@city.example.jp', 'en-US'),
      'Can we record video calls with citizens?',
    );
    assert.equal(headline(english), 'Not in the policy data');
    assert.match(visibleText(english), /Ask the secretariat/);
  });

  it('answers guests, in channels with an @mention, and through the explicit command', async () => {
    const guest = bot.user('visitor@example.com', 'ja-JP');
    assert.equal(
      headline(await ask(guest, 'テレビ会議って何を使えばいいの？')),
      '区長部局で承認済み: B, C',
    );
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const inChannel = await ask(member, '会議室のWi-Fiは？', { channel: true });
    assert.match(headline(inChannel), /507〜510/);
    assert.match(
      headline(await ask(member, 'ルール 在宅勤務の対象業務は？')),
      /テレワークできる業務/,
    );
    const english = bot.user('somu-bucho@city.example.jp', 'en-US');
    assert.match(headline(await ask(english, 'policy wifi in meeting rooms')), /507 to 510/);
    const [usage] = textsOf((await bot.say(member, 'ルール')).sent);
    assert.match(usage ?? '', /ルール のあとに質問を書いてください/);
  });

  it('still suggests a command for a typo and does not treat a greeting as a question', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'en-US');
    assert.deepEqual(textsOf((await bot.say(member, 'hlep')).sent), [
      'Sorry, I did not understand "hlep". Did you mean "help"?',
    ]);
    const ja = bot.user('somu-bucho@city.example.jp', 'ja-JP');
    const greeting = (await bot.say(ja, 'こんにちは')).sent;
    assert.equal(cardsOf(greeting).length, 0);
    assert.match(textsOf(greeting)[0] ?? '', /さん、こんにちは/);
  });
});

describe('questions to the secretariat, over the HTTP endpoint', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await TestBot.start();
  });
  afterEach(() => bot.stop());

  const secretariatUpns = [
    'johokanri-kacho@city.example.jp',
    'joho-security@city.example.jp',
    'joho-system@city.example.jp',
    'joho-kiban@city.example.jp',
  ];

  it('goes asker → every secretariat 1:1 (in their language) → answer → asker, and becomes a policy entry in one step', async () => {
    // The infrastructure chief writes in English; the others in Japanese.
    const secretariat = secretariatUpns.map((upn) =>
      bot.user(upn, upn.startsWith('joho-kiban') ? 'en-US' : 'ja-JP'),
    );
    // Writing once links each person's Teams id to the directory and stores their 1:1 chat.
    for (const person of secretariat) await bot.say(person, 'ヘルプ');
    const asker = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const question = 'Web会議の録画はしてもいいですか？';
    assert.equal(headline(onlyCard((await bot.say(asker, question)).sent)), 'ルールにはありません');

    // The button: the question is recorded and every secretariat person is notified in their 1:1.
    const asked = await bot.execute(asker, 'policy.ask', { question });
    const askedCard = invokeCard(asked.body);
    assert.match(visibleText(askedCard), /事務局に質問を送りました（受付番号 q1）/);
    assert.deepEqual(executeVerbs(askedCard), [], 'the button is gone once asked');
    for (const person of secretariat) {
      const sent = asked.sent.filter((c) => c.conversationId === person.personalConversationId);
      const notice = onlyCard(sent);
      const english = person.locale === 'en-US';
      assert.match(
        visibleText(notice),
        english ? /Question to the secretariat q1/ : /事務局への質問 q1/,
      );
      assert.match(visibleText(notice), /Web会議の録画はしてもいいですか？/);
      assert.match(
        visibleText(notice),
        english
          ? /区民部長 \(kumin-bucho@city.example.jp\) · Citizens Affairs/
          : /区民部長（kumin-bucho@city.example.jp） · 区民部/,
      );
      assert.deepEqual(executeVerbs(notice), ['policy.answer']);
    }
    const again = await bot.execute(asker, 'policy.ask', { question });
    assert.match(visibleText(invokeCard(again.body)), /受付済みです（受付番号 q1）/);
    assert.equal(cardsOf(again.sent).length, 0, 'a double click notifies nobody twice');

    // One secretary answers on the card; the asker gets it in their 1:1.
    const [first, second] = secretariat;
    assert.ok(first && second);
    const answer = '録画は参加者全員の同意を得た場合に限り可能です。';
    const answered = await bot.execute(first, 'policy.answer', { questionId: 'q1', answer });
    const answeredCard = invokeCard(answered.body);
    assert.match(visibleText(answeredCard), /q1 の質問者に回答を送りました/);
    assert.deepEqual(executeVerbs(answeredCard), ['policy.adopt']);
    const reply = onlyCard(
      answered.sent.filter((c) => c.conversationId === asker.personalConversationId),
    );
    assert.match(visibleText(reply), /事務局からの回答/);
    assert.match(visibleText(reply), /録画は参加者全員の同意を得た場合に限り可能です。/);
    assert.match(visibleText(reply), /情報管理課長/);

    // A second answer to the same question is refused and shows the first.
    const late = await bot.execute(second, 'policy.answer', { questionId: 'q1', answer: '不可' });
    assert.match(visibleText(invokeCard(late.body)), /情報管理課長 が回答済みです/);
    assert.equal(cardsOf(late.sent).length, 0);

    // One step: the answer becomes a policy entry, and the same question is now answered.
    const adopted = await bot.execute(first, 'policy.adopt', {
      questionId: 'q1',
      scope: 'all',
      status: 'guidance',
    });
    assert.match(visibleText(invokeCard(adopted.body)), /ルール p1 として登録しました/);
    const entry = await bot.services.policies.get('p1');
    assert.equal(entry?.content.scope, 'all');
    assert.equal(entry?.content.answer.ja, answer);
    const now = onlyCard((await bot.say(asker, question)).sent);
    assert.equal(headline(now), answer);
    assert.match(visibleText(now), /事務局への質問への回答/);
    const twice = await bot.execute(first, 'policy.adopt', { questionId: 'q1' });
    assert.match(visibleText(invokeCard(twice.body)), /p1 として登録済みです/);
  });

  it('lets the secretariat answer by command and lists what is still open', async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp', 'ja-JP');
    await bot.say(secretary, 'ヘルプ');
    const guest = bot.user('visitor@example.com', 'en-US');
    await bot.install(guest);
    await bot.execute(guest, 'policy.ask', { question: 'Can I bring my own laptop?' });
    const open = await bot.say(secretary, 'ルール質問一覧');
    assert.match(textsOf(open.sent)[0] ?? '', /未回答の質問が 1 件あります/);
    assert.match(visibleText(onlyCard(open.sent)), /Can I bring my own laptop\?/);
    const answered = await bot.say(secretary, 'ルール回答 q1 No, only city PCs.');
    const toGuest = answered.sent.filter((c) => c.conversationId === guest.personalConversationId);
    assert.match(
      visibleText(onlyCard(toGuest)),
      /Answer from the secretariat[\s\S]*No, only city PCs\./,
    );
    assert.match(
      textsOf((await bot.say(secretary, 'ルール質問一覧')).sent)[0] ?? '',
      /未回答の質問はありません/,
    );
    assert.match(
      textsOf((await bot.say(secretary, 'ルール回答 q9 x')).sent)[0] ?? '',
      /質問 q9 は見つかりません/,
    );
  });

  it('keeps members from answering or adopting', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    await bot.execute(member, 'policy.ask', { question: '駐車場は使えますか？' });
    const refused = await bot.execute(member, 'policy.answer', { questionId: 'q1', answer: 'x' });
    assert.match(invokeMessage(refused.body), /本部長または事務局のみ/);
    assert.equal((await bot.services.policyInbox.get('q1'))?.answer, undefined);
  });
});

describe('secretariat editing of the policy data, over the HTTP endpoint', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await TestBot.start();
  });
  afterEach(() => bot.stop());

  it('adds, edits and retires an entry by command, each change answering at once and kept in history', async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp', 'ja-JP');
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const say = async (user: TestUser, text: string) =>
      textsOf((await bot.say(user, text)).sent)[0] ?? '';

    assert.equal(
      await say(
        secretary,
        'ルール追加 題名=会議の録画; 回答=参加者全員の同意があれば録画できます。; 対象=全庁; 状態=指針',
      ),
      'ルール p1 を追加しました。',
    );
    assert.equal(
      headline(onlyCard((await bot.say(member, '会議の録画はできますか？')).sent)),
      '参加者全員の同意があれば録画できます。',
    );

    assert.equal(
      await say(secretary, 'ルール編集 p1 回答=会議の録画は禁止です。; 状態=不可'),
      'ルール p1 を更新しました（v2）。',
    );
    const edited = onlyCard((await bot.say(member, '会議の録画はできますか？')).sent);
    assert.equal(headline(edited), '会議の録画は禁止です。');
    assert.match(visibleText(edited), /不可/);
    assert.match(visibleText(edited), /v2・.*・情報管理課長/);

    assert.equal(
      await say(secretary, 'ルール廃止 p1 誤って登録したため'),
      'ルール p1 を廃止しました（履歴は残ります）。',
    );
    assert.equal(
      headline(onlyCard((await bot.say(member, '会議の録画はできますか？')).sent)),
      'ルールにはありません',
    );
    const history = await say(secretary, 'ルール履歴 p1');
    assert.match(history, /v3・.*廃止（理由: 誤って登録したため）/);
    assert.match(history, /v2・.*編集: 会議の録画 — 会議の録画は禁止です。/);
    assert.match(history, /v1・.*作成: 会議の録画 — 参加者全員の同意があれば録画できます。/);
  });

  it('explains bad input in the user language and stores nothing', async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp', 'en-US');
    const say = async (text: string) => textsOf((await bot.say(secretary, text)).sent)[0] ?? '';
    assert.match(await say('policy add title=x; answer=y; status=maybe'), /Unknown status "maybe"/);
    assert.match(await say('policy add title=x; answer=y; colour=red'), /Unknown field "colour"/);
    assert.match(await say('policy add title=x; since=next week'), /Write the date "next week"/);
    assert.match(await say('policy add title=x'), /Please check: Answer\. Nothing was saved\./);
    assert.match(await say('policy edit nope answer=y'), /There is no policy nope/);
    assert.equal((await bot.services.policies.list()).length, 7);
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const [refused] = textsOf((await bot.say(member, 'ルール追加 題名=x; 回答=y')).sent);
    assert.equal(refused, '申し訳ありません。この操作は本部長または事務局のみが行えます。');
  });

  it('edits and retires through the list and form cards, refusing a save from a stale card', async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp', 'ja-JP');
    const list = onlyCard((await bot.say(secretary, 'ルール一覧')).sent);
    assert.match(headline(list), /ルール一覧（有効 7 件）/);
    assert.ok(executeVerbs(list).includes('policy.edit'));

    const form = invokeCard(
      (await bot.execute(secretary, 'policy.edit', { id: 'meeting-room-wifi' })).body,
    );
    assert.match(headline(form), /ルールの編集 meeting-room-wifi（v1）/);
    assert.deepEqual(executeVerbs(form), ['policy.save']);

    const values = (await bot.services.policies.get('meeting-room-wifi'))?.content;
    assert.ok(values);
    const inputs = {
      id: 'meeting-room-wifi',
      version: 1,
      title_ja: values.title.ja,
      title_en: values.title.en,
      answer_ja: '会議室のWi-Fiは全室で強化されました。',
      answer_en: 'Wi-Fi is now strong in every meeting room.',
      scope: 'all',
      status: 'fact',
      date: '2024-04-01',
    };
    const saved = invokeCard((await bot.execute(secretary, 'policy.save', inputs)).body);
    assert.match(visibleText(saved), /ルール meeting-room-wifi を更新しました（v2）/);

    const stale = invokeCard(
      (await bot.execute(secretary, 'policy.save', { ...inputs, answer_ja: '古い' })).body,
    );
    assert.match(visibleText(stale), /その後 情報管理課長 が更新しました（v2）/);
    assert.equal(
      (await bot.services.policies.get('meeting-room-wifi'))?.content.answer.ja,
      '会議室のWi-Fiは全室で強化されました。',
    );

    const blank = invokeCard(
      (
        await bot.execute(secretary, 'policy.save', {
          ...inputs,
          version: 2,
          title_ja: '',
          title_en: '',
        })
      ).body,
    );
    assert.match(visibleText(blank), /次の項目を確認してください: 題名/);

    const retired = invokeCard(
      (
        await bot.execute(secretary, 'policy.retire', {
          id: 'telework-scope',
          version: 1,
          'reason_telework-scope': 'x',
        })
      ).body,
    );
    assert.match(visibleText(retired), /ルール telework-scope を廃止しました/);
    assert.match(headline(retired), /有効 6 件/);

    const added = invokeCard((await bot.execute(secretary, 'policy.new', {})).body);
    assert.match(headline(added), /ルールの追加/);
  });
});

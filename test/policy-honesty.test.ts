import { strict as assert } from 'node:assert';
import { assertValidCard } from './harness/cards.js';
import { TestBot, cardsOf, textsOf, visibleText } from './harness/test-bot.js';
import type { TestUser } from './harness/teams.js';
import { executeVerbs, headline } from './policy/card-reading.js';

/**
 * The policy answer says only what the data says: each scope from its own
 * entries, the asked part that is not in the data named as such, ordinary
 * words and product names in any script read, long messages not echoed back.
 * Every question goes through the HTTP endpoint, in Japanese and in English.
 */

interface Reply {
  /** The first TextBlock: what the asker reads first. */
  readonly headline: string;
  readonly text: string;
  readonly verbs: readonly string[];
}

describe('policy honesty, over the HTTP endpoint', () => {
  let bot: TestBot;
  // Questions only read the policy data: one bot for the whole file.
  before(async () => {
    bot = await TestBot.start();
  });
  after(() => bot.stop());

  const member = (locale: 'ja-JP' | 'en-US') => bot.user('kumin-bucho@city.example.jp', locale);

  async function ask(user: TestUser, text: string): Promise<Reply> {
    const sent = (await bot.say(user, text)).sent;
    const cards = cardsOf(sent);
    assert.equal(cards.length, 1, `one card expected, got: ${textsOf(sent).join(' | ')}`);
    const card = cards[0] ?? {};
    assertValidCard(card);
    return {
      headline: headline(card),
      text: visibleText(card),
      verbs: executeVerbs(card),
    };
  }

  describe('each scope is answered from its own entries', () => {
    it('ja: 区長部局 and 教育委員会 asked together get one line each, never 「全庁で承認済み」', async () => {
      const reply = await ask(member('ja-JP'), '区長部局と教育委員会でWeb会議つなげる？');
      assert.equal(reply.headline, '区長部局で承認済み: B, C');
      assert.match(reply.text, /教育委員会で承認済みのWeb会議ツールは、ルールにはありません。/);
      assert.match(reply.text, /教育委員会で検討中: A/);
      assert.doesNotMatch(reply.text, /全庁[^\n]*で(承認済み|検討中)/);
    });

    it('en: both scopes asked together, and "citywide", get one line each, never one citywide line', async () => {
      const both = await ask(
        member('en-US'),
        "Can the mayor's departments and the board of education both use video calls?",
      );
      assert.equal(both.headline, "Approved for the mayor's departments: B, C");
      assert.match(both.text, /no approved web-conference tool for the board of education/);
      assert.match(both.text, /Under review for the board of education: A/);
      assert.doesNotMatch(both.text, /for the whole city government: /);

      const citywide = await ask(
        member('en-US'),
        'Which web conference tools are approved citywide?',
      );
      assert.equal(citywide.headline, "Approved for the mayor's departments: B, C");
      assert.doesNotMatch(citywide.text, /Approved for the whole city government/);
    });
  });

  describe('a scope the answering entry is not about is named as such', () => {
    it('ja and en: 区長部局 asked, only a 教育委員会 entry holds tablets', async () => {
      const ja = await ask(member('ja-JP'), '区長部局の職員もタブレットを持ち帰れる？');
      assert.equal(
        ja.headline,
        '区長部局についての記録は、ルールにはありません（ルールにあるのは教育委員会についてです）。',
      );
      assert.match(ja.text, /一人1台タブレットを配付/);
      assert.deepEqual(ja.verbs, ['policy.ask']);

      const en = await ask(member('en-US'), "Can the mayor's departments take tablets home?");
      assert.equal(
        en.headline,
        "The policy data has nothing on this for the mayor's departments (what it has is about the board of education).",
      );
      assert.match(en.text, /gives every pupil their own tablet/);
    });
  });

  describe('a question asking for what the data does not hold is told so, with what it does hold', () => {
    it('ja: the end of the Wi-Fi work and its budget', async () => {
      const when = await ask(member('ja-JP'), '会議室のWi-Fi強化はいつ終わる？');
      assert.equal(when.headline, 'お尋ねの時期・予定は、ルールには書かれていません。');
      assert.match(when.text, /ルールにあるのは次のことです/);
      assert.match(when.text, /507〜510の会議室だけです/);
      assert.deepEqual(when.verbs, ['policy.ask']);

      const budget = await ask(member('ja-JP'), 'Wi-Fiの予算ついた？');
      assert.equal(budget.headline, 'お尋ねの予算・費用は、ルールには書かれていません。');
      assert.match(budget.text, /507〜510/);
      assert.deepEqual(budget.verbs, ['policy.ask']);
    });

    it('en: the end of the Wi-Fi work and its budget', async () => {
      const when = await ask(
        member('en-US'),
        'When will the meeting-room Wi-Fi upgrade be finished?',
      );
      assert.equal(when.headline, 'The policy data does not include a schedule or date.');
      assert.match(when.text, /Here is what it does say/);
      assert.match(when.text, /strong only in rooms 507 to 510/);
      assert.deepEqual(when.verbs, ['policy.ask']);

      const budget = await ask(member('en-US'), 'Has the Wi-Fi upgrade been budgeted?');
      assert.equal(budget.headline, 'The policy data does not include the budget or cost.');
      assert.deepEqual(budget.verbs, ['policy.ask']);
    });

    it('ja and en: how to use C is not in the data; that C is approved is', async () => {
      const ja = await ask(member('ja-JP'), 'Cの使い方は？');
      assert.equal(ja.headline, 'お尋ねの使い方・手順は、ルールには書かれていません。');
      assert.match(ja.text, /区長部局での C: 承認済み/);
      assert.doesNotMatch(ja.headline, /外部の委員/, 'not the outside-participant entry');

      const en = await ask(member('en-US'), 'How do I use C?');
      assert.equal(en.headline, 'The policy data does not include a how-to or instructions.');
      assert.match(en.text, /C for the mayor's departments: approved/);
    });

    it('ja and en: a count the data does not state, and one it does', async () => {
      const ja = await ask(member('ja-JP'), 'テレワークPCは何台ありますか');
      assert.equal(ja.headline, 'お尋ねの台数や人数などの数は、ルールには書かれていません。');
      const en = await ask(member('en-US'), 'How many telework PCs are there?');
      assert.equal(en.headline, 'The policy data does not include a count (how many).');

      const stated = await ask(
        bot.user('kyoiku-bucho@city.example.jp', 'ja-JP'),
        'タブレットは一人何台配られますか',
      );
      assert.match(stated.headline, /一人1台タブレットを配付/);
    });
  });

  describe('ordinary words and product names in any script do not force abstention', () => {
    it('ja: ズーム and チームズ get "no record of that product" and what is approved', async () => {
      const zoom = await ask(member('ja-JP'), 'ズームみたいな会議ツールで承認済みのものある？');
      assert.equal(zoom.headline, '区長部局で Zoom を承認したという記録は、ルールにはありません。');
      assert.match(zoom.text, /区長部局で承認済み: B, C/);
      const teams = await ask(member('ja-JP'), 'チームズで会議しても大丈夫？');
      assert.equal(
        teams.headline,
        '区長部局で Teams を承認したという記録は、ルールにはありません。',
      );
    });

    it('en: Microsoft Teams and Skype get "no record of that product" and what is approved', async () => {
      const teams = await ask(member('en-US'), 'Can we use Microsoft Teams?');
      assert.equal(
        teams.headline,
        "The policy data has no record of Teams being approved for the mayor's departments.",
      );
      assert.match(teams.text, /Approved for the mayor's departments: B, C/);
      const skype = await ask(member('en-US'), 'Is Skype OK?');
      assert.match(skype.headline, /no record of Skype/);
    });

    it('ja and en: 安定 / stable, 教えて and the like are read past', async () => {
      const ja = await ask(member('ja-JP'), 'Wi-Fiが安定している部屋を教えてください');
      assert.match(ja.headline, /507〜510の会議室だけです/);
      const en = await ask(member('en-US'), 'Which rooms have stable Wi-Fi?');
      assert.match(en.headline, /strong only in rooms 507 to 510/);
    });
  });

  describe('a long message is not echoed back', () => {
    const filler = '区民の皆さんからスマホでライセンスの問い合わせがありました。';

    it('ja: quotes at most 80 characters and lists whole unknown words once', async () => {
      const long = `${filler.repeat(Math.ceil(5000 / filler.length)).slice(0, 4999)}？`;
      const reply = await ask(member('ja-JP'), long);
      assert.equal(reply.headline, 'ルールにはありません');
      const quoted = /「([^」]*)」に答える項目/.exec(reply.text)?.[1] ?? '';
      assert.ok([...quoted].length <= 81, `quoted ${[...quoted].length} characters`);
      assert.ok(quoted.endsWith('…'));
      const words = /ルールにない言葉: (.*)/.exec(reply.text)?.[1] ?? '';
      const listed = words.split('、');
      assert.deepEqual(listed, [...new Set(listed)], 'each word once');
      assert.ok(listed.length <= 5, words);
      assert.ok(listed.includes('スマホ') && listed.includes('ライセンス'), words);
      assert.ok(!listed.includes('すま') && !listed.includes('らいせんす'), words);
    });

    it('en: quotes at most 80 characters and lists each unknown word once', async () => {
      const sentence = 'Our residents keep asking about smartphone licences for the parking lot. ';
      const reply = await ask(member('en-US'), `${sentence.repeat(70)}What should we do?`);
      assert.equal(reply.headline, 'Not in the policy data');
      const quoted = /answers "([^"]*)"/.exec(reply.text)?.[1] ?? '';
      assert.ok([...quoted].length <= 81, `quoted ${[...quoted].length} characters`);
      const words = /Words the data does not have: (.*)/.exec(reply.text)?.[1] ?? '';
      const listed = words.split(', ');
      assert.deepEqual(listed, [...new Set(listed)]);
      assert.ok(listed.length <= 5, words);
    });
  });

  describe("each language's own punctuation and one name for the rules", () => {
    it('en: related entries use ASCII brackets; ja: full-width, and 「ルール」 rather than 「ポリシーデータ」', async () => {
      const en = await ask(member('en-US'), 'What can we use for video calls?');
      assert.match(en.text, /\((approved|approved with conditions|under review), [^)]+\): /);
      assert.doesNotMatch(en.text, /[（）・]/u);

      const ja = await ask(member('ja-JP'), 'Web会議ツールは何が使えますか？');
      assert.match(ja.text, /（条件付きで承認・区長部局）: /);
      const abstained = await ask(member('ja-JP'), 'Web会議の録画はしてもいいですか？');
      for (const reply of [ja, abstained]) assert.doesNotMatch(reply.text, /ポリシーデータ/);
      assert.match(abstained.text, /ルールにない言葉: 録画/);
    });
  });
});

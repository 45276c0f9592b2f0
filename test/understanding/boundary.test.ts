import { strict as assert } from 'node:assert';
import { loadDemoPolicies } from '../../src/policy/seed.js';
import { loadCorpus } from '../../src/understanding/corpus.js';
import { policyTermsOf } from '../../src/understanding/policy-terms.js';
import { Understanding, type Understood } from '../../src/understanding/understand.js';

/**
 * The border between the policy book and the other features, where words are
 * shared: a policy question may name a meeting, a meeting room, a survey, a
 * place or a how-to; a meeting, survey or help question may name Wi-Fi, a tool
 * or the rules. Each text is read as the bot reads it, with the demo policies'
 * words, and must land on the one intent a person would expect.
 */

const context = { now: new Date('2026-12-06T00:00:00Z'), timeZone: 'Asia/Tokyo', departments: [] };
const model = new Understanding(loadCorpus());
const policyWords = policyTermsOf(loadDemoPolicies());
const intentOf = (result: Understood): string =>
  result.kind === 'intent' ? result.intent : `${result.kind}`;

const POLICY = 'policy.question';

const CASES: ReadonlyArray<readonly [text: string, intent: string]> = [
  // Policy questions that name a meeting, a room, a survey, a place or a how-to.
  ['会議室でズームを使ってもいいですか？', POLICY],
  ['次の会議で外部の委員がWeb会議から参加できる？', POLICY],
  ['Wi-Fiが強い会議室はどこ？', POLICY],
  ['アンケートの集計にRPAを使っていい？', POLICY],
  ['区民アンケートをタブレットで取るのはルール上OK？', POLICY],
  ['タブレットの使い方は？', POLICY],
  ['Web会議ツールの使い方を教えて', POLICY],
  ['場所によってWi-Fiが弱いのはルールに書いてある？', POLICY],
  ['How do I use Webex for a meeting?', POLICY],
  ['Is Zoom allowed in the meeting room?', POLICY],
  ['Which meeting rooms have good Wi-Fi?', POLICY],
  ['How to use Google Meet?', POLICY],
  // Meeting, survey, item and help messages that name Wi-Fi, a tool or the rules.
  ['Wi-Fi強化の件は次の会議の議題に入ってる？', 'meetings.agenda'],
  ['テレワークのルールを次の会議で話しますか', 'meetings.agenda'],
  ['Web会議で出席します', 'meetings.attend'],
  ['Web会議ツールのアンケートに回答したい', 'surveys.answer'],
  ['Wi-Fi調査アンケートの結果を見せて', 'surveys.results'],
  ['ルール改定のアンケート、まだ回答してない部署は？', 'surveys.missing'],
  ['宿題のWi-Fi見積、終わりました', 'items.done'],
  ['ルールを調べたい。Honbuの使い方を教えて', 'core.help'],
  ['Where is the meeting about the Wi-Fi rules?', 'meetings.place'],
  ['Is the tool rules topic on the agenda?', 'meetings.agenda'],
  ["Who hasn't answered the telework survey?", 'surveys.missing'],
  ['how do I use honbu to check the rules?', 'core.help'],
];

describe('understanding: the border between the policy book and the other features', () => {
  for (const [text, expected] of CASES)
    it(`${text} → ${expected}`, () => {
      assert.equal(intentOf(model.understand(text, context, policyWords)), expected);
    });

  it('使い方 and "how do I use" about Honbu itself or one of its features stay the help card', () => {
    for (const text of [
      '延期のやり方は？',
      '使い方',
      'Honbuの使い方',
      '使い方を教えて',
      'このボットの使い方',
      'how do I use this',
    ])
      assert.equal(intentOf(model.understand(text, context, policyWords)), 'core.help', text);
  });

  it('a question about a policy subject records no attendance', () => {
    const result = model.understand('オンラインで出席できますか？', context, policyWords);
    assert.notEqual(intentOf(result), 'meetings.attend');
  });

  it('a long pasted text about licences or devices is for the policy book; one about nothing Honbu knows is not understood', () => {
    const pasted = (sentence: string) => sentence.repeat(Math.ceil(3000 / sentence.length));
    for (const text of [
      pasted('職員からタブレットのライセンス更新について質問が来ています。'),
      pasted('Staff keep asking whether their smartphones count as approved devices. '),
    ])
      assert.equal(
        intentOf(model.understand(text, context, policyWords)),
        POLICY,
        text.slice(0, 30),
      );
    for (const text of [
      pasted('区民の皆さんから問い合わせがありました。'),
      pasted('The weather was nice today and we walked in the park. '),
    ])
      assert.equal(model.understand(text, context, policyWords).kind, 'unknown', text.slice(0, 30));
  });
});

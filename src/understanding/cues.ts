import { CASE_SENSITIVE_PHRASES, PRODUCT_NAMES } from '../policy/lexicon.js';
import { conceptsOf } from './lexicon.js';
import { foldForMatching } from './normalise.js';

/**
 * Readings of a text that a word list alone gets wrong: a product name in any
 * script, a how-to about something other than Honbu, a question (not a report).
 */

/**
 * The product names the policy answerer reads (Zoom, ズーム, チームズ …), folded
 * as the understanding step folds text (ズーム → ずーむ), so both read the same
 * list. "Teams" is a product only as written; "teams" is an ordinary word.
 */
const PRODUCTS: ReadonlyArray<{ readonly folded: string; readonly asWritten?: string }> =
  Object.keys(PRODUCT_NAMES).map((name) =>
    CASE_SENSITIVE_PHRASES.has(name) ? { folded: '', asWritten: name } : { folded: fold(name) },
  );

function fold(text: string): string {
  return foldForMatching(text.normalize('NFKC'));
}

/** Whether the text names a product the policy data may be asked about. */
export function namesProduct(cleaned: string, folded: string): boolean {
  return PRODUCTS.some(({ folded: name, asWritten }) =>
    asWritten ? wholeWord(cleaned, asWritten) : wholeWord(folded, name),
  );
}

/** Latin names as whole words ("zoom", not "zoomed"); others anywhere. */
function wholeWord(text: string, name: string): boolean {
  if (!/^[a-z0-9 ]+$/i.test(name)) return text.includes(name);
  return new RegExp(`(?<![a-z])${name.replace(/ /g, '[ -]?')}(?![a-z])`, 'i').test(text);
}

/** Honbu itself: 「Honbuの使い方」「このボットの使い方」 "how do I use this". */
const SELF =
  /^(?:honbu|ほんぶ|(?:この)?(?:ぼつと|ぼと|あぷり|ちやつと)|これ|この|(?:the |this )?(?:bot|app)|this|it|you|here)$/;

/** Concepts of Honbu's own features: 「アンケートの使い方」 is help. */
const OWN_FEATURES = [
  'meeting',
  'agenda',
  'materials',
  'attend',
  'absent',
  'delegate',
  'item',
  'survey',
  'results',
  'deadLetters',
  'whoami',
];

const JA_HOW_TO = /^(.*?)(?:の|は|を)?(?:使い方|使いかた|つかいかた|使う方法|操作方法|やり方)/;
const EN_HOW_TO = /\bhow (?:do|can|should) (?:i|we|you) use (.+)$|\bhow to use (.+)$/;

/**
 * What a how-to is about, when it is about something other than Honbu
 * (「Cの使い方は？」 "How do I use C?"): Honbu knows nothing of other tools, so
 * that is for the policy book, which says the how-to is not in its data.
 * Undefined for a how-to about Honbu or one of its features, or no how-to.
 */
export function foreignHowTo(folded: string): string | undefined {
  const subject = (JA_HOW_TO.exec(folded)?.[1] ?? firstOf(EN_HOW_TO.exec(folded)) ?? '')
    .replace(/[?？。、,.!！\s]+$/u, '')
    .trim();
  if (!subject || SELF.test(subject)) return undefined;
  const concepts = conceptsOf(subject);
  if (!concepts.has('policy') && OWN_FEATURES.some((c) => concepts.has(c))) return undefined;
  return subject;
}

function firstOf(match: RegExpExecArray | null): string | undefined {
  return match ? (match[1] ?? match[2]) : undefined;
}

/** An interrogative word or mark: 「いつ終わる？」 asks, 「終わりました」 reports. */
const QUESTION = /[?？]|いつ|まだ|ですか|ますか|でしょうか|(?<![a-z])when(?![a-z])/;

/** Whether the (cleaned, unfolded) text asks rather than reports. */
export function asks(cleaned: string): boolean {
  return QUESTION.test(cleaned.toLowerCase());
}

import { CASE_SENSITIVE_PHRASES, PRODUCT_NAMES } from '../policy/lexicon.js';
import { conceptsOf } from './lexicon.js';
import { foldForMatching } from './normalise.js';
import { itemNumberIn } from './slots.js';

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

/** Honbu itself, at the end of the how-to's subject: 「Honbuの使い方」「このボットの使い方」 "use this". */
const SELF =
  /(?:^|の)(?:honbu|ほんぶ|(?:この)?(?:ぼつと|ぼと|あぷり|ちやつと)|これ|この|(?:the |this )?(?:bot|app)|this|it|you|here)$/;

/**
 * Concepts of Honbu's items, surveys and failed sends: a how-to about one is
 * help, and a text naming one is not a policy question.
 */
export const WORK_CONCEPTS = [
  'item',
  'snooze',
  'blocked',
  'reopen',
  'overdue',
  'survey',
  'results',
  'missing',
  'deadLetters',
];

/** Concepts of Honbu's own features: 「アンケートの使い方」「延期のやり方」 are help. */
const OWN_FEATURES = [
  'meeting',
  'agenda',
  'materials',
  'attend',
  'absent',
  'delegate',
  'done',
  'progress',
  ...WORK_CONCEPTS,
  'whoami',
];

/**
 * The last how-to of the text is the one asked: 「ツールの使い方じゃなくて、このボットの
 * 使い方を教えて」 asks about the bot.
 */
const JA_HOW_TO = /^(.*)(?:使い方|使いかた|つかいかた|使う方法|操作方法|やり方)/;
/** A particle between the subject and the how-to (「Cの使い方」「ボットは使い方が…」). */
const JA_PARTICLE = /(?:の|は|を)$/;
/** A how-to that starts its own sentence (「何ができますか。使い方を…」) has no subject of its own. */
const SENTENCE_END = /[?？。!！]\s*$/u;
const EN_HOW_TO = /\bhow (?:do|can|should) (?:i|we|you) use (.+)$|\bhow to use (.+)$/;
/** Where an English how-to's subject ends: "use Webex | for a meeting". */
const EN_SUBJECT_END = /\s(?:to|for|in|on|at|with|when|during|so|and|if)\s.*$/;

/**
 * What a how-to is about: Honbu or one of its features (「使い方」「Honbuの使い方」
 * 「アンケートの使い方」), or something else (「Cの使い方は？」 "How do I use C?").
 * Honbu knows nothing of other tools, so that is for the policy book, which says
 * the how-to is not in its data. Undefined when the text asks no how-to.
 */
export function howToAbout(folded: string): 'honbu' | 'other' | undefined {
  const jaPhrase = JA_HOW_TO.exec(folded)?.[1];
  if (jaPhrase !== undefined && SENTENCE_END.test(jaPhrase)) return 'honbu';
  const ja = jaPhrase?.replace(JA_PARTICLE, '');
  const en = EN_HOW_TO.exec(folded);
  const phrase = ja ?? (en ? (en[1] ?? en[2] ?? '').replace(EN_SUBJECT_END, '') : '');
  if (ja === undefined && !en) return undefined;
  // The last clause before the how-to: 「ルールを調べたい。Honbuの使い方」 is about Honbu.
  // A space ends a Japanese clause, not an English one ("google meet").
  const clauses = ja === undefined ? /[?？。、,.!！]+(?=\S)/u : /[?？。、,.!！\s]+(?=\S)/u;
  const subject =
    phrase
      .split(clauses)
      .pop()
      ?.replace(/[?？。、,.!！\s]+$/u, '')
      .trim() ?? '';
  if (!subject || SELF.test(subject)) return 'honbu';
  const concepts = conceptsOf(subject);
  return !concepts.has('policy') && OWN_FEATURES.some((c) => concepts.has(c)) ? 'honbu' : 'other';
}

/** An interrogative word or mark: 「いつ終わる？」 asks, 「終わりました」 reports. */
const QUESTION = /[?？]|いつ|まだ|ですか|ますか|でしょうか|(?<![a-z])when(?![a-z])/;

/** Whether the (cleaned, unfolded) text asks rather than reports. */
export function asks(cleaned: string): boolean {
  return QUESTION.test(cleaned.toLowerCase());
}

/** 「使ってもいい？」「ルール上OK？」 "Is it allowed?": asks what the rules permit. */
const PERMISSION =
  /[てで]も?(?:いい|良い|よい|大丈夫|ok|問題な)|ルール上|るーる上|規則上|認められ|許可|禁止|(?<![a-z])(?:allowed|permitted|ok to|okay to|may (?:i|we))(?![a-z])/;

/** Whether the (folded) text asks what is permitted. */
export function asksPermission(folded: string): boolean {
  return PERMISSION.test(folded);
}

/** 「出席します」「参加しました」 "I'll join": the asker says what they do, not asks. */
const STATEMENT = /(?:ます|ました|ません)$|^(?:i'll|i will|i am|i'm|we'll|we will)(?![a-z])/;

/** Whether the text states what the asker does (folded; not a question). */
export function states(cleaned: string, folded: string): boolean {
  return !asks(cleaned) && STATEMENT.test(folded);
}

/**
 * 「8割方終わった」「ほぼ完了」「3課まで確認済み、残り2課」 "mostly done", "done so far": a share of
 * the work is a progress note.
 */
const PARTIAL =
  /\d+\s*(?:割|%|パーセント)|半分|ほぼ|大体|だいたい|残り\s*\d|(?<![a-z])(?:almost|mostly|halfway|partly|partially|partway|percent|so far)(?![a-z])/;
/**
 * 「宿題4、見積を1社もらいました」 "item 2: we met two vendors": one item named by its number,
 * then what was done, in a statement. It reports on the item; asking to see it takes a
 * request word (見せて, 詳細, show) or a question.
 */
const REPORT_END =
  /(?:ました|ています|ている|てます|ところです|ところ|中です|中|済み|済|実施)[。.!！\s]*$|(?<![a-z])(?:started|met|sent|received|drafted|collected|contacted|talked|spoke|reviewed|prepared|asked)(?![a-z])/;
const REQUEST =
  /見せ|みせ|教え|おしえ|見たい|みたい|知りたい|確認したい|確認させ|詳細|詳しく|内容|ください|下さい|ちょうだい|(?<![a-z])(?:show|tell|what|which|see|view|details?|about|list)(?![a-z])/;
/** Concepts that already say what the message does to the item. */
const ITEM_CHANGES = ['done', 'progress', 'snooze', 'blocked', 'reopen'];

/** 「#4 +3日」「あと2日」 "+1 week", "3 more days": a due date pushed back by so long. */
const PUSHED_BY =
  /(?:\+|あと|もう)\s*\d+\s*(?:日|週|days?|weeks?|d|w)(?![a-z])|\d+\s*more\s+(?:days?|weeks?)/;
/** 「もう一度知らせて」 "remind me again": a reminder repeated. */
const REMIND_AGAIN = /(?:もう一度|また|再度)(?:知らせ|教え|りまいんど)|remind me again/;
/** 「代理扱い？」 "am I recorded as a delegate?": how the asker is registered. */
const ROLE_ASKED = /扱い|(?<![a-z])(?:recorded|registered|listed|set up|treated) as(?![a-z])/;

/**
 * Concepts a word list cannot read: a share of the work done (progress, not
 * done), a numbered item followed by what was done (progress), a due date
 * pushed by "+3日" (snooze), a question of how the asker is registered (whoami,
 * even when it names 代理). Returns a new set.
 */
export function withShorthand(
  cleaned: string,
  folded: string,
  concepts: ReadonlySet<string>,
): Set<string> {
  const read = new Set(concepts);
  if (PARTIAL.test(folded) && (read.has('done') || read.has('item'))) {
    read.delete('done');
    read.add('progress');
  }
  if (
    itemNumberIn(cleaned) !== undefined &&
    REPORT_END.test(folded) &&
    !QUESTION.test(folded) &&
    !REQUEST.test(folded) &&
    !ITEM_CHANGES.some((c) => read.has(c))
  )
    read.add('progress');
  if (PUSHED_BY.test(folded)) read.add('snooze');
  // 「3日後にもう一度知らせて」 asks a reminder again, not a finished item back.
  if (read.has('snooze') && REMIND_AGAIN.test(folded)) read.delete('reopen');
  if (ROLE_ASKED.test(folded)) {
    read.delete('delegate');
    read.add('whoami');
  }
  return read;
}

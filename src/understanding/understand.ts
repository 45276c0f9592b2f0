import type { Slots } from '../app/intent.js';
import { NaiveBayes, type Scored } from './classifier.js';
import type { LabelledUtterance } from './corpus.js';
import {
  asks,
  asksPermission,
  howToAbout,
  namesProduct,
  states,
  withShorthand,
  WORK_CONCEPTS,
} from './cues.js';
import { conceptsOf } from './lexicon.js';
import { cleanText, foldForMatching } from './normalise.js';
import type { PolicyWords } from './policy-terms.js';
import { withoutPreamble } from './preamble.js';
import { romajiAsKana } from './romaji.js';
import { readSlots, type SlotContext } from './slots.js';

export const POLICY_INTENT = 'policy.question';
const HELP_INTENT = 'core.help';
/** Characters of a message the step reads. */
const MAX_READ_LENGTH = 200;
/**
 * People write the bot short messages (the corpus's longest is about 50
 * characters). Past this length, n-grams alone are noise: a pasted text that
 * names nothing Honbu knows is not understood rather than read as 「ありがとう」.
 */
const LONG_TEXT = 100;

export type Understood =
  /** Sure enough to act. */
  | { readonly kind: 'intent'; readonly intent: string; readonly slots: Slots; readonly p: number }
  /** Two or three intents are close: ask which, with one button each. */
  | { readonly kind: 'ask'; readonly candidates: readonly string[]; readonly slots: Slots }
  /** Nothing fits: say so, with the likeliest intents as suggestions. */
  | { readonly kind: 'unknown'; readonly suggestions: readonly string[] };

/**
 * Concepts that rule the policy book out: a text naming an item, a survey,
 * an agenda or a delegate is about that, even if it also names a policy word
 * (「テレワーク可否の一覧を作成中」 is a progress note). 会議, 場所 and 参加 are
 * not among them: 「会議室のWi-Fi」「外部の委員が参加するWeb会議」 are policy questions.
 */
const EXCLUDE_POLICY = [
  ...WORK_CONCEPTS,
  'outbox',
  'agenda',
  'materials',
  'delegate',
  'absent',
  'greeting',
  'thanks',
  'whoami',
];

/**
 * Report words (終わりました, 作成中) rule the policy book out too, but not in a
 * question about a policy subject: 「会議室のWi-Fi強化はいつ終わる？」 asks when
 * the work ends, and only the policy book can say that it does not know.
 */
const REPORTS = ['done', 'progress'];

/**
 * Nouns of a feature (アンケート, 議題) that rule the policy book out, except in a
 * question of what the rules permit about a policy subject: 「アンケートにZoomの
 * URLを書いてもいい？」 is for the policy book; no feature answers "may I?".
 */
const PERMISSION_ASKED_ANYWAY = ['survey', 'results', 'missing', 'agenda', 'materials'];

/**
 * Concepts that make a meeting's place or time about a meeting. Without one, a
 * room (会議室) or a date asked with a policy word is about the policy's subject.
 */
const MEETING_WORDS = ['meeting', 'next', 'agenda', 'materials', 'attend', 'absent', 'delegate'];
const PLACE_OR_TIME = ['meetings.place', 'meetings.next'];
/** Parts of a meeting asked for by name; without a "when", the date is not what is asked. */
const MEETING_PARTS = ['place', 'agenda', 'materials'];

/**
 * Intents that change something (attendance, an item's status) are acted on
 * only when the text says so in words the lexicon knows: 「お願いします」 alone
 * must not record an attendance.
 */
const CHANGES_NEED: Readonly<Record<string, string | readonly string[]>> = {
  'meetings.attend': 'attend',
  // 「参加できません」 says absence with an attendance word and a negation.
  'meetings.absent': ['absent', 'attend+negative'],
  'meetings.delegate': 'delegate',
  'items.done': 'done',
  'items.progress': 'progress',
  'items.snooze': 'snooze',
  'items.blocked': 'blocked',
  'items.reopen': 'reopen',
};

/** Concepts that name one feature for sure; a text naming one is about that feature. */
const FEATURE_CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  meetings: ['meeting', 'place', 'agenda', 'materials', 'attend', 'absent', 'delegate'],
  items: ['item', 'done', 'progress', 'snooze', 'blocked', 'reopen', 'overdue'],
  surveys: ['survey', 'results'],
  deadLetters: ['deadLetters'],
  outbox: ['outbox'],
};

export interface Thresholds {
  /** The best intent's probability must reach this to act on it... */
  readonly act: number;
  /** ...and lead the second by this much. */
  readonly margin: number;
  /** Below this, the text is not understood at all. */
  readonly ask: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { act: 0.5, margin: 0.15, ask: 0.12 };

interface Learnt {
  readonly model: NaiveBayes;
  /** The folded utterances of every other intent, to tell a policy word from a common one. */
  readonly otherTexts: readonly string[];
}

/**
 * Free text → intent and slots: rules where they are surer (a non-policy cue
 * keeps a text away from the policy book), a classifier learnt from the
 * features' labelled utterances for the rest, and a question back
 * when the classifier is unsure.
 */
export class Understanding {
  #learnt: Learnt | undefined;
  private readonly distinctive = new WeakMap<readonly string[], readonly string[]>();

  constructor(
    private readonly corpus: readonly LabelledUtterance[],
    private readonly thresholds: Thresholds = DEFAULT_THRESHOLDS,
  ) {}

  /**
   * Learnt from the corpus on the first free text rather than at start: starting,
   * card buttons and exact commands never need it, and a new instance is ready sooner.
   */
  private get learnt(): Learnt {
    if (!this.#learnt) {
      const folded = this.corpus.map((u) => ({ text: foldForMatching(u.text), label: u.intent }));
      this.#learnt = {
        model: new NaiveBayes(folded),
        otherTexts: folded.filter((u) => u.label !== POLICY_INTENT).map((u) => u.text),
      };
    }
    return this.#learnt;
  }

  /**
   * The policy words no other intent's example uses (録画, not 調整 or good):
   * a text with one of them is a policy question for sure.
   */
  private distinctiveTerms(terms: readonly string[]): readonly string[] {
    let found = this.distinctive.get(terms);
    if (!found) {
      found = terms.filter(
        (term) =>
          term.length >= 2 && !this.learnt.otherTexts.some((text) => containsTerm(text, term)),
      );
      this.distinctive.set(terms, found);
    }
    return found;
  }

  /**
   * `permitted` (the intents the asker's role may use) limits the answer and
   * the questions back, so nobody is offered a button they may not press.
   */
  understand(
    text: string,
    context: SlotContext,
    policyWords: PolicyWords = { titles: [], keywords: [] },
    permitted?: ReadonlySet<string>,
  ): Understood {
    // What matters is said early; a pasted 5,000-character text is read by its start.
    // Romaji is read as kana; a greeting or introduction before the request is courtesy.
    const cleaned = withoutPreamble(romajiAsKana(cleanText(text).slice(0, MAX_READ_LENGTH)));
    const folded = foldForMatching(cleaned);
    const read = withShorthand(cleaned, folded, conceptsOf(folded));
    const concepts = new Set(read);
    // 「Cの使い方は？」 asks how to use C, not Honbu: no help card for it.
    const howTo = howToAbout(folded);
    if (howTo === 'honbu' && (!permitted || permitted.has(HELP_INTENT)))
      return { kind: 'intent', intent: HELP_INTENT, slots: {}, p: 1 };
    if (howTo === 'other') {
      concepts.delete('help');
      concepts.add('policy');
    }
    if ([...policyWords.titles, ...policyWords.keywords].some((term) => containsTerm(folded, term)))
      concepts.add('policy');
    // A question about a policy subject changes nothing and may name a report word.
    const asked = asks(cleaned) && concepts.has('policy');
    const permission = asked && asksPermission(folded);
    if (asked && !concepts.has('item')) for (const report of REPORTS) concepts.delete(report);
    if (permission) for (const noun of PERMISSION_ASKED_ANYWAY) concepts.delete(noun);
    // 「Web会議で出席します」 says an attendance, whatever the means.
    const excluded =
      [...EXCLUDE_POLICY, ...REPORTS].some((c) => concepts.has(c)) ||
      (concepts.has('attend') && states(cleaned, folded));
    // A word only the policy data uses (録画 of 「会議の録画」), a product (ズーム)
    // or a how-to about something else makes a question for the policy book,
    // unless the text is about an item, a survey, an agenda...
    if (!excluded && (!permitted || permitted.has(POLICY_INTENT))) {
      if (
        howTo === 'other' ||
        permission ||
        namesProduct(cleaned, folded) ||
        onlyPolicy(concepts) ||
        this.distinctiveTerms(policyWords.titles).some((term) => containsTerm(folded, term))
      )
        return { kind: 'intent', intent: POLICY_INTENT, slots: {}, p: 1 };
    }
    const prediction = this.learnt.model.predict(folded, read);
    const ranked = rerank(prediction.ranked, concepts, permitted, { asked, excluded });
    const [best, second] = ranked;
    if (!best || (concepts.size === 0 && (prediction.coverage < 0.3 || cleaned.length > LONG_TEXT)))
      return { kind: 'unknown', suggestions: ranked.slice(0, 3).map((s) => s.label) };
    const slots = readSlots(cleaned, context);
    // A list asked for with one item's number (宿題6の詳細) is that item.
    if (
      slots.itemNumber !== undefined &&
      ['items.mine', 'items.list', 'items.show'].includes(best.label) &&
      (!permitted || permitted.has('items.show'))
    )
      return { kind: 'intent', intent: 'items.show', slots, p: best.p };
    const lead = best.p - (second?.p ?? 0);
    const said = saysChange(best.label, concepts);
    if (said && best.p >= this.thresholds.act && lead >= this.thresholds.margin)
      return { kind: 'intent', intent: best.label, slots, p: best.p };
    if (best.p < this.thresholds.ask)
      return { kind: 'unknown', suggestions: ranked.slice(0, 3).map((s) => s.label) };
    const candidates = ranked
      .filter((s, i) => i === 0 || s.p >= best.p / 3)
      .slice(0, 3)
      .map((s) => s.label);
    if (candidates.length === 1)
      return said
        ? { kind: 'intent', intent: best.label, slots, p: best.p }
        : { kind: 'ask', candidates, slots };
    return { kind: 'ask', candidates, slots };
  }
}

/**
 * Keeps the classifier's order but drops what the rules rule out: intents of
 * a role that may not use them, and the policy book when the text names
 * another feature (宿題, 会議, アンケート) and nothing of the policies.
 */
function rerank(
  ranked: readonly Scored[],
  concepts: ReadonlySet<string>,
  permitted: ReadonlySet<string> | undefined,
  reading: { readonly asked: boolean; readonly excluded: boolean },
): Scored[] {
  const named = Object.values(FEATURE_CONCEPTS).some((list) => list.some((c) => concepts.has(c)));
  const policyAllowed = !reading.excluded && (concepts.has('policy') || !named);
  const aboutMeeting = !concepts.has('policy') || MEETING_WORDS.some((c) => concepts.has(c));
  const asksPart = !concepts.has('when') && MEETING_PARTS.some((c) => concepts.has(c));
  const kept = ranked.filter((s) => {
    if (permitted && !permitted.has(s.label)) return false;
    if (s.label === POLICY_INTENT) return policyAllowed;
    // 「送信失敗」 "failed to go out" is a failed send, not the outbox.
    if (s.label === 'outbox.list' && concepts.has('deadLetters')) return false;
    // 「次の会議の場所」 "the agenda of next meeting" asks that part, not the date.
    if (s.label === 'meetings.next' && asksPart) return false;
    if (PLACE_OR_TIME.includes(s.label)) return aboutMeeting;
    // 「Web会議から参加できる？」 asks; it records no attendance.
    if (reading.asked && s.label in CHANGES_NEED) return false;
    return true;
  });
  // A change the text does not put in words counts for less (see CHANGES_NEED).
  const weighed = kept.map((s) => ({
    label: s.label,
    p: saysChange(s.label, concepts) ? s.p : s.p * UNSAID_CHANGE_WEIGHT,
  }));
  const sum = weighed.reduce((a, s) => a + s.p, 0) || 1;
  return weighed.map((s) => ({ label: s.label, p: s.p / sum })).sort((a, b) => b.p - a.p);
}

/** Concepts that name what Honbu does itself, beside the policy book. */
const OWN_CONCEPTS = [
  ...Object.values(FEATURE_CONCEPTS).flat(),
  'help',
  'greeting',
  'thanks',
  'whoami',
];

/**
 * A text that names the policies' subjects (ライセンス, スマホ, Wi-Fi) and
 * nothing Honbu does itself is for the policy book, however long it is.
 */
function onlyPolicy(concepts: ReadonlySet<string>): boolean {
  return concepts.has('policy') && !OWN_CONCEPTS.some((c) => concepts.has(c));
}

/** How much a change intent counts when its words are missing. */
const UNSAID_CHANGE_WEIGHT = 0.2;

function saysChange(intent: string, concepts: ReadonlySet<string>): boolean {
  const needed = CHANGES_NEED[intent];
  return (
    needed === undefined ||
    [needed].flat().some((all) => all.split('+').every((concept) => concepts.has(concept)))
  );
}

/** Japanese terms anywhere; Latin ones as whole words ("tools", not "toolset"). */
function containsTerm(folded: string, term: string): boolean {
  if (!/^[a-z0-9'’-]+$/.test(term)) return folded.includes(term);
  const at = folded.indexOf(term);
  if (at < 0) return false;
  const before = folded[at - 1] ?? ' ';
  const after = folded[at + term.length] ?? ' ';
  return !/[a-z]/.test(before) && !/[a-z]/.test(after);
}

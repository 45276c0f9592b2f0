import { readFileSync } from 'node:fs';
import type { Slots } from '../../src/app/intent.js';
import type { Locale } from '../../src/i18n/locale.js';
import type { PolicyContent } from '../../src/policy/model.js';
import { loadCorpus, splitCorpus, type LabelledUtterance } from '../../src/understanding/corpus.js';
import { foldForMatching } from '../../src/understanding/normalise.js';
import { policyTermsOf, type PolicyWords } from '../../src/understanding/policy-terms.js';
import {
  POLICY_INTENT,
  Understanding,
  type Understood,
} from '../../src/understanding/understand.js';

/** One labelled case: what a person wrote, what they meant, the slots in it. */
export interface EvalCase {
  readonly text: string;
  readonly lang: Locale;
  readonly intent: string;
  readonly slots: Slots;
}

export interface Tally {
  right: number;
  total: number;
}

export interface EvalReport {
  readonly cases: number;
  readonly overall: Tally;
  /** The cases whose text (folded) is not also an utterance of the corpus. */
  readonly unseen: Tally;
  readonly byLocale: Record<Locale, Tally>;
  readonly byIntent: Record<string, Tally & { asked: number }>;
  /** Cases answered with a question back (counted as not right). */
  readonly asked: number;
  readonly bySlot: Record<string, Tally>;
  /** Non-policy cases that the policy book would have answered. */
  readonly reachedPolicy: number;
  readonly misses: ReadonlyArray<{ text: string; expected: string; got: string }>;
}

/** The day the held-out dates are relative to (the demo committee's Monday). */
export const EVAL_NOW = new Date('2026-11-02T00:00:00Z');
const TIME_ZONE = 'Asia/Tokyo';

function demoPolicyTerms(): PolicyWords {
  const url = new URL('../../src/policy/demo-policies.json', import.meta.url);
  const demo = JSON.parse(readFileSync(url, 'utf-8')) as {
    policies: Array<Pick<PolicyContent, 'title'> & Partial<Pick<PolicyContent, 'keywords'>>>;
  };
  return policyTermsOf(
    demo.policies.map((p) => ({ title: p.title, keywords: p.keywords ?? { ja: [], en: [] } })),
  );
}

function describe(result: Understood): string {
  if (result.kind === 'intent') return result.intent;
  if (result.kind === 'ask') return `ask(${result.candidates.join('|')})`;
  return 'unknown';
}

function sameSlot(key: string, expected: unknown, got: unknown): boolean {
  if (key === 'person' || key === 'note') {
    // A name or note is right when the same words came out, give or take spacing.
    const norm = (v: unknown) =>
      String(v ?? '')
        .replace(/\s+/g, '')
        .toLowerCase();
    return (
      norm(expected) !== '' &&
      (norm(got).includes(norm(expected)) ||
        (norm(expected).includes(norm(got)) && norm(got).length > 0))
    );
  }
  return expected === got;
}

/** Scores the understanding step on cases it did not learn from. */
export function evaluate(
  model: Understanding,
  cases: readonly EvalCase[],
  corpus: readonly LabelledUtterance[] = loadCorpus(),
): EvalReport {
  const terms = demoPolicyTerms();
  const known = new Set(corpus.map((u) => foldForMatching(u.text)));
  const unseen = { right: 0, total: 0 };
  const context = { now: EVAL_NOW, timeZone: TIME_ZONE, departments: [] };
  const tally = (): Tally => ({ right: 0, total: 0 });
  const overall = tally();
  const byLocale: Record<Locale, Tally> = { ja: tally(), en: tally() };
  const byIntent: Record<string, Tally & { asked: number }> = {};
  const bySlot: Record<string, Tally> = {};
  const misses: Array<{ text: string; expected: string; got: string }> = [];
  let asked = 0;
  let reachedPolicy = 0;
  for (const c of cases) {
    const result = model.understand(c.text, context, terms);
    const right = result.kind === 'intent' && result.intent === c.intent;
    const intentTally = (byIntent[c.intent] ??= { ...tally(), asked: 0 });
    const tallies = [overall, byLocale[c.lang], intentTally];
    if (!known.has(foldForMatching(c.text))) tallies.push(unseen);
    for (const t of tallies) {
      t.total++;
      if (right) t.right++;
    }
    if (result.kind === 'ask') {
      asked++;
      intentTally.asked++;
    }
    if (result.kind === 'intent' && result.intent === POLICY_INTENT && c.intent !== POLICY_INTENT)
      reachedPolicy++;
    if (!right) misses.push({ text: c.text, expected: c.intent, got: describe(result) });
    const slots: Slots = result.kind === 'unknown' ? {} : result.slots;
    for (const [key, expected] of Object.entries(c.slots)) {
      const t = (bySlot[key] ??= tally());
      t.total++;
      if (sameSlot(key, expected, slots[key as keyof Slots])) t.right++;
    }
  }
  return {
    cases: cases.length,
    overall,
    unseen,
    byLocale,
    byIntent,
    asked,
    bySlot,
    reachedPolicy,
    misses,
  };
}

/**
 * The held-out sets, by file, each written by an author who saw neither the
 * corpus nor the sets before it: `heldout.json` and `heldout-2.json` were then
 * read while fixing kinds of misses; `heldout-3.json` (intents only) was only
 * ever measured, so it is the honest figure for phrasings nobody here wrote.
 */
export const HELD_OUT_SETS = ['heldout.json', 'heldout-2.json', 'heldout-3.json'] as const;
export type HeldOutSet = (typeof HELD_OUT_SETS)[number];

/** A held-out set, if it is in this checkout. */
export function heldOutCases(file: HeldOutSet = 'heldout.json'): EvalCase[] | undefined {
  const url = new URL(`./${file}`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf-8')) as EvalCase[];
  } catch {
    return undefined;
  }
}

function asCases(utterances: readonly LabelledUtterance[]): EvalCase[] {
  return utterances.map((u) => ({ text: u.text, lang: u.locale, intent: u.intent, slots: {} }));
}

/**
 * The model and the cases to score it on: trained on the whole corpus and
 * scored on the held-out set when there is one, else on a split of the corpus.
 */
export function evaluationSetup(file: HeldOutSet = 'heldout.json'): {
  model: Understanding;
  training: LabelledUtterance[];
  cases: EvalCase[];
  source: string;
} {
  const corpus = loadCorpus();
  const heldOut = heldOutCases(file);
  if (heldOut)
    return {
      model: new Understanding(corpus),
      training: corpus,
      cases: heldOut,
      source: `held-out set ${file}`,
    };
  const { train, test } = splitCorpus(corpus);
  return {
    model: new Understanding(train),
    training: train,
    cases: asCases(test),
    source: 'corpus split (1 in 5)',
  };
}

export const percent = (t: Tally) => (t.total === 0 ? 100 : (100 * t.right) / t.total);

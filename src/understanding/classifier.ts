import { conceptsOf } from './lexicon.js';

/**
 * A multinomial naive Bayes classifier over character 1–3-grams (and whole
 * words for Latin text). Japanese has no spaces, so characters are the natural
 * unit; short n-grams also absorb typos and kana/kanji variants that a word
 * list would miss. Training is a single counting pass, so the model is built
 * at start-up from the labelled corpus in milliseconds, and a prediction is one
 * dictionary look-up per n-gram per intent.
 */

export interface Example {
  readonly text: string;
  readonly label: string;
}

export interface Scored {
  readonly label: string;
  /** Posterior probability among the labels, 0–1. */
  readonly p: number;
}

export interface Prediction {
  /** Labels, most likely first. */
  readonly ranked: readonly Scored[];
  /** Share of the text's 2- and 3-grams the corpus has seen (0 = nothing familiar). */
  readonly coverage: number;
}

/** How many times a concept counts, against one per n-gram. */
const CONCEPT_WEIGHT = 10;

/** Features of an already folded text: its n-grams, its Latin words, its concepts. */
export function features(folded: string): string[] {
  const found: string[] = [];
  for (const concept of conceptsOf(folded))
    for (let i = 0; i < CONCEPT_WEIGHT; i++) found.push(`c:${concept}`);
  const padded = `^${folded}$`;
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      const gram = padded.slice(i, i + n);
      if (n === 1 && (gram === '^' || gram === '$' || gram === ' ')) continue;
      found.push(gram);
    }
  }
  for (const word of folded.split(/[^a-z0-9#]+/)) if (word.length > 1) found.push(`w:${word}`);
  return found;
}

interface LabelModel {
  readonly label: string;
  readonly logPrior: number;
  readonly counts: Map<string, number>;
  /** log(total + alpha * vocabulary) for the smoothing denominator. */
  readonly logDenominator: number;
}

export class NaiveBayes {
  private readonly models: readonly LabelModel[];
  private readonly vocabulary: ReadonlySet<string>;

  /**
   * `alpha` is the additive smoothing; `temperature` softens the posterior,
   * which naive Bayes overstates because it counts overlapping n-grams as
   * independent evidence.
   */
  constructor(
    examples: readonly Example[],
    private readonly alpha = 0.3,
    private readonly temperature = 8,
  ) {
    const byLabel = new Map<string, { docs: number; counts: Map<string, number>; total: number }>();
    const vocabulary = new Set<string>();
    for (const { text, label } of examples) {
      let entry = byLabel.get(label);
      if (!entry) byLabel.set(label, (entry = { docs: 0, counts: new Map(), total: 0 }));
      entry.docs++;
      for (const f of features(text)) {
        vocabulary.add(f);
        entry.counts.set(f, (entry.counts.get(f) ?? 0) + 1);
        entry.total++;
      }
    }
    this.vocabulary = vocabulary;
    // Equal priors: the corpus sizes per intent say how much was written, not how often it is asked.
    const logPrior = -Math.log(Math.max(byLabel.size, 1));
    this.models = [...byLabel].map(([label, entry]) => ({
      label,
      logPrior,
      counts: entry.counts,
      logDenominator: Math.log(entry.total + alpha * (vocabulary.size + 1)),
    }));
  }

  get labels(): string[] {
    return this.models.map((m) => m.label);
  }

  predict(folded: string): Prediction {
    const grams = features(folded);
    let known = 0;
    let counted = 0;
    for (const g of grams) {
      if (g.length < 2 || g.startsWith('w:')) continue;
      counted++;
      if (this.vocabulary.has(g)) known++;
    }
    const scores = this.models.map((m) => {
      let score = m.logPrior;
      for (const g of grams)
        score += Math.log((m.counts.get(g) ?? 0) + this.alpha) - m.logDenominator;
      return { label: m.label, score };
    });
    const scale = Math.max(1, grams.length / this.temperature);
    const top = Math.max(...scores.map((s) => s.score));
    const weights = scores.map((s) => ({ label: s.label, w: Math.exp((s.score - top) / scale) }));
    const sum = weights.reduce((a, b) => a + b.w, 0);
    const ranked = weights.map((x) => ({ label: x.label, p: x.w / sum })).sort((a, b) => b.p - a.p);
    return { ranked, coverage: counted === 0 ? 0 : known / counted };
  }
}

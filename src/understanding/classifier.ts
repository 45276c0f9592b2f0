import { conceptsOf } from './lexicon.js';

/**
 * A multinomial naive Bayes classifier over character 1–3-grams (and whole
 * words for Latin text). Japanese has no spaces, so characters are the natural
 * unit; short n-grams also absorb typos and kana/kanji variants that a word
 * list would miss. Training is a single counting pass, so the model is built
 * from the labelled corpus in milliseconds, and a prediction is one
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

/**
 * Features of an already folded text: its n-grams, its Latin words, its
 * concepts (read from the text unless the caller has read them already).
 */
export function features(
  folded: string,
  concepts: ReadonlySet<string> = conceptsOf(folded),
): string[] {
  const found: string[] = [];
  for (const concept of concepts)
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

export class NaiveBayes {
  readonly labels: readonly string[];
  /**
   * Per feature, the log-likelihood under each label, in `labels` order: one
   * map look-up per feature at prediction time, whatever the number of labels.
   */
  private readonly logLikelihoods: ReadonlyMap<string, Float64Array>;
  /** The log-likelihood of a feature no label has seen. */
  private readonly unseen: Float64Array;

  /**
   * `alpha` is the additive smoothing; `temperature` softens the posterior,
   * which naive Bayes overstates because it counts overlapping n-grams as
   * independent evidence. Priors are equal: the corpus sizes per intent say
   * how much was written, not how often it is asked.
   */
  constructor(
    examples: readonly Example[],
    alpha = 0.3,
    private readonly temperature = 8,
  ) {
    const labels = [...new Set(examples.map((e) => e.label))];
    const index = new Map(labels.map((label, i) => [label, i]));
    const counts = new Map<string, Float64Array>();
    const totals = new Float64Array(labels.length);
    for (const { text, label } of examples) {
      const at = index.get(label) ?? 0;
      for (const f of features(text)) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = new Float64Array(labels.length)));
        row[at] = (row[at] ?? 0) + 1;
        totals[at] = (totals[at] ?? 0) + 1;
      }
    }
    const logDenominators = totals.map((total) => Math.log(total + alpha * (counts.size + 1)));
    this.unseen = logDenominators.map((d) => Math.log(alpha) - d);
    this.logLikelihoods = new Map(
      [...counts].map(([f, row]) => [
        f,
        row.map((count, i) => Math.log(count + alpha) - (logDenominators[i] ?? 0)),
      ]),
    );
    this.labels = labels;
  }

  predict(folded: string, concepts?: ReadonlySet<string>): Prediction {
    const grams = features(folded, concepts);
    const scores = new Float64Array(this.labels.length);
    let known = 0;
    let counted = 0;
    for (const g of grams) {
      const row = this.logLikelihoods.get(g);
      if (g.length >= 2 && !g.startsWith('w:')) {
        counted++;
        if (row) known++;
      }
      const add = row ?? this.unseen;
      for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] ?? 0) + (add[i] ?? 0);
    }
    const scale = Math.max(1, grams.length / this.temperature);
    const top = Math.max(...scores);
    const weights = [...scores].map((score) => Math.exp((score - top) / scale));
    const sum = weights.reduce((a, b) => a + b, 0);
    const ranked = this.labels
      .map((label, i) => ({ label, p: (weights[i] ?? 0) / sum }))
      .sort((a, b) => b.p - a.p);
    return { ranked, coverage: counted === 0 ? 0 : known / counted };
  }
}

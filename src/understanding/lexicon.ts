import { readFileSync } from 'node:fs';
import { PRODUCT_NAMES } from '../policy/lexicon.js';
import { foldForMatching } from './normalise.js';

/**
 * Concepts: words that mean the same thing across phrasings and both languages
 * (場所 / どこ / 会場 / where / venue). A message that names a concept gets the
 * concept as an extra feature, so the classifier learns "place" once rather
 * than every way to say it, and the cue rules read features by concept.
 * The word lists are data, in concepts.json beside this file.
 * Japanese entries are substrings of the folded text; English ones whole words
 * (a trailing * allows any ending: finish* = finish, finished, finishing).
 */
const WORDS = JSON.parse(
  readFileSync(new URL('./concepts.json', import.meta.url), 'utf-8'),
) as Readonly<Record<string, readonly string[]>>;

/**
 * The product names (Zoom, ズーム, チームズ …) are policy words from the list the
 * policy answerer reads, so a product it knows is one this step knows.
 */
const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  ...WORDS,
  policy: [...(WORDS['policy'] ?? []), ...Object.keys(PRODUCT_NAMES).map((n) => n.toLowerCase())],
};

/**
 * A word of the second concept is not also a word of the first: a 会議室 or a
 * "meeting room" is a room, and its Wi-Fi is not a meeting's business.
 */
const MASKED_BY: Readonly<Record<string, string>> = { meeting: 'room' };

interface Matcher {
  readonly concept: string;
  readonly test: (folded: string) => boolean;
  /** The text with this concept's words blanked out. */
  readonly mask: (folded: string) => string;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MATCHERS: readonly Matcher[] = Object.entries(CONCEPTS).flatMap(([concept, words]) => {
  const latin = words.filter((w) => /^[\x20-\x7e’]+$/.test(w) && !/[一-龯]/.test(w));
  const folded = words.filter((w) => !latin.includes(w)).map((w) => foldForMatching(w));
  // Romaji drops the long-vowel mark (「anketo」「ruru」): each word is also known without it.
  const other = [
    ...new Set([
      ...folded,
      ...folded.map((w) => w.replace(/ー/g, '')).filter((w) => w.length >= 3),
    ]),
  ];
  const source =
    latin.length > 0
      ? `(?<![a-z])(?:${latin.map((w) => (w.endsWith('*') ? `${escape(w.slice(0, -1))}[a-z]*` : escape(w))).join('|')})(?![a-z])`
      : undefined;
  const pattern = source === undefined ? undefined : new RegExp(source);
  const every = source === undefined ? undefined : new RegExp(source, 'g');
  return [
    {
      concept,
      test: (folded: string) =>
        (pattern?.test(folded) ?? false) || other.some((w) => folded.includes(w)),
      mask: (folded: string) =>
        other.reduce(
          (text, w) => text.split(w).join(' '),
          every ? folded.replace(every, ' ') : folded,
        ),
    },
  ];
});

const BY_CONCEPT = new Map(MATCHERS.map((m) => [m.concept, m]));

/** The concepts a folded text names. */
export function conceptsOf(folded: string): Set<string> {
  const found = new Set<string>();
  for (const m of MATCHERS) {
    const masking = BY_CONCEPT.get(MASKED_BY[m.concept] ?? '');
    if (m.test(masking ? masking.mask(folded) : folded)) found.add(m.concept);
  }
  return found;
}

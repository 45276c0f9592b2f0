import { readFileSync } from 'node:fs';
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
const CONCEPTS = JSON.parse(
  readFileSync(new URL('./concepts.json', import.meta.url), 'utf-8'),
) as Readonly<Record<string, readonly string[]>>;

interface Matcher {
  readonly concept: string;
  readonly test: (folded: string) => boolean;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MATCHERS: readonly Matcher[] = Object.entries(CONCEPTS).flatMap(([concept, words]) => {
  const latin = words.filter((w) => /^[\x20-\x7e’]+$/.test(w) && !/[一-龯]/.test(w));
  const other = words.filter((w) => !latin.includes(w)).map((w) => foldForMatching(w));
  const pattern =
    latin.length > 0
      ? new RegExp(
          `(?<![a-z])(?:${latin.map((w) => (w.endsWith('*') ? `${escape(w.slice(0, -1))}[a-z]*` : escape(w))).join('|')})(?![a-z])`,
        )
      : undefined;
  return [
    {
      concept,
      test: (folded: string) =>
        (pattern?.test(folded) ?? false) || other.some((w) => folded.includes(w)),
    },
  ];
});

/** The concepts a folded text names. */
export function conceptsOf(folded: string): Set<string> {
  const found = new Set<string>();
  for (const m of MATCHERS) if (m.test(folded)) found.add(m.concept);
  return found;
}

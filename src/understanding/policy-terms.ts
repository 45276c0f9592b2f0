import type { PolicyContent } from '../policy/model.js';
import type { PolicyBook } from '../policy/policy-book.js';
import type { PolicyIndex } from '../policy/search-index.js';
import { conceptsOf } from './lexicon.js';
import { foldForMatching } from './normalise.js';

/** English words of titles that say nothing by themselves. */
const STOP_WORDS = new Set(
  'which what when where who how with that this the can done work use used using in at by be of for and members departments rooms room board'.split(
    ' ',
  ),
);

/** Particles and marks that split a title into its words. */
const SPLIT = /[\sのとはをにでや・、,.。/()（）「」:：-]+/u;

/**
 * Words of the policy data's titles and keywords that no feature's lexicon
 * knows (録画 in 「会議の録画」): a question using one is about that entry,
 * even when the entry was added after start-up. Retired entries count too: a
 * question on a retired topic gets the policy book's "no longer in the data".
 * Rebuilt when the data changes.
 */
export class PolicyTerms {
  private built: { index: PolicyIndex; terms: PolicyWords } | undefined;

  constructor(private readonly policies: PolicyBook) {}

  async current(): Promise<PolicyWords> {
    const index = await this.policies.index();
    if (this.built?.index === index) return this.built.terms;
    const terms = policyTermsOf((await this.policies.list()).map((entry) => entry.content));
    this.built = { index, terms };
    return terms;
  }
}

/**
 * Words of the policy data. A title word (録画) names what an entry is about;
 * keywords are the secretariat's synonyms and include everyday words (説明,
 * 整理), so they only hint at a policy question.
 */
export interface PolicyWords {
  readonly titles: readonly string[];
  readonly keywords: readonly string[];
}

/** The words of these entries' titles and keywords that other features do not use. */
export function policyTermsOf(
  contents: ReadonlyArray<Pick<PolicyContent, 'title' | 'keywords'>>,
): PolicyWords {
  return {
    titles: wordsOf(contents.flatMap(({ title }) => [title.ja, title.en])),
    keywords: wordsOf(contents.flatMap(({ keywords }) => [...keywords.ja, ...keywords.en])),
  };
}

function wordsOf(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const word of texts.flatMap((w) => w.split(SPLIT))) {
    const folded = foldForMatching(word);
    if (folded.length < 2 || /^[a-z]{1,3}$/.test(folded) || STOP_WORDS.has(folded)) continue;
    // A word another feature uses (会議, 宿題) says nothing about policies.
    if ([...conceptsOf(folded)].some((c) => c !== 'policy')) continue;
    terms.add(folded);
  }
  return [...terms];
}

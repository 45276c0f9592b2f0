import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Utterances } from '../app/intent.js';
import type { Locale } from '../i18n/locale.js';

const sourceRoot = new URL('../', import.meta.url);

/**
 * The folders whose `utterances.json` teach the understanding step: every feature
 * folder that has one, so a new feature brings its examples without a list to edit.
 */
function featureFolders(): string[] {
  return readdirSync(sourceRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((folder) => existsSync(new URL(`${folder}/utterances.json`, sourceRoot)))
    .sort();
}

export interface LabelledUtterance {
  readonly text: string;
  readonly intent: string;
  readonly locale: Locale;
}

function readUtterances(folder: string): Utterances {
  const url = new URL(`${folder}/utterances.json`, sourceRoot);
  return JSON.parse(readFileSync(url, 'utf-8')) as Utterances;
}

/** Every labelled utterance of every feature, in file order. */
export function loadCorpus(): LabelledUtterance[] {
  const all: LabelledUtterance[] = [];
  for (const folder of featureFolders()) {
    for (const [intent, byLocale] of Object.entries(readUtterances(folder))) {
      for (const text of byLocale.ja) all.push({ text, intent, locale: 'ja' });
      for (const text of byLocale.en) all.push({ text, intent, locale: 'en' });
    }
  }
  return all;
}

/**
 * A deterministic split for evaluating on phrasings the model did not learn
 * from: every `every`-th utterance of each intent is held out.
 */
export function splitCorpus(
  corpus: readonly LabelledUtterance[],
  every = 5,
): { train: LabelledUtterance[]; test: LabelledUtterance[] } {
  const seen = new Map<string, number>();
  const train: LabelledUtterance[] = [];
  const test: LabelledUtterance[] = [];
  for (const u of corpus) {
    const key = `${u.intent}\0${u.locale}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    (n % every === 0 ? test : train).push(u);
  }
  return { train, test };
}

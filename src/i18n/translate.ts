import { catalogs, type MessageKey } from './catalog.js';
import { formatMessage, type MessageParams } from './format.js';
import type { Locale } from './locale.js';

export { listOf, type MessageParam, type MessageParams } from './format.js';
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const translators = new Map<Locale, Translate>();

/** One translator per locale, made once: every turn asks for one. */
export function translator(locale: Locale): Translate {
  let found = translators.get(locale);
  if (!found) {
    const catalog = catalogs[locale];
    found = (key, params) => formatMessage(locale, catalog[key], params);
    translators.set(locale, found);
  }
  return found;
}

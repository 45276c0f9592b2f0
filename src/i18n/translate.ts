import { catalogs, type MessageKey } from './catalog.js';
import { formatMessage, type MessageParam, type MessageParams } from './format.js';
import type { Locale } from './locale.js';

export { listOf, type MessageParam, type MessageParams } from './format.js';
/** The `{name}` parameters a message of the Japanese master catalog names. */
type NamesIn<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | NamesIn<Rest>
  : never;
export type ParamsOf<Key extends MessageKey> = NamesIn<(typeof catalogs.ja)[Key]>;

/**
 * A message in the reader's language. Parameters are checked against the
 * message: a name it does not have (a typo, a renamed parameter) does not compile.
 */
export type Translate = <Key extends MessageKey>(
  key: Key,
  params?: Readonly<Partial<Record<ParamsOf<Key>, MessageParam>>>,
) => string;

const translators = new Map<Locale, Translate>();

/** One translator per locale, made once: every turn asks for one. */
export function translator(locale: Locale): Translate {
  let found = translators.get(locale);
  if (!found) {
    const catalog = catalogs[locale];
    found = (key, params) => formatMessage(locale, catalog[key], params as MessageParams);
    translators.set(locale, found);
  }
  return found;
}

import { catalogs, type MessageKey } from './catalog.js';
import type { Locale } from './locale.js';

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const translators = new Map<Locale, Translate>();

/** One translator per locale, made once: every turn asks for one. */
export function translator(locale: Locale): Translate {
  let found = translators.get(locale);
  if (!found) {
    found = translate(locale);
    translators.set(locale, found);
  }
  return found;
}

function translate(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const text = catalog[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}

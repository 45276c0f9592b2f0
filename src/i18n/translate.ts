import { catalogs, type MessageKey } from './catalog.js';
import type { Locale } from './locale.js';

/** A list parameter is joined the reader's way: 「#1、#2」, "#1, #2". */
export type MessageParam = string | number | readonly string[];
export type MessageParams = Readonly<Record<string, MessageParam>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const translators = new Map<Locale, Translate>();
const lists = new Map<Locale, Intl.ListFormat>();
const plurals = new Map<Locale, Intl.PluralRules>();

/** One translator per locale, made once: every turn asks for one. */
export function translator(locale: Locale): Translate {
  let found = translators.get(locale);
  if (!found) {
    found = translate(locale);
    translators.set(locale, found);
  }
  return found;
}

/** Names or numbers in a row, as the reader's language writes a list. */
export function listOf(locale: Locale, items: readonly string[]): string {
  let format = lists.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' });
    lists.set(locale, format);
  }
  return format.format(items);
}

function pluralOf(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = plurals.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    plurals.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * `{count, plural, one {# item} other {# items}}`: the branch for the count's
 * plural category (an exact `=0` first), with `#` standing for the count.
 */
const PLURAL = /\{(\w+), plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /\s*(=?\w+)\s*\{([^{}]*)\}/g;

function choosePlural(locale: Locale, branches: string, count: number): string | undefined {
  const chosen = new Map<string, string>();
  for (const [, name = '', text = ''] of branches.matchAll(BRANCH)) chosen.set(name, text);
  const text =
    chosen.get(`=${count}`) ?? chosen.get(pluralOf(locale, count)) ?? chosen.get('other');
  return text?.replaceAll('#', String(count));
}

function translate(locale: Locale): Translate {
  const catalog = catalogs[locale];
  const valueOf = (value: MessageParam): string =>
    typeof value === 'object' ? listOf(locale, value) : String(value);
  return (key, params) => {
    const text: string = catalog[key];
    if (!params) return text;
    return text
      .replace(PLURAL, (whole, name: string, branches: string) => {
        const count = Object.hasOwn(params, name) ? params[name] : undefined;
        return typeof count === 'number' ? (choosePlural(locale, branches, count) ?? whole) : whole;
      })
      .replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = Object.hasOwn(params, name) ? params[name] : undefined;
        return value === undefined ? whole : valueOf(value);
      });
  };
}

import type { Locale } from './locale.js';

// Filling a catalog message: shared by the bot's translator and the tab page's
// script, so this module imports no catalog (the page bundles only its own).

/** A list parameter is joined the reader's way: 「#1、#2」, "#1, #2". */
export type MessageParam = string | number | readonly string[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

const lists = new Map<Locale, Intl.ListFormat>();
const plurals = new Map<Locale, Intl.PluralRules>();

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

/** A message with its `{name}` parameters and plural branches filled in; unknown ones stay. */
export function formatMessage(locale: Locale, text: string, params?: MessageParams): string {
  if (!params) return text;
  const param = (name: string) => (Object.hasOwn(params, name) ? params[name] : undefined);
  return text
    .replace(PLURAL, (whole, name: string, branches: string) => {
      const count = param(name);
      return typeof count === 'number' ? (choosePlural(locale, branches, count) ?? whole) : whole;
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = param(name);
      if (value === undefined) return whole;
      return typeof value === 'object' ? listOf(locale, value) : String(value);
    });
}

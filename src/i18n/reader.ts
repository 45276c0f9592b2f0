import type { Locale } from './locale.js';
import { translator, type Translate } from './translate.js';

/** Who reads a card or a message: their language, its translator, and the committee's time zone. */
export interface Reader {
  readonly locale: Locale;
  readonly t: Translate;
  readonly timeZone: string;
}

export function readerIn(locale: Locale, timeZone: string): Reader {
  return { locale, t: translator(locale), timeZone };
}

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Teams sends e.g. "ja-JP" or "en-US"; Japanese is the default. */
export function localeFrom(tag: string | undefined): Locale {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : 'ja';
}

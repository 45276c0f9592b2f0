import { core } from './catalogs/core.js';
import { tab } from './catalogs/tab.js';

/** Every feature's catalog, merged. Add one spread per feature. */
const ja = { ...core.ja, ...tab.ja };
const en: { [K in keyof typeof ja]: string } = { ...core.en, ...tab.en };

export type MessageKey = keyof typeof ja;
export const catalogs = { ja, en } as const;

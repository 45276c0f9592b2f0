import { core } from './catalogs/core.js';

/** Every feature's catalog, merged. Add one spread per feature. */
const ja = { ...core.ja };
const en: { [K in keyof typeof ja]: string } = { ...core.en };

export type MessageKey = keyof typeof ja;
export const catalogs = { ja, en } as const;

import { core } from './catalogs/core.js';
import { policy } from './catalogs/policy.js';
import { tab } from './catalogs/tab.js';

/** Every feature's catalog, merged. Add one spread per feature. */
const ja = { ...core.ja, ...tab.ja, ...policy.ja };
const en: { [K in keyof typeof ja]: string } = { ...core.en, ...tab.en, ...policy.en };

export type MessageKey = keyof typeof ja;
export const catalogs = { ja, en } as const;

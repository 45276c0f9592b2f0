import { core } from './catalogs/core.js';
import { dates } from './catalogs/dates.js';
import { extensions } from './catalogs/extensions.js';
import { items } from './catalogs/items.js';
import { meetings } from './catalogs/meetings.js';
import { minutes } from './catalogs/minutes.js';
import { outbox } from './catalogs/outbox.js';
import { pings } from './catalogs/pings.js';
import { policy } from './catalogs/policy.js';
import { surveys } from './catalogs/surveys.js';
import { tab } from './catalogs/tab.js';
import { understanding } from './catalogs/understanding.js';

/** Every feature's catalog, merged. Add one spread per feature. */
const ja = {
  ...core.ja,
  ...tab.ja,
  ...policy.ja,
  ...dates.ja,
  ...meetings.ja,
  ...surveys.ja,
  ...items.ja,
  ...pings.ja,
  ...understanding.ja,
  ...extensions.ja,
  ...minutes.ja,
  ...outbox.ja,
};
const en: { [K in keyof typeof ja]: string } = {
  ...core.en,
  ...tab.en,
  ...policy.en,
  ...dates.en,
  ...meetings.en,
  ...surveys.en,
  ...items.en,
  ...pings.en,
  ...understanding.en,
  ...extensions.en,
  ...minutes.en,
  ...outbox.en,
};

export type MessageKey = keyof typeof ja;
export const catalogs = { ja, en } as const;

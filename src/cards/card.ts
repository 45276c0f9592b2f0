import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as ACData from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to send. */
export interface Card {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [key: string]: unknown;
}

/** Adaptive Cards version Teams renders (desktop, web and mobile). */
export const TEAMS_CARD_VERSION = '1.5';

const templatesDir = new URL('../../cards/', import.meta.url);
const templates = new Map<string, ACData.Template>();

let engine: typeof ACData | undefined;

/**
 * The template engine, loaded with the first card rather than at start: with the
 * expression language under it, it is the largest module tree Honbu loads after
 * botbuilder, and starting (health checks, the scheduler's first tick) never needs it.
 * A synchronous require keeps rendering synchronous; the package is CommonJS.
 */
function templating(): typeof ACData {
  engine ??= createRequire(import.meta.url)('adaptivecards-templating') as typeof ACData;
  return engine;
}

function template(name: string): ACData.Template {
  let found = templates.get(name);
  if (!found) {
    const path = fileURLToPath(new URL(`${name}.json`, templatesDir));
    found = new (templating().Template)(JSON.parse(readFileSync(path, 'utf-8')));
    templates.set(name, found);
  }
  return found;
}

/**
 * Fills the template `cards/<name>.json` with typed data. Every string a user
 * reads comes in through `data` (already translated), never from the template.
 */
export function renderCard<T extends object>(name: string, data: T): Card {
  const card = template(name).expand({ $root: data }) as Card;
  if (card.type !== 'AdaptiveCard') throw new Error(`cards/${name}.json is not an AdaptiveCard`);
  return card;
}

/**
 * The card, frozen all the way down, for a card that is rendered once and sent
 * many times: sharing it is safe (a change would throw rather than leak into
 * the next turn), and costs nothing per turn, unlike a copy.
 */
export function frozenCard(card: Card): Card {
  const freeze = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
    for (const item of Object.values(value)) freeze(item);
    Object.freeze(value);
  };
  freeze(card);
  return card;
}

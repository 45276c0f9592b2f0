import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ACData from 'adaptivecards-templating';

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

function template(name: string): ACData.Template {
  let found = templates.get(name);
  if (!found) {
    const path = fileURLToPath(new URL(`${name}.json`, templatesDir));
    found = new ACData.Template(JSON.parse(readFileSync(path, 'utf-8')));
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

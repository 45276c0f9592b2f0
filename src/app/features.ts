import { coreFeature } from './core-feature.js';
import { deadLettersFeature } from './dead-letter-feature.js';
import { directoryFeature } from './directory-feature.js';
import type { Feature } from './feature.js';
import { itemsFeature } from '../items/feature.js';
import { meetingsFeature } from '../meetings/feature.js';
import { minutesFeature } from '../minutes/feature.js';
import { outboxFeature } from '../outbox/feature.js';
import { policyFeature } from '../policy/feature.js';
import { surveysFeature } from '../surveys/feature.js';

/**
 * Every feature of the bot, one line each. The order is the order help lists
 * commands, free text is offered to fallbacks, and demo data is seeded (the
 * directory first: every other feature's demo data refers to its people).
 */
const factories = [
  coreFeature,
  directoryFeature,
  deadLettersFeature,
  policyFeature,
  meetingsFeature,
  surveysFeature,
  itemsFeature,
  minutesFeature,
  outboxFeature,
] as const;

/** A factory's declared dependencies (none for one that takes no argument). */
type DepsOf<F> = F extends () => Feature ? never : F extends (deps: infer D) => Feature ? D : never;
type AllOf<U> = (U extends unknown ? (all: U) => void : never) extends (all: infer I) => void
  ? I
  : never;

/** What the features need between them: each factory's declared dependencies, together. */
export type FeatureDeps = AllOf<DepsOf<(typeof factories)[number]>>;

export function createFeatures(deps: FeatureDeps): Feature[] {
  return factories.map((feature) => feature(deps));
}

import type { Route } from '../http/server.js';
import type { SectionProvider } from '../tab/sections/section.js';
import type { IntentSpec } from './intent.js';
import type { ActionSpec, CommandSpec } from './router.js';

/** A feature's scheduled work: the handlers, then (at start-up) the recurring runs it plans. */
export interface FeatureJobs {
  /** Registers the job kinds' handlers with the scheduler. */
  readonly register: () => void;
  /** Plans the next recurring runs; idempotent (runs at every start-up, after every feature registered). */
  readonly plan?: () => Promise<void>;
}

/**
 * One feature of the bot (meetings, surveys, items, …): everything it adds,
 * built by a factory in the feature's folder (`src/<feature>/feature.ts`) from
 * the narrow dependencies it declares, and listed on one line of
 * src/app/features.ts. Routes, jobs, help, the dashboard and the demo data are
 * derived from that list, so adding a feature touches no other shared file.
 *
 * Messages stay in the typed catalogs (src/i18n/catalog.ts): a `MessageKey` is
 * checked at compile time by the very code that builds a feature, so the
 * catalog cannot be assembled from the feature list that depends on it.
 */
export interface Feature {
  readonly id: string;
  /** Text commands, in the order help lists them. */
  readonly commands?: readonly CommandSpec[];
  /** Card verbs. */
  readonly actions?: readonly ActionSpec[];
  /**
   * What free text can mean for this feature (`src/<feature>/intents.ts`); the
   * example utterances that teach them are the folder's `utterances.json`.
   */
  readonly intents?: readonly IntentSpec[];
  readonly jobs?: FeatureJobs;
  /** The feature's dashboard section; `order` places it on the page (ascending). */
  readonly tab?: { readonly order: number; readonly section: SectionProvider };
  /** Fills an empty store with the feature's demo data (features seed in list order). */
  readonly seedDemo?: () => Promise<void>;
  /** HTTP routes besides the bot endpoint (calendar files, CSV downloads). */
  readonly http?: readonly Route[];
}

/** The dashboard's sections, in page order. */
export function sectionsOf(features: readonly Feature[]): SectionProvider[] {
  return features
    .flatMap((feature) => (feature.tab ? [feature.tab] : []))
    .sort((a, b) => a.order - b.order)
    .map((tab) => tab.section);
}

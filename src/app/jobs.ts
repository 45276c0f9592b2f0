import type { Feature } from './feature.js';

/**
 * The job table, derived from the feature list: every feature registers its
 * kinds of scheduled work with the scheduler, then (at start-up, once every
 * handler exists) recurring work plans its next run.
 */
export async function registerJobs(features: readonly Feature[]): Promise<void> {
  for (const feature of features) feature.jobs?.register();
  for (const feature of features) await feature.jobs?.plan?.();
}

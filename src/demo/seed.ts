import type { Feature } from '../app/feature.js';
import type { DocumentStore } from '../store/document-store.js';

/**
 * Fills an empty store with the demo data from the minutes, feature by feature
 * in list order. A store that has any directory entry is left alone, so real
 * data is never mixed with demo data.
 */
export async function seedDemoIfEmpty(
  store: DocumentStore,
  features: readonly Feature[],
): Promise<boolean> {
  const existing = await store.collection('people').count();
  if (existing > 0) return false;
  // Hundreds of records: stored in one write, and a start cut short leaves none of them.
  await store.writeTogether(async () => {
    for (const feature of features) await feature.seedDemo?.();
  });
  return true;
}

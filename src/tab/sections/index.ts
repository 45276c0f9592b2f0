import { sectionsOf } from '../../app/feature.js';
import { createFeatures, type FeatureDeps } from '../../app/features.js';
import type { SectionProvider } from './section.js';

/**
 * The dashboard's sections, in page order, derived from the feature list
 * (src/app/features.ts): a feature brings its section as `tab` in its Feature.
 */
export function dashboardSections(services: FeatureDeps): SectionProvider[] {
  return sectionsOf(createFeatures(services));
}

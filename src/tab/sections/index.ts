import type { Services } from '../../app/services.js';
import { directorySection } from './directory.js';
import { itemsSection } from './items.js';
import { meetingsSection } from './meetings.js';
import { policiesSection } from './policies.js';
import { surveysSection } from './surveys.js';
import type { SectionProvider } from './section.js';

/**
 * The dashboard's sections, in page order: one line each. When a feature
 * lands, write `sections/<feature>.ts` (a SectionProvider over its service,
 * see directory.ts) and add its line here.
 */
export function dashboardSections(services: Services): SectionProvider[] {
  return [
    meetingsSection(services.meetings),
    surveysSection(services.surveys),
    itemsSection(services.items, services.directory),
    policiesSection(services.policies),
    directorySection(services.directory),
  ];
}

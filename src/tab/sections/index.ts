import type { Services } from '../../app/services.js';
import { Audience } from '../../domain/roles.js';
import { directorySection } from './directory.js';
import { meetingsSection } from './meetings.js';
import { policiesSection } from './policies.js';
import { surveysSection } from './surveys.js';
import { pendingSection, type SectionProvider } from './section.js';

/**
 * The dashboard's sections, in page order: one line each. When a feature
 * lands, write `sections/<feature>.ts` (a SectionProvider over its service,
 * see directory.ts) and replace its pendingSection line here.
 */
export function dashboardSections(services: Services): SectionProvider[] {
  return [
    meetingsSection(services.meetings),
    surveysSection(services.surveys),
    pendingSection('items', 'tab.items.title', Audience.directory),
    policiesSection(services.policies),
    directorySection(services.directory),
  ];
}

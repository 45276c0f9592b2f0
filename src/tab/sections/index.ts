import type { Services } from '../../app/services.js';
import { Audience } from '../../domain/roles.js';
import { directorySection } from './directory.js';
import { pendingSection, type SectionProvider } from './section.js';

/**
 * The dashboard's sections, in page order: one line each. When a feature
 * lands, write `sections/<feature>.ts` (a SectionProvider over its service,
 * see directory.ts) and replace its pendingSection line here.
 */
export function dashboardSections(services: Services): SectionProvider[] {
  return [
    pendingSection('meetings', 'tab.meetings.title', Audience.directory),
    pendingSection('surveys', 'tab.surveys.title', Audience.directory),
    pendingSection('items', 'tab.items.title', Audience.directory),
    pendingSection('policies', 'tab.policies.title', Audience.anyone),
    directorySection(services.directory),
  ];
}

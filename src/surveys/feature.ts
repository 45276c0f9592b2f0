import type { Feature } from '../app/feature.js';
import type { RouteUses } from '../app/router.js';
import { seedDemoSurvey } from '../demo/surveys.js';
import { surveysSection } from '../tab/sections/surveys.js';
import { surveyActions, surveyCommands } from './commands.js';
import { surveyCsvRoute } from './csv-route.js';
import type { SurveyUses } from './deps.js';
import { surveyIntents } from './intents.js';
import { registerSurveyJobs } from './jobs.js';

/** Surveys (アンケート): definitions, one answer per department, nudges, results and CSV. */
export function surveysFeature(services: SurveyUses & RouteUses): Feature {
  return {
    id: 'surveys',
    commands: surveyCommands(services),
    actions: surveyActions(services),
    intents: surveyIntents(services.routes),
    jobs: { register: () => registerSurveyJobs(services) },
    tab: { order: 20, section: surveysSection(services.surveys) },
    seedDemo: () => seedDemoSurvey(services),
    http: [surveyCsvRoute(services)],
  };
}

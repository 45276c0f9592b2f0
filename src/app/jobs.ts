import { registerMeetingJobs } from '../meetings/jobs.js';
import { registerSurveyJobs } from '../surveys/jobs.js';
import type { Services } from './services.js';

/**
 * The job table: every kind of scheduled work and its handler, one line per
 * feature (reminders, survey nudges, action-item pings), like routes.ts for commands.
 */
export function registerJobs(services: Services): void {
  registerMeetingJobs(services);
  registerSurveyJobs(services);
}

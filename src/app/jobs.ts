import { registerItemJobs } from '../items/jobs.js';
import { registerMeetingJobs } from '../meetings/jobs.js';
import { registerSurveyJobs } from '../surveys/jobs.js';
import type { Services } from './services.js';

/**
 * The job table: every kind of scheduled work and its handler, one line per
 * feature (reminders, survey nudges, action-item pings), like routes.ts for commands.
 * Recurring work plans its next run here, at start-up.
 */
export async function registerJobs(services: Services): Promise<void> {
  registerMeetingJobs(services);
  registerSurveyJobs(services);
  await registerItemJobs(services);
}

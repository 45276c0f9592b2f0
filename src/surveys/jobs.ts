import type { SurveyUses } from './deps.js';
import { SURVEY_JOB, type ClosePayload, type NudgePayload } from './nudges.js';

/** Survey reminders to departments that have not answered, and the close at the deadline. */
export function registerSurveyJobs(services: SurveyUses): void {
  services.scheduler.register<NudgePayload>(SURVEY_JOB.nudge, (context) =>
    services.surveys.nudge(context),
  );
  services.scheduler.register<ClosePayload>(SURVEY_JOB.close, (context) =>
    services.surveys.closeAtDeadline(context),
  );
}

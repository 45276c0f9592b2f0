import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { SignedLinks } from '../http/signed-links.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { Scheduler } from '../scheduling/scheduler.js';
import type { SurveyService } from './service.js';

/** What the survey commands, card verbs, jobs, CSV download and demo data use. */
export interface SurveyUses {
  readonly config: Pick<Config, 'timeZone'>;
  readonly clock: Clock;
  readonly calendar: WorkCalendar;
  readonly scheduler: Scheduler;
  readonly directory: DirectoryService;
  readonly links: SignedLinks;
  readonly surveys: SurveyService;
}

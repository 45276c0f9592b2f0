import type { Clock, IdGenerator } from '../clock.js';
import type { Config } from '../config.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { SignedLinks } from '../http/signed-links.js';
import type { Logger } from '../logger.js';
import type { CommitteeChannels } from '../messaging/committee-channels.js';
import type { ConversationRegistry } from '../messaging/conversations.js';
import type { Sender } from '../messaging/sender.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { Scheduler } from '../scheduling/scheduler.js';
import type { DocumentStore } from '../store/document-store.js';
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

/** What the survey service uses. */
export interface SurveyDeps {
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly config: Config;
  readonly directory: DirectoryService;
  readonly conversations: ConversationRegistry;
  /** Where the progress card goes. */
  readonly committeeChannels: CommitteeChannels;
  readonly sender: Sender;
  readonly scheduler: Scheduler;
  readonly calendar: WorkCalendar;
  readonly links: SignedLinks;
}

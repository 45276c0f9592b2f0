import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { Logger } from '../logger.js';
import type { CommitteeChannels } from '../messaging/committee-channels.js';
import type { ConversationRegistry } from '../messaging/conversations.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { Scheduler } from '../scheduling/scheduler.js';
import type { MeetingService } from './meeting-service.js';
import type { MeetingFollowUps } from './ports.js';

/** What the meeting commands, card verbs, reminders, calendar file and demo data use. */
export interface MeetingUses {
  readonly config: Pick<Config, 'timeZone' | 'port' | 'publicBaseUrl'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly calendar: WorkCalendar;
  readonly scheduler: Scheduler;
  readonly directory: DirectoryService;
  readonly conversations: Pick<ConversationRegistry, 'personalChatOf'>;
  readonly committeeChannels: CommitteeChannels;
  readonly meetings: MeetingService;
  readonly meetingFollowUps: MeetingFollowUps;
}

import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { Logger } from '../logger.js';
import type { ConversationRegistry } from '../messaging/conversations.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { Scheduler } from '../scheduling/scheduler.js';
import type { MeetingDates } from './ports.js';
import type { ActionItemService } from './service.js';

/** What the action-item commands, card verbs, pings and demo data use. */
export interface ItemUses {
  readonly config: Pick<Config, 'timeZone' | 'itemPings'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly calendar: WorkCalendar;
  readonly scheduler: Scheduler;
  readonly directory: DirectoryService;
  readonly conversations: Pick<ConversationRegistry, 'personalChatOf'>;
  readonly items: ActionItemService;
  readonly meetings: MeetingDates;
}

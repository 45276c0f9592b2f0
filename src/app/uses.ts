import type { Clock } from '../clock.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { Logger } from '../logger.js';
import type { ConversationRegistry } from '../messaging/conversations.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { Scheduler } from '../scheduling/scheduler.js';

/**
 * What a feature that writes to people on a schedule uses beside its own
 * service: time, the log, the working calendar, the job scheduler, who is who,
 * and where each person's chat is.
 */
export interface SchedulingUses {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly calendar: WorkCalendar;
  readonly scheduler: Scheduler;
  readonly directory: DirectoryService;
  readonly conversations: Pick<ConversationRegistry, 'personalChatOf'>;
}

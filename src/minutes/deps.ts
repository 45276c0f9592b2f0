import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { ActionItemService } from '../items/service.js';
import type { Logger } from '../logger.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import type { PolicyBook } from '../policy/policy-book.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { DocumentStore } from '../store/document-store.js';

/**
 * What the minutes import uses. It is the one workflow that writes to three
 * features at once (the meeting record, the action items, the policy entries),
 * so it takes their services, and only through their public methods.
 */
export interface MinutesUses {
  readonly config: Pick<Config, 'timeZone'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly store: DocumentStore;
  readonly calendar: WorkCalendar;
  readonly directory: DirectoryService;
  readonly meetings: MeetingService;
  readonly items: ActionItemService;
  readonly policies: PolicyBook;
}

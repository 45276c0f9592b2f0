import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { JobControls } from '../scheduling/job-controls.js';
import type { Scheduler } from '../scheduling/scheduler.js';
import type { OutboxSubjects } from './ports.js';

/** What the outbox (送信予定) uses. */
export interface OutboxUses {
  readonly config: Pick<Config, 'timeZone'>;
  readonly clock: Clock;
  readonly calendar: WorkCalendar;
  readonly scheduler: Scheduler;
  readonly jobControls: JobControls;
  readonly outboxSubjects: OutboxSubjects;
}

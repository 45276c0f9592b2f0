import { randomBytes } from 'node:crypto';
import type { Clock, IdGenerator } from '../clock.js';
import type { Config } from '../config.js';
import { DirectoryService } from '../domain/directory-service.js';
import type { Logger } from '../logger.js';
import { CommitteeChannels } from '../messaging/committee-channels.js';
import { ConversationRegistry } from '../messaging/conversations.js';
import { MeetingReminders } from '../meetings/reminders.js';
import { MeetingService } from '../meetings/meeting-service.js';
import type { Sender } from '../messaging/sender.js';
import { WorkCalendar } from '../scheduling/calendar.js';
import { DeliveryLog } from '../scheduling/delivery-log.js';
import { JobControls } from '../scheduling/job-controls.js';
import { openJobStore } from '../scheduling/open-job-store.js';
import type { OutboxSubjects } from '../outbox/ports.js';
import { outboxSubjects } from './outbox-subjects.js';
import { Scheduler } from '../scheduling/scheduler.js';
import type { DocumentStore } from '../store/document-store.js';
import { PolicyBook } from '../policy/policy-book.js';
import { PolicyInbox } from '../policy/inbox.js';
import { SignedLinks } from '../http/signed-links.js';
import { SurveyService } from '../surveys/service.js';
import { ActionItemService } from '../items/service.js';
import { meetingItemPings } from '../items/jobs.js';
import type { MeetingFollowUps } from '../meetings/ports.js';

/** The domain services handlers use; built once per process. */
export interface Services {
  readonly config: Config;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly store: DocumentStore;
  readonly directory: DirectoryService;
  readonly conversations: ConversationRegistry;
  readonly sender: Sender;
  readonly calendar: WorkCalendar;
  readonly scheduler: Scheduler;
  /** Hold, release or send now what the scheduler plans (the outbox, 送信予定). */
  readonly jobControls: JobControls;
  readonly outboxSubjects: OutboxSubjects;
  readonly policies: PolicyBook;
  readonly policyInbox: PolicyInbox;
  readonly committeeChannels: CommitteeChannels;
  readonly meetings: MeetingService;
  /** What follows a meeting's reminders in other features (action items' pings). */
  readonly meetingFollowUps: MeetingFollowUps;
  /** Short-lived signed download links (CSV exports). */
  readonly links: SignedLinks;
  readonly surveys: SurveyService;
  /** Action items (宿題): src/items/service.ts. */
  readonly items: ActionItemService;
}

export interface Foundations {
  readonly config: Config;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly store: DocumentStore;
}

export async function createServices(
  base: Foundations,
  conversations: ConversationRegistry,
  sender: Sender,
): Promise<Services> {
  const calendar = new WorkCalendar(base.config.timeZone, base.config.quietHours);
  const jobStore = await openJobStore(base.store);
  const scheduler = new Scheduler({
    store: jobStore,
    deliveries: new DeliveryLog(base.store, base.clock),
    sender,
    clock: base.clock,
    calendar,
    logger: base.logger,
    owner: base.ids.next('worker'),
  });
  const directory = new DirectoryService(base.store, base.clock);
  const policies = new PolicyBook(base.store, base.clock);
  const committeeChannels = new CommitteeChannels(base.store, conversations, base.clock);
  // Without LINK_SIGNING_SECRET the links die with the process (see .env.example).
  const secret = base.config.linkSigningSecret ?? randomBytes(32).toString('base64url');
  const links = new SignedLinks(secret, base.clock, base.config.publicBaseUrl);
  const meetings = new MeetingService(
    base.store,
    base.clock,
    base.ids,
    new MeetingReminders(scheduler, calendar),
    directory,
    committeeChannels,
  );
  const domain = {
    ...base,
    directory,
    conversations,
    committeeChannels,
    sender,
    calendar,
    scheduler,
    links,
  };
  const items = new ActionItemService({ ...domain, meetings });
  const surveys = new SurveyService(domain);
  return {
    ...domain,
    jobControls: new JobControls(jobStore, base.clock),
    outboxSubjects: outboxSubjects(meetings, surveys),
    policies,
    policyInbox: new PolicyInbox(
      base.store,
      base.clock,
      policies,
      directory,
      conversations,
      sender,
    ),
    meetings,
    meetingFollowUps: meetingItemPings({ ...domain, items, meetings }),
    surveys,
    items,
  };
}

import type { SchedulingUses } from '../app/uses.js';
import type { Config } from '../config.js';
import type { CommitteeChannels } from '../messaging/committee-channels.js';
import type { MeetingService } from './meeting-service.js';
import type { MeetingFollowUps } from './ports.js';

/** What the meeting commands, card verbs, reminders, calendar file and demo data use. */
export interface MeetingUses extends SchedulingUses {
  readonly config: Pick<Config, 'timeZone' | 'port' | 'publicBaseUrl' | 'botAuth'>;
  readonly committeeChannels: CommitteeChannels;
  readonly meetings: MeetingService;
  readonly meetingFollowUps: MeetingFollowUps;
}

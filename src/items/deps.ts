import type { SchedulingUses } from '../app/uses.js';
import type { Config } from '../config.js';
import type { MeetingDates } from './ports.js';
import type { ActionItemService } from './service.js';

/** What the action-item commands, card verbs, pings and demo data use. */
export interface ItemUses extends SchedulingUses {
  readonly config: Pick<Config, 'timeZone' | 'itemPings' | 'publicBaseUrl' | 'botAuth'>;
  readonly items: ActionItemService;
  readonly meetings: MeetingDates;
}

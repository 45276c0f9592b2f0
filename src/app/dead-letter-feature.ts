import type { Config } from '../config.js';
import type { Scheduler } from '../scheduling/scheduler.js';
import { deadLetterRoutes } from './dead-letter-commands.js';
import type { Feature } from './feature.js';

export interface DeadLetterUses {
  readonly config: Pick<Config, 'timeZone'>;
  readonly scheduler: Scheduler;
}

/** Dead letters (送信失敗): what could not be delivered, for the secretariat to send again. */
export function deadLettersFeature(services: DeadLetterUses): Feature {
  const { commands, actions } = deadLetterRoutes(services.scheduler, services.config.timeZone);
  return { id: 'deadLetters', commands, actions };
}

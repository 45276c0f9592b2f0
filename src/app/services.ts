import type { Clock, IdGenerator } from '../clock.js';
import type { Config } from '../config.js';
import { DirectoryService } from '../domain/directory-service.js';
import type { Logger } from '../logger.js';
import { ConversationRegistry } from '../messaging/conversations.js';
import type { Sender } from '../messaging/sender.js';
import type { DocumentStore } from '../store/document-store.js';

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
}

export interface Foundations {
  readonly config: Config;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly store: DocumentStore;
}

export function createServices(
  base: Foundations,
  conversations: ConversationRegistry,
  sender: Sender,
): Services {
  return {
    ...base,
    directory: new DirectoryService(base.store, base.clock),
    conversations,
    sender,
  };
}

import type { Clock } from '../clock.js';
import type { Actor } from '../domain/directory.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { Locale } from '../i18n/locale.js';
import type { Translate } from '../i18n/translate.js';
import type { ActionItemService } from '../items/service.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import type { PolicyDeps } from '../policy/deps.js';
import type { Scheduler } from '../scheduling/scheduler.js';
import type { DocumentStore } from '../store/document-store.js';
import type { SurveyService } from '../surveys/service.js';

/** What the message extensions, link previews and meeting surfaces use, and nothing more. */
export interface ExtensionDeps extends PolicyDeps {
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly directory: DirectoryService;
  readonly items: ActionItemService;
  readonly meetings: MeetingService;
  readonly scheduler: Scheduler;
  readonly surveys: Pick<SurveyService, 'find' | 'repository'>;
  readonly config: {
    readonly timeZone: string;
    readonly port: number;
    readonly publicBaseUrl: string | undefined;
    readonly botAuth: { readonly appId: string };
  };
}

/**
 * Who acts and in which language. A compose-box search or a link preview
 * happens in conversations the bot is not a member of: there is nowhere to
 * reply, so an extension turn has no `reply`; it answers with its result.
 */
export interface ExtensionTurn {
  readonly actor: Actor;
  readonly locale: Locale;
  readonly t: Translate;
}

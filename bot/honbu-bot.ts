import {
  ActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from 'botbuilder';
import type { Router } from '../src/app/router.js';
import type { ActionOutcome, IncomingAttachment, Turn } from '../src/app/turn.js';
import type { Actor } from '../src/domain/directory.js';
import type { IdentityResolver } from '../src/domain/identity.js';
import { localeFrom } from '../src/i18n/locale.js';
import { translator } from '../src/i18n/translate.js';
import type { Logger } from '../src/logger.js';
import type { ConversationRegistry } from '../src/messaging/conversations.js';
import {
  conversationIdOf,
  conversationKind,
  localeOf,
  textWithoutBotMention,
  toActivity,
} from './activities.js';

export interface BotDependencies {
  readonly router: Router;
  readonly identity: IdentityResolver;
  readonly conversations: ConversationRegistry;
  readonly logger: Logger;
}

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';

/**
 * The receiver: turns Teams activities into domain turns and domain outcomes
 * into activities. It holds no business rules.
 */
export class HonbuBot extends ActivityHandler {
  constructor(private readonly deps: BotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      await this.handleMembership(context);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      const action = context.activity.action ?? '';
      if (action.startsWith('remove'))
        await this.deps.conversations.markInactive(conversationIdOf(context.activity));
      else await this.remember(context);
      await next();
    });
  }

  /**
   * Only card actions are Honbu's. Any other invoke (a message extension, a task
   * module, sign-in, one with no name) gets a deliberate, neutral answer in the
   * form its feature expects, instead of the SDK's empty 501, which Teams shows
   * as an error ("Bot returned unsuccessful status code NotImplemented").
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'adaptiveCard/action') return super.onInvokeActivity(context);
    const name = typeof context.activity.name === 'string' ? context.activity.name : '';
    this.deps.logger.info(
      { invoke: name.slice(0, 100), activityId: context.activity.id },
      'invoke not handled by Honbu: answered with a neutral response',
    );
    const text = translator(localeFrom(localeOf(context.activity)))('invoke.unsupported');
    return { status: 200, body: unhandledInvokeBody(name, text) };
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const turn = await this.turnFor(context);
    const data = isRecord(invokeValue.action.data) ? invokeValue.action.data : {};
    const outcome = await this.deps.router.dispatchAction(
      turn,
      invokeValue.action.verb ?? '',
      data,
    );
    return invokeResponse(outcome, turn);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const turn = await this.turnFor(context);
    const value = context.activity.value;
    // Action.Submit (older clients, or cards without Execute) arrives as a message with data.
    if (isRecord(value) && typeof value['verb'] === 'string') {
      const outcome = await this.deps.router.dispatchAction(turn, value['verb'], value);
      await turn.reply(
        outcome.card ? { card: outcome.card } : (outcome.message ?? turn.t('action.done')),
      );
      return;
    }
    const text = textWithoutBotMention(context.activity);
    // A file sent on its own has no text; its handler reads it from turn.message.
    const withFile = (context.activity.attachments ?? []).some(
      (a) => a.contentType === FILE_DOWNLOAD_INFO,
    );
    if (text.trim() === '' && !withFile) {
      // An image or a card alone is not a blank message; only a blank text gets the hint.
      if (!context.activity.attachments?.length) await turn.reply(turn.t('understanding.empty'));
      return;
    }
    await this.deps.router.dispatchText(
      { ...turn, message: { text, attachments: attachmentsOf(context) } },
      text,
    );
  }

  private async handleMembership(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient.id;
    const removed = context.activity.membersRemoved?.some((m) => m.id === botId);
    if (removed) {
      await this.deps.conversations.markInactive(conversationIdOf(context.activity));
      return;
    }
    const added = context.activity.membersAdded?.some((m) => m.id === botId);
    if (!added) return;
    await this.remember(context);
    // Linking the person now lets reminders reach someone who installed the app
    // but has not written to the bot yet.
    if (conversationKind(context.activity) === 'personal') await this.actorOf(context);
    await context.sendActivity(
      toActivity(translator(localeFrom(localeOf(context.activity)))('welcome')),
    );
  }

  private async remember(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const kind = conversationKind(activity);
    // The incoming activity's id says nothing about where to post later; leaving it out
    // keeps the stored reference unchanged from one message to the next (no store write).
    const { activityId: _incoming, ...reference } = TurnContext.getConversationReference(activity);
    const id = conversationIdOf(activity);
    const locale = localeOf(activity);
    await this.deps.conversations.remember({
      id,
      kind,
      reference: { ...reference, conversation: { ...reference.conversation, id } },
      ...(kind === 'personal' && activity.from.aadObjectId
        ? { userAadObjectId: activity.from.aadObjectId, userId: activity.from.id }
        : {}),
      ...(locale ? { locale } : {}),
    });
  }

  private async actorOf(context: TurnContext): Promise<Actor> {
    const activity = context.activity;
    return this.deps.identity.resolve(
      {
        aadObjectId: activity.from.aadObjectId ?? activity.from.id,
        displayName: activity.from.name ?? '',
      },
      async () => {
        if (activity.channelId !== 'msteams') return undefined;
        const member = await TeamsInfo.getMember(context, activity.from.id);
        return member.userPrincipalName ?? member.email ?? undefined;
      },
    );
  }

  private async turnFor(context: TurnContext): Promise<Turn> {
    const activity = context.activity;
    await this.remember(context);
    const actor = await this.actorOf(context);
    const locale = localeFrom(localeOf(activity));
    return {
      actor,
      locale,
      t: translator(locale),
      conversation: { id: conversationIdOf(activity), kind: conversationKind(activity) },
      activityId: activity.id,
      reply: async (message) => {
        await context.sendActivity(toActivity(message));
      },
    };
  }
}

/** What Teams attaches when a user sends a file in the personal chat (supportsFiles). */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

function attachmentsOf(context: TurnContext): IncomingAttachment[] {
  return (context.activity.attachments ?? []).map((a) => ({
    contentType: a.contentType,
    ...(a.name ? { name: a.name } : {}),
    ...(a.contentUrl ? { contentUrl: a.contentUrl } : {}),
    ...(a.content !== undefined ? { content: a.content as unknown } : {}),
  }));
}

function invokeResponse(outcome: ActionOutcome, turn: Turn): AdaptiveCardInvokeResponse {
  if (outcome.card) return { statusCode: 200, type: CARD_CONTENT_TYPE, value: outcome.card };
  return {
    statusCode: 200,
    type: MESSAGE_CONTENT_TYPE,
    value: (outcome.message ?? turn.t('action.done')) as never,
  };
}

/** The documented "nothing to do here" answer of each invoke family (Teams shows `text` where it can). */
function unhandledInvokeBody(name: string, text: string): Record<string, unknown> {
  if (name === 'composeExtension/fetchTask' || name.startsWith('task/'))
    return { task: { type: 'message', value: text } };
  if (name.startsWith('composeExtension/')) return { composeExtension: { type: 'message', text } };
  if (name.startsWith('config/')) return { config: { type: 'message', value: text } };
  return {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

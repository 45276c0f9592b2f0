import {
  ActivityHandler,
  CardFactory,
  TeamsInfo,
  type AppBasedLinkQuery,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionAttachment,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TurnContext,
} from 'botbuilder';
import {
  EXTENSION_COMMANDS,
  type Extensions,
  type ExtensionTurn,
  type LinkPreview,
  type SearchResult,
  type TaskStep,
  type TeamsMeetingEvent,
} from '../src/extensions/index.js';
import { textOfMessage } from '../src/extensions/message-text.js';
import type { IdentityResolver } from '../src/domain/identity.js';
import { localeFrom } from '../src/i18n/locale.js';
import { translator } from '../src/i18n/translate.js';
import { conversationIdOf, toActivity } from './activities.js';
import { HonbuBot, type BotDependencies } from './honbu-bot.js';

export interface ExtensionBotDependencies extends BotDependencies {
  readonly extensions: Extensions;
}

const MEETING_START = 'application/vnd.microsoft.meetingStart';
const MEETING_END = 'application/vnd.microsoft.meetingEnd';

/**
 * Honbu where the conversation already is: the message-extension invokes
 * (compose-box search, message actions, link unfurling) and the meeting
 * chat's start and end events, translated to src/extensions/ and back.
 * Every other activity is HonbuBot's.
 */
export class HonbuTeamsBot extends HonbuBot {
  constructor(private readonly ext: ExtensionBotDependencies) {
    super(ext);
    this.onEvent(async (context, next) => {
      await this.handleMeetingEvent(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      if (isMeetingChat(context) && context.activity.membersAdded?.some((m) => m.id === botId))
        await this.ext.extensions.meetingChat.botAdded(
          await this.actor(context),
          conversationIdOf(context.activity),
        );
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const answer = await this.extensionInvoke(context);
    if (answer === undefined) return super.onInvokeActivity(context);
    return ActivityHandler.createInvokeResponse(answer);
  }

  /** The invoke's answer, or undefined for an invoke that is not a message extension's. */
  private async extensionInvoke(context: TurnContext): Promise<object | undefined> {
    const { extensions } = this.ext;
    const value: unknown = context.activity.value;
    switch (context.activity.name) {
      case 'composeExtension/query': {
        const query = (value ?? {}) as MessagingExtensionQuery;
        if (query.commandId !== EXTENSION_COMMANDS.policySearch) return undefined;
        // Every result fits on the first page; a request for the next one (scrolling) gets none.
        if ((query.queryOptions?.skip ?? 0) > 0) return listResult([]);
        const text = query.parameters?.find((p) => p.name !== 'initialRun')?.value;
        const turn = await this.extensionTurn(context);
        const results = await extensions.policySearch.search(
          turn,
          typeof text === 'string' ? text : '',
        );
        if (results.length === 0) return messageResult(turn.t('ext.search.noEntries'));
        return listResult(results.map(searchAttachment));
      }
      case 'composeExtension/selectItem': {
        const entryId =
          isRecord(value) && typeof value['entryId'] === 'string' ? value['entryId'] : '';
        const picked = await extensions.policySearch.picked(
          await this.extensionTurn(context),
          entryId,
        );
        return listResult(picked ? [searchAttachment(picked)] : []);
      }
      case 'composeExtension/queryLink': {
        const url = ((value ?? {}) as AppBasedLinkQuery).url ?? '';
        const preview = await extensions.linkPreviews.preview(
          await this.extensionTurn(context),
          url,
        );
        return listResult(preview ? [linkAttachment(preview)] : []);
      }
      case 'composeExtension/fetchTask': {
        const action = (value ?? {}) as MessagingExtensionAction;
        if (!isItemCommand(action.commandId)) return undefined;
        const step = await extensions.itemForm.open(
          await this.extensionTurn(context),
          action.commandId === EXTENSION_COMMANDS.itemFromMessage ? sourceOf(action) : undefined,
        );
        return taskResponse(step);
      }
      case 'composeExtension/submitAction': {
        const action = (value ?? {}) as MessagingExtensionAction;
        if (!isItemCommand(action.commandId)) return undefined;
        const data = isRecord(action.data) ? action.data : {};
        const step = await extensions.itemForm.submit(
          await this.extensionTurn(context),
          data,
          action.commandId === EXTENSION_COMMANDS.itemFromMessage,
        );
        return taskResponse(step);
      }
      default:
        return undefined;
    }
  }

  private async handleMeetingEvent(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.channelId !== 'msteams') return;
    if (activity.name !== MEETING_START && activity.name !== MEETING_END) return;
    const details = isRecord(activity.value) ? activity.value : {};
    const at = details[activity.name === MEETING_START ? 'StartTime' : 'EndTime'];
    const event: TeamsMeetingEvent = {
      conversationId: conversationIdOf(activity),
      ...(typeof at === 'string' ? { at } : {}),
    };
    // The meeting chat is read by the whole committee: it gets the language of the event.
    const locale = localeFrom(activity.locale);
    const turn = { locale, t: translator(locale) };
    const chat = this.ext.extensions.meetingChat;
    const message =
      activity.name === MEETING_START
        ? await chat.started(turn, event)
        : await chat.ended(turn, event);
    if (message) await context.sendActivity(toActivity(message));
  }

  /**
   * The user of a compose box or message menu. These happen in chats the bot
   * is not a member of, so nothing is remembered about the conversation.
   */
  private async extensionTurn(context: TurnContext): Promise<ExtensionTurn> {
    const locale = localeFrom(context.activity.locale);
    return { actor: await this.actor(context), locale, t: translator(locale) };
  }

  private actor(context: TurnContext) {
    return actorOf(context, this.ext.identity);
  }
}

function actorOf(context: TurnContext, identity: IdentityResolver) {
  const { from, channelId } = context.activity;
  return identity.resolve(
    { aadObjectId: from.aadObjectId ?? from.id, displayName: from.name ?? '' },
    async () => {
      if (channelId !== 'msteams') return undefined;
      const member = await TeamsInfo.getMember(context, from.id);
      return member.userPrincipalName ?? member.email ?? undefined;
    },
  );
}

/** A Teams meeting's chat: Teams names the meeting in channelData. */
function isMeetingChat(context: TurnContext): boolean {
  const channelData: unknown = context.activity.channelData;
  return isRecord(channelData) && isRecord(channelData['meeting']);
}

function isItemCommand(commandId: string | undefined): boolean {
  return (
    commandId === EXTENSION_COMMANDS.itemFromMessage || commandId === EXTENSION_COMMANDS.newItem
  );
}

function sourceOf(action: MessagingExtensionAction) {
  const payload = action.messagePayload;
  const body = payload?.body;
  return {
    text: textOfMessage(body?.content ?? '', body?.contentType),
    ...(payload?.linkToMessage ? { link: payload.linkToMessage } : {}),
    ...(payload?.from?.user?.id ? { authorAadObjectId: payload.from.user.id } : {}),
  };
}

function searchAttachment(result: SearchResult): MessagingExtensionAttachment {
  const preview = CardFactory.thumbnailCard(result.preview.title, result.preview.text);
  if (result.pick) preview.content.tap = { type: 'invoke', value: result.pick };
  return { ...CardFactory.adaptiveCard(result.card), preview };
}

function linkAttachment(link: LinkPreview): MessagingExtensionAttachment {
  return {
    ...CardFactory.adaptiveCard(link.card),
    preview: CardFactory.thumbnailCard(link.preview.title, link.preview.text),
  };
}

function listResult(attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

function messageResult(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text } };
}

function taskResponse(step: TaskStep): MessagingExtensionActionResponse {
  if (step.kind === 'done') return { task: { type: 'message', value: step.message } };
  return {
    task: {
      type: 'continue',
      value: { title: step.title, card: CardFactory.adaptiveCard(step.card), width: 'medium' },
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

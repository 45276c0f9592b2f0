import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { ConversationKind } from '../src/messaging/conversations.js';
import type { OutboundMessage } from '../src/messaging/sender.js';

/** Domain message → Bot Framework activity. */
export function toActivity(message: OutboundMessage | string): Partial<Activity> {
  if (typeof message === 'string') return MessageFactory.text(message);
  if ('text' in message) return MessageFactory.text(message.text);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
  // The summary is what Teams shows in notifications and the chat list.
  if (message.summary) activity.summary = message.summary;
  return activity;
}

/**
 * What kind of conversation an activity comes from. Teams says so in
 * `conversationType`; when that is missing, a thread id gives it away: a channel
 * post ("19:…@thread.tacv2", "…;messageid=…", or channel data naming a channel)
 * or a group chat ("19:…@thread.v2"). Only then is it a 1:1 chat: treating a
 * shared conversation as personal would show personal answers to everyone in it.
 */
export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const conversation = activity.conversation;
  const type = conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  if (type === 'personal') return 'personal';
  const id = conversation?.id ?? '';
  const channelData = (activity.channelData ?? {}) as {
    channel?: { id?: unknown };
    teamsChannelId?: unknown;
  };
  if (
    id.includes(';messageid=') ||
    /@thread\.(tacv2|skype)/i.test(id) ||
    typeof channelData.channel?.id === 'string' ||
    typeof channelData.teamsChannelId === 'string'
  )
    return 'channel';
  if (id.startsWith('19:') || conversation?.isGroup === true) return 'groupChat';
  return 'personal';
}

/**
 * The conversation an activity belongs to. In a channel, "19:…@thread.tacv2;messageid=…"
 * names one thread; the channel itself (where new posts go) is the part before ";".
 */
export function conversationIdOf(activity: Partial<Activity>): string {
  const id = activity.conversation?.id ?? '';
  return conversationKind(activity) === 'channel' ? (id.split(';')[0] ?? id) : id;
}

/**
 * The user's language tag: the activity's `locale`, or else the Teams client's
 * (`entities[].clientInfo.locale`), which some clients send alone.
 */
export function localeOf(activity: Partial<Activity>): string | undefined {
  if (typeof activity.locale === 'string' && activity.locale !== '') return activity.locale;
  const clientInfo = entitiesOf(activity).find(
    (e) => e['type'] === 'clientInfo' && typeof e['locale'] === 'string' && e['locale'] !== '',
  );
  return clientInfo ? (clientInfo['locale'] as string) : undefined;
}

/**
 * The message text without the @mentions of the bot. Teams writes a mention as
 * `<at>name</at>` in the text and lists it in `entities` (in the same order);
 * the name in the text can differ from the entity's (a renamed bot, a short
 * name), so the tags are matched to the mention entities by position and the
 * bot is recognised by its id, not by its name.
 */
export function textWithoutBotMention(activity: Partial<Activity>): string {
  const text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  const mentions = entitiesOf(activity).filter((e) => e['type'] === 'mention');
  const ofBot = (e: Record<string, unknown> | undefined) =>
    (e?.['mentioned'] as { id?: unknown } | undefined)?.id === botId;
  if (!botId || !mentions.some(ofBot)) return text;
  const tags = [...text.matchAll(/<at\b[^>]*>.*?<\/at>/gis)];
  const pairedByPosition = tags.length === mentions.length;
  let stripped = text;
  // From the end, so earlier positions stay valid.
  for (let i = tags.length - 1; i >= 0; i--) {
    const tag = tags[i];
    if (!tag || tag.index === undefined) continue;
    const isBot = pairedByPosition
      ? ofBot(mentions[i])
      : mentions.some((m) => ofBot(m) && m['text'] === tag[0]) || (i === 0 && tag.index === 0);
    if (isBot) stripped = stripped.slice(0, tag.index) + stripped.slice(tag.index + tag[0].length);
  }
  return stripped.replace(/&nbsp;/g, ' ').trim();
}

/** The activity's entities that are objects (the field is the sender's JSON). */
function entitiesOf(activity: Partial<Activity>): Array<Record<string, unknown>> {
  const entities: unknown = activity.entities;
  if (!Array.isArray(entities)) return [];
  return entities.filter(
    (e): e is Record<string, unknown> => typeof e === 'object' && e !== null && !Array.isArray(e),
  );
}

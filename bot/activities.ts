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

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
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

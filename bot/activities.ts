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

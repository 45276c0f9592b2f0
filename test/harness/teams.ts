import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FakeMember } from './fake-connector.js';

export type Activity = Record<string, unknown>;
type Fixture =
  | 'message-personal'
  | 'message-channel-mention'
  | 'invoke-adaptive-card-action'
  | 'conversation-update-bot-added';

export function fixture(name: Fixture): Activity {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf-8'),
  ) as Activity;
}

/** A person using Teams in a test: their connector identity and 1:1 chat. */
export interface TestUser extends FakeMember {
  readonly locale: string;
  readonly personalConversationId: string;
}

/** A deterministic Teams identity for a UPN (guests too: any UPN works). */
export function teamsUser(
  upn: string,
  locale = 'ja-JP',
  name = upn.split('@')[0] ?? upn,
): TestUser {
  const hash = createHash('sha256').update(upn).digest('hex');
  const aadObjectId = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
  return {
    id: `29:1${hash.slice(0, 24)}`,
    aadObjectId,
    name,
    userPrincipalName: upn,
    email: upn,
    locale,
    personalConversationId: `a:1${hash.slice(24, 48)}`,
  };
}

let sequence = 0;

interface Where {
  readonly serviceUrl: string;
  readonly conversationId?: string;
  readonly channel?: boolean;
}

function base(name: Fixture, user: TestUser, where: Where): Activity {
  const activity = fixture(name);
  const conversation = activity['conversation'] as Record<string, unknown>;
  const id = `${Date.now()}${++sequence}`;
  return {
    ...activity,
    id,
    serviceUrl: where.serviceUrl,
    locale: user.locale,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: {
      ...conversation,
      id:
        where.conversationId ?? (where.channel ? conversation['id'] : user.personalConversationId),
    },
  };
}

export function message(user: TestUser, text: string, where: Where): Activity {
  if (where.channel) {
    return { ...base('message-channel-mention', user, where), text: `<at>Honbu</at> ${text}` };
  }
  return { ...base('message-personal', user, where), text };
}

/** An Action.Submit click: a message whose value carries the card data. */
export function submit(user: TestUser, data: Record<string, unknown>, where: Where): Activity {
  const activity = base('message-personal', user, where);
  delete activity['text'];
  return { ...activity, value: data };
}

/** An Action.Execute click: the `adaptiveCard/action` invoke. */
export function execute(
  user: TestUser,
  verb: string,
  data: Record<string, unknown>,
  where: Where,
): Activity {
  const activity = base('invoke-adaptive-card-action', user, where);
  return {
    ...activity,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export function botAdded(user: TestUser, where: Where): Activity {
  return base('conversation-update-bot-added', user, where);
}

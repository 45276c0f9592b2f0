import { createHash } from 'node:crypto';

/**
 * Teams-shaped activities as the Teams client sends them to a bot, built for
 * people who have no tenant: the test harness and `npm run chat` both use them.
 * The shapes follow the recorded payloads in test/fixtures/ (a test keeps them in step).
 */
export type Activity = Record<string, unknown>;

/** A Teams user as the connector knows them (what a member lookup answers). */
export interface TeamsMember {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly userPrincipalName?: string;
  readonly email?: string;
}

/** A person using Teams: their connector identity, language and 1:1 chat with the bot. */
export interface TeamsUser extends TeamsMember {
  readonly locale: string;
  readonly personalConversationId: string;
}

/** Where an activity happens: which connector the bot answers, and which conversation. */
export interface Where {
  readonly serviceUrl: string;
  readonly conversationId?: string;
  readonly channel?: boolean;
  /** The message (card) an action was taken on. */
  readonly replyToId?: string;
}

export const TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const BOT = { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'Honbu' } as const;
export const CHANNEL = {
  teamId: '19:team@thread.tacv2',
  channelId: '19:committee@thread.tacv2',
  /** One thread in the channel: replies and later posts stay in the same conversation. */
  threadId: '19:committee@thread.tacv2;messageid=1764032400001',
} as const;

/** A deterministic Teams identity for a UPN (guests too: any UPN works). */
export function teamsUser(
  upn: string,
  locale = 'ja-JP',
  name = upn.split('@')[0] ?? upn,
): TeamsUser {
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
const TIME_ZONE = 'Asia/Tokyo';
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

function clientInfo(locale: string): Activity {
  return {
    type: 'clientInfo',
    locale,
    country: locale.split('-')[1] ?? 'JP',
    platform: 'Web',
    timezone: TIME_ZONE,
  };
}

function conversationOf(user: TeamsUser, where: Where): Activity {
  if (where.channel) {
    return {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TENANT_ID,
      id: where.conversationId ?? CHANNEL.threadId,
    };
  }
  return {
    conversationType: 'personal',
    tenantId: TENANT_ID,
    id: where.conversationId ?? user.personalConversationId,
  };
}

function channelData(where: Where): Activity {
  const tenant = { id: TENANT_ID };
  if (!where.channel) return { tenant };
  return {
    teamsChannelId: CHANNEL.channelId,
    teamsTeamId: CHANNEL.teamId,
    channel: { id: CHANNEL.channelId },
    team: { id: CHANNEL.teamId },
    tenant,
  };
}

/** What every activity from this user in this place carries. */
function base(type: string, user: TeamsUser, where: Where): Activity {
  const now = Date.now();
  return {
    type,
    id: `${now}${++sequence}`,
    timestamp: new Date(now).toISOString(),
    // The client's wall-clock time; the demo users sit in Tokyo.
    localTimestamp: new Date(now + TOKYO_OFFSET_MS).toISOString().replace('Z', '+09:00'),
    localTimezone: TIME_ZONE,
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: conversationOf(user, where),
    recipient: { ...BOT },
    entities: [clientInfo(user.locale)],
    channelData: channelData(where),
    locale: user.locale,
    ...(where.replyToId ? { replyToId: where.replyToId } : {}),
  };
}

/** The user types `text`; in a channel they @mention the bot, as Teams requires. */
export function message(user: TeamsUser, text: string, where: Where): Activity {
  const activity = base('message', user, where);
  if (!where.channel) return { ...activity, text, textFormat: 'plain' };
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...activity,
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [
      { type: 'mention', mentioned: { ...BOT }, text: mention },
      ...(activity['entities'] as Activity[]),
    ],
  };
}

/** An Action.Submit click: a message whose value carries the card data. */
export function submit(user: TeamsUser, data: Record<string, unknown>, where: Where): Activity {
  return { ...base('message', user, where), value: data };
}

/** An Action.Execute click: the `adaptiveCard/action` invoke. */
export function execute(
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  where: Where,
): Activity {
  const activity = base('invoke', user, where);
  return {
    ...activity,
    name: 'adaptiveCard/action',
    channelData: { ...(activity['channelData'] as Activity), source: { name: 'message' } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The bot was added to the user's chat (or to the channel's team). */
export function botAdded(user: TeamsUser, where: Where): Activity {
  // Installing in a team arrives in the channel itself, not in one of its threads.
  const place = where.channel ? { conversationId: CHANNEL.channelId, ...where } : where;
  return { ...base('conversationUpdate', user, place), membersAdded: [{ id: BOT.id }] };
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TENANT_ID, type TeamsMember } from './activities.js';

/**
 * The part of the Bot Connector REST API (v3) a bot calls back, as used by the
 * fake connector in tests and by `npm run chat`, which both stand in for it.
 */
export type ConnectorCallKind =
  'createConversation' | 'send' | 'reply' | 'update' | 'getMember' | 'getMembers' | 'other';

export interface ConnectorRoute {
  readonly kind: ConnectorCallKind;
  readonly conversationId?: string;
  /** The activity replied to or updated. */
  readonly activityId?: string;
  readonly memberId?: string;
}

/** Which connector call a request is, from its method and path. */
export function classify(method: string, path: string): ConnectorRoute {
  const parts = (path.split('?')[0] ?? '')
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  // v3 / conversations / {id} / activities / {activityId} | members / {memberId}
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return { kind: 'other' };
  if (parts.length === 2 && method === 'POST') return { kind: 'createConversation' };
  const conversationId = parts[2];
  const base = conversationId ? { conversationId } : {};
  if (parts[3] === 'activities') {
    if (parts.length === 4 && method === 'POST') return { kind: 'send', ...base };
    const activityId = parts[4] ?? '';
    if (parts.length === 5 && method === 'POST') return { kind: 'reply', ...base, activityId };
    if (parts.length === 5 && method === 'PUT') return { kind: 'update', ...base, activityId };
  }
  if (parts[3] === 'members' || parts[3] === 'pagedmembers') {
    if (parts.length === 5 && method === 'GET')
      return { kind: 'getMember', ...base, memberId: parts[4] ?? '' };
    if (method === 'GET') return { kind: 'getMembers', ...base };
  }
  return { kind: 'other', ...base };
}

/** The request body as JSON (undefined when empty). Throws on malformed JSON. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf-8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
}

export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  // restify patches http.ServerResponse globally, so no chaining here.
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The error body the connector answers a lookup of someone not in the conversation with. */
export const MEMBER_NOT_FOUND = {
  error: { code: 'MemberNotFoundInConversation', message: 'not found' },
} as const;

/** A member lookup's answer (a TeamsChannelAccount). */
export function memberAccount(member: TeamsMember): Record<string, unknown> {
  return { ...member, givenName: member.name, tenantId: TENANT_ID, userRole: 'user' };
}

export interface LoopbackServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** An HTTP server on a free loopback port: where a stand-in connector listens. */
export async function startLoopbackServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<LoopbackServer> {
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TeamsUser } from '../teams/activities.js';
import {
  classify,
  MEMBER_NOT_FOUND,
  memberAccount,
  readJson,
  startLoopbackServer,
  writeJson,
  type LoopbackServer,
} from '../teams/connector-protocol.js';

/** Something the bot posted: a new message, a reply, or a change to an earlier message. */
export interface BotPost {
  readonly kind: 'send' | 'reply' | 'update';
  readonly conversationId: string;
  /** The id the message has (for an update: the message it replaces). */
  readonly activityId: string;
  readonly activity: Record<string, unknown>;
}

/**
 * Plays the Bot Connector for a bot running locally: the bot posts its
 * messages here, and asks here who a user is (their UPN), as it would ask Teams.
 */
export class ChatConnector {
  private readonly users = new Map<string, TeamsUser>();
  private server: LoopbackServer | undefined;
  private activitySeq = 0;
  url = '';

  constructor(private readonly onPost: (post: BotPost) => void) {}

  async start(): Promise<string> {
    this.server = await startLoopbackServer((req, res) => this.handle(req, res));
    this.url = this.server.url;
    return this.url;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  /** Member lookups for this user answer their UPN from now on. */
  addUser(user: TeamsUser): void {
    this.users.set(user.id, user);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Record<string, unknown> | undefined;
    try {
      body = await readJson(req);
    } catch {
      return writeJson(res, 400, { error: { code: 'BadArgument', message: 'malformed JSON' } });
    }
    const route = classify(req.method ?? 'GET', req.url ?? '');
    const conversationId = route.conversationId ?? '';
    switch (route.kind) {
      case 'getMember': {
        const user = this.users.get(route.memberId ?? '');
        return user
          ? writeJson(res, 200, memberAccount(user))
          : writeJson(res, 404, MEMBER_NOT_FOUND);
      }
      case 'getMembers':
        return writeJson(res, 200, [...this.users.values()].map(memberAccount));
      case 'createConversation':
        return writeJson(res, 200, this.createConversation(body));
      case 'send':
      case 'reply': {
        const activityId = this.nextId();
        this.onPost({ kind: route.kind, conversationId, activityId, activity: body ?? {} });
        return writeJson(res, 200, { id: activityId });
      }
      case 'update': {
        const activityId = route.activityId ?? '';
        this.onPost({ kind: 'update', conversationId, activityId, activity: body ?? {} });
        return writeJson(res, 200, { id: activityId });
      }
      default:
        return writeJson(res, 200, {});
    }
  }

  /** A 1:1 chat the bot opens with a user is that user's personal conversation. */
  private createConversation(body: Record<string, unknown> | undefined): Record<string, string> {
    const members = Array.isArray(body?.['members'])
      ? (body['members'] as Array<{ id?: string }>)
      : [];
    const user = this.users.get(members[0]?.id ?? '');
    const id = user?.personalConversationId ?? `a:chat-${this.nextId()}`;
    const activity = body?.['activity'];
    if (typeof activity === 'object' && activity !== null) {
      const activityId = this.nextId();
      this.onPost({
        kind: 'send',
        conversationId: id,
        activityId,
        activity: activity as Record<string, unknown>,
      });
      return { id, activityId };
    }
    return { id };
  }

  private nextId(): string {
    return `chat-${++this.activitySeq}`;
  }
}

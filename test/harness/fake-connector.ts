import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  RateLimiter,
  TEAMS_PER_BOT,
  TEAMS_PER_CONVERSATION,
} from '../../src/messaging/rate-limit.js';
import type { TeamsMember } from '../../scripts/teams/activities.js';
import {
  classify,
  MEMBER_NOT_FOUND,
  memberAccount,
  readJson,
  startLoopbackServer,
  writeJson,
  type LoopbackServer,
  type ConnectorCallKind,
} from '../../scripts/teams/connector-protocol.js';

/** A Teams user as the connector knows them (answers member lookups). */
export type FakeMember = TeamsMember;

export interface RecordedCall {
  readonly kind: ConnectorCallKind;
  readonly method: string;
  readonly path: string;
  readonly conversationId?: string;
  readonly body: Record<string, unknown> | undefined;
  /** The HTTP status the fake answered with. */
  readonly status: number;
}

interface Hold {
  readonly appliesTo: (call: { kind: RecordedCall['kind']; conversationId?: string }) => boolean;
  readonly arrive: () => void;
  readonly released: Promise<void>;
}

export interface Fault {
  readonly status: number;
  readonly retryAfterSeconds?: number;
  /** How many matching calls fail; Infinity until cleared. */
  remaining: number;
  readonly appliesTo: (call: { kind: RecordedCall['kind']; conversationId?: string }) => boolean;
}

/**
 * A real HTTP stand-in for the Bot Connector service on a loopback port.
 * It records what the bot sends and can be told to fail for a while.
 */
export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  private readonly members = new Map<string, FakeMember>();
  private readonly faults: Fault[] = [];
  private server: LoopbackServer | undefined;
  private limiter: RateLimiter | undefined;
  private activitySeq = 0;
  private waiters: Array<() => void> = [];
  private readonly holds: Hold[] = [];
  url = '';

  async start(): Promise<string> {
    this.server = await startLoopbackServer((req, res) => this.handle(req, res));
    this.url = this.server.url;
    return this.url;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  addMember(member: FakeMember): void {
    this.members.set(member.id, member);
  }

  /** The next `times` calls matching `appliesTo` (default: every send/reply) fail with `status`. */
  failNext(
    status: number,
    options: { times?: number; retryAfterSeconds?: number; appliesTo?: Fault['appliesTo'] } = {},
  ): void {
    this.faults.push({
      status,
      remaining: options.times ?? 1,
      ...(options.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: options.retryAfterSeconds }
        : {}),
      appliesTo: options.appliesTo ?? ((c) => c.kind === 'send' || c.kind === 'reply'),
    });
  }

  /**
   * Answer 429 (with Retry-After) to any send beyond Teams' documented limits,
   * as Teams does: per conversation and for the bot as a whole, as messages arrive.
   */
  enforceTeamsLimits(): void {
    this.limiter = new RateLimiter(TEAMS_PER_CONVERSATION, TEAMS_PER_BOT);
  }

  private overLimit(route: {
    kind: RecordedCall['kind'];
    conversationId?: string;
  }): Fault | undefined {
    if (!this.limiter || (route.kind !== 'send' && route.kind !== 'reply')) return undefined;
    // Teams counts a message when it arrives: the place is taken and finished at once.
    const now = Date.now();
    const place = this.limiter.tryAcquire(route.conversationId ?? '', now);
    if (!('waitMs' in place)) {
      place.finish(now);
      return undefined;
    }
    const wait = place.waitMs;
    return {
      status: 429,
      retryAfterSeconds: Math.ceil(wait / 1000),
      remaining: 1,
      appliesTo: () => true,
    };
  }

  /**
   * The next call matching `appliesTo` is held before Teams takes it in: it is
   * recorded (and answered) only after `release`, so calls made later overtake it,
   * as on a slow network path. `arrived` resolves when the call is being held.
   */
  hold(appliesTo: Hold['appliesTo']): { arrived: Promise<void>; release: () => void } {
    let arrive: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ appliesTo, arrive, released });
    return { arrived, release };
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  reset(): void {
    this.calls.length = 0;
    this.clearFaults();
  }

  /** Activities the bot posted (sends and replies that succeeded). */
  activities(filter: { conversationId?: string } = {}): Array<Record<string, unknown>> {
    return this.calls
      .filter((c) => (c.kind === 'send' || c.kind === 'reply') && c.status < 300)
      .filter((c) => !filter.conversationId || c.conversationId === filter.conversationId)
      .map((c) => c.body ?? {});
  }

  /** Resolves once `predicate` holds for the recorded calls (or rejects after `ms`). */
  async waitFor(predicate: (calls: readonly RecordedCall[]) => boolean, ms = 2000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate(this.calls)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('FakeConnector.waitFor timed out');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const route = classify(req.method ?? 'GET', path);
    const held = this.holds.findIndex((h) => h.appliesTo(route));
    if (held >= 0) {
      const [hold] = this.holds.splice(held, 1);
      hold?.arrive();
      await hold?.released;
    }

    const fault =
      this.faults.find((f) => f.remaining > 0 && f.appliesTo(route)) ?? this.overLimit(route);
    let status = 200;
    let answer: unknown = {};
    const headers: Record<string, string> = {};
    if (fault) {
      fault.remaining--;
      status = fault.status;
      if (fault.retryAfterSeconds !== undefined)
        headers['retry-after'] = String(fault.retryAfterSeconds);
      answer = { error: { code: 'Fault', message: `injected ${status}` } };
    } else if (route.kind === 'getMember') {
      const member = this.members.get(route.memberId ?? '');
      if (member) answer = memberAccount(member);
      else {
        status = 404;
        answer = MEMBER_NOT_FOUND;
      }
    } else if (route.kind === 'getMembers') {
      answer = [...this.members.values()];
    } else if (route.kind === 'createConversation') {
      answer = { id: `a:created-${++this.activitySeq}`, activityId: `created-${this.activitySeq}` };
    } else if (route.kind === 'send' || route.kind === 'reply' || route.kind === 'update') {
      answer = { id: `activity-${++this.activitySeq}` };
    }
    this.calls.push({
      kind: route.kind,
      method: req.method ?? '',
      path,
      ...(route.conversationId ? { conversationId: route.conversationId } : {}),
      body,
      status,
    });
    writeJson(res, status, answer, headers);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

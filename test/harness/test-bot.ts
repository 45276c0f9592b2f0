import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createHonbu, type Honbu } from '../../src/app/honbu.js';
import type { Logger } from '../../src/logger.js';
import { adaptiveCardsIn, assertValidCard } from './cards.js';
import { FakeConnector, type RecordedCall } from './fake-connector.js';
import * as teams from './teams.js';
import type { Activity, TestUser } from './teams.js';

export interface PostResult {
  readonly status: number;
  /** Parsed JSON body, if any (invoke responses carry the card here). */
  readonly body: unknown;
  /** What the bot sent to the connector while handling this request. */
  readonly sent: readonly RecordedCall[];
}

export interface TestBotOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly clock?: Clock;
  /** Reuse a store file (to test restarts); default: a new temp file. */
  readonly storePath?: string;
  readonly connector?: FakeConnector;
  /** Where the bot logs (default: a logger at LOG_LEVEL, silent in tests). */
  readonly logger?: Logger;
}

/**
 * Runs the real Honbu (real HTTP server, real CloudAdapter, file store) on a
 * loopback port against a FakeConnector, and talks to it like Teams does.
 */
export class TestBot {
  /** Connector calls whose cards were already checked (each is checked once). */
  private readonly checkedCalls = new WeakSet<RecordedCall>();

  private constructor(
    public honbu: Honbu,
    readonly url: string,
    readonly connector: FakeConnector,
    readonly storePath: string,
    private readonly options: TestBotOptions,
  ) {}

  static async start(options: TestBotOptions = {}): Promise<TestBot> {
    const connector = options.connector ?? new FakeConnector();
    if (!connector.url) await connector.start();
    const storePath =
      options.storePath ?? join(mkdtempSync(join(tmpdir(), 'honbu-test-')), 'honbu.json');
    const { honbu, url } = await TestBot.launch(storePath, options);
    return new TestBot(honbu, url, connector, storePath, { ...options, connector });
  }

  private static async launch(
    storePath: string,
    options: TestBotOptions,
  ): Promise<{ honbu: Honbu; url: string }> {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      STORE_URL: `file:${storePath}`,
      LOG_LEVEL: 'silent',
      // Tests tick the scheduler themselves, after moving their ManualClock.
      SCHEDULER_TICK_MS: '0',
      ...options.env,
    });
    const honbu = await createHonbu({
      config,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    const url = await honbu.start();
    return { honbu, url };
  }

  /** A Teams user the connector knows (so member lookup finds their UPN). */
  user(upn: string, locale = 'ja-JP'): TestUser {
    const user = teams.teamsUser(upn, locale);
    this.connector.addMember(user);
    return user;
  }

  get services(): Honbu['services'] {
    return this.honbu.services;
  }

  private where(extra: { channel?: boolean; conversationId?: string } = {}) {
    return { serviceUrl: `${this.connector.url}/`, ...extra };
  }

  async post(activity: Activity, headers: Record<string, string> = {}): Promise<PostResult> {
    return this.postRaw(JSON.stringify(activity), headers);
  }

  async postRaw(body: string, headers: Record<string, string> = {}): Promise<PostResult> {
    const before = this.connector.calls.length;
    const response = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    // Every card a test sees must be one Teams can show: what the bot sent (also proactive
    // sends since the last request) and what an invoke answered with.
    this.assertSentCardsValid();
    adaptiveCardsIn(parsed).forEach((card, i) =>
      assertValidCard(card, `Card #${i + 1} in the response to the ${activityLabel(body)}`),
    );
    return { status: response.status, body: parsed, sent: this.connector.calls.slice(before) };
  }

  /**
   * Checks every Adaptive Card the bot has sent to the connector and not yet checked.
   * `post` does this on its own; call it after proactive sends a test awaits directly.
   */
  assertSentCardsValid(): void {
    for (const call of this.connector.calls) {
      if (this.checkedCalls.has(call)) continue;
      this.checkedCalls.add(call);
      adaptiveCardsIn(call.body).forEach((card, i) =>
        assertValidCard(card, `Card #${i + 1} the bot sent (${call.method} ${call.path})`),
      );
    }
  }

  /** The user types `text` in their 1:1 chat (or in the channel, with an @mention). */
  async say(
    user: TestUser,
    text: string,
    options: { channel?: boolean } = {},
  ): Promise<PostResult> {
    return this.post(teams.message(user, text, this.where(options)));
  }

  async execute(
    user: TestUser,
    verb: string,
    data: Record<string, unknown> = {},
  ): Promise<PostResult> {
    return this.post(teams.execute(user, verb, data, this.where()));
  }

  async submit(user: TestUser, data: Record<string, unknown>): Promise<PostResult> {
    return this.post(teams.submit(user, data, this.where()));
  }

  async install(user: TestUser, options: { channel?: boolean } = {}): Promise<PostResult> {
    return this.post(teams.botAdded(user, this.where(options)));
  }

  /** Stops the process-level app and starts a new one over the same store file. */
  async restart(): Promise<void> {
    await this.honbu.stop();
    const { honbu } = await TestBot.launch(this.storePath, this.options);
    this.honbu = honbu;
  }

  async stop(): Promise<void> {
    await this.honbu.stop();
    if (!this.options.connector || this.options.connector === this.connector)
      await this.connector.stop();
  }
}

/** `message activity`, `invoke activity (adaptiveCard/action)`: for failure messages. */
function activityLabel(body: string): string {
  try {
    const activity = JSON.parse(body) as { type?: unknown; name?: unknown };
    const name = typeof activity.name === 'string' ? ` (${activity.name})` : '';
    return `${String(activity.type)} activity${name}`;
  } catch {
    return 'request';
  }
}

/** Texts and cards in what the bot sent. */
export function textsOf(calls: readonly RecordedCall[]): string[] {
  return calls.flatMap((c) => {
    const text = c.body?.['text'];
    return typeof text === 'string' ? [text] : [];
  });
}

export function cardsOf(calls: readonly RecordedCall[]): Array<Record<string, unknown>> {
  return calls.flatMap((c) => {
    const attachments = c.body?.['attachments'];
    if (!Array.isArray(attachments)) return [];
    return attachments
      .filter(
        (a: { contentType?: string }) =>
          a.contentType === 'application/vnd.microsoft.card.adaptive',
      )
      .map((a: { content: Record<string, unknown> }) => a.content);
  });
}

/** Every TextBlock/FactSet string in a card, for asserting what a user reads. */
export function visibleText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n['type'] === 'TextBlock' && typeof n['text'] === 'string') out.push(n['text']);
    if (n['type'] === 'TextRun' && typeof n['text'] === 'string') out.push(n['text']);
    if (typeof n['title'] === 'string') out.push(n['title']);
    if (typeof n['value'] === 'string' && n['type'] === undefined) out.push(n['value']);
    for (const [key, value] of Object.entries(n)) if (key !== 'text') walk(value);
  };
  walk(card);
  return out.join('\n');
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { createHonbu, type Honbu } from '../../src/app/honbu.js';
import { FakeConnector } from '../harness/fake-connector.js';

/**
 * The real Honbu over HTTP, like TestBot, but with its log lines and everything
 * written to stderr (console.error included) kept, so attack tests can assert
 * that no secret or library internals were printed.
 */
export class CapturedBot {
  readonly stderr: string[] = [];
  private restoreStderr: (() => void) | undefined;

  private constructor(
    /** The bot's log lines (JSON), as written. */
    readonly logs: string[],
    readonly honbu: Honbu,
    readonly url: string,
    readonly connector: FakeConnector,
    readonly storePath: string,
  ) {}

  static async start(
    env: Record<string, string> = {},
    options: { connector?: FakeConnector; storePath?: string } = {},
  ): Promise<CapturedBot> {
    const connector = options.connector ?? new FakeConnector();
    if (!connector.url) await connector.start();
    const storePath =
      options.storePath ?? join(mkdtempSync(join(tmpdir(), 'honbu-sec-')), 'honbu.json');
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(...chunk.toString('utf-8').split('\n').filter(Boolean));
        done();
      },
    });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      STORE_URL: `file:${storePath}`,
      SCHEDULER_TICK_MS: '0',
      ...env,
    });
    const honbu = await createHonbu({ config, logger: pino({ level: 'debug' }, sink) });
    const url = await honbu.start();
    return new CapturedBot(logs, honbu, url, connector, storePath);
  }

  /** Keeps what is written to stderr (console.error) until `stop`. */
  captureStderr(): void {
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      this.stderr.push(chunk.toString());
      return true;
    }) as typeof process.stderr.write;
    this.restoreStderr = () => (process.stderr.write = original);
  }

  /** Everything printed: log lines and stderr. */
  printed(): string {
    return [...this.logs, ...this.stderr].join('\n');
  }

  async post(
    activity: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    return { status: response.status, text: await response.text() };
  }

  async stop(): Promise<void> {
    this.restoreStderr?.();
    await this.honbu.stop();
    await this.connector.stop();
  }
}

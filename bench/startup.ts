import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { message, teamsUser } from '../scripts/teams/activities.js';
import { FakeConnector } from '../test/harness/fake-connector.js';
import { cpuMsOf, freePort } from './processes.js';
import { buildProduction, productionNodeArgs } from './production.js';
import { percentile, type BenchRow } from './types.js';

const ROUNDS = 3;
const ECHO_ENTRY = 'bench/echo-bot.ts';
/** Fine enough for starts of about a second; both servers are polled alike. */
const POLL_MS = 10;
const START_TIMEOUT_MS = 60_000;

interface Start {
  /** Spawn to the first answer that says it is ready. */
  readonly readyMs: number;
  /** CPU (user + system, all threads) the process spent until then. */
  readonly cpuMs: number;
  /** Resident memory at that moment (no forced collection). */
  readonly rssMiB: number;
  /** The first message turn after ready: POST to the HTTP answer. */
  readonly firstTurnMs: number;
}

interface Server {
  readonly label: string;
  readonly cwd: string;
  readonly entry: string;
  /** Honbu answers /readyz 200 once its store is open; the echo bot answers anything once listening. */
  readonly isReady: (status: number) => boolean;
}

const rssMiBOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf-8'))?.[1]) / 1024;

async function startOnce(server: Server, serviceUrl: string): Promise<Start> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const store = join(mkdtempSync(join(tmpdir(), 'honbu-startup-')), 'honbu.json');
  const started = performance.now();
  const child = spawn(process.execPath, [...productionNodeArgs(), server.entry], {
    cwd: server.cwd,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      STORE_URL: `file:${store}`,
      SCHEDULER_TICK_MS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const pid = child.pid ?? 0;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${server.label} exited with ${child.exitCode}`);
      if (performance.now() - started > START_TIMEOUT_MS)
        throw new Error(`${server.label} was not ready after ${START_TIMEOUT_MS} ms`);
      const status = await fetch(`${url}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (server.isReady(status)) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const readyMs = performance.now() - started;
    const cpuMs = cpuMsOf(child) ?? NaN;
    const rssMiB = rssMiBOf(pid);
    const user = teamsUser('kumin-bucho@city.example.jp');
    const turnStarted = performance.now();
    const answer = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(user, 'ヘルプ', { serviceUrl })),
    });
    await answer.arrayBuffer();
    if (answer.status >= 300)
      throw new Error(`${server.label}: first turn answered ${answer.status}`);
    return { readyMs, cpuMs, rssMiB, firstTurnMs: performance.now() - turnStarted };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/**
 * Cold start of the production build against a bare botbuilder echo bot on
 * restify started the same way (node with start:prod's flags on modules compiled
 * by the same build), taking turns round after round so a slow spell of a shared
 * machine hits both. Honbu starts on a new store and loads the demo data.
 * STARTUP_BASELINE=<checkout with a built dist/> adds an older build to the
 * same rounds, for before/after figures from one run.
 */
export async function startupBench(): Promise<BenchRow[]> {
  const build = await buildProduction([ECHO_ENTRY]);
  const cwd = resolve(build.entry('src/main.ts'), '../..');
  const servers: Server[] = [
    { label: 'Honbu', cwd, entry: build.entry('src/main.ts'), isReady: (status) => status === 200 },
    { label: 'echo bot', cwd, entry: build.entry(ECHO_ENTRY), isReady: (status) => status > 0 },
  ];
  const baseline = process.env['STARTUP_BASELINE'];
  if (baseline)
    servers.push({
      label: 'Honbu baseline',
      cwd: resolve(baseline),
      entry: join(resolve(baseline), 'dist/src/main.js'),
      isReady: (status) => status === 200,
    });

  const connector = new FakeConnector();
  const starts = new Map<string, Start[]>(servers.map((s) => [s.label, []]));
  try {
    await connector.start();
    const serviceUrl = `${connector.url}/`;
    connector.addMember(teamsUser('kumin-bucho@city.example.jp'));
    for (let round = 0; round < ROUNDS; round++)
      for (const server of servers)
        starts.get(server.label)?.push(await startOnce(server, serviceUrl));
  } finally {
    await connector.stop();
    build.remove();
  }

  const of = (label: string, measure: keyof Start) =>
    median((starts.get(label) ?? []).map((s) => s[measure]));
  const flags = productionNodeArgs().join(' ') || 'no flags';
  const rows: BenchRow[] = [];
  for (const { label } of servers) {
    rows.push(
      {
        name: `${label}: cold start to ready (median of ${ROUNDS})`,
        value: of(label, 'readyMs'),
        unit: 'ms',
        note: `node ${flags}, compiled modules`,
      },
      { name: `${label}: CPU until ready`, value: of(label, 'cpuMs'), unit: 'ms' },
      { name: `${label}: RSS at ready`, value: of(label, 'rssMiB'), unit: 'MiB' },
      { name: `${label}: first turn after ready`, value: of(label, 'firstTurnMs'), unit: 'ms' },
    );
  }
  const ratio = (label: string) => ({
    name: `${label} / echo bot, cold start (target <= 1.5)`,
    value: of(label, 'readyMs') / of('echo bot', 'readyMs'),
    unit: 'x',
  });
  rows.push(ratio('Honbu'));
  if (baseline) rows.push(ratio('Honbu baseline'));
  return rows;
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { message, teamsUser, type Activity } from '../scripts/teams/activities.js';
import { FakeConnector } from '../test/harness/fake-connector.js';
import { cpuMsOf, startNode } from './processes.js';
import { buildProduction, productionNodeArgs } from './production.js';
import { percentile, type BenchRow } from './types.js';

/** Alternating rounds, so a slow spell of a shared machine hits every server alike. */
const ROUNDS = 5;
const READS_PER_ROUND = 1500;
/** Fewer writes: each one adds a person to the store, which grows round after round. */
const WRITES_PER_ROUND = 400;
const CONCURRENCY = 16;

/** Turns per second when `CONCURRENCY` clients post `requests` activities built by `activityFor`. */
async function turnsPerSecond(
  url: string,
  requests: number,
  activityFor: (i: number) => Activity,
): Promise<number> {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < requests) {
      const i = next++;
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activityFor(i)),
      });
      await response.arrayBuffer();
      if (response.status >= 300) failures++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (failures > 0) throw new Error(`${failures} requests failed`);
  return requests / seconds;
}

/**
 * CPU per turn of each server process: what the turn rates would be if every
 * server had a core to itself, whatever else the machine is doing.
 */
function cpuRows(cpu: { echo: number; read: number; write: number }): BenchRow[] {
  const echo = cpu.echo / (ROUNDS * READS_PER_ROUND);
  const read = cpu.read / (ROUNDS * READS_PER_ROUND);
  const write = cpu.write / (ROUNDS * WRITES_PER_ROUND);
  const note = 'server process CPU (user + system) over the rounds';
  return [
    { name: 'echo bot CPU per turn', value: echo, unit: 'ms', note },
    { name: 'Honbu read "ヘルプ" CPU per turn', value: read, unit: 'ms', note },
    { name: 'Honbu durable write "名簿登録" CPU per turn', value: write, unit: 'ms', note },
    {
      name: 'echo CPU / durable write CPU per turn',
      value: echo / write,
      unit: 'ratio',
      note: 'the write / echo rate ratio when neither waits for a core',
    },
  ];
}

const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/**
 * Issue 8 (a): Honbu's turn throughput for a read command and for a durable
 * write, against a bare botbuilder echo bot on restify measured in the same run:
 * the servers run side by side and take turns, round after round, and each
 * ratio is the median of the rounds' ratios.
 */
export async function throughputBench(): Promise<BenchRow[]> {
  const connector = new FakeConnector();
  await connector.start();
  const where = { serviceUrl: `${connector.url}/` };
  const member = teamsUser('kumin-bucho@city.example.jp');
  const secretary = teamsUser('johokanri-kacho@city.example.jp');
  connector.addMember(member);
  connector.addMember(secretary);

  // Every server as production starts Honbu: node with start:prod's flags on the build.
  const build = await buildProduction(['bench/echo-bot.ts']);
  const production = { nodeArgs: productionNodeArgs(), tsx: false };
  const echo = await startNode(build.entry('bench/echo-bot.ts'), {}, production);
  const keptClientsEcho = await startNode(
    build.entry('bench/echo-bot.ts'),
    { ECHO_HONBU_ADAPTER: '1' },
    production,
  );
  const store = join(mkdtempSync(join(tmpdir(), 'honbu-bench-')), 'honbu.json');
  const honbu = await startNode(
    build.entry('src/main.ts'),
    { STORE_URL: `file:${store}`, SCHEDULER_TICK_MS: '0' },
    production,
  );
  await turnsPerSecond(echo.url, READS_PER_ROUND, () => message(member, 'warm-up', where));
  await turnsPerSecond(keptClientsEcho.url, READS_PER_ROUND, () =>
    message(member, 'warm-up', where),
  );
  await turnsPerSecond(honbu.url, READS_PER_ROUND, () => message(member, 'whoami', where));

  const echoRates: number[] = [];
  const keptClientsEchoRates: number[] = [];
  const readRates: number[] = [];
  const writeRates: number[] = [];
  /** CPU ms the server process used, summed over the rounds: echo turns, read turns, write turns. */
  const cpu = { echo: 0, read: 0, write: 0 };
  const counting = async (
    server: Awaited<ReturnType<typeof startNode>>,
    kind: keyof typeof cpu,
    rate: () => Promise<number>,
  ) => {
    const before = cpuMsOf(server.child) ?? NaN;
    const result = await rate();
    cpu[kind] += (cpuMsOf(server.child) ?? NaN) - before;
    return result;
  };
  let written = 0;
  for (let round = 0; round < ROUNDS; round++) {
    echoRates.push(
      await counting(echo, 'echo', () =>
        turnsPerSecond(echo.url, READS_PER_ROUND, (i) => message(member, `hello ${i}`, where)),
      ),
    );
    keptClientsEchoRates.push(
      await turnsPerSecond(keptClientsEcho.url, READS_PER_ROUND, (i) =>
        message(member, `hello ${i}`, where),
      ),
    );
    readRates.push(
      await counting(honbu, 'read', () =>
        turnsPerSecond(honbu.url, READS_PER_ROUND, () => message(member, 'ヘルプ', where)),
      ),
    );
    writeRates.push(
      await counting(honbu, 'write', () =>
        turnsPerSecond(honbu.url, WRITES_PER_ROUND, () => {
          const n = written++;
          return message(
            secretary,
            `名簿登録 bench-${n}@city.example.jp 部員 総務部 ベンチ${n}`,
            where,
          );
        }),
      ),
    );
  }
  await Promise.all([echo.stop(), keptClientsEcho.stop(), honbu.stop()]);
  await connector.stop();
  build.remove();

  const ratios = (rates: readonly number[], baseline = echoRates) =>
    rates.map((rate, i) => rate / (baseline[i] ?? NaN));
  const rounds = `median of ${ROUNDS} alternating rounds`;
  return [
    {
      name: 'bare botbuilder echo bot (restify), turns/s',
      value: median(echoRates),
      unit: 'turns/s',
      note: rounds,
    },
    {
      name: "the same echo bot on Honbu's adapter (clients kept), turns/s",
      value: median(keptClientsEchoRates),
      unit: 'turns/s',
      note: rounds,
    },
    {
      name: 'Honbu read command "ヘルプ" (help card), turns/s',
      value: median(readRates),
      unit: 'turns/s',
      note: rounds,
    },
    {
      name: 'Honbu durable write "名簿登録" (awaits the store write), turns/s',
      value: median(writeRates),
      unit: 'turns/s',
      note: rounds,
    },
    {
      name: 'read / echo ratio (target >= 0.8)',
      value: median(ratios(readRates)),
      unit: 'ratio',
      note: `rounds: ${ratios(readRates)
        .map((r) => r.toFixed(2))
        .join(' ')}`,
    },
    {
      name: "read / echo on Honbu's adapter (Honbu's own cost per turn)",
      value: median(ratios(readRates, keptClientsEchoRates)),
      unit: 'ratio',
      note: `rounds: ${ratios(readRates, keptClientsEchoRates)
        .map((r) => r.toFixed(2))
        .join(' ')}`,
    },
    ...cpuRows(cpu),
    {
      name: 'durable write / echo ratio (target >= 0.8)',
      value: median(ratios(writeRates)),
      unit: 'ratio',
      note: `rounds: ${ratios(writeRates)
        .map((r) => r.toFixed(2))
        .join(' ')}`,
    },
  ];
}

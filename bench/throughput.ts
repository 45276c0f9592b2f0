import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { message, teamsUser, type Activity } from '../scripts/teams/activities.js';
import { FakeConnector } from '../test/harness/fake-connector.js';
import { startNode } from './processes.js';
import type { BenchRow } from './types.js';

const REQUESTS = 2000;
const CONCURRENCY = 16;

/** Turns per second when `CONCURRENCY` clients post `REQUESTS` activities built by `activityFor`. */
async function turnsPerSecond(url: string, activityFor: (i: number) => Activity): Promise<number> {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < REQUESTS) {
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
  return REQUESTS / seconds;
}

/**
 * Issue 8 (a): Honbu's turn throughput for a read command and for a durable
 * write, against a bare botbuilder echo bot on restify measured in the same run.
 */
export async function throughputBench(): Promise<BenchRow[]> {
  const connector = new FakeConnector();
  await connector.start();
  const where = { serviceUrl: `${connector.url}/` };
  const member = teamsUser('kumin-bucho@city.example.jp');
  const secretary = teamsUser('johokanri-kacho@city.example.jp');
  connector.addMember(member);
  connector.addMember(secretary);

  const echo = await startNode('bench/echo-bot.ts', {});
  await turnsPerSecond(echo.url, () => message(member, 'warm-up', where));
  const echoRate = await turnsPerSecond(echo.url, (i) => message(member, `hello ${i}`, where));
  await echo.stop();

  const store = join(mkdtempSync(join(tmpdir(), 'honbu-bench-')), 'honbu.json');
  const honbu = await startNode('src/main.ts', {
    STORE_URL: `file:${store}`,
    SCHEDULER_TICK_MS: '0',
  });
  await turnsPerSecond(honbu.url, () => message(member, 'whoami', where));
  const readRate = await turnsPerSecond(honbu.url, () => message(member, 'ヘルプ', where));
  const writeRate = await turnsPerSecond(honbu.url, (i) =>
    message(secretary, `名簿登録 bench-${i}@city.example.jp 部員 総務部 ベンチ${i}`, where),
  );
  await honbu.stop();
  await connector.stop();

  return [
    { name: 'bare botbuilder echo bot (restify), turns/s', value: echoRate, unit: 'turns/s' },
    { name: 'Honbu read command "ヘルプ" (help card), turns/s', value: readRate, unit: 'turns/s' },
    {
      name: 'Honbu durable write "名簿登録" (awaits the store write), turns/s',
      value: writeRate,
      unit: 'turns/s',
    },
    { name: 'read / echo ratio (target >= 0.8)', value: readRate / echoRate, unit: 'ratio' },
    {
      name: 'durable write / echo ratio (target >= 0.5)',
      value: writeRate / echoRate,
      unit: 'ratio',
    },
  ];
}

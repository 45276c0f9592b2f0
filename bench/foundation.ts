import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestBot } from '../test/harness/test-bot.js';
import { startNode } from './processes.js';
import { percentile, type BenchRow } from './types.js';

/** Wall time from spawning `node src/main.ts` (fresh store, demo seeding) to /readyz answering 200. */
async function coldStartMs(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'honbu-bench-'));
  const started = performance.now();
  const bot = await startNode('src/main.ts', { STORE_URL: `file:${join(dir, 'honbu.json')}` });
  const ready = await fetch(`${bot.url}/readyz`);
  const elapsed = performance.now() - started;
  await bot.stop();
  if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}`);
  return elapsed;
}

export async function foundationBench(): Promise<BenchRow[]> {
  const starts = [];
  for (let i = 0; i < 3; i++) starts.push(await coldStartMs());
  starts.sort((a, b) => a - b);

  const bot = await TestBot.start();
  const user = bot.user('kumin-bucho@city.example.jp');
  for (let i = 0; i < 20; i++) await bot.say(user, 'ヘルプ'); // warm-up
  const latencies: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    await bot.say(user, 'ヘルプ');
    latencies.push(performance.now() - t);
  }
  await bot.stop();
  latencies.sort((a, b) => a - b);
  return [
    {
      name: 'cold start to /readyz (median of 3, new store + demo seed)',
      value: percentile(starts, 50),
      unit: 'ms',
    },
    {
      name: '"ヘルプ" turn over HTTP, help card reply, p50',
      value: percentile(latencies, 50),
      unit: 'ms',
    },
    {
      name: '"ヘルプ" turn over HTTP, help card reply, p99',
      value: percentile(latencies, 99),
      unit: 'ms',
    },
  ];
}

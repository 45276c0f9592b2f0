import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestBot } from '../test/harness/test-bot.js';
import { percentile, type BenchRow } from './types.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Wall time from spawning `node src/main.ts` (fresh store, demo seeding) to /readyz answering 200. */
async function coldStartMs(): Promise<number> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'honbu-bench-'));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--disable-warning=DEP0111', 'src/main.ts'],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        STORE_URL: `file:${join(dir, 'honbu.json')}`,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    },
  );
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
  }
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

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execute, message, type Activity } from '../scripts/teams/activities.js';
import { openStore } from '../src/store/open-store.js';
import { fillStore, seedCrowd, type Crowd } from '../test/harness/crowd.js';
import { FakeConnector } from '../test/harness/fake-connector.js';
import { createTestSchema } from '../test/harness/postgres.js';
import { startNode } from './processes.js';
import { buildProduction, productionNodeArgs, type ProductionBuild } from './production.js';
import type { BenchRow } from './types.js';

const PEOPLE = 10_000;
const DEPARTMENTS = 500;
/** Requests in flight during the warm-up, as a busy Teams tenant would send them. */
const CONCURRENCY = 32;
/** src/main.ts plus the memory route, run compiled as `npm run start:prod` runs the bot. */
const BOT = 'bench/memory-bot.ts';
/**
 * How long the bot sits idle after the warm-up before its memory is read a second time. Right
 * after a burst V8 still holds heap pages it grew into (a collection then left 70–97 MiB of heap
 * for 46–62 MiB alive); after about 8 s of quiet its memory reducer compacts the heap and returns
 * them. The bench reports both readings, and the burst's peak.
 */
const IDLE_AFTER_WARM_UP_MS = 15_000;

/** process.memoryUsage(), plus the peak resident size so far where the system tells it. */
type Memory = NodeJS.MemoryUsage & { peakRss?: number };

const mb = (bytes: number) => bytes / 1024 / 1024;

async function runAll(tasks: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]?.();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/**
 * Turns of every kind a day brings, spread over the crowd: one person in five asks
 * for help and opens their survey card, and one head per department answers it.
 */
function warmUpTurns(crowd: Crowd, serviceUrl: string): Activity[] {
  const where = { serviceUrl };
  return crowd.members.flatMap(({ head, department }, i) => {
    const turns: Activity[] = [];
    if (i % 5 === 0)
      turns.push(
        message(head, 'ヘルプ', where),
        execute(head, 'survey.refresh', { surveyId: crowd.survey.id }, where),
      );
    // Members 0 … DEPARTMENTS-1 head departments 0 … DEPARTMENTS-1.
    if (i < DEPARTMENTS)
      turns.push(
        execute(
          head,
          'survey.submit',
          {
            surveyId: crowd.survey.id,
            departmentId: department.id,
            basedOn: 0,
            rank1: 'web-meetings',
            rank2: 'telework',
            rank3: 'rpa',
            'comment_web-meetings': `${department.name.ja}のコメント`,
            opinion: '',
          },
          where,
        ),
      );
    return turns;
  });
}

/** Starts the bot on `storeUrl`, measures its memory at start and after the warm-up turns. */
async function measure(
  production: ProductionBuild,
  storeUrl: string,
  turns: readonly Activity[],
): Promise<{ atStart: Memory; afterWarmUp: Memory; afterIdle: Memory; failed: number }> {
  const bot = await startNode(
    production.entry(BOT),
    { STORE_URL: storeUrl, SEED_DEMO: 'false', LOG_LEVEL: 'silent', SCHEDULER_TICK_MS: '0' },
    // The production start's flags, and gc() for reading memory after a collection.
    { nodeArgs: [...productionNodeArgs(), '--expose-gc'], tsx: false },
  );
  const memory = async () => (await (await fetch(`${bot.url}/bench/memory`)).json()) as Memory;
  try {
    const atStart = await memory();
    let failed = 0;
    await runAll(
      turns.map((activity) => async () => {
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        });
        await response.arrayBuffer();
        if (response.status !== 200) failed++;
      }),
    );
    const afterWarmUp = await memory();
    if (turns.length > 0) await sleep(IDLE_AFTER_WARM_UP_MS);
    return { atStart, afterWarmUp, afterIdle: await memory(), failed };
  } finally {
    await bot.stop();
  }
}

function rows(backend: string, result: Awaited<ReturnType<typeof measure>>, turns: number) {
  const { atStart, afterWarmUp, afterIdle, failed } = result;
  const people = `${PEOPLE.toLocaleString('en')} people`;
  if (failed > 0) throw new Error(`${failed} of ${turns} warm-up turns failed on ${backend}`);
  return [
    {
      name: `${backend}, ${people}: RSS after start`,
      value: mb(atStart.rss),
      unit: 'MiB',
      note: `heap used ${mb(atStart.heapUsed).toFixed(0)} MiB (after gc)`,
    },
    {
      name: `${backend}, ${people}: RSS right after ${turns.toLocaleString('en')} warm-up turns`,
      value: mb(afterWarmUp.rss),
      unit: 'MiB',
      note: `gc: heap used ${mb(afterWarmUp.heapUsed).toFixed(0)} of ${mb(afterWarmUp.heapTotal).toFixed(0)} MiB`,
    },
    {
      name: `${backend}, ${people}: RSS after the warm-up turns and ${IDLE_AFTER_WARM_UP_MS / 1000} s idle`,
      value: mb(afterIdle.rss),
      unit: 'MiB',
      note: `gc: heap used ${mb(afterIdle.heapUsed).toFixed(0)} of ${mb(afterIdle.heapTotal).toFixed(0)} MiB`,
    },
    ...(afterWarmUp.peakRss === undefined
      ? []
      : [
          {
            name: `${backend}, ${people}: peak RSS (start and warm-up, ${CONCURRENCY} turns at once)`,
            value: mb(afterWarmUp.peakRss),
            unit: 'MiB',
            note: 'VmHWM',
          },
        ]),
  ];
}

/**
 * Issue 8 (d): memory of one bot process serving 10,000 directory people, each
 * with a conversation reference, in 500 departments, with an open survey.
 */
export async function memoryBench(): Promise<BenchRow[]> {
  const production = await buildProduction([BOT]);
  const connector = new FakeConnector();
  await connector.start();
  const serviceUrl = `${connector.url}/`;
  const folder = mkdtempSync(join(tmpdir(), 'honbu-memory-'));
  try {
    const demo = await measure(production, `file:${join(folder, 'demo.json')}`, []);
    const results: BenchRow[] = [
      {
        name: 'demo data only (19 people): RSS after start',
        value: mb(demo.atStart.rss),
        unit: 'MiB',
        note: `heap used ${mb(demo.atStart.heapUsed).toFixed(0)} MiB (after gc); compiled, as npm run start:prod runs`,
      },
    ];

    const file = `file:${join(folder, 'crowd.json')}`;
    const fileStore = await openStore(file);
    const crowd = await seedCrowd(fileStore, {
      people: PEOPLE,
      departments: DEPARTMENTS,
      serviceUrl,
    });
    await fileStore.close();
    const turns = warmUpTurns(crowd, serviceUrl);
    results.push(...rows('lowdb', await measure(production, file, turns), turns.length));

    const schema = await createTestSchema();
    try {
      const pgStore = await openStore(schema.url);
      await fillStore(pgStore, (scratch) =>
        seedCrowd(scratch, { people: PEOPLE, departments: DEPARTMENTS, serviceUrl }),
      );
      await pgStore.close();
      results.push(
        ...rows('PostgreSQL', await measure(production, schema.url, turns), turns.length),
      );
    } finally {
      await schema.drop();
    }
    return results;
  } finally {
    await connector.stop();
    production.remove();
    rmSync(folder, { recursive: true, force: true });
  }
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createHonbu } from '../src/app/honbu.js';
import { TEAMS_PER_BOT } from '../src/messaging/rate-limit.js';
import { FakeConnector } from '../test/harness/fake-connector.js';
import { createTestSchema } from '../test/harness/postgres.js';
import type { BenchRow } from './types.js';

const RECIPIENTS = Number(process.env['FANOUT_RECIPIENTS'] ?? 5000);
/** Which backends to run, e.g. FANOUT_STORES=lowdb for a quick look. */
const STORES = (process.env['FANOUT_STORES'] ?? 'lowdb,postgres').split(',');

/**
 * Issue 8 (b): a reminder to 5,000 people against a connector that enforces
 * Teams' limits (429 + Retry-After beyond them). The floor is what the limits
 * allow: 50 messages at once, then 50 per second. Run on the lowdb file and on
 * PostgreSQL (127.0.0.1:5432, database `test`, a throwaway schema, the
 * server's durable commits), one after the other.
 */
export async function fanoutBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (STORES.includes('lowdb')) {
    const store = join(mkdtempSync(join(tmpdir(), 'honbu-fanout-')), 'honbu.json');
    rows.push(...(await fanoutOn(`file:${store}`, 'lowdb')));
  }
  if (STORES.includes('postgres')) {
    const schema = await createTestSchema();
    try {
      const url = new URL(schema.url);
      url.searchParams.set('options', `-c search_path=${schema.name}`);
      rows.push(...(await fanoutOn(url.toString(), 'PostgreSQL')));
    } finally {
      await schema.drop();
    }
  }
  return rows;
}

async function fanoutOn(storeUrl: string, backend: string): Promise<BenchRow[]> {
  const connector = new FakeConnector();
  await connector.start();
  connector.enforceTeamsLimits();
  const honbu = await createHonbu({
    config: loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      STORE_URL: storeUrl,
      LOG_LEVEL: 'warn',
      SCHEDULER_TICK_MS: '100',
      QUIET_HOURS: 'off',
    }),
  });
  await honbu.start();
  const { conversations, scheduler } = honbu.services;
  const users = Array.from({ length: RECIPIENTS }, (_, i) => `user-${i}`);
  // All at once: the store shares one file write among the changes waiting for it.
  await Promise.all(
    users.map((user) =>
      conversations.remember({
        id: `a:${user}`,
        kind: 'personal',
        userAadObjectId: user,
        reference: {
          channelId: 'msteams',
          serviceUrl: `${connector.url}/`,
          conversation: { id: `a:${user}`, conversationType: 'personal', tenantId: 'tenant' },
          user: { id: `29:${user}`, aadObjectId: user },
          bot: { id: '28:bot', name: 'Honbu' },
        },
      }),
    ),
  );
  // The way a feature sends one notice to many people: deliverMany, which keeps
  // several sends in flight while the Sender paces them to the limits.
  scheduler.register<{ users: string[] }>('bench.fanout', async (ctx) => {
    await ctx.deliverMany(
      ctx.job.payload.users.map((user) => ({
        recipientKey: user,
        target: { userAadObjectId: user },
        message: { text: '第3回 行政情報化推進本部: 資料の提出期限は明日です' },
      })),
    );
  });

  connector.reset();
  const started = performance.now();
  // CPU used by the process (bot and fake connector together) during the fan-out:
  // unlike the wall time, it does not depend on what else the machine is doing.
  const cpuBefore = process.cpuUsage();
  await scheduler.schedule({
    key: 'bench:fanout',
    kind: 'bench.fanout',
    payload: { users },
    dueAt: new Date(),
  });
  await connector.waitFor(
    (calls) => calls.filter((c) => c.kind === 'send' && c.status === 200).length >= RECIPIENTS,
    600_000,
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await new Promise((r) => setTimeout(r, 500)); // let any stray duplicate arrive before counting
  const delivered = new Map<string, number>();
  for (const call of connector.calls) {
    if (call.kind === 'send' && call.status === 200)
      delivered.set(call.conversationId ?? '', (delivered.get(call.conversationId ?? '') ?? 0) + 1);
  }
  const throttled = connector.calls.filter((c) => c.status === 429).length;
  await honbu.stop();
  await connector.stop();

  const perSecond = TEAMS_PER_BOT[0]?.count ?? 50;
  const floor = (RECIPIENTS - perSecond) / perSecond;
  const on = (name: string) => `${backend}: ${name}`;
  return [
    { name: on(`${RECIPIENTS}-recipient reminder fan-out, wall time`), value: seconds, unit: 's' },
    {
      name: on('floor allowed by the Teams limits (50 at once, then 50/s)'),
      value: floor,
      unit: 's',
    },
    { name: on('time / floor (target <= 1.05)'), value: seconds / floor, unit: 'ratio' },
    {
      name: on('recipients reached'),
      value: delivered.size,
      unit: 'people',
      note: `of ${RECIPIENTS}`,
    },
    { name: on('lost'), value: RECIPIENTS - delivered.size, unit: 'messages' },
    {
      name: on('duplicated'),
      value: [...delivered.values()].filter((n) => n > 1).length,
      unit: 'messages',
    },
    { name: on('429 answers from the connector'), value: throttled, unit: 'responses' },
    {
      name: on('CPU per message, bot + fake connector (target <= 3)'),
      value: (cpuSeconds * 1000) / RECIPIENTS,
      unit: 'ms',
      note: `${((cpuSeconds / seconds) * 100).toFixed(0)}% of one core during the fan-out`,
    },
  ];
}

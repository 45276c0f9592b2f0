import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../src/logger.js';
import type { Sender } from '../src/messaging/sender.js';
import { WorkCalendar } from '../src/scheduling/calendar.js';
import { DeliveryLog } from '../src/scheduling/delivery-log.js';
import { DocumentJobStore } from '../src/scheduling/job-store.js';
import { Scheduler } from '../src/scheduling/scheduler.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { ManualClock } from '../test/harness/manual-clock.js';
import { percentile, type BenchRow } from './types.js';

const PENDING = 10_000;
/** 10,000 reminders spread over 100 days: a large committee's year, and more. */
const SPREAD_MS = (100 * 24 * 60 * 60 * 1000) / PENDING;
const START = new Date('2026-12-01T00:00:00Z').getTime();

/** Answers every send at once: the bench measures the scheduler, not the network. */
const instantSender: Sender = {
  send: async (target) => ({
    ok: true,
    conversationId: 'conversationId' in target ? target.conversationId : target.userAadObjectId,
  }),
  update: async (conversationId) => ({ ok: true, conversationId }),
};

async function schedulerOver(store: LowdbStore, clock: ManualClock): Promise<Scheduler> {
  const scheduler = new Scheduler({
    store: await DocumentJobStore.open(store),
    deliveries: new DeliveryLog(store, clock),
    sender: instantSender,
    clock,
    // No quiet hours: every tick runs what is due.
    calendar: new WorkCalendar('Asia/Tokyo', null),
    logger: createLogger('silent'),
    owner: 'bench',
  });
  scheduler.register<{ n: number }>('bench.ping', async (job) => {
    await job.deliver('channel', { conversationId: `19:c${job.job.payload.n}` }, { text: 'x' });
  });
  return scheduler;
}

/** Schedules jobs n in [from, to), one at a time as features do; returns ms per job. */
async function schedule(scheduler: Scheduler, from: number, to: number): Promise<number> {
  const began = performance.now();
  for (let n = from; n < to; n++) {
    await scheduler.schedule({
      key: `bench:${n}`,
      kind: 'bench.ping',
      group: `meeting:${n % 500}`,
      payload: { n },
      dueAt: new Date(START + 60_000 + n * SPREAD_MS),
    });
  }
  return (performance.now() - began) / (to - from);
}

interface Ticks {
  readonly idle: number[];
  readonly busy: number[];
}

/** Ticks with nothing due, then ticks that each find `duePerTick` jobs due. */
async function tick(
  scheduler: Scheduler,
  clock: ManualClock,
  counts: { idle: number; busy: number; duePerTick: number },
): Promise<Ticks> {
  const idle: number[] = [];
  for (let i = 0; i < counts.idle; i++) {
    const began = performance.now();
    await scheduler.tick();
    idle.push(performance.now() - began);
  }
  const busy: number[] = [];
  for (let i = 0; i < counts.busy; i++) {
    clock.set(new Date(START + 60_000 + ((i + 1) * counts.duePerTick - 1) * SPREAD_MS));
    const began = performance.now();
    const report = await scheduler.tick();
    busy.push(performance.now() - began);
    if (report.done !== counts.duePerTick)
      throw new Error(`expected ${counts.duePerTick} jobs due, ran ${report.done}`);
  }
  return { idle: idle.sort((a, b) => a - b), busy: busy.sort((a, b) => a - b) };
}

function tickRows(label: string, ticks: Ticks, duePerTick: number): BenchRow[] {
  const busy = percentile(ticks.busy, 50);
  return [
    {
      name: `${label}: tick, ${PENDING} pending, none due`,
      value: percentile(ticks.idle, 50),
      unit: 'ms p50',
      note: `p95 ${percentile(ticks.idle, 95).toFixed(2)} ms, ${ticks.idle.length} ticks`,
    },
    {
      name: `${label}: tick, ${duePerTick} of ${PENDING} due`,
      value: busy,
      unit: 'ms p50',
      note: `${(busy / duePerTick).toFixed(1)} ms per job sent; p95 ${percentile(ticks.busy, 95).toFixed(1)} ms, ${ticks.busy.length} ticks`,
    },
  ];
}

/**
 * The ticker's cost with 10,000 pending jobs, and the cost of scheduling them,
 * on the in-memory store and on the JSON file store (lowdb: every change is
 * appended to its journal, and the whole file is rewritten once the journal has
 * grown as large as the file).
 */
export async function schedulerBench(): Promise<BenchRow[]> {
  const memoryClock = new ManualClock(new Date(START));
  const memory = await LowdbStore.openMemory();
  const inMemory = await schedulerOver(memory, memoryClock);
  const perJob = await schedule(inMemory, 0, PENDING);
  // The file store starts from the same 10,000 jobs, written once, as after a restart.
  const dir = mkdtempSync(join(tmpdir(), 'honbu-bench-scheduler-'));
  const path = join(dir, 'honbu.json');
  writeFileSync(path, JSON.stringify(memory.db.data));
  const memoryTicks = await tick(inMemory, memoryClock, { idle: 200, busy: 10, duePerTick: 20 });
  await memory.close();

  const fileClock = new ManualClock(new Date(START));
  const file = await LowdbStore.openFile(path);
  const onFile = await schedulerOver(file, fileClock);
  const fileTicks = await tick(onFile, fileClock, { idle: 50, busy: 2, duePerTick: 5 });
  const filePerJob = await schedule(onFile, PENDING, PENDING + 10);
  await file.close();

  return [
    {
      name: `memory store: schedule ${PENDING} jobs`,
      value: perJob * PENDING,
      unit: 'ms',
      note: `${(perJob * 1000).toFixed(0)} µs per job, one at a time`,
    },
    ...tickRows('memory store', memoryTicks, 20),
    {
      name: `file store: schedule one job, ${PENDING} stored`,
      value: filePerJob,
      unit: 'ms',
      note: `one append to the journal: ${PENDING} one at a time ≈ ${((filePerJob * PENDING) / 1000).toFixed(0)} s`,
    },
    ...tickRows('file store', fileTicks, 5),
  ];
}

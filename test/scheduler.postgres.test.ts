import { strict as assert } from 'node:assert';
import { createLogger } from '../src/logger.js';
import { WorkCalendar } from '../src/scheduling/calendar.js';
import { DeliveryLog } from '../src/scheduling/delivery-log.js';
import { openJobStore } from '../src/scheduling/open-job-store.js';
import { Scheduler } from '../src/scheduling/scheduler.js';
import { PostgresStore } from '../src/store/postgres-store.js';
import { ManualClock } from './harness/manual-clock.js';
import { createTestSchema, type TestSchema } from './harness/postgres.js';
import { RecordingSender } from './harness/recording-sender.js';

const JOBS = 200;
const RECIPIENTS_PER_JOB = 50; // 10,000 pings in all

/** One bot instance: its own connection pool, scheduler and outbox, sharing only the database. */
async function instance(url: string, clock: ManualClock, name: string, hangAfterFirstSend = false) {
  const store = await PostgresStore.open(url, { poolSize: 5 });
  const sender = new RecordingSender(() => clock.now());
  const scheduler = new Scheduler({
    store: await openJobStore(store),
    deliveries: new DeliveryLog(store, clock),
    sender,
    clock,
    calendar: new WorkCalendar('Asia/Tokyo', null),
    logger: createLogger('silent'),
    owner: name,
    batchSize: 20,
  });
  scheduler.register<{ to: string[] }>('test.ping', async (ctx) => {
    if (hangAfterFirstSend) {
      // The process "dies" mid-job: it sends once, then never finishes or releases its claim.
      await ctx.deliver(
        ctx.job.payload.to[0] ?? '',
        { userAadObjectId: ctx.job.payload.to[0] ?? '' },
        { text: ctx.job.id },
      );
      await new Promise<never>(() => undefined);
    }
    await ctx.deliverMany(
      ctx.job.payload.to.map((user) => ({
        recipientKey: user,
        target: { userAadObjectId: user },
        message: { text: ctx.job.id },
      })),
    );
  });
  return { store, sender, scheduler };
}

describe('two instances on one PostgreSQL', function () {
  this.timeout(120_000);
  let schema: TestSchema;
  before(async () => {
    schema = await createTestSchema();
  });
  after(() => schema.drop());

  it('deliver 10,000 due pings exactly once between them', async () => {
    const clock = new ManualClock('2026-12-01T01:00:00Z');
    const a = await instance(schema.url, clock, 'instance-a');
    const b = await instance(schema.url, clock, 'instance-b');
    try {
      for (let j = 0; j < JOBS; j++) {
        const to = Array.from({ length: RECIPIENTS_PER_JOB }, (_, r) => `user-${j}-${r}`);
        await (j % 2 ? a : b).scheduler.schedule({
          key: `ping:${j}`,
          kind: 'test.ping',
          payload: { to },
          dueAt: clock.now(),
        });
      }
      // Both tick until neither finds work: they race for the same due jobs.
      for (;;) {
        const [ranA, ranB] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
        if (ranA.ran === 0 && ranB.ran === 0) break;
      }
      const all = [...a.sender.sent, ...b.sender.sent].map(
        (s) =>
          `${('text' in s.message && s.message.text) || ''}|${(s.target as { userAadObjectId: string }).userAadObjectId}`,
      );
      assert.equal(all.length, JOBS * RECIPIENTS_PER_JOB, 'every ping sent');
      assert.equal(new Set(all).size, all.length, 'none twice');
      assert.ok(a.sender.sent.length > 0 && b.sender.sent.length > 0, 'both instances took work');
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });

  it('release a crashed instance’s claims after the lease, and the other finishes them once', async () => {
    const clock = new ManualClock('2026-12-01T01:00:00Z');
    const a = await instance(schema.url, clock, 'crashing');
    const b = await instance(schema.url, clock, 'survivor');
    try {
      await a.scheduler.schedule({
        key: 'lease',
        kind: 'test.ping',
        payload: { to: ['u1', 'u2'] },
        dueAt: clock.now(),
      });
      a.sender.afterSend = () => {
        throw new Error('kill -9 after the first send');
      };
      await a.scheduler.tick().catch(() => undefined);
      // Simulate the crash: the claim stays, the instance is gone.
      await b.scheduler.tick();
      assert.equal(b.sender.sent.length, 0, 'not before the lease ends');
      clock.advance(6 * 60 * 1000);
      await b.scheduler.tick();
      const all = [...a.sender.sent, ...b.sender.sent].map(
        (s) => (s.target as { userAadObjectId: string }).userAadObjectId,
      );
      assert.deepEqual(all.sort(), ['u1', 'u2']);
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });
});

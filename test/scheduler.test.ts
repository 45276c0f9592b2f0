import { strict as assert } from 'node:assert';
import { createLogger } from '../src/logger.js';
import { BusinessDays, WorkCalendar, parseQuietHours } from '../src/scheduling/calendar.js';
import { DeliveryLog } from '../src/scheduling/delivery-log.js';
import { DocumentJobStore } from '../src/scheduling/job-store.js';
import { Scheduler, type JobHandler } from '../src/scheduling/scheduler.js';
import type { DocumentStore } from '../src/store/document-store.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from './harness/manual-clock.js';
import { RecordingSender } from './harness/recording-sender.js';
import { runUntil } from './harness/run-until.js';

const TZ = 'Asia/Tokyo';
const quiet = parseQuietHours('20:00-08:00') ?? null;

interface Ping {
  readonly to: string[];
  readonly text: string;
}

/** A scheduler over a real store with one job kind, 'test.ping', that texts each listed user. */
async function setUp(store?: DocumentStore, clock = new ManualClock('2026-12-01T01:00:00Z')) {
  const db = store ?? (await LowdbStore.openMemory());
  const sender = new RecordingSender(() => clock.now());
  const lateFlags: boolean[] = [];
  const scheduler = new Scheduler({
    store: await DocumentJobStore.open(db),
    deliveries: new DeliveryLog(db, clock),
    sender,
    clock,
    calendar: new WorkCalendar(TZ, quiet),
    logger: createLogger('silent'),
    owner: 'test-worker',
  });
  const ping: JobHandler<Ping> = async (ctx) => {
    lateFlags.push(ctx.late);
    for (const user of ctx.job.payload.to) {
      await ctx.deliver(`user:${user}`, { userAadObjectId: user }, { text: ctx.job.payload.text });
    }
  };
  scheduler.register('test.ping', ping);
  return { db, clock, sender, scheduler, lateFlags };
}

describe('durable scheduler', () => {
  it('runs a job at its time, once', async () => {
    const { clock, sender, scheduler } = await setUp();
    await scheduler.schedule({
      key: 'a',
      kind: 'test.ping',
      payload: { to: ['u1', 'u2'], text: 'hi' },
      dueAt: new Date('2026-12-01T02:00:00Z'),
    });
    await scheduler.tick();
    assert.equal(sender.sent.length, 0, 'not before it is due');
    await runUntil(clock, scheduler, '2026-12-08T00:00:00Z');
    assert.deepEqual(
      sender.sent.map((s) => s.at.toISOString()),
      ['2026-12-01T02:00:00.000Z', '2026-12-01T02:00:00.000Z'],
    );
    await scheduler.tick();
    assert.equal(sender.sent.length, 2);
  });

  it('scheduling the same key twice keeps one job, and moves it while pending', async () => {
    const { clock, sender, scheduler } = await setUp();
    const input = {
      key: 'same',
      kind: 'test.ping',
      payload: { to: ['u1'], text: 'x' },
      dueAt: new Date('2026-12-01T03:00:00Z'),
    };
    await scheduler.schedule(input);
    await scheduler.schedule({ ...input, dueAt: new Date('2026-12-01T05:00:00Z') });
    await runUntil(clock, scheduler, '2026-12-02T00:00:00Z');
    assert.deepEqual(
      sender.sent.map((s) => s.at.toISOString()),
      ['2026-12-01T05:00:00.000Z'],
    );
    await scheduler.schedule({ ...input, dueAt: new Date('2026-12-03T00:00:00Z') });
    await runUntil(clock, scheduler, '2026-12-04T00:00:00Z');
    assert.equal(sender.sent.length, 1, 'a job that already ran is not run again');
  });

  it('never sends twice when the process dies between sending and recording', async () => {
    const { clock, sender, scheduler } = await setUp();
    await scheduler.schedule({
      key: 'crash',
      kind: 'test.ping',
      payload: { to: ['u1', 'u2'], text: 'x' },
      dueAt: clock.now(),
    });
    let crashes = 1;
    sender.afterSend = () => {
      if (crashes-- > 0) throw new Error('process died right after the send');
    };
    await scheduler.tick();
    await runUntil(clock, scheduler, '2026-12-02T00:00:00Z');
    assert.deepEqual(
      sender.sent.map((s) => (s.target as { userAadObjectId: string }).userAadObjectId),
      ['u1', 'u2'],
    );
  });

  it('after a restart, releases jobs a dead process had claimed and sends nothing twice', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'honbu-sched-')), 'store.json');
    const clock = new ManualClock('2026-12-01T01:00:00Z');
    const first = await setUp(await LowdbStore.openFile(path), clock);
    await first.scheduler.schedule({
      key: 'r',
      kind: 'test.ping',
      payload: { to: ['u1', 'u2'], text: 'x' },
      dueAt: clock.now(),
    });
    // The first process sends to u1, then dies before finishing the job.
    first.sender.afterSend = () => {
      throw new Error('kill -9');
    };
    await first.scheduler.tick().catch(() => undefined);
    await first.db.close();

    const second = await setUp(await LowdbStore.openFile(path), clock);
    await runUntil(clock, second.scheduler, '2026-12-02T00:00:00Z');
    const all = [...first.sender.sent, ...second.sender.sent].map(
      (s) => (s.target as { userAadObjectId: string }).userAadObjectId,
    );
    assert.deepEqual(all.sort(), ['u1', 'u2']);
  });

  it('catches up after downtime: sends a useful job late and marks it, drops a useless one', async () => {
    const { db, clock, sender, scheduler, lateFlags } = await setUp();
    await scheduler.schedule({
      key: 'useful',
      kind: 'test.ping',
      payload: { to: ['u1'], text: 'due soon' },
      dueAt: new Date('2026-12-01T02:00:00Z'),
      notAfter: new Date('2026-12-01T06:00:00Z'),
    });
    await scheduler.schedule({
      key: 'useless',
      kind: 'test.ping',
      payload: { to: ['u1'], text: '1 hour before' },
      dueAt: new Date('2026-12-01T02:00:00Z'),
      notAfter: new Date('2026-12-01T03:00:00Z'),
    });
    clock.set('2026-12-01T04:00:00Z'); // the bot was down from 01:00 to 04:00
    await scheduler.tick();
    assert.deepEqual(sender.texts(), ['due soon']);
    assert.deepEqual(lateFlags, [true]);
    const records = await new DeliveryLog(db, clock).all();
    assert.equal(records[0]?.late, true);
    const dropped = await scheduler.jobsInGroup('none');
    assert.equal(dropped.length, 0);
  });

  it('honours Retry-After when throttled', async () => {
    const { clock, sender, scheduler } = await setUp();
    sender.next.push({ ok: false, reason: 'throttled', retryAfterMs: 3000 });
    await scheduler.schedule({
      key: 't',
      kind: 'test.ping',
      payload: { to: ['u1'], text: 'x' },
      dueAt: clock.now(),
    });
    await scheduler.tick();
    assert.equal(sender.sent.length, 0);
    clock.advance(2000);
    await scheduler.tick();
    assert.equal(sender.sent.length, 0, 'not before Retry-After');
    clock.advance(1000);
    await scheduler.tick();
    assert.equal(sender.sent.length, 1);
  });

  it('does not retry a conversation the bot was removed from', async () => {
    const { clock, sender, scheduler } = await setUp();
    sender.next.push({ ok: false, reason: 'gone' });
    await scheduler.schedule({
      key: 'g',
      kind: 'test.ping',
      payload: { to: ['u1'], text: 'x' },
      dueAt: clock.now(),
    });
    await runUntil(clock, scheduler, '2026-12-05T00:00:00Z');
    assert.equal(sender.sent.length, 0);
    assert.equal(await scheduler.nextDueAt(), undefined);
  });

  it('backs off on failures and gives up into the dead-letter list', async () => {
    const { clock, sender, scheduler } = await setUp();
    for (let i = 0; i < 20; i++)
      sender.next.push({ ok: false, reason: 'failed', status: 502, message: 'bad gateway' });
    await scheduler.schedule({
      key: 'f',
      kind: 'test.ping',
      payload: { to: ['u1'], text: 'x' },
      dueAt: clock.now(),
    });
    const start = clock.now().getTime();
    await runUntil(clock, scheduler, '2026-12-03T00:00:00Z');
    const dead = await scheduler.deadLetters();
    assert.equal(dead.length, 1);
    assert.equal(dead[0]?.attempts, 8);
    assert.ok(clock.now().getTime() - start > 60 * 60 * 1000, 'retries were spread out');
    assert.equal(sender.next.length, 12, 'eight attempts were made');
  });

  it('holds 1:1 messages during quiet hours and sends them at 08:00 local time', async () => {
    const clock = new ManualClock('2026-12-01T12:00:00Z'); // 21:00 in Tokyo
    const { sender, scheduler } = await setUp(undefined, clock);
    await scheduler.schedule({
      key: 'q',
      kind: 'test.ping',
      payload: { to: ['u1'], text: 'x' },
      dueAt: clock.now(),
    });
    await runUntil(clock, scheduler, '2026-12-02T12:00:00Z');
    assert.deepEqual(
      sender.sent.map((s) => s.at.toISOString()),
      ['2026-12-01T23:00:00.000Z'],
    ); // 08:00 JST
  });

  it('delivers to many recipients concurrently, each once, in input order of results', async () => {
    const { clock, sender, scheduler } = await setUp();
    const results: string[][] = [];
    scheduler.register<{ to: string[] }>('test.many', async (ctx) => {
      const statuses = await ctx.deliverMany(
        ctx.job.payload.to.map((u) => ({
          recipientKey: u,
          target: { conversationId: u },
          message: { text: u },
        })),
      );
      results.push(statuses);
    });
    const to = Array.from({ length: 40 }, (_, i) => `c${i}`);
    sender.next.push({ ok: true, conversationId: 'x' }, { ok: false, reason: 'gone' });
    await scheduler.schedule({
      key: 'many',
      kind: 'test.many',
      payload: { to },
      dueAt: clock.now(),
    });
    await runUntil(clock, scheduler, '2026-12-02T00:00:00Z');
    assert.equal(results.length, 1);
    assert.equal(results[0]?.filter((r) => r === 'sent').length, 39);
    assert.equal(results[0]?.filter((r) => r === 'gone').length, 1);
    assert.equal(new Set(sender.texts()).size, 39, 'no recipient twice');
  });

  it('cancels every pending job of a group', async () => {
    const { clock, sender, scheduler } = await setUp();
    for (const key of ['m1', 'm2']) {
      await scheduler.schedule({
        key,
        group: 'meeting:1',
        kind: 'test.ping',
        payload: { to: ['u1'], text: key },
        dueAt: new Date('2026-12-02T00:00:00Z'),
      });
    }
    assert.equal(await scheduler.cancelGroup('meeting:1', 'meeting cancelled'), 2);
    await runUntil(clock, scheduler, '2026-12-05T00:00:00Z');
    assert.equal(sender.sent.length, 0);
  });
});

describe('work calendar', () => {
  const calendar = new WorkCalendar(TZ, quiet);
  it('knows Japanese public holidays and weekends in the configured zone, whatever TZ the process has', () => {
    assert.equal(calendar.isBusinessDay(new Date('2026-11-23T00:30:00+09:00')), false); // 勤労感謝の日
    assert.equal(calendar.isBusinessDay(new Date('2026-11-24T00:30:00+09:00')), true);
    assert.equal(calendar.isBusinessDay(new Date('2026-11-28T10:00:00+09:00')), false); // Saturday
  });
  it('counts business days on local dates across month and year ends and holidays', () => {
    const days = new BusinessDays(calendar);
    assert.equal(days.plusDays('2026-12-31', 1), '2027-01-01');
    assert.equal(days.plusDays('2027-03-01', -1), '2027-02-28');
    assert.equal(days.plusDays('2028-02-28', 1), '2028-02-29');
    assert.equal(days.plusDays('2026-11-20', 0), '2026-11-20');
    // Thu 12/31, then Mon 1/4 of 2027: 元日 (Fri 1/1) and the weekend do not count.
    assert.equal(days.onOrAfter('2027-01-01'), '2027-01-04');
    assert.equal(days.between('2026-12-30', '2027-01-04'), 2);
    assert.equal(days.before('2026-11-24', 1), '2026-11-20'); // over 勤労感謝の日 and a weekend
    assert.equal(days.isBusinessDay('2026-11-23'), false);
    assert.equal(days.isBusinessDay('2026-11-24'), true);
  });
  it('moves a day back to the previous business day, keeping the time', () => {
    const monday = new Date('2026-11-23T09:00:00+09:00'); // holiday
    assert.equal(
      calendar.onOrBeforeBusinessDay(monday).toISOString(),
      new Date('2026-11-20T09:00:00+09:00').toISOString(),
    );
    assert.equal(
      calendar.businessDaysBefore(new Date('2026-11-24T15:00:00+09:00'), 1).toISOString(),
      new Date('2026-11-20T15:00:00+09:00').toISOString(),
    );
  });
  it('knows quiet hours across midnight', () => {
    assert.equal(calendar.isQuiet(new Date('2026-12-01T21:00:00+09:00')), true);
    assert.equal(calendar.isQuiet(new Date('2026-12-01T07:59:00+09:00')), true);
    assert.equal(calendar.isQuiet(new Date('2026-12-01T08:00:00+09:00')), false);
    assert.equal(
      calendar.endOfQuiet(new Date('2026-12-01T21:00:00+09:00')).toISOString(),
      new Date('2026-12-02T08:00:00+09:00').toISOString(),
    );
  });
});

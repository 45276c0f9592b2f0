import { strict as assert } from 'node:assert';
import { createLogger } from '../src/logger.js';
import { BotShare } from '../src/messaging/bot-share.js';
import { RateLimiter } from '../src/messaging/rate-limit.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { ManualClock } from './harness/manual-clock.js';

/** How many sends to different people the limiter lets go at this instant: the per-bot allowance. */
function allowanceAt(limiter: RateLimiter, now: number): number {
  let granted = 0;
  for (;;) {
    const place = limiter.tryAcquire(`user-${now}-${granted}`, now);
    if ('waitMs' in place) return granted;
    place.finish(now);
    granted++;
  }
}

/** Two "instances" on one store: each has its own limiter and share; the clock is shared. */
async function twoInstances() {
  const store = await LowdbStore.openMemory();
  const clock = new ManualClock('2026-12-01T00:00:00Z');
  const logger = createLogger('silent');
  const instance = (id: string) => {
    const limiter = new RateLimiter();
    return { limiter, share: new BotShare(store, clock, limiter, id, logger) };
  };
  return { store, clock, a: instance('a'), b: instance('b') };
}

describe('sharing the per-bot limit between instances on one database', () => {
  it('gives an instance sending alone the whole 50 a second, and writes nothing while idle', async () => {
    const { store, clock, a } = await twoInstances();
    assert.equal(await store.collection('sendingInstances').count(), 0, 'idle: nothing stored');
    await a.share.beforeSend();
    assert.equal(allowanceAt(a.limiter, clock.now().getTime()), 50);
  });

  it('halves it while two send; a newcomer holds its first send until the other has seen it', async () => {
    const { clock, a, b } = await twoInstances();
    await a.share.beforeSend();
    const joined = clock.now().getTime();
    await b.share.beforeSend();
    assert.equal(
      clock.now().getTime() - joined,
      1_250,
      'held for one refresh (250 ms) plus the 1 s window',
    );
    assert.equal(allowanceAt(b.limiter, clock.now().getTime()), 25);
    await a.share.beforeSend(); // its next refresh, 1.25 s after the last
    assert.equal(allowanceAt(a.limiter, clock.now().getTime()), 25);
  });

  it('gives the whole limit back when the other stops, at once, or when it crashed, after 2 s', async () => {
    const stopped = await twoInstances();
    await stopped.a.share.beforeSend();
    await stopped.b.share.beforeSend();
    await stopped.b.share.stop();
    stopped.clock.advance(250);
    await stopped.a.share.beforeSend();
    assert.equal(allowanceAt(stopped.a.limiter, stopped.clock.now().getTime()), 50);

    const crashed = await twoInstances();
    await crashed.a.share.beforeSend();
    await crashed.b.share.beforeSend(); // and then never again: it died
    crashed.clock.advance(250);
    await crashed.a.share.beforeSend();
    assert.equal(
      allowanceAt(crashed.a.limiter, crashed.clock.now().getTime()),
      25,
      'still counted',
    );
    crashed.clock.advance(2_000);
    await crashed.a.share.beforeSend();
    assert.equal(allowanceAt(crashed.a.limiter, crashed.clock.now().getTime()), 50);
  });

  it('does not hold a newcomer when nobody else is sending', async () => {
    const { clock, a, b } = await twoInstances();
    await a.share.beforeSend();
    clock.advance(2_001); // a has gone quiet
    const before = clock.now().getTime();
    await b.share.beforeSend();
    assert.equal(clock.now().getTime(), before);
    assert.equal(allowanceAt(b.limiter, before), 50);
  });
});

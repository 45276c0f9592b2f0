import { strict as assert } from 'node:assert';
import { systemClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import { BotShare } from '../src/messaging/bot-share.js';
import { RateLimiter } from '../src/messaging/rate-limit.js';
import { RateLimitedSender } from '../src/messaging/rate-limited-sender.js';
import { PostgresStore } from '../src/store/postgres-store.js';
import { createTestSchema, type TestSchema } from './harness/postgres.js';
import { RecordingSender } from './harness/recording-sender.js';
import { maxInAnyWindow } from './harness/windows.js';

const PER_INSTANCE = 120;
/** As deliverMany: this many sends of one instance in flight at once. */
const IN_FLIGHT = 16;

async function instance(url: string, id: string) {
  const store = await PostgresStore.open(url, { poolSize: 3 });
  const limiter = new RateLimiter();
  const share = new BotShare(store, systemClock, limiter, id, createLogger('silent'));
  const recorder = new RecordingSender(() => new Date());
  const sender = new RateLimitedSender(recorder, systemClock, limiter, share);
  /** Sends one message to each of `count` people, `IN_FLIGHT` at a time. */
  const fanOut = async (count: number) => {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const result = await sender.send({ userAadObjectId: `${id}-user-${i}` }, { text: 'x' });
        assert.ok(result.ok);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  };
  return { store, share, recorder, fanOut };
}

describe('two instances on one PostgreSQL share the per-bot send limit', function () {
  this.timeout(60_000);
  let schema: TestSchema;
  before(async () => {
    schema = await createTestSchema();
  });
  after(() => schema.drop());

  it('fan out at the same time and together stay within 50 a second, each taking about half', async () => {
    const a = await instance(schema.url, 'instance-a');
    const b = await instance(schema.url, 'instance-b');
    try {
      // b joins a quarter of a second into a's fan-out, as a second reminder job would.
      await Promise.all([
        a.fanOut(PER_INSTANCE),
        new Promise((resolve) => setTimeout(resolve, 250)).then(() => b.fanOut(PER_INSTANCE)),
      ]);
      const times = (r: RecordingSender) => r.sent.map((s) => s.at.getTime());
      const all = [...times(a.recorder), ...times(b.recorder)].sort((x, y) => x - y);
      assert.equal(all.length, 2 * PER_INSTANCE, 'every message sent');
      assert.ok(maxInAnyWindow(all, 1000) <= 50, `${maxInAnyWindow(all, 1000)} in one second`);
      // Alone a would have sent its 120 in a little over 2 s; sharing, both finish
      // near the floor for 240 at 50 a second (4.8 s), not far beyond it.
      const span = (all.at(-1) ?? 0) - (all[0] ?? 0);
      assert.ok(span < 8_000, `240 sends took ${span} ms`);
    } finally {
      await a.share.stop();
      await b.share.stop();
      await a.store.close();
      await b.store.close();
    }
  });
});

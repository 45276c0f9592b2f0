import { strict as assert } from 'node:assert';
import { SeenActivities, REDELIVERY_WINDOW_MS } from '../../src/http/seen-activities.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { openStore } from '../../src/store/open-store.js';
import { FakeConnector } from '../harness/fake-connector.js';
import { ManualClock } from '../harness/manual-clock.js';
import { createTestSchema } from '../harness/postgres.js';
import { message } from '../harness/teams.js';
import { TestBot } from '../harness/test-bot.js';

const OWNER = 'kumin-bucho@city.example.jp';

async function notesSaying(bot: TestBot, text: string): Promise<number> {
  const item = await bot.services.items.find('#5');
  assert.ok(item, 'the demo data has item #5');
  return item.progress.filter((note) => note.text.includes(text)).length;
}

describe('security: an activity Teams redelivers is handled once', () => {
  let bot: TestBot;
  before(async () => {
    bot = await TestBot.start();
  });
  after(() => bot.stop());

  it('stores a progress note once when the same message arrives twice', async () => {
    const owner = bot.user(OWNER, 'en-US');
    const activity = message(owner, '#5 progress: hearing done once', {
      serviceUrl: `${bot.connector.url}/`,
    });
    const first = await bot.post(activity);
    assert.equal(first.status, 200);
    assert.ok(first.sent.length > 0, 'the first delivery is answered');
    const again = await bot.post(activity);
    assert.equal(again.status, 200, 'the redelivery is acknowledged, so Teams stops retrying');
    assert.equal(again.sent.length, 0, 'and not answered twice');
    assert.equal(await notesSaying(bot, 'hearing done once'), 1);
  });

  it('tells apart the same activity id in two conversations', async () => {
    const owner = bot.user(OWNER, 'en-US');
    const where = { serviceUrl: `${bot.connector.url}/` };
    const personal = message(owner, '#5 progress: same id elsewhere', where);
    const channel = {
      ...message(owner, '#5 progress: same id elsewhere', { ...where, channel: true }),
      id: personal['id'],
    };
    assert.equal((await bot.post(personal)).status, 200);
    assert.equal((await bot.post(channel)).status, 200);
    assert.equal(await notesSaying(bot, 'same id elsewhere'), 2);
  });
});

describe('security: redeliveries are remembered for a while, in the store', () => {
  it('forgets an activity after the window, and sweeps old sightings away', async () => {
    const store = await LowdbStore.openMemory();
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const seen = new SeenActivities(store, clock);
    assert.equal(await seen.firstSighting('a:1', '100'), true);
    assert.equal(await seen.firstSighting('a:1', '100'), false);
    clock.advance(REDELIVERY_WINDOW_MS - 1);
    assert.equal(await seen.firstSighting('a:1', '100'), false);
    clock.advance(1);
    assert.equal(await seen.firstSighting('a:1', '100'), true, 'a new arrival after the window');
    await seen.forget('a:1', '100');
    assert.equal(await seen.firstSighting('a:1', '100'), true, 'a failed handling is forgotten');
    clock.advance(REDELIVERY_WINDOW_MS * 2);
    assert.equal(await seen.firstSighting('a:2', '200'), true);
    assert.equal(await store.collection('seen-activities').count(), 1, 'the old one was swept');
    await store.close();
  });

  it('takes ids of any shape (prototype names, NUL, very long) without failing', async () => {
    const store = await LowdbStore.openMemory();
    const seen = new SeenActivities(store, new ManualClock('2026-12-01T00:00:00Z'));
    for (const id of ['__proto__', 'constructor', 'a\u0000b', 'x'.repeat(10_000), '\ud800']) {
      assert.equal(await seen.firstSighting('__proto__', id), true, JSON.stringify(id.slice(0, 9)));
      assert.equal(await seen.firstSighting('__proto__', id), false);
    }
    await store.close();
  });

  it('handles a redelivery once across two instances on one PostgreSQL', async function () {
    this.timeout(60_000);
    const schema = await createTestSchema();
    const connector = new FakeConnector();
    await connector.start();
    const env = { STORE_URL: schema.url, STORE_POOL_SIZE: '3' };
    const a = await TestBot.start({ env, connector });
    const b = await TestBot.start({ env, connector });
    try {
      const owner = a.user(OWNER, 'en-US');
      const activity = message(owner, '#5 progress: posted to both instances', {
        serviceUrl: `${connector.url}/`,
      });
      const results = await Promise.all([a.post(activity), b.post(activity)]);
      assert.deepEqual(
        results.map((r) => r.status),
        [200, 200],
      );
      assert.equal(await notesSaying(a, 'posted to both instances'), 1);
      const store = await openStore(schema.url, { poolSize: 1 });
      const seen = [
        new SeenActivities(store, new ManualClock('2026-12-01T00:00:00Z')),
        new SeenActivities(store, new ManualClock('2026-12-01T00:00:00Z')),
      ];
      const firsts = await Promise.all(seen.map((s) => s.firstSighting('19:x@thread.v2', '7')));
      assert.deepEqual(firsts.sort(), [false, true]);
      await store.close();
    } finally {
      await a.stop();
      await b.stop();
      await connector.stop();
      await schema.drop();
    }
  });
});

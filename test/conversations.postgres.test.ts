import assert from 'node:assert/strict';
import { ConversationRegistry } from '../src/messaging/conversations.js';
import { openStore } from '../src/store/open-store.js';
import { ManualClock } from './harness/manual-clock.js';
import { createTestSchema, type TestSchema } from './harness/postgres.js';

describe('conversation registry on PostgreSQL', () => {
  let schema: TestSchema;
  before(async () => {
    schema = await createTestSchema();
  });
  after(async () => {
    await schema.drop();
  });

  it('does not rewrite a conversation whose reference comes back with its keys in another order', async () => {
    // PostgreSQL's jsonb gives objects back with sorted keys; Teams sends them in its own order.
    const store = await openStore(schema.url);
    try {
      const clock = new ManualClock('2026-12-01T00:00:00Z');
      const registry = new ConversationRegistry(store, clock);
      const reference = {
        serviceUrl: 'https://smba.trafficmanager.net/jp/',
        conversation: { id: 'a:1', conversationType: 'personal', tenantId: 't' },
        user: { id: '29:u', aadObjectId: 'u' },
        bot: { id: '28:bot', name: 'Honbu' },
        channelId: 'msteams',
      };
      const input = { id: 'a:1', kind: 'personal' as const, userAadObjectId: 'u', reference };
      await registry.remember(input);
      clock.advance(60_000);
      await registry.remember(input);
      const stored = await registry.get('a:1');
      assert.equal(
        stored?.updatedAt,
        '2026-12-01T00:00:00.000Z',
        'the second message wrote nothing',
      );
      clock.advance(60_000);
      await registry.remember({ ...input, reference: { ...reference, serviceUrl: 'https://x/' } });
      assert.equal((await registry.get('a:1'))?.updatedAt, '2026-12-01T00:02:00.000Z');
    } finally {
      await store.close();
    }
  });
});

import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Turn } from '../../src/app/turn.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { ConversationMemory, FOLLOW_UP_MS } from '../../src/understanding/memory.js';
import { ManualClock } from '../harness/manual-clock.js';

/** Just what the memory reads of a turn: who, and in which conversation. */
function turnOf(user: string, conversation: string, kind: 'personal' | 'channel' = 'personal') {
  return {
    actor: { aadObjectId: user },
    conversation: { id: conversation, kind },
  } as unknown as Turn;
}

describe('understanding: the follow-up memory of a 1:1 chat', () => {
  let store: LowdbStore;
  let clock: ManualClock;
  let memory: ConversationMemory;
  beforeEach(async () => {
    store = await LowdbStore.openFile(join(mkdtempSync(join(tmpdir(), 'honbu-ctx-')), 'db.json'));
    clock = new ManualClock('2026-11-02T00:00:00Z');
    memory = new ConversationMemory(store, clock);
  });
  afterEach(() => store.close());

  it('gives back what was shown to the same user in the same chat', async () => {
    await memory.remember(turnOf('u1', 'c1'), { meetingNumber: 3 });
    assert.deepEqual(await memory.recall(turnOf('u1', 'c1')), { meetingNumber: 3 });
  });

  it('never crosses users or conversations, and keeps nothing for a channel', async () => {
    await memory.remember(turnOf('u1', 'c1'), { itemNumber: 5 });
    assert.deepEqual(await memory.recall(turnOf('u2', 'c1')), {});
    assert.deepEqual(await memory.recall(turnOf('u1', 'c2')), {});
    await memory.remember(turnOf('u1', 'team', 'channel'), { itemNumber: 7 });
    assert.deepEqual(await memory.recall(turnOf('u1', 'team', 'channel')), {});
  });

  it('forgets after a few minutes, or when told nothing is shown', async () => {
    await memory.remember(turnOf('u1', 'c1'), { itemNumber: 5 });
    clock.advance(FOLLOW_UP_MS + 1);
    assert.deepEqual(await memory.recall(turnOf('u1', 'c1')), {});
    await memory.remember(turnOf('u1', 'c1'), { itemNumber: 6 });
    await memory.remember(turnOf('u1', 'c1'), {});
    assert.deepEqual(await memory.recall(turnOf('u1', 'c1')), {});
  });

  it('is shared by two instances over one store', async () => {
    const other = new ConversationMemory(store, clock);
    await memory.remember(turnOf('u1', 'c1'), { meetingNumber: 2 });
    assert.deepEqual(await other.recall(turnOf('u1', 'c1')), { meetingNumber: 2 });
  });
});

import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startNode } from '../bench/processes.js';
import { message, teamsUser } from '../scripts/teams/activities.js';
import { FakeConnector } from './harness/fake-connector.js';
import { createTestSchema, type TestSchema } from './harness/postgres.js';

const WRITES = 1000;

/** The bot as its own process (so it can be killed), with the scheduler idle. */
async function startBot(storeUrl: string) {
  return startNode('src/main.ts', {
    STORE_URL: storeUrl,
    LOG_LEVEL: 'silent',
    SCHEDULER_TICK_MS: '0',
  });
}

/**
 * Fires WRITES concurrent durable writes (directory entries, each acknowledged by a
 * reply only after its store write), kills the process with SIGKILL part-way, restarts
 * it on the same store and returns the UPNs acknowledged before the kill.
 */
async function crashDuringWrites(
  storeUrl: string,
): Promise<{ acknowledged: string[]; restartedOk: boolean }> {
  const connector = new FakeConnector();
  await connector.start();
  const secretary = teamsUser('johokanri-kacho@city.example.jp');
  connector.addMember(secretary);
  const where = { serviceUrl: `${connector.url}/` };
  const bot = await startBot(storeUrl);
  // The first turn links the secretary's identity; the storm starts after it.
  await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message(secretary, 'help', where)),
  });

  const acknowledged: string[] = [];
  let completed = 0;
  const killed = new Promise<void>((resolve) => bot.child.once('exit', () => resolve()));
  const writes = Array.from({ length: WRITES }, async (_, i) => {
    const upn = `crash-${i}@city.example.jp`;
    try {
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message(secretary, `名簿登録 ${upn} 部員 総務部 試験${i}`, where)),
      });
      // 200 comes only after the turn (and its awaited write) finished; the reply confirms it.
      const replied = connector.calls.some(
        (c) => c.kind === 'reply' && String(c.body?.['text'] ?? '').includes(upn),
      );
      if (response.status === 200 && replied) acknowledged.push(upn);
    } catch {
      // the process died under this request: not acknowledged
    }
    if (++completed === Math.floor(WRITES / 3)) bot.child.kill('SIGKILL');
  });
  await Promise.all(writes);
  await killed;

  const restarted = await startBot(storeUrl);
  const restartedOk = (await fetch(`${restarted.url}/readyz`)).status === 200;
  restarted.child.kill('SIGTERM');
  await new Promise((resolve) => restarted.child.once('exit', resolve));
  await connector.stop();
  return { acknowledged, restartedOk };
}

describe('kill -9 during 1,000 concurrent durable writes', function () {
  this.timeout(180_000);

  it('on lowdb: every acknowledged write survives, and the file is whole', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'honbu-crash-')), 'honbu.json');
    const { acknowledged, restartedOk } = await crashDuringWrites(`file:${path}`);
    assert.ok(acknowledged.length > 0, 'some writes were acknowledged before the kill');
    assert.ok(acknowledged.length < WRITES, 'the kill came before all writes finished');
    const stored = JSON.parse(readFileSync(path, 'utf-8')) as {
      collections: { people: Record<string, { upn: string }> };
    };
    const upns = new Set(Object.values(stored.collections.people).map((p) => p.upn));
    const lost = acknowledged.filter((upn) => !upns.has(upn));
    assert.deepEqual(lost, [], 'acknowledged writes missing after the crash');
    assert.ok(restartedOk, 'the bot starts again on the same file');
  });

  it('on PostgreSQL: every acknowledged write survives', async () => {
    const schema: TestSchema = await createTestSchema();
    try {
      const { acknowledged, restartedOk } = await crashDuringWrites(schema.url);
      assert.ok(acknowledged.length > 0 && acknowledged.length < WRITES);
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      const { rows } = await client.query<{ upn: string }>(
        "SELECT data->>'upn' AS upn FROM documents WHERE collection = 'people'",
      );
      await client.end();
      const upns = new Set(rows.map((r) => r.upn));
      assert.deepEqual(
        acknowledged.filter((upn) => !upns.has(upn)),
        [],
      );
      assert.ok(restartedOk);
    } finally {
      await schema.drop();
    }
  });
});

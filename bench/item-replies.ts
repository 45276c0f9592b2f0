import { message } from '../scripts/teams/activities.js';
import type { ItemDraft } from '../src/items/item.js';
import { SYSTEM_ACTOR } from '../src/items/service.js';
import { TestBot } from '../test/harness/test-bot.js';
import { poster } from './poster.js';
import { percentile, type BenchRow } from './types.js';

const ITEMS = 2000;
const SEQUENTIAL = 30;
const REPLIES = 200;

async function latencies(times: number, run: () => Promise<number>): Promise<number[]> {
  const taken: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const status = await run();
    if (status !== 200) throw new Error(`answered ${status}`);
    taken.push(performance.now() - start);
  }
  return taken.sort((a, b) => a - b);
}

/**
 * The demo committee with 2,000 more action items (file store, real HTTP):
 * how long "my items" and the secretariat's list take, and 200 word replies
 * arriving at once, every one of which must be stored.
 */
export async function itemRepliesBench(): Promise<BenchRow[]> {
  const bot = await TestBot.start();
  try {
    const { items } = bot.services;
    const departments = (await bot.services.directory.answeringDepartments()).map((d) => d.id);
    const next = await bot.services.meetings.next();
    const drafts: ItemDraft[] = Array.from({ length: ITEMS }, (_, i) => ({
      title: `ベンチマーク用の宿題 ${i}`,
      detail: '',
      owner: { kind: 'department', departmentId: departments[i % departments.length] ?? 'kumin' },
      due:
        i % 3 === 0 && next
          ? { kind: 'nextMeeting', meetingId: next.id }
          : i % 3 === 1
            ? { kind: 'asap', followUpDays: 3 }
            : { kind: 'date', date: `2026-12-${String((i % 28) + 1).padStart(2, '0')}` },
    }));
    const createStart = performance.now();
    const created = await items.createMany(drafts, SYSTEM_ACTOR);
    const createMs = performance.now() - createStart;
    if (!created.ok) throw new Error(`items not created: ${created.reason}`);

    const post = poster(bot.url);
    const where = { serviceUrl: `${bot.connector.url}/` };
    const kumin = bot.user('kumin-bucho@city.example.jp');
    const secretary = bot.user('johokanri-kacho@city.example.jp');
    const mine = await latencies(SEQUENTIAL, () => post(message(kumin, '自分の宿題', where)));
    const list = await latencies(SEQUENTIAL, () => post(message(secretary, '宿題一覧', where)));

    const kuminItems = (await items.list({ departmentId: 'kumin' })).slice(0, REPLIES);
    const burstStart = performance.now();
    const statuses = await Promise.all(
      kuminItems.map((item, i) =>
        post(message(kumin, `#${item.number} 進捗: ベンチマーク ${i}`, where)),
      ),
    );
    const burstMs = performance.now() - burstStart;
    let stored = 0;
    for (const item of kuminItems) {
      const after = await items.get(item.id);
      if (after?.progress.some((p) => p.text.startsWith('ベンチマーク'))) stored++;
    }
    if (statuses.some((s) => s !== 200) || stored !== kuminItems.length)
      throw new Error(`only ${stored} of ${kuminItems.length} replies stored`);
    const total = (await items.list()).length;
    return [
      {
        name: `create ${ITEMS} items (one createMany)`,
        value: createMs,
        unit: 'ms',
        note: 'file store',
      },
      {
        name: '自分の宿題 over HTTP, p50',
        value: percentile(mine, 50),
        unit: 'ms',
        note: `${total} items in store, ${SEQUENTIAL} sequential`,
      },
      { name: '自分の宿題 over HTTP, p95', value: percentile(mine, 95), unit: 'ms' },
      {
        name: '宿題一覧 over HTTP, p50',
        value: percentile(list, 50),
        unit: 'ms',
        note: '50 rows shown',
      },
      { name: '宿題一覧 over HTTP, p95', value: percentile(list, 95), unit: 'ms' },
      {
        name: `${kuminItems.length} "#N 進捗: …" replies at once`,
        value: (kuminItems.length / burstMs) * 1000,
        unit: 'replies/s',
        note: `${burstMs.toFixed(0)} ms, ${stored}/${kuminItems.length} stored`,
      },
    ];
  } finally {
    await bot.stop();
  }
}

import { createServices, type Services } from '../src/app/services.js';
import { randomIds } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { ActionItem, Due, ItemStatus } from '../src/items/item.js';
import { ITEM_JOB, ItemPings, type DayPayload } from '../src/items/pings.js';
import { ItemRepository } from '../src/items/repository.js';
import { DEFAULT_DISCLOSURE } from '../src/meetings/meeting.js';
import { ConversationRegistry } from '../src/messaging/conversations.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { ManualClock } from '../test/harness/manual-clock.js';
import { RecordingSender } from '../test/harness/recording-sender.js';
import { percentile, type BenchRow } from './types.js';

const ITEMS = 10_000;
const OWNERS = 500;
/** Monday 2026-11-30, 09:00 in Tokyo: a digest day. */
const DIGEST_DAY = '2026-11-30';
const START = '2026-11-30T00:00:00Z';
const STATUSES: readonly ItemStatus[] = ['open', 'open', 'inProgress', 'blocked', 'done'];

/**
 * 500 departments, each with a head who has talked to the bot (half in
 * English), 10,000 items spread over them: dates from a month late to two
 * months ahead, 早急に ones, and items due at one of four upcoming meetings.
 */
async function committeeOf(
  clock: ManualClock,
): Promise<{ services: Services; sender: RecordingSender }> {
  const store = await LowdbStore.openMemory();
  const config = loadConfig({ STORE_URL: 'memory:', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const sender = new RecordingSender(() => clock.now());
  const services = await createServices(
    { config, clock, ids: randomIds, logger: createLogger('silent'), store },
    new ConversationRegistry(store, clock),
    sender,
  );
  const now = clock.now().toISOString();
  for (let d = 0; d < OWNERS; d++) {
    const departmentId = `dept${d}`;
    await services.directory.putDepartment({
      id: departmentId,
      name: { ja: `部署${d}`, en: `Department ${d}` },
    });
    const upn = `head${d}@city.example.jp`;
    await services.directory.putPerson({
      id: upn,
      upn,
      name: { ja: `部長${d}`, en: `Head ${d}` },
      role: 'member',
      departmentId,
      aadObjectId: `aad-${d}`,
      updatedAt: now,
    });
    await services.conversations.remember({
      id: `a:personal-${d}`,
      kind: 'personal',
      reference: { conversation: { id: `a:personal-${d}` } },
      userAadObjectId: `aad-${d}`,
      locale: d % 2 === 0 ? 'ja-JP' : 'en-US',
    });
  }
  const meetingIds: string[] = [];
  for (let m = 0; m < 4; m++) {
    const startsAt = new Date(Date.parse(START) + (m + 1) * 7 * 86_400_000 + 6 * 3_600_000);
    const created = await services.meetings.create(
      {
        title: `第${m + 3}回 行政情報化推進本部`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        place: '庁議室',
        agenda: [],
        materials: [],
        attendeeDepartmentIds: [],
        disclosure: DEFAULT_DISCLOSURE,
      },
      'system',
    );
    if (created.ok) meetingIds.push(created.meeting.id);
  }
  // Written straight to the store: the bench measures reading and pinging, not creating.
  const items = new ItemRepository(services.store);
  for (let n = 1; n <= ITEMS; n++) {
    const due: Due =
      n % 10 === 0
        ? { kind: 'asap', followUpDays: 3 }
        : n % 4 === 0
          ? { kind: 'nextMeeting', meetingId: meetingIds[n % meetingIds.length] ?? '' }
          : {
              kind: 'date',
              date: new Date(Date.parse(START) + ((n % 90) - 30) * 86_400_000)
                .toISOString()
                .slice(0, 10),
            };
    const item: ActionItem = {
      id: `item-${n}`,
      number: n,
      title: `宿題 ${n}: 部内のICT化のニーズを整理して事務局に伝える`,
      detail: '各部で十分にヒアリングを行い、ニーズを事務局に伝える。',
      owner: { kind: 'department', departmentId: `dept${n % OWNERS}` },
      due,
      source: { meetingId: meetingIds[0] ?? '', quote: '各部で十分にヒアリングをしていただいて…' },
      status: STATUSES[Math.floor(n / OWNERS) % STATUSES.length] ?? 'open',
      progress: [],
      createdAt: '2026-10-01T00:00:00.000Z',
      createdBy: 'system',
      updatedAt: '2026-10-01T00:00:00.000Z',
      history: [{ at: '2026-10-01T00:00:00.000Z', by: 'system', change: { type: 'created' } }],
    };
    await items.insert(item);
  }
  return { services, sender };
}

/** Building every owner's weekly digest, and the digest run with its 500 sends. */
export async function itemsBench(): Promise<BenchRow[]> {
  const clock = new ManualClock(START);
  const { services, sender } = await committeeOf(clock);
  const pings = new ItemPings(services);

  const totals: number[] = [];
  const cpus: number[] = [];
  const plans: number[] = [];
  let perOwner: number[] = [];
  let owners = 0;
  let items = 0;
  let bytes = 0;
  for (let run = 0; run < 5; run++) {
    const began = performance.now();
    const cpuBefore = process.cpuUsage();
    const plan = await pings.plans.digestPlan(DIGEST_DAY);
    plans.push(performance.now() - began);
    const cards: number[] = [];
    bytes = 0;
    for (const ping of plan) {
      const t = performance.now();
      const message = await pings.digestMessage(ping, DIGEST_DAY);
      cards.push(performance.now() - t);
      bytes = Math.max(bytes, Buffer.byteLength(JSON.stringify(message.delivery.message)));
    }
    totals.push(performance.now() - began);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
    perOwner = cards.sort((a, b) => a - b);
    owners = plan.length;
    items = plan.reduce((sum, p) => sum + p.views.length, 0);
  }
  totals.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  plans.sort((a, b) => a - b);

  const dailyRuns: number[] = [];
  let escalated = 0;
  for (let run = 0; run < 5; run++) {
    const t = performance.now();
    const plan = await pings.plans.dailyPlan(DIGEST_DAY);
    dailyRuns.push(performance.now() - t);
    escalated = plan.escalated.length;
  }
  dailyRuns.sort((a, b) => a - b);

  // The digest job through the scheduler: plan, 500 cards, delivery log, instant sender.
  services.scheduler.register<DayPayload>(ITEM_JOB.digest, (context) => pings.runDigest(context));
  await services.scheduler.schedule<DayPayload>({
    key: `items:digest:${DIGEST_DAY}`,
    kind: ITEM_JOB.digest,
    payload: { day: DIGEST_DAY },
    dueAt: clock.now(),
  });
  const jobStart = performance.now();
  await services.scheduler.tick();
  const job = performance.now() - jobStart;

  return [
    {
      name: `weekly digests for ${ITEMS.toLocaleString('en')} items, ${OWNERS} owners: all, p50`,
      value: percentile(totals, 50),
      unit: 'ms',
      note: `${owners} cards, ${items.toLocaleString('en')} open items not snoozed; median of 5 runs`,
    },
    {
      name: '… CPU time of it, p50',
      value: percentile(cpus, 50),
      unit: 'ms',
      note: 'less sensitive than wall time to other work on the machine',
    },
    {
      name: '… of which grouping by owner (views, dues)',
      value: percentile(plans, 50),
      unit: 'ms',
    },
    { name: '… one owner’s card, p50', value: percentile(perOwner, 50), unit: 'ms' },
    { name: '… one owner’s card, p95', value: percentile(perOwner, 95), unit: 'ms' },
    { name: '… largest message', value: bytes / 1024, unit: 'KB', note: 'Teams limit about 28 KB' },
    {
      name: 'business-day plan (due soon, overdue, escalation), p50',
      value: percentile(dailyRuns, 50),
      unit: 'ms',
      note: `${escalated.toLocaleString('en')} items escalated`,
    },
    {
      name: 'digest job end to end (delivery log, 500 sends)',
      value: job,
      unit: 'ms',
      note: `${sender.sent.length} sent; instant sender, no rate limit`,
    },
  ];
}

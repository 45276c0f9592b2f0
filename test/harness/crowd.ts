import { TurnContext, type Activity as BotActivity } from 'botbuilder';
import { botAdded, teamsUser, type TeamsUser } from '../../scripts/teams/activities.js';
import { systemClock } from '../../src/clock.js';
import { demoSurveyTopics } from '../../src/demo/surveys.js';
import type { Department } from '../../src/domain/directory.js';
import { DirectoryService } from '../../src/domain/directory-service.js';
import { ConversationRegistry } from '../../src/messaging/conversations.js';
import type { DocumentStore, Record_ } from '../../src/store/document-store.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { SurveyRepository } from '../../src/surveys/repository.js';
import type { Survey } from '../../src/surveys/survey.js';

/** A head of a department, already linked and with a 1:1 chat with the bot. */
export interface CrowdMember {
  readonly department: Department;
  readonly head: TeamsUser;
}

export interface Crowd {
  /** In the order they were made: member n heads department n % departments. */
  readonly members: readonly CrowdMember[];
  /** Open for answers from every department of the crowd. */
  readonly survey: Survey;
}

/**
 * How many seeding calls run at once: lowdb writes its whole file once for all the
 * calls waiting, so large batches keep seeding fast; PostgreSQL queues them on its pool.
 */
const SEED_CONCURRENCY = 250;

/** Runs `run` on every item, SEED_CONCURRENCY at a time. */
export async function inBatches<T>(
  items: readonly T[],
  run: (item: T, index: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += SEED_CONCURRENCY)
    await Promise.all(items.slice(i, i + SEED_CONCURRENCY).map((item, k) => run(item, i + k)));
}

/**
 * Fills `store` with what `fill` writes, through the domain services, into a new in-memory
 * store: every record is then copied across with `put`, all at once, so PostgreSQL stores them
 * in a few statements of many rows (its group commit) instead of a transaction per change,
 * which took a thousand-person crowd about 4 s of CPU between the test and the server.
 * The records are the ones the services wrote, in the order they were first stored.
 */
export async function fillStore<T>(
  store: DocumentStore,
  fill: (scratch: DocumentStore) => Promise<T>,
): Promise<T> {
  const scratch = await LowdbStore.openMemory();
  const result = await fill(scratch);
  const collections = scratch.db.data.collections;
  await Promise.all(
    Object.entries(collections).flatMap(([name, records]) => {
      const collection = store.collection<Record_>(name);
      return Object.values(records).map((record) => collection.put(record as Record_));
    }),
  );
  await scratch.close();
  return result;
}

export const crowdUpn = (i: number): string => `head${i}@city.example.jp`;

/**
 * Writes `people` department heads (linked to their Teams identity, with the 1:1
 * conversation an install leaves behind, so no turn needs a member lookup) spread
 * over `departments` departments (default: one each), and an open survey whose
 * audience is all the departments, straight into a store, as a bot that had been
 * in use for a while would hold them. Works on every backend.
 */
export async function seedCrowd(
  store: DocumentStore,
  options: { readonly people: number; readonly departments?: number; readonly serviceUrl: string },
): Promise<Crowd> {
  const { people, serviceUrl } = options;
  const departmentCount = options.departments ?? people;
  const directory = new DirectoryService(store, systemClock);
  const conversations = new ConversationRegistry(store, systemClock);
  const surveys = new SurveyRepository(store);
  const now = systemClock.now();
  const departments: Department[] = Array.from({ length: departmentCount }, (_, i) => ({
    id: `dept${i}`,
    name: { ja: `部署${i}`, en: `Department ${i}` },
  }));
  const departmentOf = (i: number): Department => {
    const department = departments[i % departmentCount];
    if (!department) throw new RangeError('a crowd needs at least one department');
    return department;
  };
  const members: CrowdMember[] = Array.from({ length: people }, (_, i) => ({
    department: departmentOf(i),
    head: teamsUser(crowdUpn(i)),
  }));
  await inBatches(departments, (department) => directory.putDepartment(department));
  await inBatches(members, async ({ department, head }) => {
    const upn = head.userPrincipalName ?? '';
    await directory.putPerson({
      id: upn,
      upn,
      name: { ja: `${department.name.ja}長`, en: `Head of ${department.name.en}` },
      role: 'member',
      departmentId: department.id,
      updatedAt: now.toISOString(),
    });
    const person = await directory.findByUpn(upn);
    if (person) await directory.link(head.aadObjectId, person);
    const { activityId: _id, ...reference } = TurnContext.getConversationReference(
      botAdded(head, { serviceUrl }) as Partial<BotActivity>,
    );
    await conversations.remember({
      id: head.personalConversationId,
      kind: 'personal',
      reference,
      userAadObjectId: head.aadObjectId,
      userId: head.id,
      locale: head.locale,
    });
  });
  const at = now.toISOString();
  const survey: Survey = {
    id: 'crowd-survey',
    number: 1,
    title: { ja: '試験用アンケート', en: 'Test survey' },
    intro: { ja: '', en: '' },
    topics: demoSurveyTopics,
    ranking: { mode: 'exactly', count: 3 },
    commentMaxLength: 1000,
    opinionMaxLength: 2000,
    deadline: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
    audience: departments.map((d) => d.id),
    nudgeBusinessDays: [],
    status: 'open',
    createdAt: at,
    createdBy: 'johokanri-kacho@city.example.jp',
    updatedAt: at,
    sentAt: at,
  };
  await surveys.insert(survey);
  return { members, survey };
}

import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNode } from '../bench/processes.js';
import { execute } from '../scripts/teams/activities.js';
import { demoSurveyTopics } from '../src/demo/surveys.js';
import { openStore } from '../src/store/open-store.js';
import { SurveyRepository } from '../src/surveys/repository.js';
import type { AnswerContent, SurveyAnswer } from '../src/surveys/survey.js';
import { fillStore, inBatches, seedCrowd, type Crowd, type CrowdMember } from './harness/crowd.js';
import { FakeConnector } from './harness/fake-connector.js';
import { createTestSchema } from './harness/postgres.js';
import { builtBot } from './harness/shared-build.js';
import { inputOf, invokeCard } from './harness/survey-cards.js';
import { visibleText } from './harness/test-bot.js';

const SUBMISSIONS = 1000;
const topicIds = demoSurveyTopics.map((t) => t.id);

/** The answer department `n` sends in the storm: three distinct topics, three comments, an opinion. */
function stormAnswer(n: number): AnswerContent {
  const ranking = [0, 1, 2].map((k) => topicIds[(n + k * 3) % topicIds.length] ?? 'rpa');
  const comments = Object.fromEntries(
    ranking.map((topicId) => [topicId, `部署${n}から${topicId}へのコメント。`.repeat(5)]),
  );
  return { ranking, comments, opinion: `部署${n}の自由意見：会議室のWi-Fiを強化してほしい。` };
}

/** What odd departments had answered before the storm, which the storm then edits. */
function earlierAnswer(n: number): AnswerContent {
  return { ranking: ['telework', 'rpa', 'paperless'], comments: {}, opinion: `部署${n}の初回回答` };
}

/** Half the departments answered once already: the storm appends to their history. */
const answeredBefore = (n: number): boolean => n % 2 === 1;

/** The card data Teams sends when department `n`'s head presses 送信 on their answer card. */
function submission(crowd: Crowd, n: number): Record<string, unknown> {
  const content = stormAnswer(n);
  return {
    surveyId: crowd.survey.id,
    departmentId: crowd.members[n]?.department.id,
    basedOn: answeredBefore(n) ? 1 : 0,
    ...Object.fromEntries(content.ranking.map((topicId, i) => [`rank${i + 1}`, topicId])),
    ...Object.fromEntries(topicIds.map((id) => [`comment_${id}`, content.comments[id] ?? ''])),
    opinion: content.opinion,
  };
}

/** The crowd, with the earlier answers of half of it, written before the bot starts. */
async function seed(storeUrl: string, serviceUrl: string): Promise<Crowd> {
  const store = await openStore(storeUrl);
  const crowd = await fillStore(store, async (scratch) => {
    const seeded = await seedCrowd(scratch, { people: SUBMISSIONS, serviceUrl });
    const surveys = new SurveyRepository(scratch);
    await inBatches(seeded.members, async ({ department, head }, n) => {
      if (!answeredBefore(n)) return;
      await surveys.saveAnswer({
        surveyId: seeded.survey.id,
        departmentId: department.id,
        content: earlierAnswer(n),
        basedOn: 0,
        by: { personId: head.userPrincipalName ?? '', name: department.name },
        at: new Date().toISOString(),
      });
    });
    return seeded;
  });
  await store.close();
  return crowd;
}

/** The compiled bot as its own process (so it can be killed), with the scheduler idle. */
async function startBot(storeUrl: string) {
  const { entry, nodeArgs } = await builtBot();
  return startNode(
    entry,
    { STORE_URL: storeUrl, SEED_DEMO: 'false', LOG_LEVEL: 'silent', SCHEDULER_TICK_MS: '0' },
    { nodeArgs, tsx: false },
  );
}

/** Whether the invoke answered with the stored answer's card (not the form, not an error). */
function acknowledges(status: number, body: unknown, n: number): boolean {
  if (status !== 200) return false;
  const card = invokeCard(body);
  const shown = visibleText(card);
  return (
    inputOf(card, 'opinion') === undefined &&
    shown.includes('回答しました') &&
    shown.includes(stormAnswer(n).opinion)
  );
}

/**
 * Starts the bot on a seeded store, fires SUBMISSIONS concurrent survey answers
 * (one per department) through POST /api/messages, kills the process with SIGKILL
 * once `killAfter` of them have been answered, restarts it on the same store and
 * returns the departments whose answer was acknowledged before the kill.
 */
async function crashDuringSubmissions(
  storeUrl: string,
  killAfter: number,
): Promise<{
  crowd: Crowd;
  acknowledged: Set<number>;
  answersAfter: Map<string, SurveyAnswer>;
  /** An acknowledged department, and what the restarted bot shows its head. */
  shownAfterRestart: { readonly n: number; readonly text: string };
}> {
  const connector = new FakeConnector();
  await connector.start();
  const where = { serviceUrl: `${connector.url}/` };
  const crowd = await seed(storeUrl, where.serviceUrl);
  const bot = await startBot(storeUrl);
  const post = async (member: CrowdMember, data: Record<string, unknown>) => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(execute(member.head, 'survey.submit', data, where)),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  const acknowledged = new Set<number>();
  let completed = 0;
  const killed = new Promise<void>((resolve) => bot.child.once('exit', () => resolve()));
  await Promise.all(
    crowd.members.map(async (member, n) => {
      try {
        const { status, body } = await post(member, submission(crowd, n));
        if (acknowledges(status, body, n)) acknowledged.add(n);
      } catch {
        // the process died under this request: not acknowledged
      }
      if (++completed === killAfter) bot.child.kill('SIGKILL');
    }),
  );
  await killed;

  const restarted = await startBot(storeUrl);
  const ready = await fetch(`${restarted.url}/readyz`);
  assert.equal(ready.status, 200, 'the bot starts again on the same store');
  // The restarted bot shows an acknowledged answer to its department.
  const [first = 0] = acknowledged;
  const member = crowd.members[first];
  assert.ok(member);
  const shown = await fetch(`${restarted.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      execute(member.head, 'survey.refresh', { surveyId: crowd.survey.id }, where),
    ),
  });
  const shownAfterRestart = { n: first, text: visibleText(invokeCard(await shown.json())) };
  await restarted.stop();
  await connector.stop();

  const store = await openStore(storeUrl);
  const answers = await new SurveyRepository(store).answersOf(crowd.survey.id);
  await store.close();
  return {
    crowd,
    acknowledged,
    answersAfter: new Map(answers.map((a) => [a.departmentId, a])),
    shownAfterRestart,
  };
}

type CrashResult = Awaited<ReturnType<typeof crashDuringSubmissions>>;

/**
 * Kills once a twentieth of the answers are back. lowdb stores a burst in a few
 * shared writes and the answers then leave together, so now and then all of them
 * were sent before the kill landed: such a run tested nothing, and the storm is
 * run again on a fresh store, killed at the first answer.
 */
async function crashMidStorm(freshStoreUrl: () => Promise<string>): Promise<CrashResult> {
  for (const killAfter of [SUBMISSIONS / 20, 1]) {
    const result = await crashDuringSubmissions(await freshStoreUrl(), killAfter);
    if (result.acknowledged.size < SUBMISSIONS) return result;
  }
  throw new Error('every answer had been sent before the kill, twice');
}

const contentOf = (version: AnswerContent): AnswerContent => ({
  ranking: version.ranking,
  comments: version.comments,
  opinion: version.opinion,
});

/**
 * Every acknowledged answer is there, whole; every other department holds either
 * what it had before the storm or the storm's answer, whole (its request may have
 * been stored just before the kill): never a part of one, never a broken history.
 */
function assertWholeAnswers(result: CrashResult): void {
  const { crowd, acknowledged, answersAfter } = result;
  assert.ok(acknowledged.size > 0, 'some answers were acknowledged before the kill');
  assert.ok(acknowledged.size < SUBMISSIONS, 'the kill came before every answer was stored');
  const { n: shownFor, text: shown } = result.shownAfterRestart;
  assert.ok(shown.includes(stormAnswer(shownFor).opinion), shown);
  const problems: string[] = [];
  crowd.members.forEach((member, n) => {
    const answer = answersAfter.get(member.department.id);
    const before = answeredBefore(n) ? [earlierAnswer(n)] : [];
    const storm = [...before, stormAnswer(n)];
    const history = answer?.history.map(contentOf) ?? [];
    const holdsStorm = answer !== undefined && history.length === storm.length;
    if (acknowledged.has(n) && !holdsStorm) problems.push(`dept${n}: acknowledged, not stored`);
    if (answer === undefined) {
      if (before.length > 0) problems.push(`dept${n}: its earlier answer is gone`);
      return;
    }
    const expected = holdsStorm ? storm : before;
    try {
      assert.deepEqual(history, expected);
      assert.deepEqual(contentOf(answer.current), expected.at(-1));
      assert.deepEqual(answer.current, answer.history.at(-1));
      answer.history.forEach((version, i) => assert.equal(version.revision, i + 1));
    } catch (error) {
      problems.push(`dept${n}: ${(error as Error).message}`);
    }
  });
  assert.deepEqual(problems.slice(0, 10), [], `${problems.length} departments are wrong`);
}

describe(`kill -9 during ${SUBMISSIONS.toLocaleString('en')} concurrent survey submissions`, function () {
  this.timeout(180_000);

  it('on lowdb: every acknowledged answer survives whole, and the file is valid JSON', async () => {
    let path = '';
    const result = await crashMidStorm(async () => {
      path = join(mkdtempSync(join(tmpdir(), 'honbu-crash-')), 'honbu.json');
      return `file:${path}`;
    });
    assertWholeAnswers(result);
    const stored = JSON.parse(readFileSync(path, 'utf-8')) as {
      collections: { surveyAnswers: Record<string, unknown> };
    };
    assert.equal(Object.keys(stored.collections.surveyAnswers).length, result.answersAfter.size);
  });

  it('on PostgreSQL: every acknowledged answer survives whole', async () => {
    const schemas: Array<Awaited<ReturnType<typeof createTestSchema>>> = [];
    try {
      const result = await crashMidStorm(async () => {
        const schema = await createTestSchema();
        schemas.push(schema);
        return schema.url;
      });
      assertWholeAnswers(result);
    } finally {
      await Promise.all(schemas.map((schema) => schema.drop()));
    }
  });
});

import { TurnContext, type Activity as BotActivity } from 'botbuilder';
import { botAdded, execute } from '../scripts/teams/activities.js';
import { createServices, type Services } from '../src/app/services.js';
import { systemClock, randomIds } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { demoSurveyTopics } from '../src/demo/surveys.js';
import type { Department } from '../src/domain/directory.js';
import { translator } from '../src/i18n/translate.js';
import { createLogger } from '../src/logger.js';
import { ConversationRegistry } from '../src/messaging/conversations.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { tally } from '../src/surveys/results.js';
import { resultsCsv } from '../src/surveys/results-csv.js';
import type { AnswerVersion, Survey, SurveyAnswer } from '../src/surveys/survey.js';
import { answerId } from '../src/surveys/survey.js';
import { resultsCard } from '../src/surveys/views.js';
import { RecordingSender } from '../test/harness/recording-sender.js';
import { cardsOf, TestBot, visibleText } from '../test/harness/test-bot.js';
import { poster } from './poster.js';
import { percentile, type BenchRow } from './types.js';

const topicIds = demoSurveyTopics.map((t) => t.id);

/** Three distinct topics and a comment, varied by department number. */
function answerFor(n: number): { ranking: string[]; comment: string } {
  const ranking = [0, 1, 2].map((k) => topicIds[(n + k * 3) % topicIds.length] ?? 'rpa');
  return { ranking, comment: `部署${n}のコメント：Web会議の環境を整えてほしい` };
}

async function openSurvey(services: Services, audience: string[]): Promise<Survey> {
  const survey = await services.surveys.create(
    {
      ...(await services.surveys.blankDefinition()),
      title: { ja: 'ベンチマーク用アンケート', en: 'Benchmark survey' },
      topics: demoSurveyTopics,
      audience,
      deadline: new Date(services.clock.now().getTime() + 14 * 86_400_000).toISOString(),
    },
    'bench',
  );
  const opened = await services.surveys.repository.update(survey.id, (s) => ({
    ...s,
    status: 'open',
  }));
  if (!opened) throw new Error('survey not opened');
  return opened;
}

/**
 * 1,000 department heads press "send" at the same moment: real HTTP endpoint,
 * real CloudAdapter, file store. Afterwards every answer must be stored.
 */
async function concurrentSubmissions(): Promise<BenchRow[]> {
  const departments = 1000;
  const bot = await TestBot.start({ env: { SEED_DEMO: 'false' } });
  const { services } = bot;
  const now = services.clock.now().toISOString();
  const ids = Array.from({ length: departments }, (_, i) => `dept${i}`);
  await Promise.all(
    ids.map((id, i) =>
      services.directory.putDepartment({ id, name: { ja: `部署${i}`, en: `Dept ${i}` } }),
    ),
  );
  await Promise.all(
    ids.map((id, i) =>
      services.directory.putPerson({
        id: `head${i}@city.example.jp`,
        upn: `head${i}@city.example.jp`,
        name: { ja: `部長${i}`, en: `Head ${i}` },
        role: 'member',
        departmentId: id,
        updatedAt: now,
      }),
    ),
  );
  const survey = await openSurvey(services, ids);
  // A progress card in one channel, so the burst also exercises the coalesced card updates.
  const secretary = bot.user('secretary@city.example.jp');
  await services.directory.upsertPerson({ upn: 'secretary@city.example.jp', role: 'secretariat' });
  await bot.say(secretary, 'help', { channel: true });
  const [channel] = await services.conversations.channels();
  if (!channel) throw new Error('no channel');
  const postId = `${survey.id}|progress|${channel.id}`;
  await services.surveys.repository.claimPost(
    { id: postId, surveyId: survey.id, kind: 'progress', conversationId: channel.id },
    now,
  );
  await services.surveys.repository.finishPost(
    postId,
    { status: 'sent', conversationId: channel.id, activityId: 'progress-1' },
    now,
  );
  const users = ids.map((_, i) => bot.user(`head${i}@city.example.jp`));
  const post = poster(bot.url);
  const where = { serviceUrl: `${bot.connector.url}/` };
  // Only people who installed Honbu get the card: every head has a 1:1 chat with the bot
  // and is linked to the directory already (as an install would leave them).
  await Promise.all(
    users.map(async (user) => {
      const installed = botAdded(user, where);
      const { activityId: _id, ...reference } = TurnContext.getConversationReference(
        installed as Partial<BotActivity>,
      );
      await services.conversations.remember({
        id: user.personalConversationId,
        kind: 'personal',
        reference,
        userAadObjectId: user.aadObjectId,
        userId: user.id,
        locale: user.locale,
      });
      const person = await services.directory.findByUpn(user.userPrincipalName ?? '');
      if (person) await services.directory.link(user.aadObjectId, person);
    }),
  );
  bot.connector.reset();

  const latencies: number[] = [];
  const started = performance.now();
  const statuses = await Promise.all(
    users.map(async (user, i) => {
      const { ranking, comment } = answerFor(i);
      const activity = execute(
        user,
        'survey.submit',
        {
          surveyId: survey.id,
          basedOn: 0,
          departmentId: ids[i],
          rank1: ranking[0],
          rank2: ranking[1],
          rank3: ranking[2],
          [`comment_${ranking[0]}`]: comment,
        },
        where,
      );
      const t = performance.now();
      const status = await post(activity);
      latencies.push(performance.now() - t);
      return status;
    }),
  );
  const wall = performance.now() - started;
  await services.surveys.settled();
  const stored = await services.surveys.repository.answersOf(survey.id);
  const complete = stored.filter((a) => a.history.length === 1 && a.current.ranking.length === 3);
  const progress = bot.connector.calls.filter(
    (c) => c.kind === 'update' && c.conversationId === channel.id,
  );
  const progressUpdates = progress.length;
  const lastProgress = visibleText(cardsOf(progress.slice(-1))[0]);
  await bot.stop();
  latencies.sort((a, b) => a - b);
  const failed = statuses.filter((s) => s !== 200).length;
  if (stored.length !== departments || complete.length !== departments || failed > 0)
    throw new Error(`lost answers: ${stored.length} stored, ${failed} failed requests`);
  if (!lastProgress.includes('回答 1000 / 1000'))
    throw new Error(`the progress card ends at: ${lastProgress}`);
  return [
    {
      name: '1,000 departments submit at once over HTTP: wall time',
      value: wall,
      unit: 'ms',
      note: `${stored.length}/1000 stored, none lost`,
    },
    { name: '… answers stored per second', value: departments / (wall / 1000), unit: 'answers/s' },
    {
      name: '… time to answer card, p50',
      value: percentile(latencies, 50),
      unit: 'ms',
      note: 'queued behind the burst (64 connections)',
    },
    { name: '… time to answer card, p99', value: percentile(latencies, 99), unit: 'ms' },
    {
      name: '… progress-card updates sent for 1,000 answers',
      value: progressUpdates,
      unit: 'calls',
      note: 'coalesced; the last one shows 1000 / 1000',
    },
  ];
}

/** Tallies, the results card and the CSV for 10,000 department answers. */
async function resultsOfTenThousand(): Promise<BenchRow[]> {
  const count = 10_000;
  const store = await LowdbStore.openMemory();
  const config = loadConfig({ STORE_URL: 'memory:', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const services = await createServices(
    { config, clock: systemClock, ids: randomIds, logger, store },
    new ConversationRegistry(store, systemClock),
    new RecordingSender(() => systemClock.now()),
  );
  const departments = new Map<string, Department>();
  for (let i = 0; i < count; i++)
    departments.set(`dept${i}`, { id: `dept${i}`, name: { ja: `部署${i}`, en: `Dept ${i}` } });
  const survey = await openSurvey(services, [...departments.keys()]);
  const at = new Date().toISOString();
  const answers: SurveyAnswer[] = [...departments.keys()].map((departmentId, i) => {
    const { ranking, comment } = answerFor(i);
    const version: AnswerVersion = {
      ranking,
      comments: { [ranking[0] ?? 'rpa']: comment },
      opinion: i % 10 === 0 ? `自由意見 ${i}` : '',
      revision: 1,
      at,
      byPersonId: `head${i}`,
      byName: { ja: `部長${i}`, en: `Head ${i}` },
    };
    return {
      id: answerId(survey.id, departmentId),
      surveyId: survey.id,
      departmentId,
      current: version,
      history: [version],
    };
  });
  const reader = { locale: 'ja' as const, t: translator('ja'), timeZone: config.timeZone };
  const time = (run: () => unknown) => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      run();
      runs.push(performance.now() - t);
    }
    return percentile(
      runs.sort((a, b) => a - b),
      50,
    );
  };
  let results = tally(survey, answers, departments);
  const tallyMs = time(() => (results = tally(survey, answers, departments)));
  let cardBytes = 0;
  const cardMs = time(() => {
    const card = resultsCard(
      {
        survey,
        results,
        departments,
        csv: { url: 'https://honbu.example/x.csv', expiresAt: new Date() },
      },
      reader,
    );
    cardBytes = JSON.stringify(card).length;
  });
  let csvBytes = 0;
  const csvMs = time(() => {
    csvBytes = Buffer.byteLength(resultsCsv(survey, results, 'ja', reader.t, reader.timeZone));
  });

  // The same through the service, reading 10,000 answers from the (in-memory) store.
  await Promise.all([...departments.values()].map((d) => services.directory.putDepartment(d)));
  const collection = store.collection<SurveyAnswer>('surveyAnswers');
  await Promise.all(answers.map((a) => collection.put(a)));
  const t = performance.now();
  await services.surveys.resultsCard(survey, reader);
  await services.surveys.csv(survey, 'ja');
  const serviceMs = performance.now() - t;
  await store.close();
  return [
    {
      name: 'results of 10,000 answers: tally (score, ranks, comments)',
      value: tallyMs,
      unit: 'ms',
      note: 'median of 5',
    },
    {
      name: '… results card',
      value: cardMs,
      unit: 'ms',
      note: `${(cardBytes / 1024).toFixed(1)} KiB card (lists capped, rest in CSV)`,
    },
    {
      name: '… CSV export',
      value: csvMs,
      unit: 'ms',
      note: `${(csvBytes / 1024 / 1024).toFixed(2)} MiB`,
    },
    {
      name: '… card + CSV through the service, reading the store',
      value: serviceMs,
      unit: 'ms',
    },
  ];
}

export async function surveysBench(): Promise<BenchRow[]> {
  return [...(await concurrentSubmissions()), ...(await resultsOfTenThousand())];
}

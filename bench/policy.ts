import { PolicyBook, SYSTEM_EDITOR } from '../src/policy/policy-book.js';
import { seedDemoPolicies } from '../src/policy/seed.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import type { PolicyContent, Scope, Status } from '../src/policy/model.js';
import { loadEvalQuestions } from '../test/policy/evaluate.js';
import { ManualClock } from '../test/harness/manual-clock.js';
import { percentile, type BenchRow } from './types.js';

const ENTRIES = 1000;
const WARM_UP = 500;
const ASKS = 5000;

const things: ReadonlyArray<[string, string]> = [
  ['プリンター', 'printer'],
  ['電子決裁', 'electronic approval'],
  ['メール', 'email'],
  ['ファイルサーバー', 'file server'],
  ['庁内ネットワーク', 'office network'],
  ['スマートフォン', 'smartphone'],
  ['USBメモリ', 'USB stick'],
  ['クラウドストレージ', 'cloud storage'],
  ['生成AI', 'generative AI'],
  ['RPA', 'RPA'],
  ['電子申請', 'online applications'],
  ['文書管理システム', 'document management'],
  ['勤怠管理', 'time recording'],
  ['会計システム', 'accounting system'],
  ['グループウェア', 'groupware'],
  ['チャット', 'chat'],
  ['複合機', 'multifunction printer'],
  ['シンクライアント', 'thin client'],
  ['公用携帯', 'official mobile phone'],
  ['個人情報', 'personal data'],
];
const aspects: ReadonlyArray<[string, string]> = [
  ['利用申請', 'how to apply'],
  ['パスワード', 'passwords'],
  ['持ち出し', 'taking it out of the office'],
  ['保存期間', 'retention period'],
  ['夜間利用', 'use at night'],
  ['外部送信', 'sending outside'],
  ['故障時の連絡先', 'who to call when it breaks'],
  ['研修', 'training'],
  ['費用負担', 'who pays'],
  ['更新時期', 'replacement schedule'],
];
const scopes: readonly Scope[] = ['mayor', 'education', 'all'];
const statuses: readonly Status[] = [
  'approved',
  'conditional',
  'underReview',
  'notAllowed',
  'guidance',
];

/** A plausible entry: policy data grows by rules like these, not by copies of the demo. */
function syntheticEntry(n: number): PolicyContent {
  const [thingJa, thingEn] = things[n % things.length] ?? ['', ''];
  const [aspectJa, aspectEn] = aspects[Math.floor(n / things.length) % aspects.length] ?? ['', ''];
  const round = Math.floor(n / (things.length * aspects.length));
  return {
    topic: `synthetic-${n % 50}`,
    subjects: [],
    scope: scopes[n % scopes.length] ?? 'all',
    status: statuses[n % statuses.length] ?? 'guidance',
    title: {
      ja: `${thingJa}の${aspectJa}（${round + 1}）`,
      en: `${thingEn}: ${aspectEn} (${round + 1})`,
    },
    answer: {
      ja: `${thingJa}の${aspectJa}は、所属長の承認を得て情報管理課に届け出てください。第${round + 1}版。`,
      en: `For ${thingEn}, ${aspectEn}: get your head of division's approval and notify IT management. Version ${round + 1}.`,
    },
    source: {
      meeting: { ja: '行政情報化推進本部', en: 'Digital Government HQ' },
      date: '2021-04-01',
    },
    keywords: { ja: [thingJa, aspectJa], en: [thingEn, aspectEn] },
    related: [],
  };
}

/** Answer latency with 1,000 policy entries: every labelled question, over and over. */
export async function policyBench(): Promise<BenchRow[]> {
  const store = await LowdbStore.openMemory();
  const book = new PolicyBook(store, new ManualClock('2024-04-01T00:00:00Z'));
  const seeded = await seedDemoPolicies(book);
  for (let n = 0; n < ENTRIES - seeded; n++) await book.create(syntheticEntry(n), SYSTEM_EDITOR);

  const buildStart = performance.now();
  await book.index();
  const buildMs = performance.now() - buildStart;

  const questions = loadEvalQuestions();
  const ask = async (i: number) => {
    const q = questions[i % questions.length];
    if (q) await book.answer(q.q, q.asker === 'kyoiku' ? 'education' : 'mayor');
  };
  for (let i = 0; i < WARM_UP; i++) await ask(i);
  // Wall time is what the asker waits; CPU time is what the look-up costs, and
  // stays readable on a shared machine where other processes preempt this one.
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < ASKS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await ask(i);
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);

  // A change makes the next question rebuild the index.
  await book.retire('p1', SYSTEM_EDITOR, 'bench');
  const afterChangeStart = performance.now();
  await ask(0);
  const afterChangeMs = performance.now() - afterChangeStart;
  await store.close();

  const note = `${ENTRIES} entries, ${ASKS} asks of ${questions.length} labelled questions`;
  return [
    { name: 'answer p50', value: percentile(times, 50), unit: 'ms', note },
    { name: 'answer p99', value: percentile(times, 99), unit: 'ms', note: 'target < 5 ms' },
    { name: 'answer CPU p50', value: percentile(cpuTimes, 50), unit: 'ms' },
    { name: 'answer CPU p99', value: percentile(cpuTimes, 99), unit: 'ms' },
    { name: 'answer max', value: times[times.length - 1] ?? NaN, unit: 'ms' },
    { name: 'index build', value: buildMs, unit: 'ms', note: `${ENTRIES} entries` },
    {
      name: 'first answer after a change',
      value: afterChangeMs,
      unit: 'ms',
      note: 'rebuilds the index',
    },
  ];
}

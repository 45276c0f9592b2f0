import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { translator } from '../src/i18n/translate.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { Coalescer } from '../src/surveys/coalescer.js';
import { SurveyRepository } from '../src/surveys/repository.js';
import { tally } from '../src/surveys/results.js';
import { resultsCsv } from '../src/surveys/results-csv.js';
import { fieldProblems, type SubmittedValues } from '../src/surveys/submission.js';
import type { AnswerVersion, Survey, SurveyAnswer } from '../src/surveys/survey.js';

const topics = ['a', 'b', 'c', 'd'].map((id) => ({
  id,
  title: { ja: id.toUpperCase(), en: id.toUpperCase() },
  description: { ja: '', en: '' },
}));

function survey(mode: 'exactly' | 'upTo', count = 3): Survey {
  return {
    id: 's1',
    number: 1,
    title: { ja: 'T', en: 'T' },
    intro: { ja: '', en: '' },
    topics,
    ranking: { mode, count },
    commentMaxLength: 10,
    opinionMaxLength: 20,
    deadline: '2026-12-14T08:00:00.000Z',
    audience: ['d1', 'd2', 'd3'],
    nudgeBusinessDays: [3, 1],
    status: 'open',
    createdAt: '',
    createdBy: '',
    updatedAt: '',
  };
}

const values = (ranks: string[], comments: Record<string, string> = {}): SubmittedValues => ({
  ranks,
  comments,
  opinion: '',
});

const problemKeys = (s: Survey, v: SubmittedValues) =>
  Object.fromEntries(Object.entries(fieldProblems(s, v)).map(([id, p]) => [id, p.key]));

function answer(departmentId: string, ranking: string[], comments = {}): SurveyAnswer {
  const version: AnswerVersion = {
    ranking,
    comments,
    opinion: '',
    revision: 1,
    at: '2026-12-01T01:00:00.000Z',
    byPersonId: `head@${departmentId}`,
    byName: { ja: `${departmentId}長`, en: `Head ${departmentId}` },
  };
  return {
    id: `s1|${departmentId}`,
    surveyId: 's1',
    departmentId,
    current: version,
    history: [version],
  };
}

describe('survey rules', () => {
  it('"exactly N" needs every rank; "up to N" needs rank 1 and no gaps', () => {
    assert.deepEqual(problemKeys(survey('exactly'), values(['a', 'b', ''])), {
      rank3: 'survey.error.rankRequired',
    });
    assert.deepEqual(problemKeys(survey('upTo'), values(['a', '', ''])), {});
    assert.deepEqual(problemKeys(survey('upTo'), values(['', '', ''])), {
      rank1: 'survey.error.rankRequired',
    });
    assert.deepEqual(problemKeys(survey('upTo'), values(['a', '', 'c'])), {
      rank2: 'survey.error.rankGap',
    });
  });

  it('counts characters as people do, after trimming', () => {
    assert.deepEqual(
      problemKeys(survey('upTo'), values(['a', '', ''], { a: ' 😀😀😀😀😀あいうえお ' })),
      {},
    );
    assert.deepEqual(
      problemKeys(survey('upTo'), values(['a', '', ''], { a: 'あいうえおかきくけこさ' })),
      {
        comment_a: 'survey.error.tooLong',
      },
    );
  });

  it('scores 3/2/1, breaks ties by more first places, and ignores departments outside the audience', () => {
    const departments = new Map(
      ['d1', 'd2', 'd3'].map((id) => [id, { id, name: { ja: id, en: id } }]),
    );
    const results = tally(
      survey('exactly'),
      [
        answer('d1', ['a', 'b', 'c']),
        answer('d2', ['d', 'c', 'b']),
        answer('d9', ['d', 'c', 'b']), // no longer in the audience
      ],
      departments,
    );
    // All four score 3: the two with a first place lead; then survey order.
    assert.deepEqual(
      results.topics.map((r) => [r.topic.id, r.score, r.countsByRank]),
      [
        ['a', 3, [1, 0, 0]],
        ['d', 3, [1, 0, 0]],
        ['b', 3, [0, 1, 1]],
        ['c', 3, [0, 1, 1]],
      ],
    );
    assert.deepEqual(
      results.missing.map((d) => d.id),
      ['d3'],
    );
  });

  it('keeps a comment Excel would run as a formula as text in the CSV', () => {
    const s = survey('exactly');
    const departments = new Map([['d1', { id: 'd1', name: { ja: 'd1', en: 'd1' } }]]);
    const csv = resultsCsv(
      { ...s, audience: ['d1'] },
      tally(
        { ...s, audience: ['d1'] },
        [answer('d1', ['a', 'b', 'c'], { a: '=HYPERLINK("x")', b: '- 箇条書き' })],
        departments,
      ),
      'en',
      translator('en'),
      'Asia/Tokyo',
    );
    const row = csv.split('\r\n')[1] ?? '';
    assert.match(row, /,"'=HYPERLINK\(""x""\)",- 箇条書き,/);
  });
});

describe('coalesced card updates', () => {
  it('runs a burst of requests a few times, the last run after the last request', async () => {
    const coalescer = new Coalescer(() => undefined);
    let state = 0;
    const seen: number[] = [];
    const task = async () => {
      const value = state;
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(value);
    };
    const requests: Array<Promise<void>> = [];
    for (let i = 1; i <= 100; i++) {
      state = i;
      requests.push(coalescer.request('progress', task));
      if (i % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(requests);
    assert.ok(seen.length <= 5, `${seen.length} runs for 100 requests`);
    assert.equal(seen.at(-1), 100, 'the last run saw the last change');
  });

  it('reports a failing run and keeps serving the key', async () => {
    const errors: unknown[] = [];
    const coalescer = new Coalescer((_key, error) => errors.push(error));
    await coalescer.request('k', async () => {
      throw new Error('connector down');
    });
    let ran = false;
    await coalescer.request('k', async () => {
      ran = true;
    });
    assert.equal(errors.length, 1);
    assert.ok(ran);
  });
});

describe('lowdb writes under a burst', () => {
  it('stores every concurrent change with far fewer serialisations than changes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'honbu-burst-')), 'store.json');
    const store = await LowdbStore.openFile(path);
    const writes = sinon.spy(store.db, 'write');
    const collection = store.collection<{ id: string; n: number }>('burst');
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        collection.update(`r${i}`, () => ({ id: `r${i}`, n: i })),
      ),
    );
    assert.ok(writes.callCount < 20, `${writes.callCount} writes for 200 changes`);
    await store.close();
    const reopened = await LowdbStore.openFile(path);
    assert.equal(await reopened.collection('burst').count(), 200);
    await reopened.close();
  });
});

describe('which departments have answered', () => {
  it('names the audience departments with an answer, in audience order, and no other', async () => {
    const store = await LowdbStore.openMemory();
    const answers = store.collection<SurveyAnswer>('surveyAnswers');
    // d3 and d1 answered; d9 answered before it was taken out of the audience.
    for (const department of ['d3', 'd9', 'd1']) await answers.put(answer(department, ['a']));
    await answers.put({ ...answer('d2', ['a']), id: 's2|d2', surveyId: 's2' });
    const repository = new SurveyRepository(store);
    assert.deepEqual(await repository.answeredDepartments(survey('exactly')), ['d1', 'd3']);
    assert.deepEqual(
      await repository.answeredDepartments({ ...survey('exactly'), audience: ['d9', 'd3'] }),
      ['d9', 'd3'],
    );
    await store.close();
  });
});

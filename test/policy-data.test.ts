import { strict as assert } from 'node:assert';
import { PolicyBook, SYSTEM_EDITOR } from '../src/policy/policy-book.js';
import { loadDemoPolicies, seedDemoPolicies } from '../src/policy/seed.js';
import { read } from '../src/policy/text.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { ManualClock } from './harness/manual-clock.js';

describe('policy look-up: reading questions', () => {
  it('folds full-width, half-width katakana and case into the same concepts', () => {
    for (const text of [
      'Web会議',
      'ｗｅｂ会議',
      'ＷＥＢ 会議',
      'ﾃﾚﾋﾞ会議',
      'ウェブ会議',
      'video calls',
    ]) {
      assert.deepEqual([...read(text).concepts], ['webconference'], text);
    }
    for (const text of ['Wi-Fi', 'wifi', 'ＷｉＦｉ', 'ワイファイ', '無線LAN']) {
      assert.deepEqual([...read(text).concepts], ['wifi'], text);
    }
  });

  it('segments Japanese into words and keeps only the ones that carry meaning', () => {
    const reading = read('Web会議の録画はしてもいいですか？');
    assert.deepEqual(reading.content, ['録画']);
  });

  it('reads a product name in any script, and "Teams" only as written', () => {
    for (const text of ['Zoom', 'ズーム', 'ずーむ'])
      assert.deepEqual(read(text).products, ['Zoom']);
    for (const text of ['ウェベックス', 'ウェブエックス', 'webex'])
      assert.deepEqual(read(text).products, ['Webex']);
    assert.deepEqual(read('Teamsは使える？').products, ['Teams']);
    assert.deepEqual(read('チームズ').products, ['Teams']);
    assert.deepEqual(read('which teams may join?').products, []);
  });

  it('reads what a question asks for besides its topic, not inside other words', () => {
    assert.deepEqual([...read('Wi-Fiの予算はいくら？').aspects], ['budget']);
    assert.deepEqual([...read('いつ終わる？').aspects], ['schedule']);
    assert.deepEqual([...read('いつから使える？').aspects], ['since']);
    assert.deepEqual(
      [...read('ウェブ会議で使ってよいツールは？').aspects],
      [],
      'いつ inside よいツール',
    );
    assert.deepEqual([...read('いつも使うツール').aspects], [], 'いつも is "always"');
    assert.deepEqual([...read('Can this be done when sorting work?').aspects], []);
  });

  it('keeps a loanword the segmenter cuts whole, as written', () => {
    const reading = read('スマホのライセンスは？');
    assert.deepEqual(reading.content, ['すまほ', 'らいせんす']);
    assert.deepEqual([...reading.surfaces.values()], ['スマホ', 'ライセンス']);
  });

  it('takes the scope from the question', () => {
    assert.deepEqual([...read('教育委員会で使えるテレビ会議は？').scopes], ['education']);
    assert.deepEqual([...read("in the mayor's departments").scopes], ['mayor']);
  });

  it('finds the one-letter tool names of the data, but not an English article', () => {
    assert.deepEqual(read('Aは使えますか？', ['A', 'B', 'C']).subjects, ['A']);
    assert.deepEqual(read('Can I use A for a web conference?', ['A', 'B', 'C']).subjects, ['A']);
    assert.deepEqual(read('A question about Wi-Fi', ['A', 'B', 'C']).subjects, []);
    assert.deepEqual(read('PCとUSBとRPA', ['A', 'B', 'C']).subjects, []);
  });
});

describe('policy data: versions and history', () => {
  let store: LowdbStore;
  let clock: ManualClock;
  let book: PolicyBook;
  const editor = { name: '情報管理課長', upn: 'johokanri-kacho@city.example.jp' };

  beforeEach(async () => {
    store = await LowdbStore.openMemory();
    clock = new ManualClock('2024-04-01T00:00:00Z');
    book = new PolicyBook(store, clock);
    await seedDemoPolicies(book);
  });
  afterEach(() => store.close());

  it('seeds every entry of the readable demo file once', async () => {
    const demo = loadDemoPolicies();
    assert.equal((await book.list()).length, demo.length);
    assert.equal(await seedDemoPolicies(book), 0, 'seeding again adds nothing');
    const wifi = await book.get('meeting-room-wifi');
    assert.match(wifi?.content.answer.ja ?? '', /507〜510/);
    assert.equal(wifi?.updatedBy.name, SYSTEM_EDITOR.name);
  });

  it('keeps every version of an entry in its history, and answers from the newest', async () => {
    clock.advance(60_000);
    const edited = await book.edit(
      'meeting-room-wifi',
      (c) => ({
        ...c,
        answer: { ja: '全会議室でWi-Fiが強くなりました。', en: 'Strong everywhere.' },
      }),
      editor,
      1,
    );
    assert.ok(edited.ok);
    assert.equal(edited.entry.version, 2);
    assert.equal(edited.entry.history.length, 1);
    assert.match(edited.entry.history[0]?.content.answer.ja ?? '', /507〜510/);
    assert.equal(edited.entry.updatedBy.upn, editor.upn);
    const answer = await book.answer('会議室のWi-Fiは？', 'mayor');
    assert.equal(
      answer.kind === 'answer' && answer.primary.content.answer.en,
      'Strong everywhere.',
    );
  });

  it('refuses a save made from an older version instead of overwriting the newer one', async () => {
    await book.edit('telework-scope', (c) => ({ ...c, notes: { ja: '一', en: 'one' } }), editor, 1);
    const stale = await book.edit(
      'telework-scope',
      (c) => ({ ...c, notes: { ja: '二', en: 'two' } }),
      editor,
      1,
    );
    assert.equal(!stale.ok && stale.reason, 'stale');
    assert.equal((await book.get('telework-scope'))?.content.notes?.en, 'one');
  });

  it('refuses invalid content and changes nothing', async () => {
    const result = await book.edit(
      'telework-scope',
      (c) => ({ ...c, title: { ja: '', en: ' ' }, since: '2024-13-01' }),
      editor,
    );
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.reason === 'invalid' && [...result.fields].sort(), [
      'since',
      'title',
    ]);
    assert.equal((await book.get('telework-scope'))?.version, 1);
  });

  it('no longer answers from a retired entry, but keeps it with its history', async () => {
    const retired = await book.retire('meeting-room-wifi', editor, '工事で変わったため');
    assert.ok(retired.ok);
    const answer = await book.answer('会議室のWi-Fiは？', 'mayor');
    assert.equal(answer.kind, 'notFound');
    const kept = await book.get('meeting-room-wifi');
    assert.equal(kept?.active, false);
    assert.equal(kept?.reason, '工事で変わったため');
    assert.equal(kept?.history.length, 1);
    const again = await book.edit('meeting-room-wifi', (c) => c, editor);
    assert.equal(!again.ok && again.reason, 'retired');
  });
});

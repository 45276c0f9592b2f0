import { strict as assert } from 'node:assert';
import { visibleText } from '../harness/test-bot.js';
import {
  buttonsOf,
  cardOf,
  itemsCommittee,
  replyOf,
  textOfCard,
  type ItemsCommittee,
} from './helpers.js';

/** Every Action.Execute of a card: its title and data. */
function executes(card: unknown): Array<{ title: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n['type'] === 'Action.Execute')
      found.push({ title: String(n['title']), data: (n['data'] as Record<string, unknown>) ?? {} });
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

/** The first paragraph of a reply: what was created and its due (the source follows). */
const dueSentence = (result: Parameters<typeof replyOf>[0]) => replyOf(result).split('\n\n')[0];

describe('action items over HTTP: the dates of dues, said back', () => {
  let c: ItemsCommittee;
  beforeEach(async () => {
    c = await itemsCommittee();
    // Sunday 2026-12-06, 10:00 in Tokyo.
    c.clock.set('2026-12-06T01:00:00Z');
  });
  afterEach(() => c.bot.stop());

  it('asks which year for a day that has just passed, and creates only after the choice', async () => {
    const before = (await c.items.list()).length;
    const asked = cardOf(
      await c.bot.say(c.users.secretary, '宿題作成 無線LANの見積を取る | 総務部 | 12月1日'),
    );
    assert.match(
      visibleText(asked),
      /期限「12月1日」は12月1日（火）（すでに過ぎた日）ですか、令和9年12月1日（水）ですか？選ぶと登録します。/,
    );
    assert.deepEqual(buttonsOf(asked), ['12月1日（火）（過ぎた日）', '令和9年12月1日（水）']);
    assert.equal((await c.items.list()).length, before, 'nothing is stored before the choice');

    const [, nextYear] = executes(asked);
    assert.ok(nextYear);
    const saved = await c.bot.execute(c.users.secretary, 'item.save', nextYear.data);
    assert.match(
      textOfCard(saved),
      /宿題を1件登録しました（#27）。期限は令和9年12月1日（水）です。/,
    );
    const created = await c.item(27);
    assert.deepEqual(created.due, { kind: 'date', date: '2027-12-01' });
    assert.equal(created.title, '無線LANの見積を取る');
    assert.deepEqual(created.owner, { kind: 'department', departmentId: 'somu' });

    const en = cardOf(await c.bot.say(c.users.secretaryEn, 'new item Quote | somu | 12/1'));
    assert.deepEqual(buttonsOf(en), ['Tue 1 Dec (past)', 'Wed 1 Dec 2027']);
    const [thisYear] = executes(en);
    assert.ok(thisYear);
    const past = await c.bot.execute(c.users.secretaryEn, 'item.save', thisYear.data);
    assert.match(textOfCard(past), /Created 1 action item \(#28\)\. Due Tue 1 Dec\./);
    assert.deepEqual((await c.item(28)).due, { kind: 'date', date: '2026-12-01' });
  });

  it('says the due back with its weekday, and moves a weekend or holiday to the next business day', async () => {
    assert.equal(
      dueSentence(await c.bot.say(c.users.secretary, '宿題作成 見積 | 総務部 | 来週金曜')),
      '宿題を1件登録しました（#27）。期限は12月11日（金）です。',
    );
    assert.equal(
      dueSentence(await c.bot.say(c.users.secretary, '宿題作成 見積 | 総務部 | 12月12日')),
      '宿題を1件登録しました（#28）。12月12日（土）は土日・祝日のため、期限を翌営業日の12月14日（月）にしました。',
    );
    assert.deepEqual((await c.item(28)).due, { kind: 'date', date: '2026-12-14' });
    assert.equal(
      dueSentence(await c.bot.say(c.users.secretaryEn, 'new item Quote | somu | next Friday')),
      'Created 1 action item (#29). Due Fri 11 Dec.',
    );
    assert.equal(
      dueSentence(await c.bot.say(c.users.secretaryEn, 'new item Quote | somu | 2027-01-11')),
      'Created 1 action item (#30). Mon 11 Jan 2027 is a weekend or holiday, so the due is the next business day, Tue 12 Jan 2027.',
      'Coming-of-Age Day is a holiday',
    );
    c.bot.assertSentCardsValid();
  });

  it('an edit says the new due back; the several-at-once card asks for the year in its row', async () => {
    const five = await c.item(5);
    const edited = await c.bot.execute(c.users.secretary, 'item.save', {
      itemId: five.id,
      title: five.title,
      detail: five.detail,
      due: '今月末',
      sourceMeetingId: five.source?.meetingId ?? 'none',
      quote: five.source?.quote ?? '',
      reportMeetingId: 'none',
    });
    assert.match(textOfCard(edited), /を保存しました。期限は12月31日（木）です。/);
    assert.deepEqual((await c.item(5)).due, { kind: 'date', date: '2026-12-31' });

    const meeting = await c.bot.services.meetings.find('#1');
    assert.ok(meeting);
    const before = (await c.items.list()).length;
    const batch = await c.bot.execute(c.users.secretary, 'item.saveMany', {
      meetingId: meeting.id,
      rows: 2,
      'title-1': '見積を取る',
      'owner-1': 'department:somu',
      'due-1': '来週金曜',
      'title-2': '一覧を作る',
      'owner-2': 'department:kumin',
      'due-2': '12月1日',
    });
    assert.match(
      textOfCard(batch),
      /宿題 2: 期限「12月1日」の12月1日（火）はすでに過ぎています。年を付けて入力してください（例: 2026-12-01 または 2027-12-01）。（何も登録していません）/,
    );
    assert.equal((await c.items.list()).length, before, 'one row asks: none is stored');
  });

  describe('owners reply in words', () => {
    const pinged = (upn: string, ...numbers: number[]) =>
      Promise.all(numbers.map((n) => c.item(n))).then((found) =>
        c.items.rememberPinged(
          upn,
          found.map((i) => i.id),
        ),
      );

    it('snoozes until a day, in Japanese and English, and moves a weekend to the next business day', async () => {
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '#5 12月10日まで延期')),
        /^#5「.*」の確認を令和8年12月10日（木）09:00まで延期しました（期限は変わりません）。$/,
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '＃５ 来週金曜まで延ばしてください')),
        /の確認を令和8年12月11日（金）09:00まで延期しました/,
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kuminEn, 'snooze #5 until Friday')),
        /^Snoozed #5 ".*" until 2026-12-11 \(Fri\) 09:00 \(the due date does not change\)\.$/,
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '#5 6日延期')),
        /令和8年12月14日（月）09:00まで延期しました（期限は変わりません）。（12月12日（土）は土日・祝日のため、翌営業日にしました）$/,
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kuminEn, '#5 snooze until 12/12')),
        /until 2026-12-14 \(Mon\) 09:00 .*\(Sat 12 Dec is a weekend or holiday, so it is the next business day\.\)$/,
      );
      const snoozes = (await c.item(5)).history.flatMap((h) =>
        h.change.type === 'snoozed' ? [h.change.days] : [],
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '#5 来週まで延ばして')),
        /令和8年12月7日（月）09:00まで延期しました/,
      );
      assert.deepEqual(snoozes, [4, 5, 5, 8, 8]);
      assert.match(
        replyOf(await c.bot.say(c.users.kuminEn, 'snooze #5 until someday')),
        /I could not read "someday" as a date/,
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '#5 来月末まで延期')),
        /延期は1〜30日で指定してください/,
      );
      assert.equal((await c.item(5)).history.length, 7, 'nothing more is stored');
    });

    it('reads a progress note without a colon and the ways people say done', async () => {
      await pinged('kumin-bucho@city.example.jp', 5);
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '進捗 課長会で議論中')),
        /#5「.*」に進捗を記録しました。/,
      );
      assert.equal((await c.item(5)).progress.at(-1)?.text, '課長会で議論中');
      assert.match(
        textOfCard(await c.bot.say(c.users.kumin, '宿題８終わりました')),
        /#8「.*」を完了として記録しました/,
      );
      assert.match(
        textOfCard(await c.bot.say(c.users.kumin, '#18 済みました')),
        /#18「.*」を完了として記録しました/,
      );
      assert.match(
        textOfCard(await c.bot.say(c.users.kumin, '完了しました。')),
        /#5「.*」を完了として記録しました/,
      );
      for (const n of [5, 8, 18]) assert.equal((await c.item(n)).status, 'done');
    });
  });
});

import { strict as assert } from 'node:assert';
import {
  actionData,
  answerOf,
  buttonsOf,
  cardOf,
  itemsCommittee,
  replyOf,
  textOfCard,
  titlesIn,
  KUMIN_OPEN,
  type ItemsCommittee,
} from './helpers.js';

describe('action items over HTTP: owners answer by button and in words', () => {
  let c: ItemsCommittee;
  beforeEach(async () => {
    c = await itemsCommittee();
  });
  afterEach(() => c.bot.stop());

  const pinged = (upn: string, ...numbers: number[]) =>
    Promise.all(numbers.map((n) => c.item(n))).then((found) =>
      c.items.rememberPinged(
        upn,
        found.map((i) => i.id),
      ),
    );

  describe('my items', () => {
    it('自分の宿題 shows the department its open items, most urgent first, with due, quote and buttons', async () => {
      const card = cardOf(await c.bot.say(c.users.kumin, '自分の宿題'), 'my items (ja)');
      const text = (await import('../harness/test-bot.js')).visibleText(card);
      assert.match(text, /^自分の宿題（3件）/);
      assert.deepEqual(titlesIn(text), KUMIN_OPEN);
      assert.match(text, /令和8年11月9日（月）/);
      assert.match(text, /次回の本部（令和8年11月24日（火））/);
      assert.match(text, /「具体的にどんなことをやって/);
      for (const label of [
        '完了',
        '進捗を書く',
        '延期',
        '1日',
        '3日',
        '1週間',
        '対応できない',
        '対応中にする',
      ])
        assert.ok(buttonsOf(card).includes(label), label);
    });

    it('my items answers in English; the chair, who owns nothing, is told so', async () => {
      const text = textOfCard(await c.bot.say(c.users.kuminEn, 'my items'), 'my items (en)');
      assert.match(text, /^My action items \(3\)/);
      assert.match(text, /2026-11-09 \(Mon\)/);
      assert.match(text, /Next HQ meeting \(2026-11-24 \(Tue\)\)/);
      assert.equal(
        replyOf(await c.bot.say(c.users.chair, '自分の宿題')),
        '未完了の宿題はありません。',
      );
    });
    it('moving 第3回 moves the due of every item waiting for it', async () => {
      await c.bot.say(c.users.secretary, '会議変更 #2 12月1日 15時〜16時');
      const text = textOfCard(await c.bot.say(c.users.kumin, '自分の宿題'));
      assert.match(text, /次回の本部（令和8年12月1日（火））/);
      assert.doesNotMatch(text, /11月24日/);
    });

    it("shows at most the ten most urgent items, so the card stays within Teams' size limit", async () => {
      const secretary = await c.bot.services.directory.actorFor(
        { aadObjectId: 'x', displayName: 'x' },
        await c.bot.services.directory.findByUpn('johokanri-kacho@city.example.jp'),
      );
      const drafts = Array.from({ length: 12 }, (_, i) => ({
        title: `追加の宿題 ${i}`,
        detail: '',
        owner: { kind: 'department' as const, departmentId: 'kumin' },
        due: { kind: 'date' as const, date: '2026-12-01' },
      }));
      assert.ok((await c.items.createMany(drafts, secretary)).ok);
      const text = textOfCard(await c.bot.say(c.users.kumin, '自分の宿題'));
      assert.match(text, /^自分の宿題（15件）\n期限の近い10件を表示しています。/);
      assert.equal([...text.matchAll(/^#\d+ /gm)].length, 10);
      const remembered = await c.items.lastPinged('kumin-bucho@city.example.jp');
      assert.equal(remembered?.itemIds.length, 10);
    });
  });

  describe('buttons on the ping card', () => {
    for (const locale of ['ja', 'en'] as const) {
      it(`every button works and redraws the card with a notice (${locale})`, async () => {
        const user = locale === 'ja' ? c.users.kumin : c.users.kuminEn;
        const rpa = await c.item(5);
        const card = cardOf(await c.bot.say(user, locale === 'ja' ? '自分の宿題' : 'my items'));
        const base = actionData(card, 'item.done');
        assert.equal(base['itemId'], rpa.id);
        assert.equal(base['view'], 'ping');
        const press = (verb: string, data: Record<string, unknown> = {}) =>
          c.bot.execute(user, verb, { ...base, ...data });

        const started = textOfCard(await press('item.start'));
        assert.match(
          started,
          locale === 'ja' ? /#5「H所のRPA.*」を対応中にしました。/ : /#5 ".*" is now in progress\./,
        );
        assert.match(started, /#8 /, 'the other items of the card stay');

        const progress = textOfCard(
          await press('item.progress', { 'note-5': 'H所に状況を確認しました' }),
        );
        assert.match(progress, locale === 'ja' ? /進捗を記録しました/ : /Recorded your progress/);

        for (const days of [1, 3, 7]) {
          const snoozed = textOfCard(await press('item.snooze', { days }));
          assert.match(
            snoozed,
            locale === 'ja' ? /まで延期しました（期限は変わりません）/ : /Snoozed #5/,
          );
        }
        const blocked = textOfCard(await press('item.block', { 'reason-5': '担当係長が不在' }));
        assert.match(
          blocked,
          locale === 'ja' ? /対応不可として記録し/ : /Recorded #5 .* as blocked/,
        );
        assert.match(blocked, /担当係長が不在/);

        const done = textOfCard(await press('item.done'));
        assert.match(done, locale === 'ja' ? /完了として記録しました/ : /as done\. Thank you\./);

        const stored = await c.item(5);
        assert.equal(stored.status, 'done');
        assert.deepEqual(
          stored.history.slice(1).map((h) => h.change.type),
          ['status', 'progress', 'snoozed', 'snoozed', 'snoozed', 'status', 'status'],
        );
        assert.ok(stored.history.slice(1).every((h) => h.by === 'kumin-bucho@city.example.jp'));
        assert.deepEqual(
          stored.history
            .filter((h) => h.change.type === 'snoozed')
            .map((h) => h.change.type === 'snoozed' && h.change.days),
          // Pressed on Monday 11/2: one day is 11/3 (文化の日), so the item comes back on the 4th.
          [2, 3, 7],
        );

        const again = textOfCard(await press('item.done'));
        assert.match(again, locale === 'ja' ? /#5 はすでに完了です。/ : /#5 is already Done\./);
      });
    }

    it('a progress or blocked button without text is refused and nothing is stored', async () => {
      const rpa = await c.item(5);
      const data = { itemId: rpa.id, view: 'ping', itemIds: rpa.id };
      assert.match(
        textOfCard(
          await c.bot.execute(c.users.kumin, 'item.progress', { ...data, 'note-5': '  ' }),
        ),
        /進捗の内容を書いてください/,
      );
      assert.match(
        textOfCard(await c.bot.execute(c.users.kumin, 'item.block', data)),
        /対応できない理由を書いてください/,
      );
      assert.match(
        textOfCard(await c.bot.execute(c.users.kumin, 'item.snooze', { ...data, days: 'x' })),
        /延期は1〜30日で指定してください/,
      );
      assert.deepEqual(await c.item(5), rpa);
    });

    it('another department pressing the buttons of an item it does not own is refused politely; nothing is stored', async () => {
      const rpa = await c.item(5);
      const result = await c.bot.execute(c.users.somu, 'item.done', {
        itemId: rpa.id,
        view: 'ping',
        itemIds: rpa.id,
      });
      const text = textOfCard(result);
      assert.match(
        text,
        /申し訳ありません。#5 は区民部の宿題のため、担当の部（部長・代理）、事務局、本部長のみが更新できます。/,
      );
      assert.ok(!buttonsOf(cardOf(result)).includes('完了'), 'no buttons for a non-owner');
      assert.deepEqual(await c.item(5), rpa);
    });

    it('a delegate acts for the department, exactly as its head', async () => {
      const views = await c.items.listOpenForActor(
        await c.bot.services.directory.actorFor(
          { aadObjectId: 'x', displayName: 'x' },
          await c.bot.services.directory.findByUpn('bunkadesign-kacho@city.example.jp'),
        ),
      );
      const first = views[0]?.item;
      assert.ok(first);
      const result = await c.bot.execute(c.users.bunkaDelegate, 'item.done', {
        itemId: first.id,
        view: 'detail',
      });
      assert.match(textOfCard(result), /完了として記録しました/);
      assert.equal(
        (await c.items.get(first.id))?.history.at(-1)?.by,
        'bunkadesign-kacho@city.example.jp',
      );
    });
  });

  describe('replies in words', () => {
    const ja: ReadonlyArray<[string, RegExp, string]> = [
      ['対応中', /を対応中にしました/, 'status'],
      ['進捗: 教育委員会と日程を調整中', /進捗を記録しました/, 'progress'],
      ['3日延期', /まで延期しました/, 'snoozed'],
      ['1週間延期', /まで延期しました/, 'snoozed'],
      ['対応不可: 予算が未確定', /対応不可として記録し/, 'status'],
      ['完了', /完了として記録しました/, 'status'],
    ];
    const en: ReadonlyArray<[string, RegExp, string]> = [
      ['working on it', /is now in progress/, 'status'],
      ['progress: dates agreed with the board', /Recorded your progress/, 'progress'],
      ['snooze 3d', /Snoozed #5/, 'snoozed'],
      ['snooze 1w', /Snoozed #5/, 'snoozed'],
      ['blocked: no budget yet', /as blocked/, 'status'],
      ['done', /as done\. Thank you\./, 'status'],
    ];
    for (const [locale, forms] of [
      ['ja', ja],
      ['en', en],
    ] as const) {
      it(`each word form answers about the item pinged last (${locale})`, async () => {
        const user = locale === 'ja' ? c.users.kumin : c.users.kuminEn;
        await pinged('kumin-bucho@city.example.jp', 5);
        for (const [text, answer, change] of forms) {
          assert.match(answerOf(await c.bot.say(user, text)), answer, text);
          assert.equal((await c.item(5)).history.at(-1)?.change.type, change, text);
        }
        const stored = await c.item(5);
        assert.equal(stored.status, 'done');
        const snoozes = stored.history.flatMap((h) =>
          h.change.type === 'snoozed' ? [h.change.days] : [],
        );
        assert.deepEqual(snoozes, [3, 7]);
      });
    }

    it('an item number picks the item: #8 完了, ＃５ 進捗：…, #18 done, #5 snooze 2d', async () => {
      assert.match(
        textOfCard(await c.bot.say(c.users.kumin, '#8 完了')),
        /#8「.*」を完了として記録しました/,
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '＃５ 進捗：Ｈ所に確認')),
        /#5「.*」に進捗を記録しました/,
      );
      assert.equal(
        (await c.item(5)).progress[0]?.text,
        'H所に確認',
        'full-width text is read as typed (NFKC)',
      );
      assert.match(textOfCard(await c.bot.say(c.users.kuminEn, '#18 done')), /#18 ".*" as done/);
      assert.match(replyOf(await c.bot.say(c.users.kuminEn, '#5 snooze 2d')), /Snoozed #5/);
      assert.equal((await c.item(8)).status, 'done');
      assert.equal((await c.item(18)).status, 'done');
    });

    it('a mistyped number or an empty note is answered as such, not taken for a policy question', async () => {
      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '#abc 完了')),
        '宿題 #abc が見つかりません。番号は「自分の宿題」（事務局・本部長は「宿題一覧」）で確かめてください。',
      );
      assert.match(replyOf(await c.bot.say(c.users.kuminEn, '#x1 done')), /#x1/);
      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '進捗：')),
        '進捗の内容を書いてください。例: 進捗: 教育委員会と日程調整中',
      );
      assert.equal(
        replyOf(await c.bot.say(c.users.kuminEn, 'blocked:')),
        'Please say why it cannot be done.',
      );
      for (const n of [5, 8, 18]) assert.equal((await c.item(n)).status, 'open', `#${n} unchanged`);
    });

    it('without a ping, a reply means the only open item; with several it asks which, with buttons', async () => {
      const asked = cardOf(await c.bot.say(c.users.kumin, '完了'), 'which item');
      const text = (await import('../harness/test-bot.js')).visibleText(asked);
      assert.match(text, /どの宿題についての返信ですか？/);
      assert.deepEqual(
        buttonsOf(asked).map((b) => b.split(' ')[0]),
        ['#5', '#8', '#18'],
      );
      const data = actionData(asked, 'item.done');
      const chosen = await c.bot.execute(c.users.kumin, 'item.done', data);
      assert.match(textOfCard(chosen), /#5「.*」を完了として記録しました/);
      assert.equal((await c.item(5)).status, 'done');

      await pinged('kumin-bucho@city.example.jp', 8, 18);
      const progress = cardOf(
        await c.bot.say(c.users.kuminEn, 'progress: hearing done in two divisions'),
        'which (en)',
      );
      const progressData = actionData(progress, 'item.progress');
      assert.equal(progressData['text'], 'hearing done in two divisions');
      await c.bot.execute(c.users.kuminEn, 'item.progress', {
        ...actionData(progress, 'item.progress'),
      });
      assert.equal((await c.item(8)).progress[0]?.text, 'hearing done in two divisions');

      const snooze = cardOf(await c.bot.say(c.users.kumin, '3日延期'), 'which (snooze)');
      assert.equal(actionData(snooze, 'item.snooze')['days'], 3);
    });

    it('the last ping wins over other open items, and a closed item in it is skipped', async () => {
      await pinged('kumin-bucho@city.example.jp', 18);
      assert.match(replyOf(await c.bot.say(c.users.kumin, '対応中')), /#18/);
      await pinged('kumin-bucho@city.example.jp', 18, 5);
      await c.bot.say(c.users.kumin, '#18 完了');
      assert.match(
        textOfCard(await c.bot.say(c.users.kumin, '完了')),
        /#5/,
        '#18 is done, so 完了 means #5',
      );
    });

    it('replying about an item one does not own is refused politely, and nothing is stored', async () => {
      const rpa = await c.item(5);
      assert.equal(
        replyOf(await c.bot.say(c.users.somu, '#5 完了')),
        '申し訳ありません。#5 は区民部の宿題のため、担当の部（部長・代理）、事務局、本部長のみが更新できます。',
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kuminEn, '#1 done')),
        /^Sorry, #1 belongs to Policy and Management/,
      );
      assert.deepEqual(await c.item(5), rpa);
      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '#999 完了')),
        '宿題 #999 が見つかりません。番号は「自分の宿題」（事務局・本部長は「宿題一覧」）で確かめてください。',
      );
    });

    it('bad replies are answered clearly: empty progress, snooze out of range; nothing is stored', async () => {
      await pinged('kumin-bucho@city.example.jp', 5);
      const rpa = await c.item(5);
      assert.match(replyOf(await c.bot.say(c.users.kumin, '進捗:')), /進捗の内容を書いてください/);
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '0日延期')),
        /延期は1〜30日で指定してください/,
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kuminEn, 'snooze 99d')),
        /Snooze for 1 to 30 days/,
      );
      assert.match(replyOf(await c.bot.say(c.users.kuminEn, 'blocked:')), /Please say why/);
      assert.deepEqual(await c.item(5), rpa);
    });

    it('replies and button presses arriving at the same time are all recorded (the store file too)', async () => {
      const rpa = await c.item(5);
      const replies = Array.from({ length: 15 }, (_, i) =>
        c.bot.say(
          i % 2 ? c.users.kumin : c.users.kuminEn,
          i % 2 ? `#5 進捗: メモ${i}` : `#5 progress: note ${i}`,
        ),
      );
      const presses = Array.from({ length: 5 }, (_, i) =>
        c.bot.execute(c.users.secretary, 'item.progress', {
          itemId: rpa.id,
          view: 'detail',
          'note-5': `事務局${i}`,
        }),
      );
      await Promise.all([...replies, ...presses]);
      const stored = await c.item(5);
      assert.equal(stored.progress.length, 20);
      assert.equal(stored.history.filter((h) => h.change.type === 'progress').length, 20);
      await c.bot.restart();
      assert.equal(
        (await c.bot.services.items.get(rpa.id))?.progress.length,
        20,
        'all of it reached the file',
      );
    });

    it('guests cannot reply, and policy questions still reach the policy look-up', async () => {
      assert.match(replyOf(await c.bot.say(c.users.guest, '完了')), /申し訳ありません/);
      const policy = await c.bot.say(c.users.kumin, 'Web会議のツールは何が使えますか？');
      const text = textOfCard(policy, 'policy answer');
      assert.match(text, /B/);
      assert.doesNotMatch(text, /宿題/);
    });
  });
});

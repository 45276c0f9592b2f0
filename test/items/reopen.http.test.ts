import { strict as assert } from 'node:assert';
import {
  actionData,
  buttonsOf,
  cardOf,
  itemsCommittee,
  replyOf,
  textOfCard,
  type ItemsCommittee,
} from './helpers.js';

const RPA = 'H所のRPAの取組内容と成果を事務局に報告する';

describe('action items over HTTP: reopening a done or cancelled item', () => {
  let c: ItemsCommittee;
  beforeEach(async () => {
    c = await itemsCommittee();
  });
  afterEach(() => c.bot.stop());

  const pinged = async (upn: string, ...numbers: number[]) =>
    c.items.rememberPinged(
      upn,
      (await Promise.all(numbers.map((n) => c.item(n)))).map((i) => i.id),
    );

  describe('the owner, in words', () => {
    it('#5 再開 / 再開 bring back a done item (ja), and the answer to 完了 offers 元に戻す', async () => {
      const done = cardOf(await c.bot.say(c.users.kumin, '#5 完了'), 'done with undo');
      assert.deepEqual(buttonsOf(done), ['元に戻す']);
      assert.equal(actionData(done, 'item.reopen')['itemId'], (await c.item(5)).id);

      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '#5 再開')),
        `#5「${RPA}」を再開しました（状況: 未着手）。`,
      );
      const reopened = await c.item(5);
      assert.equal(reopened.status, 'open');
      assert.equal(reopened.doneAt, undefined);

      // A bare 再開 means the item pinged last, now closed.
      await pinged('kumin-bucho@city.example.jp', 5);
      await c.bot.say(c.users.kumin, '対応中');
      await c.bot.say(c.users.kumin, '完了');
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '再開')),
        /^#5「.*」を再開しました（状況: 対応中）。$/,
      );
      assert.equal((await c.item(5)).status, 'inProgress');

      // With two closed items in the last ping, it asks which, with buttons.
      await pinged('kumin-bucho@city.example.jp', 5, 8);
      await c.bot.say(c.users.kumin, '#5 完了');
      await c.bot.say(c.users.kumin, '#8 完了');
      const which = cardOf(await c.bot.say(c.users.kumin, '再開'), 'which item to reopen');
      assert.deepEqual(
        buttonsOf(which).map((b) => b.split(' ')[0]),
        ['#5', '#8'],
      );
      const chosen = await c.bot.execute(
        c.users.kumin,
        'item.reopen',
        actionData(which, 'item.reopen'),
      );
      assert.match(textOfCard(chosen), /#5「.*」を再開しました（状況: 対応中）。/);
      assert.equal((await c.item(8)).status, 'done');
    });

    it('reopen #5 / reopen answer in English; without a ping, reopen means the item one closed last', async () => {
      await c.bot.say(c.users.kuminEn, '#5 done');
      assert.equal(
        replyOf(await c.bot.say(c.users.kuminEn, 'reopen #5')),
        `Reopened #5 "${RPA}" (status: Open).`,
      );
      await c.bot.say(c.users.kuminEn, '#18 done');
      await c.bot.say(c.users.kuminEn, '#8 done');
      assert.match(replyOf(await c.bot.say(c.users.kuminEn, 'reopen')), /^Reopened #8 /);
      assert.match(
        replyOf(await c.bot.say(c.users.kuminEn, '#18 reopen: pressed by mistake')),
        /^Reopened #18 /,
      );
      const eighteen = await c.item(18);
      assert.deepEqual(eighteen.history.at(-1)?.change, {
        type: 'status',
        from: 'done',
        to: 'open',
        reason: 'pressed by mistake',
      });
      assert.equal(
        replyOf(await c.bot.say(c.users.kuminEn, 'reopen')),
        'There is no item to reopen. Please add its number, for example "reopen #5".',
      );
    });

    it('a closed item refuses changes and says how to reopen it, in the reader’s language', async () => {
      await c.bot.say(c.users.kumin, '#5 完了');
      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '#5 進捗: 追記')),
        '#5 はすでに完了です。再開するには「#5 再開」と送ってください。',
      );
      assert.equal(
        replyOf(await c.bot.say(c.users.kuminEn, '#5 progress: more')),
        '#5 is already Done. To reopen it, send "reopen #5".',
      );
    });
  });

  describe('the Undo button', () => {
    for (const locale of ['ja', 'en'] as const) {
      it(`Done on the ping card, then Undo: the item is back with its buttons (${locale})`, async () => {
        const user = locale === 'ja' ? c.users.kumin : c.users.kuminEn;
        const ping = cardOf(await c.bot.say(user, locale === 'ja' ? '自分の宿題' : 'my items'));
        const done = cardOf(await c.bot.execute(user, 'item.done', actionData(ping, 'item.done')));
        const undo = locale === 'ja' ? '元に戻す' : 'Undo';
        assert.ok(buttonsOf(done).includes(undo), 'the done item offers Undo');
        const data = actionData(done, 'item.reopen');
        assert.equal(data['view'], 'ping');

        const back = await c.bot.execute(user, 'item.reopen', data);
        const text = textOfCard(back);
        assert.match(
          text,
          locale === 'ja'
            ? /#5「.*」を再開しました（状況: 未着手）。/
            : /Reopened #5 ".*" \(status: Open\)\./,
        );
        assert.match(text, /#8 /, 'the other items of the card stay');
        assert.ok(!buttonsOf(cardOf(back)).includes(undo), 'no Undo on an open item');
        assert.ok(buttonsOf(cardOf(back)).includes(locale === 'ja' ? '完了' : 'Done'));
        assert.equal((await c.item(5)).status, 'open');

        // Pressing Undo twice (a double tap) does not record a second reopen.
        const twice = textOfCard(await c.bot.execute(user, 'item.reopen', data));
        assert.match(
          twice,
          locale === 'ja'
            ? /#5 は完了・取消になっていないため、再開の必要はありません（現在の状況: 未着手）。/
            : /#5 is not done or cancelled, so there is nothing to reopen \(status: Open\)\./,
        );
        const reopens = (await c.item(5)).history.filter(
          (h) => h.change.type === 'status' && h.change.from === 'done',
        );
        assert.equal(reopens.length, 1);
      });
    }

    it('Undo on the answer to a typed 完了 reopens the item and shows it with its buttons', async () => {
      const done = cardOf(await c.bot.say(c.users.kumin, '#5 完了'));
      const back = await c.bot.execute(
        c.users.kumin,
        'item.reopen',
        actionData(done, 'item.reopen'),
      );
      assert.match(textOfCard(back), /^宿題の確認\n#5「.*」を再開しました（状況: 未着手）。/);
      assert.ok(buttonsOf(cardOf(back)).includes('完了'));
    });
  });

  describe('cancelled items', () => {
    it('the owner may not reopen a cancelled item: a polite refusal in their language, nothing stored', async () => {
      await c.bot.say(c.users.secretary, '宿題取消 #5 報告不要');
      const cancelled = await c.item(5);
      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '#5 再開')),
        '申し訳ありません。#5 は取り消された宿題のため、再開できるのは事務局と本部長のみです。再開が必要な場合は事務局にご相談ください。',
      );
      assert.equal(
        replyOf(await c.bot.say(c.users.kuminEn, 'reopen #5')),
        'Sorry, #5 was cancelled: only the secretariat and the chair can reopen a cancelled item. If it should be reopened, please ask the secretariat.',
      );
      // Told what they may do: ask the secretariat, not send 「#5 再開」.
      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '#5 完了')),
        '#5 はすでに取消です。再開が必要な場合は事務局にご相談ください。',
      );
      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '宿題再開 #5')),
        '申し訳ありません。この操作は本部長または事務局のみが行えます。',
      );
      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '再開')),
        '再開できる宿題が見つかりません。「#5 再開」のように番号を付けて送ってください。',
        'a bare 再開 never picks an item the owner may not reopen',
      );
      assert.deepEqual(await c.item(5), cancelled);
    });

    it('the secretariat reopens a cancelled item by 宿題再開, by reopen item, and by Undo after cancelling', async () => {
      const cancelled = cardOf(await c.bot.say(c.users.secretary, '宿題取消 #26 来年度に回す'));
      assert.deepEqual(buttonsOf(cancelled), ['元に戻す']);
      const undone = await c.bot.execute(
        c.users.secretary,
        'item.reopen',
        actionData(cancelled, 'item.reopen'),
      );
      assert.match(textOfCard(undone), /#26「.*」を再開しました（状況: 未着手）。/);
      const wifi = await c.item(26);
      assert.equal(wifi.status, 'open');
      assert.equal(wifi.cancelReason, undefined);

      // Cancelled from the detail card: the redrawn detail offers Undo.
      const byCard = await c.bot.execute(c.users.secretaryEn, 'item.cancel', {
        itemId: wifi.id,
        reason: 'duplicate',
      });
      assert.ok(buttonsOf(cardOf(byCard)).includes('Undo'));
      assert.equal(
        replyOf(await c.bot.say(c.users.secretary, '宿題再開 #26 やはり今年度に検討する')),
        `#26「会議室の無線LAN（Wi-Fi）環境の強化を検討する」を再開しました（状況: 未着手）。`,
      );
      await c.bot.say(c.users.secretary, '宿題取消 #2 重複');
      assert.match(
        replyOf(await c.bot.say(c.users.secretaryEn, 'reopen item #2')),
        /^Reopened #2 ".*" \(status: Open\)\.$/,
      );
      // The secretariat may also reopen an owner's done item with the word reply.
      await c.bot.say(c.users.kumin, '#5 完了');
      assert.match(
        replyOf(await c.bot.say(c.users.secretary, '#5 再開')),
        /^#5「.*」を再開しました/,
      );
      // and is told the same way round how to reopen a cancelled one.
      await c.bot.say(c.users.secretary, '宿題取消 #26 来年度に回す');
      assert.equal(
        replyOf(await c.bot.say(c.users.secretary, '#26 完了')),
        '#26 はすでに取消です。再開するには「#26 再開」と送ってください。',
      );
    });

    it('the detail shows who reopened what and when, in Japanese and English', async () => {
      await c.bot.say(c.users.secretary, '宿題取消 #26 重複');
      c.clock.advance(5 * 60_000);
      await c.bot.say(c.users.secretary, '宿題再開 #26 重複ではなかった');
      const ja = textOfCard(await c.bot.say(c.users.secretary, '宿題 #26'));
      assert.match(
        ja,
        /令和8年11月2日（月）09:00 情報管理課長: 状況 未着手 → 取消（重複）\n令和8年11月2日（月）09:05 情報管理課長: 再開 取消 → 未着手（重複ではなかった）/,
      );
      const en = textOfCard(await c.bot.say(c.users.secretaryEn, 'item #26'));
      assert.match(
        en,
        /2026-11-02 \(Mon\) 09:05 .*: reopened Cancelled → Open \(重複ではなかった\)/,
      );
      const stored = await c.item(26);
      assert.deepEqual(stored.history.at(-1), {
        at: '2026-11-02T00:05:00.000Z',
        by: 'johokanri-kacho@city.example.jp',
        change: { type: 'status', from: 'cancelled', to: 'open', reason: '重複ではなかった' },
      });
    });
  });

  describe('refusals and bad input', () => {
    it('another department may not reopen; nothing is stored', async () => {
      await c.bot.say(c.users.kumin, '#5 完了');
      const done = await c.item(5);
      assert.equal(
        replyOf(await c.bot.say(c.users.somu, '#5 再開')),
        '申し訳ありません。#5 は区民部の宿題のため、担当の部（部長・代理）、事務局、本部長のみが更新できます。',
      );
      const pressed = await c.bot.execute(c.users.somu, 'item.reopen', {
        itemId: done.id,
        view: 'ping',
        itemIds: done.id,
      });
      assert.match(textOfCard(pressed), /#5 は区民部の宿題のため/);
      assert.match(replyOf(await c.bot.say(c.users.guest, '#5 再開')), /申し訳ありません/);
      assert.deepEqual(await c.item(5), done);
    });

    it('reopening an open item is answered clearly', async () => {
      const rpa = await c.item(5);
      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '#5 再開')),
        '#5 は完了・取消になっていないため、再開の必要はありません（現在の状況: 未着手）。',
      );
      assert.deepEqual(await c.item(5), rpa);
    });

    it('unknown or mistyped numbers get a clear message, never a crash', async () => {
      const cases: ReadonlyArray<[typeof c.users.kumin, string, string]> = [
        [
          c.users.kumin,
          '#99999 再開',
          '宿題 #99999 が見つかりません。番号は「自分の宿題」（事務局・本部長は「宿題一覧」）で確かめてください。',
        ],
        [
          c.users.kumin,
          '#abc 再開',
          '宿題 #abc が見つかりません。番号は「自分の宿題」（事務局・本部長は「宿題一覧」）で確かめてください。',
        ],
        [
          c.users.kumin,
          '＃ａｂｃ　再開',
          '宿題 #abc が見つかりません。番号は「自分の宿題」（事務局・本部長は「宿題一覧」）で確かめてください。',
        ],
        [
          c.users.kuminEn,
          'reopen #abc',
          'There is no action item #abc. "my items" shows yours with their numbers ("items" lists all, for the secretariat and the chair).',
        ],
        [
          c.users.kuminEn,
          'reopen #1234567890',
          'There is no action item #1234567890. "my items" shows yours with their numbers ("items" lists all, for the secretariat and the chair).',
        ],
        [
          c.users.secretary,
          '宿題再開',
          '宿題再開 #番号 理由 の形で入力してください（理由は省略できます）。',
        ],
        [
          c.users.secretary,
          '宿題再開 #abc',
          '宿題 #abc が見つかりません。番号は「自分の宿題」（事務局・本部長は「宿題一覧」）で確かめてください。',
        ],
        [
          c.users.kumin,
          '再開',
          '再開できる宿題が見つかりません。「#5 再開」のように番号を付けて送ってください。',
        ],
      ];
      for (const [user, text, answer] of cases) {
        const result = await c.bot.say(user, text);
        assert.equal(result.status, 200, text);
        assert.equal(replyOf(result), answer, text);
      }
      const missing = await c.bot.execute(c.users.kumin, 'item.reopen', { itemId: 'item_nope' });
      assert.equal(missing.status, 200);
      assert.match(JSON.stringify(missing.body), /が見つかりません/);
    });
  });
});

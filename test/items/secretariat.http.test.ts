import { strict as assert } from 'node:assert';
import { renderedInputs } from '../harness/cards.js';
import { visibleText } from '../harness/test-bot.js';
import {
  actionData,
  buttonsOf,
  cardOf,
  itemsCommittee,
  replyOf,
  textOfCard,
  titlesIn,
  KUMIN_OPEN,
  type ItemsCommittee,
} from './helpers.js';

describe('action items over HTTP: the secretariat and the chair', () => {
  let c: ItemsCommittee;
  beforeEach(async () => {
    c = await itemsCommittee();
  });
  afterEach(() => c.bot.stop());

  const count = async () => (await c.items.list()).length;
  const meetingId = async (ref: string) => {
    const meeting = await c.bot.services.meetings.find(ref);
    assert.ok(meeting);
    return meeting.id;
  };

  describe('lists and detail', () => {
    it('宿題一覧 lists the open items with owner, due and status; filters by department, status and lateness', async () => {
      const all = textOfCard(await c.bot.say(c.users.secretary, '宿題一覧'), 'list');
      assert.match(all, /^宿題一覧\n未完了：25件/);
      assert.match(
        all,
        /#5 H所のRPAの取組内容と成果を事務局に報告する\n区民部 · 令和8年11月9日（月） · 未着手/,
      );
      assert.match(
        all,
        /#1 教育委員会とICT環境について調整する\n政策経営部 · 早急に（3日ごとに確認） · 未着手/,
      );
      assert.doesNotMatch(all, /#3 /, 'the done item is not open');
      assert.match(
        all,
        /#6–#15 テレワークできる業務とできない業務を整理する\n全部署（10件） · 次回の本部（令和8年11月24日（火）） · 完了 0\/10/,
        'an "every department" request is one row',
      );
      assert.doesNotMatch(all, /^#7 /m);

      await c.bot.say(c.users.somu, '#6 完了');
      const listCard = cardOf(await c.bot.say(c.users.secretary, '宿題一覧'));
      assert.match(visibleText(listCard), /#6–#15 .*\n.* · 完了 1\/10/);
      const group = await c.bot.execute(
        c.users.secretary,
        'item.list',
        actionData(listCard, 'item.list'),
      );
      const members = textOfCard(group, 'group list');
      assert.deepEqual(
        [...members.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1])),
        [7, 8, 9, 10, 11, 12, 13, 14, 15, 6],
        'every department of the request, the done one last',
      );
      assert.match(members, /^宿題一覧\nすべての状況：10件/);

      const kumin = textOfCard(await c.bot.say(c.users.secretary, '宿題一覧 区民部'), 'list kumin');
      assert.deepEqual(titlesIn(kumin), KUMIN_OPEN);
      const done = textOfCard(await c.bot.say(c.users.chair, '宿題一覧 完了'), 'list done');
      assert.deepEqual(
        [...done.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1])),
        [3],
      );

      c.clock.set('2026-11-10T00:00:00Z');
      const late = textOfCard(
        await c.bot.say(c.users.secretaryEn, 'items overdue'),
        'list overdue (en)',
      );
      assert.match(late, /^Action items\nOpen · Overdue only: 1/);
      assert.match(late, /#5 .*\nCitizens Affairs · 2026-11-09 \(Mon\) — overdue · Open/);

      const filtered = await c.bot.execute(c.users.secretary, 'item.list', {
        department: 'kumin',
        status: 'all',
        overdue: 'false',
      });
      assert.deepEqual(titlesIn(textOfCard(filtered)), KUMIN_OPEN);
      await c.bot.say(c.users.kumin, '#8 対応中');
      const working = textOfCard(await c.bot.say(c.users.secretaryEn, 'items kumin in progress'));
      assert.deepEqual(
        [...working.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1])),
        [8],
      );
      assert.match(
        replyOf(await c.bot.say(c.users.secretary, '宿題一覧 火星部')),
        /「火星部」を部署・状況として読み取れませんでした/,
      );
    });

    it('members may not list every item', async () => {
      assert.equal(
        replyOf(await c.bot.say(c.users.kumin, '宿題一覧')),
        '申し訳ありません。この操作は本部長または事務局のみが行えます。',
      );
    });

    it('宿題 #5 / item #5 shows detail, progress and the full history; a row of the list opens it', async () => {
      await c.bot.say(c.users.kumin, '#5 進捗: H所に確認しました');
      const detail = cardOf(await c.bot.say(c.users.secretary, '宿題 #5'), 'detail');
      const text = (await import('../harness/test-bot.js')).visibleText(detail);
      assert.match(
        text,
        /^宿題\n#5 H所のRPAの取組内容と成果を事務局に報告する\nH所で6月から運用しているRPA/,
      );
      assert.match(text, /報告\n.*の本部で報告/);
      assert.match(text, /出典\n令和2年度 第2回 行政情報化推進本部/);
      assert.match(text, /進捗\n令和8年11月2日（月）09:00 区民部長: H所に確認しました/);
      assert.match(
        text,
        /履歴\n令和8年11月2日（月）09:00 Honbu: 登録\n令和8年11月2日（月）09:00 区民部長: 進捗「H所に確認しました」\n令和8年11月2日（月）09:00 区民部長: 状況 未着手 → 対応中/,
      );
      assert.ok(
        buttonsOf(detail).includes('編集') &&
          buttonsOf(detail).includes('担当変更') &&
          buttonsOf(detail).includes('取り消す'),
      );

      // #6 is 総務部's: the secretariat reads its history (区民部 would not, see test/security).
      const en = textOfCard(await c.bot.say(c.users.secretaryEn, 'item #6'), 'detail (en)');
      assert.match(en, /Every department\nSame request to 10 departments \(0 done\)/);
      assert.match(en, /History\n2026-11-02 \(Mon\) 09:00 Honbu: created/);
      assert.ok(
        !buttonsOf(cardOf(await c.bot.say(c.users.kumin, '宿題 #5'))).includes('編集'),
        'no staff buttons for a member',
      );

      const list = cardOf(await c.bot.say(c.users.secretary, '宿題一覧'));
      const rpa = await c.item(5);
      const opened = await c.bot.execute(c.users.secretary, 'item.show', { itemId: rpa.id });
      assert.match(textOfCard(opened), /#5 H所/);
      assert.ok(list);
    });
  });

  describe('creating', () => {
    it('宿題作成 gives a form; saving it creates the item, and every department fans out into one item each', async () => {
      const form = cardOf(await c.bot.say(c.users.secretary, '宿題作成'), 'new item form');
      const inputs = renderedInputs(form);
      assert.deepEqual(
        inputs.map((i) => i.id),
        ['title', 'detail', 'owner', 'due', 'sourceMeetingId', 'quote', 'reportMeetingId'],
      );
      assert.equal(inputs.find((i) => i.id === 'due')?.value, '次回');
      const before = await count();
      const saved = await c.bot.execute(c.users.secretary, 'item.save', {
        itemId: '',
        title: '区政連絡会のWeb会議化を検討する',
        detail: '毎月の区政連絡会をWeb会議で開けるか検討する',
        owner: 'department:kumin',
        due: '12月14日',
        sourceMeetingId: await meetingId('#1'),
        quote: 'コロナ禍のこの状況で Web 会議のような形が取れないかという声が出始めており',
        reportMeetingId: '',
      });
      assert.match(textOfCard(saved), /宿題を1件登録しました（#27）。/);
      const created = await c.item(27);
      assert.deepEqual(created.due, { kind: 'date', date: '2026-12-14' });
      assert.equal(created.createdBy, 'johokanri-kacho@city.example.jp');

      const every = await c.bot.execute(c.users.secretary, 'item.save', {
        itemId: '',
        title: '部内のペーパーレス化の課題を洗い出す',
        owner: 'every',
        due: '早急に 7日',
      });
      assert.match(textOfCard(every), /宿題を10件登録しました（#28、#29/);
      const group = await c.items.list({ groupId: (await c.item(28)).groupId ?? '-' });
      assert.equal(group.length, 10);
      assert.ok(group.every((i) => i.due.kind === 'asap' && i.due.followUpDays === 7));
      assert.equal(await count(), before + 11);
    });

    it('a bad form comes back with the message and the values kept; nothing is stored', async () => {
      const before = await count();
      const save = (data: Record<string, unknown>) =>
        c.bot.execute(c.users.secretary, 'item.save', {
          itemId: '',
          title: 'テスト',
          owner: 'department:kumin',
          due: '次回',
          ...data,
        });
      assert.match(textOfCard(await save({ due: '来世' })), /期限「来世」を読み取れませんでした/);
      assert.match(textOfCard(await save({ owner: '' })), /担当を選んでください/);
      assert.match(textOfCard(await save({ title: '   ' })), /件名を入力してください/);
      assert.match(
        textOfCard(await save({ owner: 'department:mars' })),
        /担当の部署または担当者が名簿に見つかりません/,
      );
      const kept = renderedInputs(cardOf(await save({ due: '2026-02-30' })));
      assert.equal(kept.find((i) => i.id === 'title')?.value, 'テスト');
      assert.equal(await count(), before);
      const en = await c.bot.execute(c.users.secretaryEn, 'item.save', {
        itemId: '',
        title: 'x',
        owner: 'department:kumin',
        due: 'someday',
      });
      assert.match(textOfCard(en), /I could not read the due "someday"/);
    });

    it('宿題作成 件名 | 担当 | 期限 creates from one line, in Japanese and English; members are refused', async () => {
      assert.equal(
        replyOf(await c.bot.say(c.users.secretary, '宿題作成 RPAの横展開を検討 | 総務部 | 早急に')),
        '宿題を1件登録しました（#27）。\n\n出典は「令和2年度 第2回 行政情報化推進本部」にしました。' +
          '変えるときは「宿題編集 #27」で出典を選び直してください。',
        'the source the bot chose is said, with how to change it',
      );
      assert.deepEqual((await c.item(27)).due, { kind: 'asap', followUpDays: 3 });
      assert.equal(
        replyOf(
          await c.bot.say(
            c.users.secretaryEn,
            'new item Telework rules | every department | next meeting',
          ),
        ),
        'Created 10 action items (#28, #29, #30, #31, #32, #33, #34, #35, #36, #37).\n\n' +
          'Its source is "令和2年度 第2回 行政情報化推進本部". To change it, send "edit item #28" and pick another meeting.',
      );
      assert.match(
        replyOf(await c.bot.say(c.users.secretary, '宿題作成 件名だけ')),
        /宿題作成 件名 \| 担当 \| 期限 の形で/,
      );
      assert.match(
        replyOf(await c.bot.say(c.users.secretary, '宿題作成 件名 | 火星部 | 次回')),
        /担当「火星部」が名簿に見つかりません/,
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '宿題作成 x | 区民部 | 次回')),
        /本部長または事務局のみ/,
      );
      assert.equal(await count(), 26 + 11);
    });

    it('宿題一括作成 #1 enters several items of a meeting at once; one bad row stores none', async () => {
      const card = cardOf(await c.bot.say(c.users.secretary, '宿題一括作成 #1'), 'batch');
      const data = actionData(card, 'item.saveMany');
      assert.equal(data['meetingId'], await meetingId('#1'));
      const rows = {
        'title-1': '教育委員会とWeb会議ツールAの扱いを調整する',
        'owner-1': 'department:seisakukeiei',
        'due-1': '早急に',
        'quote-1': '教育委員会はAを既に児童・生徒と利用しています。',
        'title-2': '各部の審議会のWeb会議化の要望をまとめる',
        'owner-2': 'every',
        'due-2': '次回',
        'quote-2': '',
        'title-3': '会議室Wi-Fiの一覧表を作る',
        'owner-3': '',
        'due-3': '次回',
      };
      const before = await count();
      const bad = await c.bot.execute(c.users.secretary, 'item.saveMany', { ...data, ...rows });
      assert.match(textOfCard(bad), /宿題 3: 担当を選んでください。（何も登録していません）/);
      assert.equal(await count(), before);
      const good = await c.bot.execute(c.users.secretary, 'item.saveMany', {
        ...data,
        ...rows,
        'owner-3': 'department:seisakukeiei',
      });
      assert.match(textOfCard(good), /宿題を12件登録しました/);
      assert.equal(await count(), before + 12);
      const first = await c.item(27);
      assert.equal(first.source?.meetingId, await meetingId('#1'));
      assert.equal(first.source?.quote, '教育委員会はAを既に児童・生徒と利用しています。');
    });
  });

  describe('changing', () => {
    it('editing the due and title is recorded in the history with before and after', async () => {
      const rpa = await c.item(5);
      const form = cardOf(await c.bot.say(c.users.secretary, '宿題編集 #5'), 'edit form');
      const values = Object.fromEntries(renderedInputs(form).map((i) => [i.id, i.value ?? '']));
      assert.equal(values['due'], '2026-11-09');
      const saved = await c.bot.execute(c.users.secretary, 'item.save', {
        ...values,
        itemId: rpa.id,
        title: 'H所のRPAの成果を報告する',
        due: '#2',
      });
      const text = textOfCard(saved);
      assert.match(text, /#5「H所のRPAの成果を報告する」を保存しました。/);
      assert.match(text, /情報管理課長: 編集（件名）/);
      assert.match(text, /情報管理課長: 期限変更 令和8年11月9日（月） → 会議 #2\n/);
      const stored = await c.item(5);
      assert.deepEqual(stored.due, { kind: 'nextMeeting', meetingId: await meetingId('#2') });
      const unchanged = await c.bot.execute(c.users.secretary, 'item.save', {
        ...values,
        itemId: rpa.id,
        title: 'H所のRPAの成果を報告する',
        due: '#2',
      });
      assert.match(textOfCard(unchanged), /#5 は変わっていません。/);
    });

    it('担当変更 reassigns by text and by card; the new owner may then answer, the old one may not', async () => {
      assert.equal(
        replyOf(await c.bot.say(c.users.secretary, '担当変更 #5 総務部')),
        '#5「H所のRPAの取組内容と成果を事務局に報告する」の担当を総務部に変更しました。',
      );
      assert.match(replyOf(await c.bot.say(c.users.kumin, '#5 完了')), /総務部の宿題のため/);
      assert.match(replyOf(await c.bot.say(c.users.somu, '#5 対応中')), /対応中にしました/);

      const rpa = await c.item(5);
      const ask = cardOf(
        await c.bot.execute(c.users.secretary, 'item.reassignAsk', { itemId: rpa.id }),
      );
      assert.match(
        (await import('../harness/test-bot.js')).visibleText(ask),
        /担当を誰に変更しますか/,
      );
      const moved = await c.bot.execute(c.users.secretary, 'item.reassign', {
        itemId: rpa.id,
        owner: 'person:kumin-bucho@city.example.jp',
      });
      assert.match(textOfCard(moved), /担当を区民部長に変更しました/);
      const history = (await c.item(5)).history.filter((h) => h.change.type === 'reassigned');
      assert.equal(history.length, 2);
      assert.match(
        replyOf(await c.bot.say(c.users.secretaryEn, 'reassign #5 mars')),
        /could not find the owner "mars"/,
      );
      assert.match(
        replyOf(await c.bot.say(c.users.kumin, '担当変更 #5 総務部')),
        /本部長または事務局のみ/,
      );
    });

    it('宿題取消 cancels by text and by card (with a reason); a cancelled item takes no more changes', async () => {
      assert.match(
        textOfCard(await c.bot.say(c.users.secretary, '宿題取消 #26 予算要求は来年度に回す')),
        /^#26「会議室の無線LAN（Wi-Fi）環境の強化を検討する」を取り消しました。\n元に戻す$/,
      );
      const wifi = await c.item(26);
      assert.equal(wifi.status, 'cancelled');
      assert.equal(wifi.cancelReason, '予算要求は来年度に回す');
      assert.match(
        replyOf(await c.bot.say(c.users.secretary, '#26 完了')),
        /#26 はすでに取消です。/,
      );

      const asked = await c.bot.say(c.users.secretary, '宿題取消 #25');
      assert.match(
        textOfCard(asked),
        /#25「.*」を取り消しますか？/,
        'without a reason, the reason is asked for',
      );
      assert.equal((await c.item(25)).status, 'open', 'nothing is cancelled yet');

      const two = await c.item(2);
      const ask = await c.bot.execute(c.users.secretary, 'item.cancelAsk', { itemId: two.id });
      assert.match(textOfCard(ask), /#2「.*」を取り消しますか？/);
      const cancelled = await c.bot.execute(c.users.secretaryEn, 'item.cancel', {
        itemId: two.id,
        reason: '',
      });
      assert.match(textOfCard(cancelled), /Cancelled #2/);
      assert.match(textOfCard(cancelled), /status Open → Cancelled/);
      const member = await c.bot.execute(c.users.kumin, 'item.cancel', {
        itemId: (await c.item(5)).id,
      });
      assert.match(String((member.body as { value?: unknown }).value), /本部長または事務局のみ/);
      assert.equal((await c.item(5)).status, 'open');
    });
  });

  describe('report for the next meeting', () => {
    it('宿題報告 summarises what came back to 第3回: done, late, open, cancelled', async () => {
      c.clock.set('2026-11-10T00:00:00Z');
      await c.bot.say(c.users.secretary, '宿題取消 #26 予算要求は来年度に回す');
      await c.bot.say(c.users.kumin, '#8 進捗: 3課でヒアリング済み');
      const text = textOfCard(await c.bot.say(c.users.chair, '宿題報告'), 'report');
      assert.match(
        text,
        /^会議 #2 への宿題の報告\n令和8年度 第3回 行政情報化推進本部 · 令和8年11月24日（火）15:00/,
      );
      assert.match(
        text,
        /完了（1件）\n#3 アンケートの各項目にコメント欄を設ける\n政策経営部 · 次回の本部（令和8年11月24日（火）） · 完了 · 最新の進捗: デモのアンケート/,
      );
      assert.match(text, /期限切れ（1件）\n#5 H所のRPA/);
      assert.match(text, /対応中・未着手（23件）/);
      assert.match(text, /#8 .*\n区民部 · .* · 対応中 · 最新の進捗: 3課でヒアリング済み/);
      assert.match(text, /取消（1件）\n#26 /);
      const en = textOfCard(await c.bot.say(c.users.secretaryEn, 'items report #2'), 'report (en)');
      assert.match(en, /^Action items to report at meeting #2/);
      assert.match(en, /Overdue \(1\)\n#5 /);
      assert.match(
        replyOf(await c.bot.say(c.users.secretary, '宿題報告 #9')),
        /会議 #9 が見つかりません/,
      );
      assert.match(replyOf(await c.bot.say(c.users.kumin, '宿題報告')), /本部長または事務局のみ/);
    });
  });
});

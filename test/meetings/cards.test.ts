import { strict as assert } from 'node:assert';
import { adaptiveCardsIn, assertValidCard, renderedInputs } from '../harness/cards.js';
import { cardsOf, textsOf, visibleText, type PostResult } from '../harness/test-bot.js';
import {
  committee,
  COMMITTEE_CHANNEL,
  createMeeting,
  jst,
  personal,
  type Committee,
} from './helpers.js';

/** The one card a command answered with (validated: TestBot checks too, this names it). */
function cardOf(result: PostResult, label: string): unknown {
  const cards = [...cardsOf(result.sent), ...adaptiveCardsIn(result.body)];
  assert.equal(cards.length, 1, `${label}: expected one card, got ${cards.length}`);
  assertValidCard(cards[0], label);
  return cards[0];
}

/** What an Action.Execute answered with when it answered with a message instead of a card. */
function messageOf(result: PostResult): string {
  const body = result.body as { type?: string; value?: unknown };
  assert.equal(body.type, 'application/vnd.microsoft.activity.message');
  return String(body.value);
}

/** The labels of a form's inputs, in order (what a user reads above each field). */
function labels(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const { type, label } = node as { type?: unknown; label?: unknown };
    if (typeof type === 'string' && type.startsWith('Input.') && typeof label === 'string')
      found.push(label);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

/** Titles of the card's buttons, in order. */
function buttons(card: unknown): string[] {
  const actions = (card as { actions?: Array<{ title?: string }> }).actions ?? [];
  return actions.map((a) => a.title ?? '');
}

describe('meeting cards and commands', () => {
  let c: Committee;
  beforeEach(async () => {
    c = await committee(); // Monday 2026-11-02 09:00 in Tokyo; the demo's 第3回 is on 11/24
  });
  afterEach(() => c.bot.stop());

  it('次の会議 shows a member the agenda card: era date, place, agenda, materials, disclosure, .ics and attendance buttons', async () => {
    const card = cardOf(await c.bot.say(c.users.kumin, '次の会議'), 'agenda card (member)');
    const text = visibleText(card);
    assert.match(text, /令和8年度 第3回 行政情報化推進本部/);
    assert.match(text, /令和8年11月24日（火）15:00–16:00/);
    assert.match(text, /庁議室（本庁舎5階）/);
    assert.match(text, /議案（1）教育委員会とのICT環境の調整状況について（報告）/);
    assert.match(text, /資料2-1 デジタルガバメント検討事項アンケート集計結果/);
    assert.match(
      text,
      /非公開（理由: 行政機関における政策意思決定過程途上に位置付けられる会議であるため）/,
    );
    assert.match(text, /一部非公開（理由: /);
    assert.deepEqual(buttons(card), [
      '予定表に追加（.ics）',
      '出席します',
      '代理が出席します',
      '欠席します',
    ]);
    const ics = (card as { actions: Array<{ url?: string }> }).actions[0]?.url ?? '';
    assert.match(ics, /^https:\/\/honbu\.example\.jp\/meetings\/mtg_[\w-]+\.ics$/);
  });

  it('next meeting shows an English reader ISO-like dates; the secretariat gets edit and cancel instead of attendance', async () => {
    const english = c.bot.user('kumin-bucho@city.example.jp', 'en-US');
    const en = visibleText(cardOf(await c.bot.say(english, 'next meeting'), 'agenda card (en)'));
    assert.match(en, /2026-11-24 \(Tue\) 15:00–16:00/);
    assert.match(en, /Item \(1\) 教育委員会/);
    assert.match(en, /Closed \(reason: /);
    const staff = cardOf(await c.bot.say(c.users.secretary, '次の会議'), 'agenda card (staff)');
    assert.deepEqual(buttons(staff), ['予定表に追加（.ics）', '編集', '中止する']);
  });

  it('会議一覧 lists upcoming and recent meetings; a row opens the agenda card of the meeting of the minutes', async () => {
    const list = cardOf(await c.bot.say(c.users.kumin, '会議一覧'), 'meeting list');
    const text = visibleText(list);
    assert.match(
      text,
      /今後の会議\n#2 令和8年度 第3回 行政情報化推進本部\n令和8年11月24日（火）15:00–16:00 · 庁議室/,
    );
    assert.match(
      text,
      /最近の会議\n#1 令和2年度 第2回 行政情報化推進本部\n令和2年8月3日（月）15:03–15:55 · 庁議室/,
    );

    const past = (await c.bot.services.meetings.find('#1'))?.id ?? '';
    const shown = cardOf(
      await c.bot.execute(c.users.kumin, 'meeting.show', { meetingId: past }),
      'past agenda',
    );
    const minutes = visibleText(shown);
    for (let i = 1; i <= 8; i++) assert.match(minutes, new RegExp(`資料1-${i} `));
    assert.match(minutes, /資料1-8 RPAの実績について/);
    assert.match(minutes, /出欠（10\/10 部署が回答）/);
    assert.match(minutes, /区民部\n出席（区民部長）/);
    assert.match(minutes, /文化商工部\n代理出席（文化デザイン課長）/);
    assert.deepEqual(buttons(shown), ['予定表に追加（.ics）'], 'no attendance for a past meeting');
  });

  it('会議作成 gives the secretariat a form with every department and the usual disclosure; a member is refused', async () => {
    const form = cardOf(await c.bot.say(c.users.secretary, '会議作成'), 'new meeting form');
    assert.match(visibleText(form), /^会議の登録/);
    assert.deepEqual(labels(form), [
      '会議名',
      '日時',
      '場所',
      '議案（1行に1件）',
      '資料（1行に1件: 資料1-1 名称 URL）',
      '出席する部署（部長と代理に通知します）',
      '会議の公開',
      '会議録の公開',
      '会議の公開: 非公開・一部非公開の理由',
      '会議録の公開: 非公開・一部非公開の理由',
    ]);
    const inputs = renderedInputs(form);
    assert.equal(inputs.find((i) => i.id === 'meetingLevel')?.value, 'closed');
    assert.equal(inputs.find((i) => i.id === 'minutesLevel')?.value, 'partial');
    assert.match(
      inputs.find((i) => i.id === 'departments')?.value ?? '',
      /^somu,kikikanri,kumin,.*kodomokatei$/,
    );
    const refused = await c.bot.say(c.users.kumin, '会議作成');
    assert.deepEqual(textsOf(refused.sent), [
      '申し訳ありません。この操作は本部長または事務局のみが行えます。',
    ]);
  });

  it('a date that contradicts its weekday, or cannot be read, comes back on the form with a clear message, and nothing is saved', async () => {
    const before = (await c.bot.services.meetings.upcoming()).length;
    const save = (when: string, user = c.users.secretary) =>
      c.bot.execute(user, 'meeting.save', {
        meetingId: '',
        title: 'テスト会議',
        when,
        departments: 'kumin',
        meetingLevel: 'public',
        minutesLevel: 'public',
      });
    const wrongDayCard = cardOf(await save('令和8年12月14日（火）午後3時'), 'form with error');
    assert.match(
      visibleText(wrongDayCard),
      /令和8年12月14日（月）は月曜日です（「令和8年12月14日（火）午後3時」には火曜日と書かれています）/,
    );
    const kept = renderedInputs(wrongDayCard);
    assert.equal(kept.find((i) => i.id === 'title')?.value, 'テスト会議', 'what was typed is kept');
    assert.equal(kept.find((i) => i.id === 'when')?.value, '令和8年12月14日（火）午後3時');
    const unreadable = visibleText(cardOf(await save('そのうち'), 'form with error'));
    assert.match(unreadable, /「そのうち」を日時として読み取れませんでした。例: /);
    const english = c.bot.user('joho-system@city.example.jp', 'en-US');
    const en = visibleText(cardOf(await save('2026-02-30 10:00', english), 'form with error (en)'));
    assert.match(en, /There is no such date or time as "2026-02-30 10:00"/);
    const noReason = visibleText(
      cardOf(
        await c.bot.execute(c.users.secretary, 'meeting.save', {
          meetingId: '',
          title: 'テスト会議',
          when: '12月14日 15時〜16時',
          departments: 'kumin',
          meetingLevel: 'closed',
          minutesLevel: 'public',
        }),
        'form with error',
      ),
    );
    assert.match(noReason, /非公開・一部非公開には理由が必要です。/);
    assert.equal((await c.bot.services.meetings.upcoming()).length, before);
  });

  it('saving the form creates the meeting with linked materials; editing it shows the values again; cancelling marks it', async () => {
    const meeting = await createMeeting(c, 'テスト会議E', '2026/12/14 15:00〜16:00');
    const shown = visibleText(
      cardOf(
        await c.bot.execute(c.users.secretary, 'meeting.show', { meetingId: meeting.id }),
        'agenda',
      ),
    );
    assert.match(shown, /\[資料1-1 調整状況\]\(https:\/\/city\.example\.jp\/r8\/1-1\.pdf\)/);
    assert.match(shown, /令和8年12月14日（月）15:00–16:00/);

    const edit = cardOf(
      await c.bot.execute(c.users.secretary, 'meeting.edit', { meetingId: meeting.id }),
      'edit form',
    );
    assert.match(visibleText(edit), /会議 #\d+ の編集/);
    const values = Object.fromEntries(renderedInputs(edit).map((i) => [i.id, i.value ?? '']));
    assert.equal(values['when'], '2026-12-14 15:00-16:00');
    assert.equal(values['materials'], '資料1-1 調整状況 https://city.example.jp/r8/1-1.pdf');
    assert.equal(values['departments'], 'kumin,bunkashoko');

    const same = await c.bot.execute(c.users.secretary, 'meeting.save', {
      meetingId: meeting.id,
      ...values,
    });
    assert.match(visibleText(cardOf(same, 'unchanged')), /変更はありませんでした。/);
    const renamed = await c.bot.execute(c.users.secretary, 'meeting.save', {
      meetingId: meeting.id,
      ...values,
      title: 'テスト会議E（改）',
    });
    assert.match(
      visibleText(cardOf(renamed, 'saved')),
      /会議 #\d+ を更新しました。\n[^]*テスト会議E（改）/,
    );

    await c.bot.execute(c.users.secretary, 'meeting.cancel', { meetingId: meeting.id, reason: '' });
    const cancelled = cardOf(
      await c.bot.execute(c.users.kumin, 'meeting.show', { meetingId: meeting.id }),
      'cancelled agenda',
    );
    assert.match(visibleText(cancelled), /この会議は中止されました。/);
    assert.deepEqual(
      buttons(cancelled),
      [],
      'no calendar file or attendance for a cancelled meeting',
    );
    const history = (await c.bot.services.meetings.get(meeting.id))?.history.map((e) => e.type);
    assert.deepEqual(history, ['created', 'edited', 'cancelled']);
  });

  it('heads and delegates answer attendance for their department; the answer is stored per department and shown', async () => {
    const meeting = await createMeeting(c, 'テスト会議P', '2026/12/14 15:00〜16:00');
    const head = await c.bot.execute(c.users.kumin, 'meeting.attend', {
      meetingId: meeting.id,
      attendee: 'self',
    });
    assert.match(
      visibleText(cardOf(head, 'after attend')),
      /区民部: 出席（区民部長） と記録しました。/,
    );
    await c.bot.execute(c.users.bunkaHead, 'meeting.attend', {
      meetingId: meeting.id,
      attendee: 'self',
    });
    const delegate = await c.bot.execute(c.users.bunkaDelegate, 'meeting.attend', {
      meetingId: meeting.id,
      attendee: 'self',
    });
    const text = visibleText(cardOf(delegate, 'after delegate attends'));
    assert.match(text, /出欠（2\/2 部署が回答）/);
    assert.match(
      text,
      /文化商工部\n代理出席（文化デザイン課長）/,
      'the latest answer of a department counts',
    );
    const stored = await c.bot.services.meetings.get(meeting.id);
    assert.deepEqual(
      stored?.attendance.map((a) => [a.departmentId, a.attendee, a.by]),
      [
        ['kumin', 'head', 'kumin-bucho@city.example.jp'],
        ['bunkashoko', 'delegate', 'bunkadesign-kacho@city.example.jp'],
      ],
    );
    const notInvited = await c.bot.execute(c.users.somu, 'meeting.attend', {
      meetingId: meeting.id,
      attendee: 'self',
    });
    assert.equal(
      messageOf(notInvited),
      '総務部はこの会議の出席部署に入っていません。事務局にご連絡ください。',
    );
    const staff = await c.bot.execute(c.users.secretary, 'meeting.attend', {
      meetingId: meeting.id,
    });
    assert.match(messageOf(staff), /部員または代理のみが行えます/);
  });

  it('short text commands: create, add agenda and material, show and change reminders, reschedule; bad input changes nothing', async () => {
    const say = async (text: string) => {
      const result = await c.bot.say(c.users.secretary, text);
      const card = cardsOf(result.sent)[0];
      if (card) assertValidCard(card, text);
      return card ? visibleText(card) : textsOf(result.sent).join('\n');
    };
    assert.match(
      await say('会議作成 臨時会議 | 12月14日（火）15時 | 庁議室'),
      /令和8年12月14日（月）は月曜日です/,
    );
    assert.equal((await c.bot.services.meetings.upcoming()).length, 1, 'only the demo meeting');
    const created = await say('会議作成 臨時会議 | 12月14日 15時〜16時 | 庁議室');
    assert.match(
      created,
      /会議 #3「臨時会議」（令和8年12月14日（月）15:00–16:00）を登録しました。リマインダーを3件予定しました。/,
    );
    assert.match(await say('議案追加 #3 Wi-Fi 環境について'), /議案（1）Wi-Fi 環境について/);
    assert.match(
      await say('資料追加 #3 資料1-1 無線LAN調査結果 https://city.example.jp/wifi.pdf'),
      /\[資料1-1 無線LAN調査結果\]\(https:\/\/city\.example\.jp\/wifi\.pdf\)/,
    );
    assert.match(await say('資料追加 #3 ただのメモ'), /使い方: 資料追加 #番号 資料1-1 名称/);
    assert.equal(
      await say('リマインダー #3'),
      [
        '**会議 #3 のリマインダー**',
        '設定: 7日前 09:00（資料提出）、1営業日前 09:00、60分前',
        '',
        '- 令和8年12月7日（月）09:00（7日前 09:00（資料提出））',
        '- 令和8年12月11日（金）09:00（1営業日前 09:00）',
        '- 令和8年12月14日（月）14:00（60分前）',
      ].join('\n'),
    );
    assert.match(
      await say('リマインダー #3 資料:10日前 2時間前'),
      /設定: 10日前 09:00（資料提出）、120分前\n\n- 令和8年12月4日（金）09:00/,
    );
    assert.match(await say('リマインダー #3 そのうち'), /リマインダー「そのうち」が読めません/);
    assert.match(await say('会議変更 #3 あした'), /「あした」には時刻がありません/);
    assert.match(
      await say('会議変更 #3 午後4時'),
      /令和8年12月14日（月）16:00–17:00 に変更しました/,
    );
    assert.match(await say('会議変更 #99 午後4時'), /会議「#99」が見つかりません/);
    assert.match(
      await say('会議中止 #3 都合により'),
      /会議 #3 を中止しました。予定していたリマインダー2件を取り消し/,
    );
  });

  it('このチャネルに通知 / announce here: the secretariat switches a channel off and on; not in a 1:1 chat', async () => {
    const inChannel = async (text: string) =>
      textsOf((await c.bot.say(c.users.secretary, text, { channel: true })).sent);
    assert.deepEqual(
      (await c.bot.services.committeeChannels.list()).map((ch) => ch.id),
      [COMMITTEE_CHANNEL],
      'installed in the channel: it is a committee channel',
    );
    assert.deepEqual(await inChannel('このチャネルに通知しない'), [
      'このチャネルには会議のお知らせを投稿しないようにしました。',
    ]);
    assert.deepEqual(await c.bot.services.committeeChannels.list(), []);
    await createMeeting(c, 'テスト会議N', '2026/11/30 15:00〜16:00');
    await c.run(jst('2026-11-21T00:00'));
    assert.ok(
      !c.about('テスト会議N').some((p) => p.to === COMMITTEE_CHANNEL),
      'nothing posted there',
    );
    const english = c.bot.user('johokanri-kacho@city.example.jp', 'en-US');
    const on = await c.bot.say(english, 'announce here', { channel: true });
    assert.deepEqual(textsOf(on.sent), [
      'This channel is now a committee channel: meeting notices and reminders will be posted here.',
    ]);
    assert.deepEqual(await inChannel('このチャネルに通知'), [
      '設定は変わりません（すでにそのようになっています）。',
    ]);
    assert.deepEqual(textsOf((await c.bot.say(c.users.secretary, 'このチャネルに通知')).sent), [
      '1対1のチャットでは使えません。チームのチャネルで @Honbu にこのコマンドを送ってください。',
    ]);
  });

  it('a reminder is the agenda card headed by the reminder, with the calendar file and attendance buttons', async () => {
    await createMeeting(c, 'テスト会議V', '2026/11/30 15:00〜16:00');
    await c.run(jst('2026-11-20T09:00'));
    const reminder = cardsOf(c.bot.connector.calls).find((card) =>
      visibleText(card).startsWith('【資料提出のお願い】テスト会議V'),
    );
    assert.ok(reminder, 'the 7-day reminder was posted');
    assertValidCard(reminder, 'reminder card');
    assert.deepEqual(buttons(reminder), [
      '予定表に追加（.ics）',
      '出席します',
      '代理が出席します',
      '欠席します',
    ]);
    assert.match(visibleText(reminder), /テスト会議V\n日時\n令和8年11月30日（月）15:00–16:00/);
  });

  it('writes a 1:1 reminder in the language the person last used; the channel stays Japanese', async () => {
    await c.bot.say(c.bot.user('kumin-bucho@city.example.jp', 'en-US'), 'help');
    await createMeeting(c, 'テスト会議L', '2026/11/30 15:00〜16:00');
    await c.run(jst('2026-11-20T09:00'));
    const first = (to: string) => c.about('テスト会議L').find((p) => p.to === to)?.line;
    assert.equal(
      first(personal(c.users.kumin)),
      '[Materials due] テスト会議L (2026-11-30 (Mon) 15:00–16:00) is 10 days away. Please prepare your materials and hand them to the secretariat.',
    );
    assert.match(first(COMMITTEE_CHANNEL) ?? '', /^【資料提出のお願い】テスト会議L/);
    assert.match(first(personal(c.users.bunkaHead)) ?? '', /^【資料提出のお願い】/);
  });
});

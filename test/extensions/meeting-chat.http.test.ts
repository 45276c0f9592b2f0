import { strict as assert } from 'node:assert';
import { cardsOf, visibleText } from '../harness/test-bot.js';
import { committee, fromUser, type Committee } from './helpers.js';

const MEETING_CHAT = '19:meeting_hq3@thread.v2';

describe('the committee Teams meeting: agenda at start, reports at the end (meeting events) over HTTP', () => {
  let c: Committee;
  beforeEach(async () => {
    c = await committee();
    // 第3回 starts on 2026-11-24 at 15:00 in Tokyo; the organiser opens the meeting at 14:58.
    c.clock.set(new Date('2026-11-24T05:58:00Z'));
  });
  afterEach(() => c.bot.stop());

  const postedTo = (result: { sent: ReadonlyArray<{ conversationId?: string; method: string }> }) =>
    result.sent.map((call) => `${call.method} ${call.conversationId ?? ''}`);

  it('the meeting starts: the agenda card goes to the meeting chat, in the language of the event', async () => {
    const started = await c.send(c.users.secretary, 'meeting-start');
    assert.equal(started.status, 200);
    assert.deepEqual(postedTo(started), [`POST ${MEETING_CHAT}`]);
    const [card] = cardsOf(started.sent);
    const text = visibleText(card);
    assert.match(text, /まもなく始まります。議題と資料はこちらです。/);
    assert.match(text, /令和8年度 第3回 行政情報化推進本部/);
    assert.match(text, /教育委員会とのICT環境の調整状況について（報告）/);
    assert.match(text, /資料1-1 教育委員会とのICT環境の調整状況/);

    // Started again (rejoined): the agenda is already there.
    assert.deepEqual(cardsOf((await c.send(c.users.secretary, 'meeting-start')).sent), []);

    // Another meeting chat of the same meeting, whose Teams speaks English.
    const activity = fromUser(c.bot, c.users.secretaryEn, 'meeting-start');
    const en = await c.bot.post({
      ...activity,
      conversation: { ...(activity['conversation'] as object), id: '19:meeting_hq3_en@thread.v2' },
    });
    assert.match(
      visibleText(cardsOf(en.sent)[0]),
      /Starting soon\. Here are the agenda and the materials\./,
    );
  });

  it('the meeting ends: what comes back at this meeting, from the link made at its start', async () => {
    await c.send(c.users.secretary, 'meeting-start');
    c.clock.set(new Date('2026-11-24T07:02:00Z'));
    const ended = await c.send(c.users.chair, 'meeting-end');
    const [card] = cardsOf(ended.sent);
    const text = visibleText(card);
    const third = (await c.bot.services.meetings.recent(5)).find((m) => m.title.includes('第3回'));
    assert.ok(third);
    assert.match(text, new RegExp(`^会議 #${third.number} への宿題の報告`));
    assert.match(text, /H所のRPAの取組内容と成果を事務局に報告する/);
  });

  it('a Teams meeting at another time is not the committee’s: nothing is posted', async () => {
    const activity = fromUser(c.bot, c.users.secretary, 'meeting-start', {
      StartTime: '2026-11-20T01:00:00.000Z',
    });
    const result = await c.bot.post({
      ...activity,
      conversation: { ...(activity['conversation'] as object), id: '19:meeting_other@thread.v2' },
    });
    assert.equal(result.status, 200);
    assert.deepEqual(result.sent, []);
  });

  it('the secretariat adds Honbu to the meeting chat: the agenda comes 15 minutes before, and not again at the start', async () => {
    c.clock.set(new Date('2026-11-10T01:00:00Z'));
    const added = await c.send(c.users.secretary, 'conversation-update-meeting-chat');
    assert.equal(added.status, 200);
    c.clock.set(new Date('2026-11-24T05:44:00Z'));
    await c.bot.services.scheduler.tick();
    assert.equal(
      cardsOf(
        c.bot.connector.calls.filter(
          (call) => call.conversationId === MEETING_CHAT && call.kind === 'send',
        ),
      ).length,
      0,
      'not yet',
    );
    c.clock.set(new Date('2026-11-24T05:45:00Z'));
    await c.bot.services.scheduler.tick();
    const posted = c.bot.connector.calls.filter(
      (call) => call.conversationId === MEETING_CHAT && call.kind === 'send',
    );
    c.bot.assertSentCardsValid();
    assert.equal(posted.length, 1);
    assert.match(
      visibleText(cardsOf(posted)[0]),
      /まもなく始まります。[\s\S]*令和8年度 第3回 行政情報化推進本部/,
    );

    c.clock.set(new Date('2026-11-24T05:58:00Z'));
    const started = await c.send(c.users.secretary, 'meeting-start');
    assert.deepEqual(cardsOf(started.sent), [], 'the agenda is already in the chat');
  });

  it('a department head adding Honbu to their meeting chat links nothing', async () => {
    c.clock.set(new Date('2026-11-10T01:00:00Z'));
    await c.send(c.users.kumin, 'conversation-update-meeting-chat');
    c.clock.set(new Date('2026-11-24T05:45:00Z'));
    await c.bot.services.scheduler.tick();
    const posted = c.bot.connector.calls.filter(
      (call) => call.conversationId === MEETING_CHAT && call.kind === 'send',
    );
    assert.deepEqual(posted, []);
  });
});

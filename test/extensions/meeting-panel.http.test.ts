import { strict as assert } from 'node:assert';
import type { PanelAnswerBody, PanelView } from '../../src/tab/panel-model.js';
import { committee, type Committee } from './helpers.js';

const MEETING_CHAT = '19:meeting_hq3@thread.v2';
const RPA = 'H所のRPAの取組内容と成果を事務局に報告する';

describe('the meeting side panel API: agenda and items reported at this meeting', () => {
  let c: Committee;
  beforeEach(async () => {
    // Dev sign-in is refused beside a public address, so this bot stays on loopback.
    c = await committee({ TAB_DEV_SIGNIN: 'true', PUBLIC_BASE_URL: 'http://127.0.0.1' });
    // Ten minutes before 第3回 (15:00 in Tokyo on 2026-11-24), the panel is opened.
    c.clock.set(new Date('2026-11-24T05:50:00Z'));
  });
  afterEach(() => c?.bot.stop());

  const tokenOf = async (upn: string) => {
    const response = await fetch(`${c.bot.url}/api/tab/dev-signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn }),
    });
    return ((await response.json()) as { token: string }).token;
  };
  const panel = async (upn: string, locale = 'ja', chat = MEETING_CHAT) => {
    const response = await fetch(
      `${c.bot.url}/api/tab/panel?${new URLSearchParams({ locale, chat })}`,
      { headers: { authorization: `Bearer ${await tokenOf(upn)}` } },
    );
    return { status: response.status, body: (await response.json()) as PanelAnswerBody };
  };
  const viewOf = (answer: { body: PanelAnswerBody }): PanelView => {
    assert.ok('view' in answer.body, JSON.stringify(answer.body));
    return answer.body.view;
  };
  const report = async (upn: string, itemId: string, locale = 'ja') => {
    const response = await fetch(
      `${c.bot.url}/api/tab/panel/reported?${new URLSearchParams({ locale })}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await tokenOf(upn)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ chat: MEETING_CHAT, itemId }),
      },
    );
    return { status: response.status, body: (await response.json()) as PanelAnswerBody };
  };

  it('shows the agenda and the items due for report with their status, in ja and en', async () => {
    const view = viewOf(await panel('kumin-bucho@city.example.jp'));
    assert.equal(view.title, '令和8年度 第3回 行政情報化推進本部');
    assert.equal(view.agenda[0], '議案（1）教育委員会とのICT環境の調整状況について（報告）');
    const rpa = view.items.find((i) => i.heading.endsWith(RPA));
    assert.ok(rpa, view.items.map((i) => i.heading).join('\n'));
    assert.equal(rpa.status, '未着手');
    assert.match(rpa.facts, /^区民部 · /);
    assert.equal(rpa.canReport, true, 'the owning head may report it');
    assert.equal(rpa.reported, false);
    const others = view.items.filter((i) => i !== rpa && !i.facts.startsWith('区民部'));
    assert.ok(others.length > 0);
    assert.ok(
      others.every((i) => !i.canReport),
      'not the items of other departments',
    );

    const en = viewOf(await panel('kumin-bucho@city.example.jp', 'en'));
    assert.equal(en.itemsHeading, 'Action items reported at this meeting');
    assert.ok(en.items.some((i) => i.status === 'Open'));
  });

  it('the owner marks an item reported: kept for this meeting and written in its progress', async () => {
    const view = viewOf(await panel('kumin-bucho@city.example.jp'));
    const rpa = view.items.find((i) => i.heading.endsWith(RPA));
    assert.ok(rpa);
    const after = viewOf(await report('kumin-bucho@city.example.jp', rpa.id));
    assert.equal(after.notice, `${rpa.heading} を報告済みにしました。`);
    assert.equal(after.items.find((i) => i.id === rpa.id)?.reported, true);
    const stored = await c.bot.services.items.get(rpa.id);
    assert.match(stored?.progress.at(-1)?.text ?? '', /^会議 #\d+ で報告しました。$/);
    // Twice is once.
    await report('kumin-bucho@city.example.jp', rpa.id);
    assert.equal(
      (await c.bot.services.items.get(rpa.id))?.progress.length,
      stored?.progress.length,
    );
  });

  it("another department's head may not mark it; a chat not linked to a meeting says so; no token, no panel", async () => {
    const view = viewOf(await panel('kumin-bucho@city.example.jp'));
    const rpa = view.items.find((i) => i.heading.endsWith(RPA));
    assert.ok(rpa);
    const refused = await report('somu-bucho@city.example.jp', rpa.id);
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.body, {
      error: '報告済みにできるのは、この宿題の担当と本部長・事務局だけです。',
    });
    assert.equal((await c.bot.services.items.get(rpa.id))?.progress.length, 0);

    const unlinked = await panel('kumin-bucho@city.example.jp', 'en', '19:meeting_other@thread.v2');
    c.clock.set(new Date('2026-11-30T05:50:00Z'));
    const later = await panel('kumin-bucho@city.example.jp', 'en', '19:meeting_later@thread.v2');
    assert.equal(later.status, 404);
    assert.match(JSON.stringify(later.body), /not linked to a Honbu meeting/);
    assert.equal(unlinked.status, 200, 'within the hour before 第3回 any meeting chat is linked');

    const unauthenticated = await fetch(`${c.bot.url}/api/tab/panel?chat=${MEETING_CHAT}`);
    assert.equal(unauthenticated.status, 401);
  });

  it('the configuration page and the panel are one page with its own script, framable by Teams', async () => {
    for (const path of ['/tab/config', '/tab/panel']) {
      const response = await fetch(`${c.bot.url}${path}`);
      assert.equal(response.status, 200);
      assert.match(
        response.headers.get('content-security-policy') ?? '',
        /frame-ancestors [^;]*teams\.microsoft\.com/,
      );
      assert.match(await response.text(), /<script src="\/tab\/panel\.js" defer><\/script>/);
    }
  });
});

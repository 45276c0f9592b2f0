import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { buildTab } from '../../scripts/build-tab.js';
import { launchChromium } from '../harness/chromium.js';
import { contrastOf } from '../harness/a11y.js';
import { FakeEntra } from '../harness/sso.js';
import { TabServer } from '../harness/tab-server.js';
import type { HostUser } from '../harness/teams-host.js';

/**
 * The meeting side panel in Chromium, inside a stand-in Teams meeting at the
 * side panel's width (320 px): teams-js, the SSO token, the panel API and the
 * page run for real. Screenshots go to test-output/ for a person to look at.
 */
const SHOTS = 'test-output';
const SIDE_PANEL_WIDTH = 320;
const MEETING_CHAT = '19:meeting_hq3@thread.v2';
const HOST_PATH = '/__teams-meeting-host';

const kuminHead: HostUser = { upn: 'kumin-bucho@city.example.jp', oid: 'aad-kumin-0001' };

/** A Teams meeting's side panel host: frames /tab/panel and answers teams-js like Teams does. */
const hostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams meeting (test host)</title>
<style>html,body{margin:0;height:100%;background:#ebebeb}iframe{border:0;width:100%;height:100%;display:block}</style>
</head><body>
<iframe id="tab" title="Honbu"></iframe>
<script>
const params = new URLSearchParams(location.search);
document.getElementById('tab').src = params.get('src');
const context = {
  locale: params.get('locale'), theme: params.get('theme'), entityId: params.get('entity'),
  subEntityId: params.get('sub') || undefined, frameContext: params.get('frame'), hostClientType: 'web', hostName: 'Teams',
  chatId: params.get('chat'), meetingId: 'MCMxOTptZWV0aW5nX2hxM0B0aHJlYWQudjIjMA==',
  userObjectId: params.get('oid'), userPrincipalName: params.get('upn'), loginHint: params.get('upn'),
  appSessionId: 'test-session',
};
const runtime = JSON.stringify({ apiVersion: 4, supports: { app: {}, authentication: {}, pages: { config: {}, tabs: {} }, teamsCore: {} } });
window.addEventListener('message', async (event) => {
  const frame = document.getElementById('tab').contentWindow;
  if (event.source !== frame || typeof event.data !== 'object' || !event.data || !('func' in event.data)) return;
  const { id, uuidAsString, func } = event.data;
  const reply = (args) => frame.postMessage({ id, uuidAsString, args }, event.origin);
  if (func === 'initialize') reply([params.get('frame'), 'web', runtime, '2.1.0']);
  else if (func === 'getContext') reply([context]);
  else if (func === 'authentication.getAuthToken') {
    try { reply([true, await window.honbuSsoToken()]); } catch (error) { reply([false, String(error)]); }
  }
});
window.fitTab = () => { const tab = document.getElementById('tab'); tab.style.height = tab.contentDocument.documentElement.scrollHeight + 'px'; };
</script>
</body></html>`;

describe('meeting side panel (320 px) and dashboard deep links in Chromium', function () {
  this.timeout(30000);
  let browser: Browser;
  let entra: FakeEntra;
  let server: TabServer;
  let context: BrowserContext;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await buildTab();
    entra = await FakeEntra.start();
    server = await TabServer.start(entra.env());
    const next = await server.honbu.services.meetings.next();
    assert.ok(next);
    // Ten minutes before the meeting: the meeting chat is linked to it.
    server.clock.set(new Date(new Date(next.startsAt).getTime() - 10 * 60_000));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await entra?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({
      viewport: { width: SIDE_PANEL_WIDTH, height: 700 },
      locale: 'ja-JP',
    });
    await context.route('https://res.cdn.office.net/**', (route) => route.abort());
  });
  afterEach(() => context?.close());

  async function openPanel(
    theme: 'default' | 'dark',
    locale: string,
  ): Promise<{ page: Page; panel: Frame }> {
    const page = await context.newPage();
    await page.route(`${server.url}${HOST_PATH}*`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage }),
    );
    await page.exposeFunction('honbuSsoToken', () => entra.token(kuminHead, server.clock.now()));
    const query = new URLSearchParams({
      locale,
      theme,
      chat: MEETING_CHAT,
      src: '/tab/panel',
      entity: 'meeting-panel',
      frame: 'sidePanel',
      ...kuminHead,
    });
    await page.goto(`${server.url}${HOST_PATH}?${query}`);
    const panel = page.frame({ url: `${server.url}/tab/panel` });
    assert.ok(panel, 'the host framed the panel');
    await panel.waitForSelector('main[aria-busy="false"]');
    return { page, panel };
  }

  for (const theme of ['default', 'dark'] as const) {
    it(`shows the agenda and this meeting's items, and the owner marks one reported (${theme})`, async () => {
      const { page, panel } = await openPanel(theme, 'ja-JP');
      const text = await panel.locator('main').innerText();
      assert.match(text, /第3回 行政情報化推進本部/);
      assert.match(text, /議案（1）教育委員会とのICT環境の調整状況について（報告）/);
      assert.match(text, /この会議で報告する宿題/);
      assert.match(text, /H所のRPAの取組内容と成果を事務局に報告する/);
      const fits = await panel.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      );
      assert.ok(fits, 'nothing is wider than the side panel');
      const contrast = await contrastOf(panel);
      assert.ok(contrast.checked > 0);
      assert.deepEqual(contrast.failures, [], 'every text is readable in this theme');
      // What the side panel shows first, then the whole list.
      await page.screenshot({ path: `${SHOTS}/meeting-panel-${theme}-ja-top.png` });
      await page.evaluate(() => (window as unknown as { fitTab(): void }).fitTab());
      await page.screenshot({ path: `${SHOTS}/meeting-panel-${theme}-ja.png`, fullPage: true });

      if (theme === 'default') {
        await panel.locator('button', { hasText: '報告済みにする' }).first().click();
        await panel.waitForSelector('text=を報告済みにしました。');
        assert.ok(await panel.locator('.badge', { hasText: '報告済み' }).count());
      }
    });
  }

  it('a deep link from a card opens the dashboard tab on its section', async () => {
    const page = await context.newPage();
    await page.route(`${server.url}${HOST_PATH}*`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage }),
    );
    await page.exposeFunction('honbuSsoToken', () => entra.token(kuminHead, server.clock.now()));
    const query = new URLSearchParams({
      locale: 'ja-JP',
      theme: 'default',
      src: '/tab',
      entity: 'dashboard',
      sub: 'item:5',
      frame: 'content',
      ...kuminHead,
    });
    await page.goto(`${server.url}${HOST_PATH}?${query}`);
    const tab = page.frame({ url: `${server.url}/tab` });
    assert.ok(tab);
    await tab.waitForSelector('main[aria-busy="false"]');
    assert.equal(await tab.evaluate(() => document.activeElement?.id), 'section-items');
  });
});

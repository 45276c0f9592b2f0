import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Frame } from 'playwright-core';
import { buildTab } from '../scripts/build-tab.js';
import { Audience } from '../src/domain/roles.js';
import { launchChromium } from './harness/chromium.js';
import { contrastOf, focusedElement, unlabelledControls } from './harness/a11y.js';
import { FakeEntra } from './harness/sso.js';
import { TabServer } from './harness/tab-server.js';
import {
  openInTeams,
  screenshotPart,
  screenshotTab,
  setTeamsTheme,
  type HostUser,
} from './harness/teams-host.js';

/**
 * The dashboard tab in a real browser (Debian's Chromium through
 * playwright-core), inside a stand-in Teams client: teams-js, the SSO token,
 * the protected API and the page's rendering all run for real.
 * Screenshots go to test-output/ for a person to look at.
 */
const SHOTS = 'test-output';

const chair: HostUser = { upn: 'fukukucho@city.example.jp', oid: 'aad-chair-0001' };
const kuminHead: HostUser = { upn: 'kumin-bucho@city.example.jp', oid: 'aad-kumin-0001' };

describe('dashboard tab in Chromium', function () {
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
    await server.openDemoSurvey([
      { departmentId: 'kumin', upn: kuminHead.upn, ranking: ['rpa', 'telework', 'web-meetings'] },
      {
        departmentId: 'somu',
        upn: 'somu-bucho@city.example.jp',
        ranking: ['telework', 'paperless', 'staff-support'],
      },
      {
        departmentId: 'kankyoseiso',
        upn: 'kankyoseisaku-kacho@city.example.jp',
        ranking: ['meeting-room-wifi', 'telework', 'rpa'],
      },
    ]);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await entra?.stop();
  });

  /**
   * A fresh browser context for one test. Its waits give up well before the test's own limit,
   * so a page that never gets where a test waits fails with Playwright's account of what it was
   * waiting for, not with mocha's bare timeout.
   */
  async function newTabContext(viewport: { width: number; height: number }) {
    const created = await browser.newContext({ viewport, locale: 'ja-JP' });
    created.setDefaultTimeout(20_000);
    // teams-js refreshes its list of Teams origins from a CDN; the test runs offline.
    await created.route('https://res.cdn.office.net/**', (route) => route.abort());
    return created;
  }

  beforeEach(async () => {
    context = await newTabContext({ width: 1280, height: 900 });
  });
  afterEach(async () => {
    await context.close();
  });

  const open = (
    user: HostUser,
    options: { locale?: string; theme?: 'default' | 'dark' | 'contrast' } = {},
  ) =>
    openInTeams(context, server.url, {
      user,
      token: () => entra.token(user, server.clock.now()),
      ...options,
    });

  const sectionIds = (tab: Frame) =>
    tab.$$eval('section[data-section]', (all) => all.map((s) => s.getAttribute('data-section')));

  it('shows the chair every section in Japanese, with the SSO token from Teams, and narrows to one department', async () => {
    const { page, tab } = await open(chair);
    assert.equal(await tab.getAttribute('html', 'lang'), 'ja');
    assert.equal(await tab.textContent('h1'), '推進本部ダッシュボード');
    assert.equal(await tab.textContent('.viewer'), '副区長（本部長） さん（本部長）');
    assert.deepEqual(await sectionIds(tab), [
      'meetings',
      'surveys',
      'items',
      'policies',
      'outbox',
      'directory',
    ]);
    assert.equal(
      await tab.textContent('section[data-section="meetings"] .entry h3'),
      '令和8年度 第3回 行政情報化推進本部',
    );
    const surveys = tab.locator('section[data-section="surveys"]');
    assert.equal(await surveys.locator('progress').getAttribute('value'), '3');
    assert.equal(
      await surveys.locator('.bars li').first().textContent(),
      'テレワーク7点',
      'the chair sees the results chart, best topic first',
    );
    assert.equal(
      await tab.textContent(
        'section[data-section="policies"] .entry:has(h3:text-is("区長部局のWeb会議ツール")) .badge',
      ),
      '承認済み',
    );
    assert.equal(await tab.locator('section[data-section="directory"] tbody tr').count(), 11);
    assert.equal(await tab.locator('#department option').count(), 12);
    const calls = await page.evaluate(
      () => (window as unknown as { hostCalls: string[] }).hostCalls,
    );
    assert.ok(
      calls.includes('authentication.getAuthToken'),
      'the tab asked Teams for an SSO token',
    );
    await screenshotTab(page, `${SHOTS}/tab-chair-ja.png`);

    await tab.selectOption('#department', 'bunkashoko');
    await tab.waitForFunction(
      () => document.querySelectorAll('section[data-section="directory"] tbody tr').length === 1,
    );
    assert.equal(
      await tab.textContent('section[data-section="directory"] tbody tr'),
      '文化商工部文化商工部長文化デザイン課長',
    );
  });

  it('shows a department head only their own department and no filter', async () => {
    const { page, tab } = await open(kuminHead);
    assert.equal(await tab.textContent('.viewer'), '区民部長 さん（部員 · 区民部）');
    assert.deepEqual(await sectionIds(tab), [
      'meetings',
      'surveys',
      'items',
      'policies',
      'directory',
    ]);
    assert.deepEqual(
      await tab.$$eval('section[data-section="directory"] tbody th', (all) =>
        all.map((e) => e.textContent),
      ),
      ['区民部'],
    );
    assert.equal(await tab.locator('#department').count(), 0);
    const surveys = tab.locator('section[data-section="surveys"]');
    assert.equal(await surveys.locator('.bars').count(), 0, 'no results for a member');
    assert.match((await surveys.textContent()) ?? '', /回答済み区民部（区民部長、/);
    const items = tab.locator('section[data-section="items"]');
    assert.deepEqual(await items.locator('tbody th').allTextContents(), ['区民部']);
    assert.deepEqual(
      (await items.locator('.board-title').allTextContents()).map((t) => t.replace(/^#\d+ /, '')),
      [
        'H所のRPAの取組内容と成果を事務局に報告する',
        'テレワークできる業務とできない業務を整理する',
        '部内でICT化のニーズをヒアリングし、事務局に伝える',
      ],
    );
    const text = (await tab.textContent('main')) ?? '';
    assert.doesNotMatch(text, /総務部|文化デザイン課長|政策経営部|教育委員会とICT環境/);
    await screenshotTab(page, `${SHOTS}/tab-member-ja.png`);
    await screenshotPart(page, items, `${SHOTS}/tab-items-member-ja.png`);
  });

  it('shows the chair the action item board in Japanese, late items said in words, readable in every theme', async () => {
    // 2026-11-24 10:00 in Tokyo: 区民部's RPA report (#5) was due the day before.
    server.clock.set('2026-11-24T01:00:00Z');
    try {
      const { page, tab } = await open(chair);
      const items = tab.locator('section[data-section="items"]');
      assert.equal(await items.locator('h2').textContent(), '宿題ボード');
      assert.equal(
        await items.locator('caption').textContent(),
        '部署と状況ごとの宿題（完了は直近14日の分）',
      );
      assert.deepEqual(await items.locator('thead th').allTextContents(), [
        '未着手（25）',
        '対応中（0）',
        '対応不可（0）',
        '完了（1）',
      ]);
      assert.deepEqual(
        await items.locator('dl.facts').textContent(),
        '未完了25件期限切れ1件完了（直近14日）1件',
      );
      const lanes = await items.locator('tbody th').allTextContents();
      assert.equal(lanes.length, 11);
      assert.equal(lanes[0], '政策経営部');
      assert.ok(lanes.includes('区民部（期限切れ 1件）'));

      const late = items.locator('.board-card.is-alert');
      assert.equal(await late.count(), 1);
      assert.equal(
        await late.locator('.board-title').textContent(),
        '#5 H所のRPAの取組内容と成果を事務局に報告する',
      );
      assert.equal(
        await late.locator('.board-detail').textContent(),
        '期限: 令和8年11月23日（月）',
      );
      assert.equal(await late.locator('.badge').textContent(), '期限切れ（1日超過）');
      assert.equal(
        await late.locator('.badge').isVisible(),
        true,
        'the marker is text, not colour alone',
      );
      const asap = items.locator('.board-card', { hasText: /^#1 / });
      assert.equal(await asap.locator('.badge').textContent(), '早急');
      assert.equal(
        await asap.locator('.board-detail').textContent(),
        '期限: 早急に（3日ごとに確認）',
      );
      assert.equal(
        await items
          .locator('.board-card', { hasText: /^#2 / })
          .locator('.board-detail')
          .textContent(),
        '期限: 次回の本部（令和8年12月7日（月））',
      );

      assert.deepEqual((await contrastOf(tab)).failures, []);
      await screenshotPart(page, items, `${SHOTS}/tab-items-chair-ja.png`);
      await setTeamsTheme(page, 'dark');
      await tab.waitForSelector('html[data-theme="dark"]');
      assert.deepEqual((await contrastOf(tab)).failures, []);
      await screenshotPart(page, items, `${SHOTS}/tab-items-chair-dark.png`);
      await setTeamsTheme(page, 'contrast');
      await tab.waitForSelector('html[data-theme="contrast"]');
      assert.deepEqual((await contrastOf(tab)).failures, []);
      await screenshotPart(page, items, `${SHOTS}/tab-items-chair-contrast.png`);
    } finally {
      server.clock.set('2026-11-16T01:00:00Z');
    }
  });

  it('at Teams mobile width (360 px) stacks the board: every status, 完了 included, is on screen', async () => {
    await context.close();
    context = await newTabContext({ width: 360, height: 780 });
    server.clock.set('2026-11-24T01:00:00Z');
    try {
      const { page, tab } = await open(chair);
      const items = tab.locator('section[data-section="items"]');
      const overflow = await tab.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        width: document.documentElement.clientWidth,
        wider: [...document.querySelectorAll('.scroll')].filter(
          (s) => s.scrollWidth > s.clientWidth,
        ).length,
      }));
      assert.ok(overflow.page <= overflow.width, `the page is ${overflow.page}px wide`);
      assert.equal(overflow.wider, 0, 'no table needs sideways scrolling');
      const done = items.locator('.cell-label', { hasText: /^完了/ }).first();
      assert.equal(await done.isVisible(), true, 'the 完了 cards are named on the phone');
      const box = await done.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `完了 at ${JSON.stringify(box)}`);
      const late = items.locator('.board-card.is-alert');
      const lateBox = await late.boundingBox();
      assert.ok(lateBox && lateBox.x + lateBox.width <= 360, 'the late item fits the width');
      assert.deepEqual((await contrastOf(tab)).failures, []);
      await screenshotTab(page, `${SHOTS}/tab-chair-360.png`);
      await screenshotPart(page, items, `${SHOTS}/tab-items-chair-360.png`);
    } finally {
      server.clock.set('2026-11-16T01:00:00Z');
    }
  });

  it('follows the Teams theme: dark on a theme change, then high contrast, with readable text in each', async () => {
    const { page, tab } = await open(chair);
    const light = await contrastOf(tab);
    assert.deepEqual(light.failures, []);
    assert.ok(light.checked > 40, `checked ${light.checked} texts`);

    await setTeamsTheme(page, 'dark');
    await tab.waitForSelector('html[data-theme="dark"]');
    assert.equal(
      await tab.evaluate(() => getComputedStyle(document.body).backgroundColor),
      'rgb(27, 27, 27)',
    );
    assert.deepEqual((await contrastOf(tab)).failures, []);
    await screenshotTab(page, `${SHOTS}/tab-chair-dark.png`);

    await setTeamsTheme(page, 'contrast');
    await tab.waitForSelector('html[data-theme="contrast"]');
    assert.deepEqual((await contrastOf(tab)).failures, []);
    await screenshotTab(page, `${SHOTS}/tab-chair-contrast.png`);
  });

  it('starts in the theme and language of the Teams context (English, dark)', async () => {
    const { page, tab } = await open(chair, { locale: 'en-US', theme: 'dark' });
    assert.equal(await tab.getAttribute('html', 'lang'), 'en');
    assert.equal(await tab.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await tab.textContent('h1'), 'Steering committee dashboard');
    assert.equal(
      await tab.textContent('section[data-section="meetings"] .entry p'),
      'When: 2026-12-07 (Mon) 15:00–16:00',
    );
    await screenshotTab(page, `${SHOTS}/tab-chair-en-dark.png`);
  });

  it('can be used with the keyboard alone: skip link first, then the controls, focus always drawn', async () => {
    const { page, tab } = await open(chair);
    assert.deepEqual(await unlabelledControls(tab), []);
    await page.keyboard.press('Tab');
    const skip = await focusedElement(tab);
    assert.equal(skip.text, '本文へスキップ');
    const reached = [];
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Tab');
      const focused = await focusedElement(tab);
      reached.push(focused.tag);
      assert.equal(focused.outlineStyle, 'solid', `${focused.tag} shows focus`);
      assert.ok(
        focused.outlineWidth >= 2,
        `${focused.tag} focus ring is ${focused.outlineWidth}px`,
      );
      assert.ok(
        focused.outlineContrast >= 3,
        `${focused.tag} focus ring contrast ${focused.outlineContrast}`,
      );
    }
    assert.deepEqual(reached, ['select', 'button']);
    await page.screenshot({ path: `${SHOTS}/tab-keyboard-focus.png` });
  });

  it('outside Teams, offers the development sign-in only because it is enabled, and it applies the same roles', async () => {
    // Development sign-in is refused next to an app id, so it has a server of its own.
    const local = await TabServer.start({ TAB_DEV_SIGNIN: 'true' });
    try {
      const page = await context.newPage();
      await page.goto(`${local.url}/tab`);
      await page.waitForSelector('form.signin');
      assert.deepEqual(await unlabelledControls(page.mainFrame()), []);
      await page.selectOption('#dev-person', 'bunkadesign-kacho@city.example.jp');
      await page.screenshot({ path: `${SHOTS}/tab-dev-signin.png` });
      await page.click('form.signin button');
      await page.waitForSelector('section[data-section="directory"]');
      assert.equal(await page.textContent('.viewer'), '文化デザイン課長 さん（代理 · 文化商工部）');
      assert.deepEqual(
        await page.$$eval('section[data-section="directory"] tbody th', (all) =>
          all.map((e) => e.textContent),
        ),
        ['文化商工部'],
      );
    } finally {
      await local.stop();
    }
  });

  it('outside Teams with the default configuration, only says to open it in Teams', async () => {
    const plain = await TabServer.start({});
    try {
      const page = await context.newPage();
      await page.goto(`${plain.url}/tab`);
      await page.waitForSelector('main[aria-busy="false"]');
      assert.equal(await page.locator('form').count(), 0);
      assert.match((await page.textContent('main')) ?? '', /Microsoft Teams の Honbu アプリ/);
    } finally {
      await plain.stop();
    }
  });

  it('renders every kind of block a section provider can return (a test section added with one line)', async () => {
    const fixture = await TabServer.start(
      { ...entra.env() },
      {
        dashboardSections: (sections) => [
          {
            id: 'fixture',
            title: 'tab.surveys.title',
            audience: Audience.staff,
            emptyMessage: 'tab.items.empty',
            load: async () => [
              { kind: 'facts', facts: [{ label: '締切', value: '令和8年12月4日（金）17:00' }] },
              {
                kind: 'progress',
                label: '回答済み',
                done: 7,
                total: 10,
                groups: [
                  { label: '回答済み', values: ['総務部', '区民部'] },
                  { label: '未回答', values: ['教育委員会（教育部）'] },
                ],
              },
              {
                kind: 'bars',
                caption: '得点（1位=3、2位=2、3位=1）',
                bars: [
                  { label: 'テレワーク', value: 12, display: '12点' },
                  { label: 'Web会議', value: 9, display: '9点' },
                ],
              },
              {
                kind: 'board',
                caption: '部署と状態ごとの宿題',
                columns: ['未着手', '対応中', '完了'],
                lanes: [
                  {
                    label: '区民部',
                    cells: [
                      [
                        {
                          title: 'RPA の報告',
                          detail: '期限 11/20',
                          badge: { text: '期限切れ', tone: 'alert' },
                        },
                      ],
                      [],
                      [],
                    ],
                  },
                ],
              },
              {
                kind: 'list',
                items: [
                  {
                    title: 'Web会議ツール',
                    badge: { text: '承認済み', tone: 'good' },
                    lines: ['区長部局: B, C'],
                  },
                ],
              },
            ],
          },
          ...sections,
        ],
      },
    );
    try {
      const page = await context.newPage();
      const { tab } = await openInTeams(context, fixture.url, {
        user: chair,
        token: () => entra.token(chair, fixture.clock.now()),
      });
      const section = tab.locator('section[data-section="fixture"]');
      assert.equal(await section.locator('dl.facts dd').textContent(), '令和8年12月4日（金）17:00');
      assert.equal(await section.locator('progress').getAttribute('value'), '7');
      assert.equal(
        await section.locator('progress').getAttribute('aria-label'),
        '回答済み: 7 / 10',
      );
      assert.deepEqual(
        await section
          .locator('.bars li')
          .evaluateAll((all) =>
            all.map((li) => [
              li.querySelector('.bar-label')?.textContent,
              (li.querySelector('.bar-fill') as HTMLElement).style.width,
            ]),
          ),
        [
          ['テレワーク', '100%'],
          ['Web会議', '75%'],
        ],
      );
      assert.equal(await section.locator('.board-card.is-alert .badge').textContent(), '期限切れ');
      assert.equal(await section.locator('.entry .badge.tone-good').textContent(), '承認済み');
      assert.deepEqual((await contrastOf(tab)).failures, []);
      await setTeamsTheme(tab.page(), 'dark');
      await tab.waitForSelector('html[data-theme="dark"]');
      assert.deepEqual((await contrastOf(tab)).failures, []);
      await section.screenshot({ path: `${SHOTS}/tab-blocks-fixture-dark.png` });
      await page.close();
    } finally {
      await fixture.stop();
    }
  });
});

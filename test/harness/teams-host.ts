import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';

/**
 * A stand-in for the Teams client: a page that frames the tab and answers the
 * teams-js wire protocol (postMessage) the way Teams does for initialize,
 * getContext and authentication.getAuthToken, and can push a theme change.
 * The token comes from the test (window.honbuSsoToken), signed by FakeEntra,
 * so the tab runs its real code path: teams-js, SSO token, protected API.
 * It is served from the tab's own origin, which teams-js trusts as a host.
 */
export const TEAMS_HOST_PATH = '/__teams-host';

const hostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams (test host)</title>
<style>html,body{margin:0;height:100%;background:#ebebeb}iframe{border:0;width:100%;height:100%;display:block}</style>
</head><body>
<iframe id="tab" title="Honbu" src="/tab"></iframe>
<script>
const params = new URLSearchParams(location.search);
const context = {
  locale: params.get('locale') || 'ja-JP',
  theme: params.get('theme') || 'default',
  entityId: 'dashboard',
  frameContext: 'content',
  hostClientType: 'web',
  hostName: 'Teams',
  tid: params.get('tid') || '',
  userObjectId: params.get('oid') || '',
  userPrincipalName: params.get('upn') || '',
  loginHint: params.get('upn') || '',
  appSessionId: 'test-session',
};
const runtime = JSON.stringify({ apiVersion: 4, supports: { app: {}, authentication: {}, pages: { config: {}, tabs: {} }, teamsCore: {} } });
window.hostCalls = [];
window.addEventListener('message', async (event) => {
  const frame = document.getElementById('tab').contentWindow;
  if (event.source !== frame || typeof event.data !== 'object' || !event.data || !('func' in event.data)) return;
  const { id, uuidAsString, func } = event.data;
  window.hostCalls.push(func);
  const reply = (args) => frame.postMessage({ id, uuidAsString, args }, event.origin);
  if (func === 'initialize') reply(['content', 'web', runtime, '2.1.0']);
  else if (func === 'getContext') reply([context]);
  else if (func === 'authentication.getAuthToken') {
    try { reply([true, await window.honbuSsoToken()]); } catch (error) { reply([false, String(error)]); }
  }
});
window.fitTab = () => { const tab = document.getElementById('tab'); tab.style.height = tab.contentDocument.documentElement.scrollHeight + 'px'; };
window.setTheme = (theme) => document.getElementById('tab').contentWindow.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
</script>
</body></html>`;

export interface HostUser {
  readonly upn: string;
  readonly oid: string;
}

/** Opens the tab inside the fake Teams client; resolves with the tab's frame once it rendered. */
export async function openInTeams(
  context: BrowserContext,
  baseUrl: string,
  options: {
    user: HostUser;
    token: () => Promise<string>;
    locale?: string;
    theme?: 'default' | 'dark' | 'contrast';
  },
): Promise<{ page: Page; tab: Frame }> {
  const page = await context.newPage();
  await page.route(`${baseUrl}${TEAMS_HOST_PATH}*`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage }),
  );
  await page.exposeFunction('honbuSsoToken', options.token);
  const query = new URLSearchParams({
    locale: options.locale ?? 'ja-JP',
    theme: options.theme ?? 'default',
    upn: options.user.upn,
    oid: options.user.oid,
  });
  await page.goto(`${baseUrl}${TEAMS_HOST_PATH}?${query}`);
  const tab = page.frame({ url: `${baseUrl}/tab` });
  if (!tab) throw new Error('the host page did not frame the tab');
  await tab.waitForSelector('main[aria-busy="false"]');
  return { page, tab };
}

/** Saves a screenshot of the whole tab, however long: the frame is first grown to fit its content. */
export async function screenshotTab(page: Page, path: string): Promise<void> {
  await page.evaluate(() => (window as unknown as { fitTab(): void }).fitTab());
  await page.screenshot({ path, fullPage: true });
}

/** Saves a screenshot of one part of the tab (e.g. a section), after growing the frame to fit it. */
export async function screenshotPart(page: Page, part: Locator, path: string): Promise<void> {
  await page.evaluate(() => (window as unknown as { fitTab(): void }).fitTab());
  await part.screenshot({ path });
}

/** Switches the Teams theme the way Teams does: a themeChange message to the tab. */
export async function setTeamsTheme(
  page: Page,
  theme: 'default' | 'dark' | 'contrast',
): Promise<void> {
  await page.evaluate(
    (t) => (window as unknown as { setTheme(t: string): void }).setTheme(t),
    theme,
  );
}

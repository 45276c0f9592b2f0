import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (Playwright's own browser download does not work here). */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * What Playwright turns off (playwright-core's chromiumSwitches), repeated here because Chromium
 * keeps only the last --disable-features it is given: ours, which comes after Playwright's,
 * replaces that list. launchChromium checks at every start that none of them was dropped.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The omnibox popup of the (invisible) browser window: Chromium 156 loads it as a web page of
 * 200 scripts for every new context, which took more CPU than the page under test.
 */
const UNUSED_BROWSER_UI = [
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'PreloadTopChromeWebUI',
];

/**
 * Headless Chromium for the browser tests. Without the background-networking switches its
 * connections are refused by this machine's closed network, many at a time.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_BROWSER_UI].join(',')}`,
    ],
    // launch() gives Chromium a fresh temporary profile (user data dir) every run.
  });
  try {
    await assertNoFeatureDropped(browser);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/** Every feature an earlier --disable-features names is in the last one, which is the one used. */
async function assertNoFeatureDropped(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  await page.goto('chrome://version');
  const commandLine = (await page.textContent('#command_line')) ?? '';
  await page.context().close();
  const lists = [...commandLine.matchAll(/--disable-features=(\S*)/g)].map((m) =>
    (m[1] ?? '').split(','),
  );
  const used = new Set(lists.at(-1));
  const dropped = lists.flat().filter((name) => !used.has(name));
  if (lists.length === 0 || dropped.length > 0)
    throw new Error(
      `Chromium would not turn off ${dropped.join(', ') || 'anything'}: ` +
        'add what Playwright turns off to PLAYWRIGHT_DISABLED_FEATURES',
    );
}

import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium headless shell (package chromium-headless-shell), the browser Playwright
 * itself uses for headless runs (its own download does not work here). The full browser in
 * headless mode also builds the user interface of a window nobody sees: on Chromium 156 it
 * loaded the omnibox popup, a page of some 200 scripts, for every new context, and the browser
 * tests took a quarter more CPU with it.
 */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium-headless-shell';

/**
 * Headless Chromium for the browser tests. Without the background-networking switches its
 * connections are refused by this machine's closed network, many at a time.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // launch() gives Chromium a fresh temporary profile (user data dir) every run.
  });
}

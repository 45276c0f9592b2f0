import { fileURLToPath } from 'node:url';

/** The page script, bundled with teams-js by `npm run build:tab` (scripts/build-tab.ts). */
export const TAB_SCRIPT_PATH = fileURLToPath(new URL('../../build/tab/app.js', import.meta.url));
/** The tab's entry module, which the bundle is built from. */
export const TAB_SCRIPT_SOURCE = fileURLToPath(new URL('../../web/tab/main.ts', import.meta.url));
/** The tab's style sheet, served as written. */
export const TAB_STYLE_PATH = fileURLToPath(new URL('../../web/tab/app.css', import.meta.url));
/** The meeting side panel's script (web/panel), bundled beside the tab's. */
export const PANEL_SCRIPT_PATH = fileURLToPath(
  new URL('../../build/tab/panel.js', import.meta.url),
);
export const PANEL_SCRIPT_SOURCE = fileURLToPath(
  new URL('../../web/panel/main.ts', import.meta.url),
);

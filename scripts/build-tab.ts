// `npm run build:tab`: bundles the tab's page script (web/tab, with teams-js) into
// build/tab/app.js, which GET /tab/app.js serves when the bot runs from its sources (the tests
// build it in their setup). `npm run build` bundles it into dist/build/tab/app.js instead.
import { build } from 'esbuild';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  PANEL_SCRIPT_PATH,
  PANEL_SCRIPT_SOURCE,
  TAB_SCRIPT_PATH,
  TAB_SCRIPT_SOURCE,
} from '../src/tab/assets.js';

/** Bundles the tab's and the meeting side panel's scripts into `outDir` (default build/tab). */
export async function buildTab(outDir = dirname(TAB_SCRIPT_PATH)): Promise<void> {
  await bundle(TAB_SCRIPT_SOURCE, join(outDir, basename(TAB_SCRIPT_PATH)));
  // The meeting side panel is its own page, with its own small script.
  await bundle(PANEL_SCRIPT_SOURCE, join(outDir, basename(PANEL_SCRIPT_PATH)));
}

async function bundle(source: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'safari16'],
    minify: true,
    // Beside the bundle for debugging, but not linked: the bot serves only app.js.
    sourcemap: 'external',
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildTab();
  process.stdout.write(`wrote ${TAB_SCRIPT_PATH}\n`);
}

// `npm run build:tab`: bundles the tab's page script (web/tab, with teams-js) into
// build/tab/app.js, which GET /tab/app.js serves. Runs before `npm start` and in the
// browser tests' setup, so a fresh clone needs no manual step.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import {
  PANEL_SCRIPT_PATH,
  PANEL_SCRIPT_SOURCE,
  TAB_SCRIPT_PATH,
  TAB_SCRIPT_SOURCE,
} from '../src/tab/assets.js';

export async function buildTab(): Promise<void> {
  await bundle(TAB_SCRIPT_SOURCE, TAB_SCRIPT_PATH);
  // The meeting side panel is its own page, with its own small script.
  await bundle(PANEL_SCRIPT_SOURCE, PANEL_SCRIPT_PATH);
}

async function bundle(source: string, out: string): Promise<void> {
  await build({
    entryPoints: [source],
    outfile: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'safari16'],
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildTab();
  process.stdout.write(`wrote ${TAB_SCRIPT_PATH}\n`);
}

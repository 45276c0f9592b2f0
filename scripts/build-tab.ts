// `npm run build:tab`: bundles the tab's page script (web/tab, with teams-js) into
// build/tab/app.js, which GET /tab/app.js serves when the bot runs from its sources (the tests
// build it in their setup). `npm run build` bundles it into dist/build/tab/app.js instead.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
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

/**
 * Each output file is written beside its place and renamed into it, so a bot serving
 * build/tab/ while another build writes it (test files running side by side) reads the
 * old file or the new one, never a part of one.
 */
async function bundle(source: string, outfile: string): Promise<void> {
  const { outputFiles } = await build({
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
    write: false,
  });
  for (const { path, contents } of outputFiles) {
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, contents);
    renameSync(partial, path);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildTab();
  process.stdout.write(`wrote ${TAB_SCRIPT_PATH}\n`);
}

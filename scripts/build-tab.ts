// `npm run build:tab`: bundles the tab's page script (web/tab, with teams-js) into
// build/tab/app.js, which GET /tab/app.js serves when the bot runs from its sources (the tests
// build it in their setup). `npm run build` bundles it into dist/build/tab/app.js instead.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { TAB_SCRIPT_PATH, TAB_SCRIPT_SOURCE } from '../src/tab/assets.js';

export async function buildTab(outfile = TAB_SCRIPT_PATH): Promise<void> {
  await build({
    entryPoints: [TAB_SCRIPT_SOURCE],
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

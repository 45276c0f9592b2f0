// `npm run build`: compiles the bot (src/, bot/) to dist/ as ES modules with source maps, and
// bundles the dashboard tab into it. Modules are compiled one by one, not bundled, so dist/
// mirrors the repository: every `new URL('…', import.meta.url)` read (the card templates in
// cards/, JSON files beside their modules, the tab's script and style) finds its file at the same
// relative place, and `node dist/src/main.js` needs nothing but the runtime dependencies.
// Type checking stays with `npm run typecheck`; esbuild only strips the types.
import { build, type BuildOptions } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildTab } from './build-tab.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(root, 'dist');
/** Written last: `npm start` compares the sources with it (scripts/start.mjs). */
export const BUILD_STAMP = join(DIST, '.build-stamp');
/** The folders compiled to dist/, with the data files (JSON) that sit beside their modules. */
const MODULE_DIRS = ['src', 'bot'];

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter(keep)
    .map((name) => join(dir, name));
}

/**
 * How each module is compiled. The target is the oldest Node the package supports (engines):
 * a plain `node20` would make esbuild drop import attributes (`with { type: 'json' }`), which
 * Node 20.10+ requires on JSON imports.
 */
export function moduleOptions(): BuildOptions {
  const { engines } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf-8')) as {
    engines: { node: string };
  };
  return {
    format: 'esm',
    platform: 'node',
    target: `node${engines.node.replace(/^>=\s*/, '')}`,
    sourcemap: true,
    logLevel: 'warning',
  };
}

const isModule = (name: string) => name.endsWith('.ts') && !name.endsWith('.d.ts');
const isData = (name: string) => name.endsWith('.json');

function copyInto(outdir: string, relativePath: string): void {
  const target = join(outdir, relativePath);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(root, relativePath), target, { recursive: true });
}

/** Builds into `outdir` (dist/ unless a test builds elsewhere). */
export async function buildDist(outdir = DIST): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: MODULE_DIRS.flatMap((dir) => filesUnder(dir, isModule)).map((f) => join(root, f)),
    outdir,
    outbase: root,
    ...moduleOptions(),
  });
  for (const file of MODULE_DIRS.flatMap((dir) => filesUnder(dir, isData))) copyInto(outdir, file);
  copyInto(outdir, 'cards');
  copyInto(outdir, 'web/tab/app.css');
  await buildTab(join(outdir, 'build/tab'));
  writeFileSync(join(outdir, '.build-stamp'), `${new Date().toISOString()}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const startedAt = performance.now();
  await buildDist();
  process.stdout.write(`built dist/ in ${Math.round(performance.now() - startedAt)} ms\n`);
}

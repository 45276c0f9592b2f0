import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDist, DIST, moduleOptions } from '../scripts/build.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds dist/ exactly as `npm run build` does, then compiles the bench's own
 * entry points (bench/*.ts) beside it, one module each with the same options, so
 * a bench starts every server the way production starts Honbu: plain `node` on
 * compiled modules, with no tsx hook. An entry's imports of src/ and bot/ find
 * their compiled modules at the same relative place (dist/bench → dist/src).
 */
export async function buildForBench(entries: readonly string[]): Promise<void> {
  await buildDist();
  await build({
    entryPoints: entries.map((entry) => join(root, entry)),
    outdir: DIST,
    outbase: root,
    ...moduleOptions(),
  });
}

/** Where a compiled bench entry (`bench/echo-bot.ts`) or module sits in dist/. */
export function compiled(entry: string): string {
  return join(DIST, entry.replace(/\.ts$/, '.js'));
}

/**
 * The node arguments of the production start (`npm run start:prod`: "node
 * [flags] dist/src/main.js"), so that benches start servers with the same flags.
 */
export function productionNodeArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf-8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = (scripts['start:prod'] ?? '').split(' ');
  if (command !== 'node') throw new Error('start:prod is expected to run node directly');
  return args.slice(0, -1);
}

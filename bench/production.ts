import { build } from 'esbuild';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist, DIST, moduleOptions } from '../scripts/build.js';

const root = join(DIST, '..');

/** The bot as `npm run build` compiles it, with bench entry points beside it. */
export interface ProductionBuild {
  /** The folder it is in. */
  readonly dir: string;
  /** The compiled file of a source path (`src/main.ts` → `…/src/main.js`), for `node` to run. */
  entry(sourcePath: string): string;
  remove(): void;
}

/**
 * Compiles the bot exactly as `npm run build` does (scripts/build.ts), into a folder of its own
 * so a bench never races a developer's or a test's dist/, and compiles each of `benchEntries`
 * (a bench's wrapper around the app, e.g. bench/memory-bot.ts) with the same options beside it:
 * the folder mirrors the repository, so their `../src/…` imports reach the compiled modules.
 * The runtime dependencies are the repository's own (a link to node_modules/).
 */
export async function buildProduction(
  benchEntries: readonly string[],
  prefix = 'honbu-bench-dist-',
): Promise<ProductionBuild> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    await buildDist(dir);
    await build({
      entryPoints: benchEntries.map((entry) => join(root, entry)),
      outdir: dir,
      outbase: root,
      ...moduleOptions(),
    });
    // "type": "module" makes Node read the compiled .js files as ES modules, as in dist/.
    cpSync(join(root, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return productionBuildAt(dir);
}

/** A build that buildProduction made earlier, e.g. in another process of the same run. */
export function productionBuildAt(dir: string): ProductionBuild {
  return {
    dir,
    entry: (sourcePath) => join(dir, sourcePath.replace(/\.ts$/, '.js')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
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

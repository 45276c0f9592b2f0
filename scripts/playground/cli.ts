import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The playground's command-line entry, from the devDependency the lock file pins: no download
 * at run time, so it works offline and always runs the version the config format was made for.
 */
export function playgroundCli(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@microsoft/m365agentsplayground/package.json');
  const { bin } = require(manifestPath) as { bin: Record<string, string> };
  const entry = bin['agentsplayground'];
  if (!entry) throw new Error('@microsoft/m365agentsplayground has no agentsplayground command');
  return join(dirname(manifestPath), entry);
}

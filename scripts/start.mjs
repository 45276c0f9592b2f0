// `npm start`: runs the compiled bot, compiling it first when dist/ is missing or older than
// its sources, so a newcomer's one command always runs what they see. Plain Node (no dev tool)
// for the check itself; only the build it may start uses esbuild. A production start skips
// all this: `npm run start:prod` runs node on dist/src/main.js.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'dist/.build-stamp');
/** What dist/ is made from (scripts/build.ts). */
const SOURCES = ['src', 'bot', 'cards', 'web/tab', 'scripts/build.ts', 'scripts/build-tab.ts'];

function modifiedAt(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestUnder(relativePath) {
  const path = join(root, relativePath);
  const own = modifiedAt(path) ?? 0;
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) return own;
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((name) => modifiedAt(join(path, name)) ?? 0)
    .reduce((a, b) => Math.max(a, b), own);
}

const builtAt = modifiedAt(stamp);
const sourcesAt = Math.max(...SOURCES.map(newestUnder));
if (builtAt === undefined || sourcesAt > builtAt) {
  process.stdout.write(
    builtAt === undefined ? 'Building dist/…\n' : 'Sources changed: rebuilding dist/…\n',
  );
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(pathToFileURL(join(root, 'dist/src/main.js')).href);

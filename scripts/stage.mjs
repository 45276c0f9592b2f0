// `npm run stage -- [folder]` (default build/deploy): what a server runs, in a folder of its own:
// package.json, package-lock.json, vendor/ (a local package the lock file links) and the built
// dist/, with the runtime dependencies only (`npm ci --omit=dev`). The Agents Toolkit deploys
// this folder to App Service; the production-install test stages, starts and talks to it.
// Plain Node: it runs after `npm run build`, which it does not do itself.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';

export const RUNTIME_FILES = ['package.json', 'package-lock.json', 'vendor', 'dist'];

const root = join(import.meta.dirname, '..');
const folder = resolve(process.argv[2] ?? join(root, 'build/deploy'));
if (!existsSync(join(root, 'dist/.build-stamp'))) {
  process.stderr.write('No build in dist/: run npm run build first.\n');
  process.exit(1);
}
rmSync(folder, { recursive: true, force: true });
for (const file of RUNTIME_FILES) cpSync(join(root, file), join(folder, file), { recursive: true });
// --install-links copies vendor/'s package into node_modules instead of linking it: a zip
// deploy need not keep symbolic links.
const install = spawnSync(
  'npm',
  [
    'ci',
    '--omit=dev',
    '--ignore-scripts',
    '--install-links',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
  ],
  { cwd: folder, stdio: ['ignore', 'inherit', 'inherit'] },
);
if (install.status !== 0) process.exit(install.status ?? 1);
process.stdout.write(`staged ${folder}: start it with npm run start:prod there\n`);

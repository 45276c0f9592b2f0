// Runs before `npm start` and `npm test`: installs the locked dependencies when
// node_modules is missing or was installed from another package-lock.json, so a
// fresh clone needs no separate install step. Uses only Node built-ins (nothing
// is installed yet). The lock file's content is compared, not its date: a git
// checkout touches the date of files it did not change.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';

const marker = 'node_modules/.honbu-lock-sha256';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const installedHash = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : undefined;
if (installedHash !== lockHash) {
  process.stdout.write('Installing dependencies (npm ci)…\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(marker, `${lockHash}\n`);
}

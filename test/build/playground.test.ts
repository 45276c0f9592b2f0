import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { playgroundCli } from '../../scripts/playground/cli.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf-8');

describe('npm run playground: offline, from the lock file', function () {
  this.slow(5000);

  it('runs the Agents Playground installed as a locked devDependency, never npx', () => {
    const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { version?: string; dev?: boolean }>;
    };
    const locked = lock.packages['node_modules/@microsoft/m365agentsplayground'];
    assert.ok(pkg.devDependencies['@microsoft/m365agentsplayground']);
    assert.equal(locked?.dev, true);
    assert.equal(locked?.version, pkg.devDependencies['@microsoft/m365agentsplayground']);
    assert.doesNotMatch(read('scripts/playground.ts'), /\bnpx\b/);
  });

  it('starts the locked command line (its help, which needs no network)', () => {
    const help = spawnSync(process.execPath, [playgroundCli(), '--help'], {
      encoding: 'utf-8',
      timeout: 30_000,
    });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /--app-endpoint/);
  });
});

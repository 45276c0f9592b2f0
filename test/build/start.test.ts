import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../bench/processes.js';
import { BUILD_STAMP, buildDist, DIST } from '../../scripts/build.js';

const startScript = join(DIST, '..', 'scripts', 'start.mjs');

/** Runs `npm start`'s script until /readyz answers, then stops it; returns what it printed. */
async function startAndStop(): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const port = await freePort();
  const child = spawn(process.execPath, [startScript], {
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      STORE_URL: 'memory:',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let running = true;
  void exited.then(() => (running = false));
  const deadline = Date.now() + 45_000;
  let ready = false;
  while (running && !ready && Date.now() < deadline) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  const code = await exited;
  assert.ok(ready, `not ready: ${stderr}`);
  return { stdout, stderr, code };
}

describe('npm start: builds dist/ only when the sources are newer, then runs it', function () {
  this.slow(20_000);
  this.timeout(120_000);

  before(async () => {
    await buildDist();
  });

  it('runs the existing build when nothing changed since', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000);
    utimesSync(BUILD_STAMP, inAnHour, inAnHour);
    const run = await startAndStop();
    assert.doesNotMatch(run.stdout, /build/i);
    assert.match(run.stdout, /Honbu listens on/);
    assert.equal(run.stderr, '', 'no warning on a normal start');
    assert.equal(run.code, 0);
  });

  it('rebuilds first when a source file is newer than the build', async () => {
    utimesSync(BUILD_STAMP, new Date(0), new Date(0));
    const run = await startAndStop();
    assert.match(run.stdout, /Sources changed: rebuilding dist/);
    assert.match(run.stdout, /Honbu listens on/);
    assert.ok(existsSync(BUILD_STAMP));
    assert.equal(run.code, 0);
  });
});

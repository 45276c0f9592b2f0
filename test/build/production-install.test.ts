import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../bench/processes.js';
import { BUILD_STAMP, buildDist, DIST } from '../../scripts/build.js';
import { FakeConnector } from '../harness/fake-connector.js';
import { message, teamsUser } from '../harness/teams.js';
import { RUNTIME_FILES } from './runtime.js';

// Both parts run the repository's dist/ (npm start's and the staged copy's), so they share this
// file: in a parallel run one worker takes them one after the other.
const root = new URL('../../', import.meta.url);
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf-8')) as {
  scripts: Record<string, string>;
};
/** The lock file marks what only development needs (devDependencies and what they alone pull in). */
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf-8')) as {
  packages: Record<string, { dev?: boolean }>;
};
const devOnly = Object.entries(lock.packages)
  .filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev)
  .map(([path]) => path);

/** Runs a command to its end; rejects with its output when it fails. */
function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

async function waitUntilReady(url: string, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !gone) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(gone ? 'the bot exited before it was ready' : 'the bot was not ready in 30 s');
}

describe('production install (npm run build, npm run stage: npm ci --omit=dev)', function () {
  // A real npm install and a real start: about a minute on a shared 2-core machine.
  this.timeout(240_000);
  this.slow(60_000);

  let folder: string;
  const connector = new FakeConnector();

  before(async () => {
    const cwd = fileURLToPath(root);
    await run('npm', ['run', '--silent', 'build'], cwd);
    folder = mkdtempSync(join(tmpdir(), 'honbu-production-'));
    await run('npm', ['run', '--silent', 'stage', '--', folder], cwd);
    await connector.start();
  });

  after(async () => {
    await connector.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('stages the runtime files and the runtime dependencies, nothing else', () => {
    assert.deepEqual(readdirSync(folder).sort(), [...RUNTIME_FILES, 'node_modules'].sort());
  });

  it('installs no development dependency', () => {
    assert.ok(devOnly.includes('node_modules/tsx') && devOnly.includes('node_modules/esbuild'));
    assert.deepEqual(
      devOnly.filter((path) => existsSync(join(folder, path))),
      [],
    );
  });

  it('starts with `npm run start:prod` from dist/, answers a turn and stops cleanly on SIGTERM', async () => {
    // The script is run as the container runs it: the command itself, with no npm around it.
    const [command, ...args] = (packageJson.scripts['start:prod'] ?? '').split(' ');
    assert.equal(command, 'node', 'start:prod runs node directly');
    const port = await freePort();
    const bot = spawn(process.execPath, args, {
      cwd: folder,
      // The newcomer's defaults (lowdb file under data/, demo data), with no .env file.
      env: { PATH: process.env['PATH'] ?? '', PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    bot.stdout.resume();
    bot.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => bot.once('exit', resolve));
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitUntilReady(url, exited);

      const user = teamsUser('kumin-bucho@city.example.jp');
      connector.addMember(user);
      const turn = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message(user, 'ヘルプ', { serviceUrl: `${connector.url}/` })),
      });
      assert.ok(turn.status < 300, `the turn answered ${turn.status}`);
      await connector.waitFor(
        () => connector.activities({ conversationId: user.personalConversationId }).length > 0,
        10_000,
      );
      const [reply] = connector.activities({ conversationId: user.personalConversationId });
      assert.ok(
        reply?.['text'] || (reply?.['attachments'] as unknown[] | undefined)?.length,
        'the reply says something',
      );
    } finally {
      bot.kill('SIGTERM');
    }
    assert.equal(await exited, 0, `exit code after SIGTERM (stderr: ${stderr})`);
    assert.doesNotMatch(stderr, /Warning/, 'no warning on a normal start');
    assert.ok(existsSync(join(folder, 'data/honbu.json')), 'the store file was written');
  });
});

const startScript = join(DIST, '..', 'scripts', 'start.mjs');
const fileLoadedAt = Date.now();

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
    // In a whole run the staging part above built dist/ moments ago: building again would only
    // repeat it. Run on its own (--grep), this part builds first.
    const builtAt = statSync(BUILD_STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (builtAt < fileLoadedAt) await buildDist();
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

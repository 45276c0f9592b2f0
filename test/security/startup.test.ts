import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ConfigError, loadConfig, redactStoreUrl } from '../../src/config.js';
import { createTestSchema } from '../harness/postgres.js';
import { botProcessArgs } from '../harness/shared-build.js';

/**
 * Runs the compiled bot as operators do (`npm run start:prod`). When `done` matches the
 * output, `meanwhile` runs against the live process, which is then stopped; if the process
 * exits first, its exit code is returned.
 */
async function runMain(
  env: Record<string, string>,
  done: RegExp,
  meanwhile: (output: string) => Promise<void> = async () => undefined,
): Promise<{ output: string; exitCode: number | null }> {
  const child = spawn(process.execPath, await botProcessArgs(), {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SCHEDULER_TICK_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const seen = new Promise<void>((resolve) => {
    const read = (d: Buffer) => {
      output += d.toString();
      if (done.test(output)) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
  const first = await Promise.race([seen.then(() => 'seen' as const), exited]);
  if (first === 'seen' && child.exitCode === null) {
    try {
      await meanwhile(output);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
    await exited;
    return { output, exitCode: null };
  }
  return { output, exitCode: await exited };
}

describe('security: development sign-in cannot be switched on where people can reach it', () => {
  const refused = (e: unknown) =>
    e instanceof ConfigError &&
    /TAB_DEV_SIGNIN/.test(e.message) &&
    /local demo only/.test(e.message);

  it('refuses TAB_DEV_SIGNIN with an app id, or with a public base URL off this machine', () => {
    assert.throws(() => loadConfig({ TAB_DEV_SIGNIN: 'yes', MicrosoftAppId: 'app' }), refused);
    for (const url of ['https://honbu.city.example.jp', 'http://10.0.0.5:3978', 'http://[::2]/'])
      assert.throws(
        () => loadConfig({ TAB_DEV_SIGNIN: 'true', PUBLIC_BASE_URL: url }),
        refused,
        url,
      );
  });

  it('allows it for a local demo: no app id, and a loopback or no public base URL', () => {
    for (const url of [
      undefined,
      'http://localhost:3978',
      'http://127.0.0.1:3978',
      'http://[::1]:3978',
    ]) {
      const env = { TAB_DEV_SIGNIN: 'true', ...(url ? { PUBLIC_BASE_URL: url } : {}) };
      assert.equal(loadConfig(env).tab.devSignIn, true, String(url));
    }
  });

  it('stops the process at start with a clear message (production settings + TAB_DEV_SIGNIN=yes)', async function () {
    this.timeout(30000);
    const dir = mkdtempSync(join(tmpdir(), 'honbu-devsignin-'));
    const run = await runMain(
      {
        NODE_ENV: 'production',
        STORE_URL: `file:${join(dir, 'honbu.json')}`,
        MicrosoftAppId: '00000000-0000-0000-0000-0000000000b0',
        MicrosoftAppPassword: 'secret',
        MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
        PUBLIC_BASE_URL: 'https://honbu.city.example.jp',
        TAB_DEV_SIGNIN: 'yes',
      },
      /Honbu is ready/,
    );
    assert.equal(run.exitCode, 1, run.output);
    assert.match(run.output, /Honbu cannot start: Invalid configuration:\n\s+TAB_DEV_SIGNIN:/);
  });
});

describe('security: the PostgreSQL password is never printed', () => {
  it('redacts the password and secret-looking parameters of a store URL', () => {
    assert.equal(
      redactStoreUrl('postgres://honbu:S3cret@db.example.jp:5432/honbu?sslmode=verify-full'),
      'postgres://honbu:***@db.example.jp:5432/honbu?sslmode=verify-full',
    );
    assert.equal(
      redactStoreUrl('postgresql://honbu@db/honbu?password=S3cret&sslpassword=x'),
      'postgresql://honbu@db/honbu?password=***&sslpassword=***',
    );
    assert.equal(redactStoreUrl('file:data/honbu.json'), 'file:data/honbu.json');
  });

  it('logs the store at start-up without its password', async function () {
    this.timeout(40000);
    const schema = await createTestSchema();
    try {
      const url = new URL(schema.url);
      url.password = 'S3cretPassw0rd';
      const run = await runMain(
        { STORE_URL: url.toString(), LOG_LEVEL: 'info', SEED_DEMO: 'false' },
        /Honbu is ready/,
      );
      assert.match(run.output, /"store":"postgres:\/\/[^"]*\*\*\*@/, run.output);
      assert.doesNotMatch(run.output, /S3cretPassw0rd/);
    } finally {
      await schema.drop();
    }
  });
});

describe('security: the process survives bad compressed bodies', () => {
  it('keeps serving after a non-gzip and a truncated gzip body (it used to exit)', async function () {
    this.timeout(40000);
    const dir = mkdtempSync(join(tmpdir(), 'honbu-gzip-'));
    const whole = gzipSync(Buffer.from(JSON.stringify({ type: 'message', text: 'x'.repeat(400) })));
    const bodies = [Buffer.from('hello'), whole.subarray(0, whole.length >> 1)];
    const statuses: number[] = [];
    const run = await runMain(
      { STORE_URL: `file:${join(dir, 'honbu.json')}`, SEED_DEMO: 'false' },
      /listens on (http:\/\/\S+)\/api\/messages/,
      async (output) => {
        const url = /listens on (http:\/\/\S+)\/api\/messages/.exec(output)?.[1] ?? '';
        for (const [path, body] of [
          ['/api/messages', bodies[0]],
          ['/api/messages', bodies[1]],
          ['/healthz', bodies[1]],
        ] as const) {
          const response = await fetch(`${url}${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
            body: body ?? null,
          });
          statuses.push(response.status);
        }
        statuses.push((await fetch(`${url}/healthz`)).status);
      },
    );
    assert.equal(run.exitCode, null, `the process exited: ${run.output}`);
    // /healthz takes GET only: a POST there is 405 once the body was refused or not.
    assert.deepEqual(statuses.slice(0, 2), [400, 400]);
    assert.ok(statuses[2] === 400 || statuses[2] === 405, String(statuses[2]));
    assert.equal(statuses[3], 200, 'still alive');
  });
});

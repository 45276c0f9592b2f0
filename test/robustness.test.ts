import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { ConfigError, loadConfig } from '../src/config.js';
import { botProcessArgs } from './harness/shared-build.js';
import { TestBot, textsOf } from './harness/test-bot.js';

describe('a failing turn', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await TestBot.start();
  });
  afterEach(async () => {
    sinon.restore();
    await bot.stop();
  });

  it('apologises in the user language, with a reference, and the bot keeps serving', async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp', 'en-US');
    await bot.say(secretary, 'help');
    sinon.stub(bot.services.directory, 'listPeople').rejects(new Error('disk on fire'));
    const failed = await bot.say(secretary, 'directory');
    assert.equal(failed.status, 200);
    const [apology] = textsOf(failed.sent);
    assert.match(apology ?? '', /^Sorry, something went wrong.*\(reference: [0-9a-f]{8}\)\.$/);
    sinon.restore();
    const next = await bot.say(secretary, 'directory');
    assert.match(textsOf(next.sent)[0] ?? '', /Directory/);
  });

  it('answers a failing card action with an apology as the invoke response', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    sinon.stub(bot.services.directory, 'findByAadObjectId').rejects(new Error('boom'));
    const result = await bot.execute(member, 'anything', {});
    assert.equal(result.status, 200);
    const body = result.body as { type: string; value: string };
    assert.equal(body.type, 'application/vnd.microsoft.activity.message');
    assert.match(body.value, /^申し訳ありません。処理中に問題が起きました/);
  });
});

describe('configuration', () => {
  it('names the variable that is wrong', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty' }),
      (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ HONBU_TIME_ZONE: 'Mars/Olympus' }),
      /HONBU_TIME_ZONE: is not an IANA time zone/,
    );
    assert.throws(() => loadConfig({ QUIET_HOURS: 'evenings' }), /QUIET_HOURS/);
    assert.throws(() => loadConfig({ STORE_URL: 'mysql://x' }), /STORE_URL/);
  });
  it('has defaults for a local demo', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.storeUrl, 'file:data/honbu.json');
    assert.equal(config.timeZone, 'Asia/Tokyo');
    assert.equal(config.seedDemo, true);
  });
});

describe('the process', () => {
  async function startProcess(env: Record<string, string>) {
    const child = spawn(process.execPath, await botProcessArgs(), {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SCHEDULER_TICK_MS: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    return { child, exited, output: () => output };
  }

  it('refuses to start on a corrupt store file and leaves the file untouched', async function () {
    this.timeout(30000);
    const dir = mkdtempSync(join(tmpdir(), 'honbu-corrupt-'));
    const path = join(dir, 'honbu.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, '{"schemaVersion":1,"collections":{"people":');
    const run = await startProcess({ PORT: '0', STORE_URL: `file:${path}` });
    assert.equal(await run.exited, 1);
    assert.match(run.output(), /Honbu cannot start: The store file .* is not valid JSON/);
    assert.equal(readFileSync(path, 'utf-8'), '{"schemaVersion":1,"collections":{"people":');
  });

  it('says where it listens and how to chat with it on another port and on every interface', async function () {
    this.timeout(30000);
    const run = await startProcess({ PORT: '0', HOST: '0.0.0.0', STORE_URL: 'memory:' });
    const deadline = Date.now() + 25000;
    while (!run.output().includes('npm run chat')) {
      if (Date.now() > deadline) throw new Error(`no start message: ${run.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    run.child.kill('SIGTERM');
    await run.exited;
    const port = /port (\d+)/.exec(run.output())?.[1];
    assert.ok(port && port !== '3978', run.output());
    assert.match(run.output(), /listens on every network interface \(0\.0\.0\.0\)/);
    assert.ok(
      run
        .output()
        .includes(
          `npm run chat -- --as kumin-bucho@city.example.jp --bot http://localhost:${port}\n`,
        ),
      run.output(),
    );
  });

  it('stops on SIGTERM with exit code 0 after finishing its writes', async function () {
    this.timeout(30000);
    const dir = mkdtempSync(join(tmpdir(), 'honbu-term-'));
    const path = join(dir, 'honbu.json');
    const run = await startProcess({ PORT: '0', STORE_URL: `file:${path}` });
    const deadline = Date.now() + 25000;
    while (!/listens on (http:\/\/\S+)\/api\/messages/.test(run.output())) {
      if (Date.now() > deadline) throw new Error(`no start: ${run.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0);
    const stored = JSON.parse(readFileSync(path, 'utf-8')) as { collections: { people: object } };
    assert.equal(
      Object.keys(stored.collections.people).length,
      19,
      'the demo directory was written completely',
    );
  });
});

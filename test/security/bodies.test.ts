import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { gzipSync, deflateSync, brotliCompressSync } from 'node:zlib';
import { TestBot } from '../harness/test-bot.js';
import { message } from '../harness/teams.js';

/** A raw HTTP request (fetch would refuse or rewrite some of what an attacker sends). */
function send(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path, url);
    const req = request(
      target,
      { method: options.method ?? 'POST', headers: options.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf-8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const JSON_GZIP = { 'content-type': 'application/json', 'content-encoding': 'gzip' };

describe('security: request bodies an attacker sends', () => {
  let bot: TestBot;
  before(async () => {
    bot = await TestBot.start();
  });
  after(() => bot.stop());

  async function stillServing(): Promise<void> {
    const health = await send(bot.url, { method: 'GET', path: '/healthz' });
    assert.equal(health.status, 200, 'the process still answers');
  }

  it('answers a gzip header over a body that is not gzip with 400 and keeps running', async () => {
    const result = await send(bot.url, {
      path: '/api/messages',
      headers: JSON_GZIP,
      body: Buffer.from('hello'),
    });
    assert.equal(result.status, 400);
    assert.deepEqual(JSON.parse(result.body), { error: 'invalid content encoding' });
    await stillServing();
  });

  it('answers a truncated gzip body with 400, on the bot endpoint and on /healthz', async () => {
    const whole = gzipSync(Buffer.from(JSON.stringify({ type: 'message', text: 'x'.repeat(500) })));
    const truncated = whole.subarray(0, Math.floor(whole.length / 2));
    for (const [method, path] of [
      ['POST', '/api/messages'],
      ['GET', '/healthz'],
      ['POST', '/api/tab/dev-signin'],
    ] as const) {
      const result = await send(bot.url, { method, path, headers: JSON_GZIP, body: truncated });
      assert.ok(result.status === 400 || result.status === 404, `${path}: ${result.status}`);
      assert.doesNotMatch(result.body, /zlib|Z_BUF_ERROR|unexpected end/i);
    }
    await stillServing();
  });

  it('refuses a gzip bomb by its inflated size (413), before parsing it', async () => {
    // 50 MB of spaces inside a JSON string: about 50 KB on the wire, far below MAX_BODY_BYTES.
    const bomb = gzipSync(
      Buffer.concat([Buffer.from('{"text":"'), Buffer.alloc(50e6, 32), Buffer.from('"}')]),
    );
    assert.ok(bomb.length < 262144, `the bomb is ${bomb.length} bytes compressed`);
    const before = process.memoryUsage().rss;
    const result = await send(bot.url, { path: '/api/messages', headers: JSON_GZIP, body: bomb });
    assert.equal(result.status, 413);
    assert.deepEqual(JSON.parse(result.body), { error: 'too large' });
    assert.ok(process.memoryUsage().rss - before < 40e6, 'the bomb was not inflated in memory');
    await stillServing();
  });

  it('refuses nested and unknown encodings with 415', async () => {
    const twice = gzipSync(gzipSync(Buffer.from('{}')));
    for (const [encoding, body] of [
      ['gzip, gzip', twice],
      ['compress', Buffer.from('{}')],
    ] as const) {
      const result = await send(bot.url, {
        path: '/api/messages',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body,
      });
      assert.equal(result.status, 415, encoding);
    }
  });

  it('still accepts a well-formed compressed activity (gzip, deflate, br)', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'en-US');
    for (const [encoding, compress] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const) {
      const activity = message(member, 'help', { serviceUrl: `${bot.connector.url}/` });
      const before = bot.connector.calls.length;
      const result = await send(bot.url, {
        path: '/api/messages',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: compress(Buffer.from(JSON.stringify(activity))),
      });
      assert.equal(result.status, 200, encoding);
      assert.ok(bot.connector.calls.length > before, `${encoding}: the bot answered`);
    }
  });

  it('refuses an oversized plain body with 413 and a JSON body', async () => {
    const result = await send(bot.url, {
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(300 * 1024, 32),
    });
    assert.equal(result.status, 413);
    assert.deepEqual(JSON.parse(result.body), { error: 'too large' });
    await stillServing();
  });

  it('refuses a body that is not JSON with 415, and broken JSON with 400', async () => {
    const form = await send(bot.url, {
      path: '/api/messages',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from('type=message'),
    });
    assert.equal(form.status, 415);
    const broken = await send(bot.url, {
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"type":'),
    });
    assert.equal(broken.status, 400);
    assert.deepEqual(JSON.parse(broken.body), { error: 'invalid JSON' });
  });
});

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { CapturedBot } from './captured-bot.js';

const FOLDER = new URL('../fixtures/teams/', import.meta.url);

interface Fixture {
  readonly name: string;
  readonly expect: 'reply' | 'silent' | 'invoke' | 'any';
  /** Text the answer must contain. */
  readonly reads: string | undefined;
  readonly activity: Record<string, unknown>;
}

/** Every payload in test/fixtures/teams, without its `_` documentation fields. */
function fixtures(): Fixture[] {
  return readdirSync(FOLDER)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(new URL(file, FOLDER), 'utf-8')) as Record<
        string,
        unknown
      >;
      const activity = Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('_')));
      assert.match(String(raw['_source']), /^https:\/\//, `${file} names its source`);
      return {
        name: file.replace(/\.json$/, ''),
        expect: raw['_expect'] as Fixture['expect'],
        reads: typeof raw['_reads'] === 'string' ? raw['_reads'] : undefined,
        activity,
      };
    });
}

const APOLOGY = /Sorry, something went wrong|問題が起きました/;

describe('security: real Teams payloads of every activity type, replayed', () => {
  let bot: CapturedBot;
  before(async () => {
    bot = await CapturedBot.start({ LOG_LEVEL: 'info' });
  });
  after(() => bot.stop());

  const all = fixtures();
  it('has a payload of each activity type Teams sends', () => {
    const types = new Set(all.map((f) => f.activity['type']));
    for (const type of [
      'message',
      'messageUpdate',
      'messageDelete',
      'messageReaction',
      'conversationUpdate',
      'installationUpdate',
      'typing',
      'event',
      'invoke',
    ])
      assert.ok(types.has(type), type);
  });

  for (const fixture of all) {
    it(`${fixture.name}: ${fixture.expect}, no crash and no 5xx`, async () => {
      const before = bot.connector.calls.length;
      const logsBefore = bot.logs.length;
      const result = await bot.post({ ...fixture.activity, serviceUrl: `${bot.connector.url}/` });
      assert.ok(result.status < 500, `status ${result.status}: ${result.text}`);
      assert.notEqual(result.status, 501);
      const posted = bot.connector.calls
        .slice(before)
        .filter((c) => (c.kind === 'reply' || c.kind === 'send') && c.status < 300)
        .map((c) => JSON.stringify(c.body));
      const failures = bot.logs.slice(logsBefore).filter((line) => /"level":(50|60)/.test(line));
      assert.deepEqual(failures, [], 'nothing failed');
      assert.doesNotMatch(posted.join('\n') + result.text, APOLOGY);
      if (fixture.expect === 'silent') assert.deepEqual(posted, [], 'a silent event gets no reply');
      if (fixture.expect === 'reply') {
        assert.equal(result.status, 200);
        assert.ok(posted.length > 0, 'the bot answered');
      }
      if (fixture.reads) assert.ok(posted.join('\n').includes(fixture.reads), posted.join('\n'));
      if (fixture.expect === 'invoke') {
        assert.equal(result.status, 200, result.text);
        assert.deepEqual(posted, [], 'an invoke is answered in the response');
      }
    });
  }
});

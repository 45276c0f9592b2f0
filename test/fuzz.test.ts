import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { TestBot } from './harness/test-bot.js';
import { fixture, type TestUser } from './harness/teams.js';

/** Strings that break naive code: control characters, lone surrogates, RTL marks, huge runs. */
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom(
    '\u0000',
    '\uD800',
    '\u202E',
    '＃５　完了',
    'ヘルプ'.repeat(500),
    '%s%n{0}${x}',
    '<at>Honbu</at>',
  ),
  fc.nat({ max: 20_000 }).map((n) => 'あ'.repeat(n)),
);

/** Any JSON value, biased towards the wrong type for a field. */
const anyValue = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

describe('fuzzing the HTTP endpoint (fast-check)', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let member: TestUser;
  before(async () => {
    bot = await TestBot.start();
    member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    await bot.install(member);
  });
  after(() => bot.stop());

  function storeIsValidJson(): void {
    JSON.parse(readFileSync(bot.storePath, 'utf-8'));
  }

  it('never answers 5xx to mutated Teams activities, and the store stays valid', async () => {
    const base = fixture('message-personal');
    const fields = Object.keys(base);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'message-personal',
          'message-channel-mention',
          'invoke-adaptive-card-action',
          'conversation-update-bot-added' as const,
        ),
        fc.array(fc.tuple(fc.constantFrom(...fields, 'value', 'name', 'action'), anyValue), {
          maxLength: 4,
        }),
        async (name, mutations) => {
          const activity: Record<string, unknown> = {
            ...fixture(name),
            serviceUrl: `${bot.connector.url}/`,
          };
          for (const [field, value] of mutations) activity[field] = value;
          const result = await bot.post(activity);
          // 501 is the Bot Framework's answer to an invoke it does not implement
          // (Teams sends many kinds); it is the protocol, not a failure.
          const unknownInvoke =
            result.status === 501 &&
            activity['type'] === 'invoke' &&
            activity['name'] !== 'adaptiveCard/action';
          assert.ok(
            result.status < 500 || unknownInvoke,
            `status ${result.status} for ${JSON.stringify(mutations).slice(0, 300)}`,
          );
        },
      ),
      { numRuns: 150 },
    );
    storeIsValidJson();
  });

  it('answers any command text in a user language, never with an error', async () => {
    const words = [
      'ヘルプ',
      'help',
      '名簿',
      '名簿登録',
      'directory set',
      'whoami',
      '#5 完了',
      '3日延期',
      '進捗:',
      'done',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...words),
        nastyString,
        fc.constantFrom('ja-JP', 'en-US', 'fr-FR', ''),
        async (word, rest, locale) => {
          const user = { ...member, locale };
          const result = await bot.say(user, `${word} ${rest}`);
          assert.ok(result.status < 500);
          const apology = result.sent.some((c) =>
            /Sorry, something went wrong|問題が起きました/.test(String(c.body?.['text'] ?? '')),
          );
          assert.equal(
            apology,
            false,
            `the turn failed for ${JSON.stringify(`${word} ${rest}`).slice(0, 200)}`,
          );
        },
      ),
      { numRuns: 150 },
    );
    storeIsValidJson();
  });

  it('answers tampered card actions with a clear message, never a failure', async () => {
    await fc.assert(
      fc.asyncProperty(
        nastyString,
        fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 5 }),
        async (verb, data) => {
          const result = await bot.execute(member, verb, data);
          assert.equal(result.status, 200);
          const body = result.body as { statusCode?: number; type?: string; value?: unknown };
          assert.equal(body.statusCode, 200);
          assert.ok(
            body.type === 'application/vnd.microsoft.activity.message' ||
              body.type === 'application/vnd.microsoft.card.adaptive',
          );
          if (body.type === 'application/vnd.microsoft.activity.message') {
            assert.doesNotMatch(String(body.value), /問題が起きました|something went wrong/);
          }
        },
      ),
      { numRuns: 150 },
    );
    storeIsValidJson();
  });
});

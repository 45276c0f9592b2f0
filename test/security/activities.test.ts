import { strict as assert } from 'node:assert';
import { BOT } from '../../scripts/teams/activities.js';
import { message, type Activity } from '../harness/teams.js';
import { cardsOf, textsOf, TestBot, visibleText, type PostResult } from '../harness/test-bot.js';

const MEMBER = 'kumin-bucho@city.example.jp';

/** What the user reads in the bot's answer: texts and card texts. */
function readable(result: PostResult): string {
  return [...textsOf(result.sent), ...cardsOf(result.sent).map(visibleText)].join('\n');
}

describe('security: activities shaped in ways Teams also sends', () => {
  let bot: TestBot;
  before(async () => {
    bot = await TestBot.start();
  });
  after(() => bot.stop());

  function where(channel = false) {
    return { serviceUrl: `${bot.connector.url}/`, channel };
  }

  it('answers in the language of entities[].clientInfo.locale when there is no top-level locale', async () => {
    const user = bot.user(MEMBER, 'en-US');
    const { locale: _none, ...activity } = message(user, 'help', where());
    const result = await bot.post(activity);
    assert.equal(result.status, 200);
    assert.match(readable(result), /What Honbu can do for you/);
  });

  it('strips the bot mention when its <at> text differs from the entity (a renamed bot)', async () => {
    const user = bot.user(MEMBER, 'en-US');
    const activity: Activity = {
      ...message(user, 'help', where(true)),
      text: '<at>Honbu (old name)</at> help',
      entities: [
        { type: 'mention', mentioned: { ...BOT }, text: '<at>Honbu</at>' },
        { type: 'clientInfo', locale: 'en-US' },
      ],
    };
    const result = await bot.post(activity);
    assert.match(readable(result), /What Honbu can do for you/);
    assert.doesNotMatch(readable(result), /did not understand/);
  });

  it('strips only the bot among several mentions, matched by id, and keeps the rest', async () => {
    const user = bot.user(MEMBER, 'en-US');
    const activity: Activity = {
      ...message(user, 'help', where(true)),
      text: '<at>Sato</at> <at>Honbu Bot</at> xyzzy',
      entities: [
        { type: 'mention', mentioned: { id: '29:sato', name: 'Sato' }, text: '<at>Sato</at>' },
        { type: 'mention', mentioned: { ...BOT }, text: '<at>Honbu</at>' },
        { type: 'clientInfo', locale: 'en-US' },
      ],
    };
    const result = await bot.post(activity);
    // "<at>Sato</at> xyzzy" means nothing: the bot says so and quotes what it read.
    assert.match(readable(result), /did not understand "<at>Sato<\/at> xyzzy"/);
  });

  it('stores a thread without conversationType as a channel, and a 19: chat as a group chat', async () => {
    const user = bot.user(MEMBER, 'en-US');
    const thread = '19:untyped@thread.tacv2;messageid=1764032400999';
    const channelPost = message(user, 'help', { ...where(true), conversationId: thread });
    delete (channelPost['conversation'] as Record<string, unknown>)['conversationType'];
    assert.equal((await bot.post(channelPost)).status, 200);
    const channel = await bot.services.conversations.get('19:untyped@thread.tacv2');
    assert.equal(channel?.kind, 'channel');
    assert.equal(await bot.services.conversations.get(thread), undefined);

    const group = message(user, 'help', { ...where(), conversationId: '19:group-chat@thread.v2' });
    delete (group['conversation'] as Record<string, unknown>)['conversationType'];
    assert.equal((await bot.post(group)).status, 200);
    assert.equal(
      (await bot.services.conversations.get('19:group-chat@thread.v2'))?.kind,
      'groupChat',
    );
  });
});

describe('security: invokes Honbu does not handle', () => {
  let bot: TestBot;
  before(async () => {
    bot = await TestBot.start();
  });
  after(() => bot.stop());

  function invoke(name: string | undefined, value: unknown = {}): Activity {
    const user = bot.user(MEMBER, 'en-US');
    const {
      text: _t,
      textFormat: _f,
      ...base
    } = message(user, '', {
      serviceUrl: `${bot.connector.url}/`,
    });
    return { ...base, type: 'invoke', ...(name === undefined ? {} : { name }), value };
  }

  const cases: Array<[string | undefined, (body: unknown) => void]> = [
    [
      'composeExtension/query',
      (body) =>
        assert.deepEqual(body, {
          composeExtension: { type: 'message', text: 'Honbu does not support this action.' },
        }),
    ],
    [
      'task/fetch',
      (body) =>
        assert.deepEqual(body, {
          task: { type: 'message', value: 'Honbu does not support this action.' },
        }),
    ],
    ['signin/verifyState', (body) => assert.deepEqual(body ?? {}, {})],
    ['application/search', (body) => assert.deepEqual(body ?? {}, {})],
    [undefined, (body) => assert.deepEqual(body ?? {}, {})],
  ];
  for (const [name, check] of cases) {
    it(`answers ${name ?? 'an invoke with no name'} with 200 and a neutral body, sending nothing`, async () => {
      const result = await bot.post(invoke(name, { commandId: 'x', parameters: [] }));
      assert.equal(result.status, 200);
      check(result.body);
      assert.equal(result.sent.length, 0);
    });
  }
});

describe('security: a reply inside a turn that Teams throttles', function () {
  this.timeout(20_000);
  let bot: TestBot;
  before(async () => {
    bot = await TestBot.start();
  });
  after(() => bot.stop());

  it('does not sleep on a long Retry-After: the turn ends in seconds, not 40', async () => {
    const user = bot.user(MEMBER, 'en-US');
    bot.connector.failNext(429, { retryAfterSeconds: 40, appliesTo: (c) => c.kind === 'reply' });
    const started = Date.now();
    const result = await bot.say(user, 'help');
    const took = Date.now() - started;
    assert.equal(result.status, 200);
    assert.ok(took < 5000, `the turn took ${took} ms`);
    // The reply was refused once; the apology (next reply) went through.
    assert.match(readable(result), /Sorry, something went wrong/);
  });

  it('retries a short Retry-After and the reply arrives', async () => {
    const user = bot.user(MEMBER, 'en-US');
    bot.connector.failNext(429, { retryAfterSeconds: 0, appliesTo: (c) => c.kind === 'reply' });
    const result = await bot.say(user, 'help');
    assert.equal(result.status, 200);
    assert.match(readable(result), /What Honbu can do for you/);
  });
});

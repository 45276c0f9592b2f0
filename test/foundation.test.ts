import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { TestBot, cardsOf, textsOf, visibleText } from './harness/test-bot.js';

describe('foundation: the bot over its real HTTP endpoint', () => {
  let bot: TestBot;

  beforeEach(async () => {
    bot = await TestBot.start();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('answers ヘルプ from a Japanese member with a Japanese help card of what a member may do', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const result = await bot.say(member, 'ヘルプ');
    assert.equal(result.status, 200);
    const [card] = cardsOf(result.sent);
    assert.ok(card, 'a help card was sent');
    const text = visibleText(card);
    assert.match(text, /Honbu でできること/);
    assert.match(text, /区民部長 さん（部員 · 区民部）/);
    assert.match(text, /ヘルプ/);
    assert.doesNotMatch(text, /名簿登録/, 'members are not shown secretariat commands');
  });

  it('answers help from an English guest with an English card listing only guest commands', async () => {
    const guest = bot.user('visitor@example.com', 'en-US');
    const result = await bot.say(guest, 'help');
    const text = visibleText(cardsOf(result.sent)[0]);
    assert.match(text, /What Honbu can do for you/);
    assert.match(text, /Guest/);
    assert.doesNotMatch(text, /directory set/);
  });

  it('keeps the help card current: the same card twice, then the new role and department at once', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const secretary = bot.user('johokanri-kacho@city.example.jp', 'ja-JP');
    const first = cardsOf((await bot.say(member, 'ヘルプ')).sent)[0];
    const second = cardsOf((await bot.say(member, 'ヘルプ')).sent)[0];
    assert.deepEqual(second, first);
    assert.match(visibleText(second), /区民部長 さん（部員 · 区民部）/);

    const registered = await bot.say(
      secretary,
      '名簿登録 kumin-bucho@city.example.jp 事務局 総務部 区民部長',
    );
    assert.equal(registered.status, 200);
    const after = visibleText(cardsOf((await bot.say(member, 'ヘルプ')).sent)[0]);
    assert.match(after, /区民部長 さん（事務局 · 総務部）/);
    assert.match(after, /名簿登録/, 'the secretariat commands appear with the new role');
  });

  it('shows the secretariat its own commands', async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp', 'ja-JP');
    const text = visibleText(cardsOf((await bot.say(secretary, 'ヘルプ')).sent)[0]);
    assert.match(text, /名簿登録/);
  });

  it('strips the @mention in a channel', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const result = await bot.say(member, 'ヘルプ', { channel: true });
    assert.equal(cardsOf(result.sent).length, 1);
  });

  it('stores the conversation reference on every message and links the AAD id', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    await bot.say(member, 'help');
    const record = await bot.services.conversations.personalChatOf(member.aadObjectId);
    assert.equal(record?.id, member.personalConversationId);
    assert.equal(record?.active, true);
    const person = await bot.services.directory.findByAadObjectId(member.aadObjectId);
    assert.equal(person?.upn, 'kumin-bucho@city.example.jp');
  });

  it('answers unknown text with a suggestion, not an error', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'en-US');
    const texts = textsOf((await bot.say(member, 'hlep')).sent);
    assert.deepEqual(texts, ['Sorry, I did not understand "hlep". Did you mean "help"?']);
    const ja = bot.user('somu-bucho@city.example.jp', 'ja-JP');
    const [reply] = textsOf((await bot.say(ja, 'こんにちは')).sent);
    assert.match(reply ?? '', /こんにちは。「次の会議」/);
  });

  it('refuses a secretariat command to a member politely', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const [reply] = textsOf((await bot.say(member, '名簿')).sent);
    assert.equal(reply, '申し訳ありません。この操作は本部長または事務局のみが行えます。');
  });

  it('tells someone outside the directory what they can do and who registers them', async () => {
    const guest = bot.user('visitor@example.com', 'en-US');
    const [english] = textsOf((await bot.say(guest, 'my items')).sent);
    assert.equal(
      english,
      'Sorry, this is for people in the committee directory. You can still ask policy questions and get help; ask the secretariat to register you.',
    );
    const member = bot.user('kumin-bucho@city.example.jp', 'en-US');
    const [staffOnly] = textsOf((await bot.say(member, 'directory')).sent);
    assert.equal(staffOnly, 'Sorry, only Chair or Secretariat can do this.');
    const japaneseGuest = bot.user('visitor2@example.com', 'ja-JP');
    const [ja] = textsOf((await bot.say(japaneseGuest, '次の会議')).sent);
    assert.match(ja ?? '', /名簿に登録された方のみ.*登録は事務局にご依頼ください/);
  });

  it('lets the secretariat add a directory entry, which then takes effect', async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp', 'ja-JP');
    const [reply] = textsOf(
      (await bot.say(secretary, '名簿登録 new-head@city.example.jp 部員 総務部 新総務部長')).sent,
    );
    assert.equal(
      reply,
      '新総務部長（new-head@city.example.jp）を部員 · 総務部として登録しました。',
    );
    const newcomer = bot.user('new-head@city.example.jp', 'en-US');
    const [who] = textsOf((await bot.say(newcomer, 'whoami')).sent);
    assert.match(who ?? '', /Member · General Affairs/);
    const [bad] = textsOf(
      (await bot.say(secretary, '名簿登録 x@city.example.jp 部員 存在しない部')).sent,
    );
    assert.match(bad ?? '', /部署「存在しない部」が名簿にありません/);
  });

  it('delivers a proactive message after the process restarts, from the stored reference', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    await bot.say(member, 'ヘルプ');
    await bot.restart();
    bot.connector.reset();
    const result = await bot.services.sender.send(
      { userAadObjectId: member.aadObjectId },
      { text: '会議のお知らせ' },
    );
    assert.equal(result.ok, true);
    assert.deepEqual(textsOf(bot.connector.calls), ['会議のお知らせ']);
    assert.equal(bot.connector.calls[0]?.conversationId, member.personalConversationId);
  });

  it('marks a conversation inactive when the bot is removed, and stops sending there', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    await bot.install(member);
    const removal = {
      ...(await import('./harness/teams.js')).botAdded(member, {
        serviceUrl: `${bot.connector.url}/`,
      }),
    };
    removal['membersRemoved'] = removal['membersAdded'];
    delete removal['membersAdded'];
    await bot.post(removal);
    const result = await bot.services.sender.send(
      { userAadObjectId: member.aadObjectId },
      { text: 'x' },
    );
    assert.deepEqual(result, { ok: false, reason: 'unreachable' });
  });

  it('welcomes on install in the user language', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'en-US');
    const texts = textsOf((await bot.install(member)).sent);
    assert.match(texts[0] ?? '', /I am Honbu/);
  });

  it('rejects malformed JSON with 400 and keeps serving', async () => {
    const bad = await bot.postRaw('{"type": "message", ');
    assert.equal(bad.status, 400);
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    assert.equal((await bot.say(member, 'ヘルプ')).status, 200);
  });

  it('rejects an oversized body with 413', async () => {
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });
    assert.equal((await bot.postRaw(huge)).status, 413);
  });

  it('answers health and readiness probes', async () => {
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    const ready = await fetch(`${bot.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  });

  it('answers a card action from a guest with a refusal as the invoke response', async () => {
    const guest = bot.user('visitor@example.com', 'en-US');
    const result = await bot.execute(guest, 'unknown.verb', {});
    assert.equal(result.status, 200);
    assert.deepEqual(result.body, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'This card action could not be accepted. Please reopen the card.',
    });
  });
});

describe('foundation: shutting down', () => {
  it('stops while clients hold connections with no request on them (a browser preconnect, half-sent headers)', async () => {
    const bot = await TestBot.start();
    const open = async (send?: string): Promise<Socket> => {
      const socket = connect(Number(new URL(bot.url).port), '127.0.0.1');
      await once(socket, 'connect');
      if (send) socket.write(send);
      return socket;
    };
    const sockets = [await open(), await open('GET /healthz HTTP/1.1\r\nHost: honbu\r\n')];
    try {
      // The server has taken both connections (and the half request) before it is told to stop.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const outcome = await Promise.race([
        bot.stop().then(() => 'stopped'),
        new Promise((resolve) => setTimeout(resolve, 5000, 'still waiting after 5 s').unref()),
      ]);
      assert.equal(outcome, 'stopped');
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});

describe('foundation: authentication', () => {
  it('with an app id configured, an unsigned request gets 401 and is not processed', async () => {
    const bot = await TestBot.start({
      env: {
        MicrosoftAppId: '00000000-0000-0000-0000-0000000000b0',
        MicrosoftAppPassword: 'secret',
      },
    });
    try {
      const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
      const result = await bot.say(member, 'ヘルプ');
      assert.equal(result.status, 401);
      assert.equal(bot.connector.calls.length, 0);
      assert.equal(await bot.services.conversations.personalChatOf(member.aadObjectId), undefined);
    } finally {
      await bot.stop();
    }
  });
});

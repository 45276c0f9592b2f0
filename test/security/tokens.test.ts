import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type JWTPayload,
} from 'jose';
import { message, teamsUser } from '../harness/teams.js';
import { CapturedBot } from './captured-bot.js';

const APP_ID = '0b6f6c1e-5f0e-4b7a-9a51-6f2d3c4b5a69';
const ISSUER = 'https://api.botframework.com';
const KID = 'bf-published-key';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** Stands in for login.botframework.com: OpenID metadata and the published signing keys. */
class FakeBotFrameworkLogin {
  private constructor(
    private readonly server: Server,
    readonly keys: KeyPair,
    readonly metadataUrl: string,
  ) {}

  static async start(): Promise<FakeBotFrameworkLogin> {
    const keys = await generateKeyPair('RS256', { extractable: true });
    const jwk = {
      ...(await exportJWK(keys.publicKey)),
      kid: KID,
      use: 'sig',
      endorsements: ['msteams'],
    };
    let base = '';
    const server = createServer((req, res) => {
      const body =
        req.url === '/v1/.well-known/openidconfiguration'
          ? {
              issuer: ISSUER,
              jwks_uri: `${base}/v1/keys`,
              id_token_signing_alg_values_supported: ['RS256'],
            }
          : req.url === '/v1/keys'
            ? { keys: [jwk] }
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new FakeBotFrameworkLogin(server, keys, `${base}/v1/.well-known/openidconfiguration`);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function claims(serviceUrl: string, extra: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: serviceUrl,
    nbf: now - 60,
    exp: now + 3600,
    ...extra,
  };
}

async function signed(key: KeyPair['privateKey'], payload: JWTPayload, kid = KID): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}

describe('security: Bot Framework tokens', function () {
  this.timeout(20000);
  let login: FakeBotFrameworkLogin;
  let bot: CapturedBot;
  let serviceUrl: string;
  const user = teamsUser('kumin-bucho@city.example.jp', 'en-US');

  before(async () => {
    login = await FakeBotFrameworkLogin.start();
    bot = await CapturedBot.start({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-by-these-tests',
      BotOpenIdMetadata: login.metadataUrl,
    });
    bot.connector.addMember(user);
    serviceUrl = `${bot.connector.url}/`;
    bot.captureStderr();
  });
  after(async () => {
    await bot.stop();
    await login.stop();
  });

  function activity(): Record<string, unknown> {
    return message(user, 'help', { serviceUrl });
  }

  it('accepts a token signed with the published key (the test is real)', async () => {
    const token = await signed(login.keys.privateKey, claims(serviceUrl));
    const result = await bot.post(activity(), { authorization: `Bearer ${token}` });
    assert.equal(result.status, 200, result.text);
    // Replying needs a token from Entra ID, which the tests cannot reach; the turn ran all the same.
    const conversation = await bot.honbu.services.conversations.get(user.personalConversationId);
    assert.ok(conversation, 'the turn ran and remembered the conversation');
  });

  const forgeries: Array<
    [string, (login: FakeBotFrameworkLogin, serviceUrl: string) => Promise<string>]
  > = [
    [
      'signed by another key under the published key id',
      async (_l, url) => signed((await generateKeyPair('RS256')).privateKey, claims(url)),
    ],
    ['alg: none', async (_l, url) => new UnsecuredJWT(claims(url)).encode()],
    [
      'HS256 keyed with the published public key',
      async (l, url) => {
        const secret = new TextEncoder().encode(await exportSPKI(l.keys.publicKey));
        return new SignJWT(claims(url)).setProtectedHeader({ alg: 'HS256', kid: KID }).sign(secret);
      },
    ],
    [
      'nbf an hour ahead',
      async (l, url) =>
        signed(l.keys.privateKey, claims(url, { nbf: Math.floor(Date.now() / 1000) + 3600 })),
    ],
    [
      'expired an hour ago',
      async (l, url) =>
        signed(l.keys.privateKey, claims(url, { exp: Math.floor(Date.now() / 1000) - 3600 })),
    ],
    [
      'for another bot',
      async (l, url) => signed(l.keys.privateKey, claims(url, { aud: 'someone-else' })),
    ],
    [
      'for another service URL',
      async (l) => signed(l.keys.privateKey, claims('https://attacker.example/')),
    ],
    [
      'with an unknown key id',
      async (l, url) => signed(l.keys.privateKey, claims(url), 'no-such-key'),
    ],
    ['not a JWT', async () => 'abc'],
    ['three dots of nothing', async () => '..'],
    ['base64 garbage', async () => 'eyJhbGciOi.eyJpc3Mi.c2ln'],
  ];

  for (const [label, forge] of forgeries) {
    it(`refuses a token ${label} with 401, a neutral body and one short log line`, async () => {
      const token = await forge(login, serviceUrl);
      const logsBefore = bot.logs.length;
      const before = bot.connector.calls.length;
      const stranger = teamsUser(`forger-${forgeries.findIndex(([l]) => l === label)}@example.com`);
      const forged = message(stranger, 'help', { serviceUrl });
      const result = await bot.post(forged, { authorization: `Bearer ${token}` });
      assert.equal(result.status, 401, result.text);
      assert.deepEqual(JSON.parse(result.text), { error: 'unauthorized' });
      assert.equal(bot.connector.calls.length, before, 'nothing was sent');
      assert.equal(
        await bot.honbu.services.conversations.get(stranger.personalConversationId),
        undefined,
        'no turn ran',
      );
      const lines = bot.logs.slice(logsBefore);
      assert.equal(lines.length, 1, lines.join('\n'));
      assert.match(lines[0] ?? '', /request refused: not authenticated/);
    });
  }

  it('refuses requests with no token, another scheme or an empty bearer with 401', async () => {
    for (const header of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer ', 'Bearer a b']) {
      const result = await bot.post(
        activity(),
        header === undefined ? {} : { authorization: header },
      );
      assert.equal(result.status, 401, String(header));
      assert.deepEqual(JSON.parse(result.text), { error: 'unauthorized' });
    }
  });

  it('prints no public key, stack or library message anywhere', () => {
    const printed = bot.printed();
    assert.doesNotMatch(printed, /BEGIN (RSA )?PUBLIC KEY|Available keys/);
    assert.doesNotMatch(printed, /\n\s+at /, 'no stack traces');
    assert.equal(bot.stderr.join(''), '', 'nothing on stderr (console.error)');
  });
});

describe('security: Bot Framework signing keys that cannot be fetched', () => {
  it('answers 503 with a neutral body and logs one line', async () => {
    // A port nothing listens on: the metadata fetch is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const bot = await CapturedBot.start({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used',
      BotOpenIdMetadata: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    });
    bot.captureStderr();
    try {
      const { privateKey } = await generateKeyPair('RS256');
      const token = await signed(privateKey, claims(`${bot.connector.url}/`));
      const logsBefore = bot.logs.length;
      const result = await bot.post(
        message(teamsUser('a@city.example.jp'), 'help', { serviceUrl: `${bot.connector.url}/` }),
        {
          authorization: `Bearer ${token}`,
        },
      );
      assert.equal(result.status, 503);
      assert.deepEqual(JSON.parse(result.text), { error: 'service unavailable' });
      const lines = bot.logs.slice(logsBefore);
      assert.equal(lines.length, 1, lines.join('\n'));
      assert.match(lines[0] ?? '', /signing keys could not be fetched/);
      assert.equal(bot.stderr.join(''), '');
    } finally {
      await bot.stop();
    }
  });
});

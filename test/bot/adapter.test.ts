// Tests of the bot/ layer itself, so the Bot Framework SDK appears here; they move with bot/.
import { strict as assert } from 'node:assert';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { createBotFramework } from '../../bot/adapter.js';
import { message, teamsUser } from '../../scripts/teams/activities.js';

const botAuth = { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' };
const TEAMS = 'https://smba.trafficmanager.net/jp/';
const OTHER = 'https://smba.trafficmanager.net/amer/';

type IncomingActivity = Parameters<
  ReturnType<typeof createBotFramework>['auth']['authenticateRequest']
>[0];

/** The harness builds activities as Teams sends them: plain JSON, as the SDK receives it. */
function incoming(text: string, serviceUrl: string): IncomingActivity {
  return message(teamsUser('kumin-bucho@city.example.jp'), text, {
    serviceUrl,
  }) as unknown as IncomingActivity;
}

function botClaims(appId: string): ClaimsIdentity {
  return new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: appId },
      { type: AuthenticationConstants.AppIdClaim, value: appId },
    ],
    true,
  );
}

describe('bot adapter: Bot Framework clients are built once, not on every turn', () => {
  it('gives every turn from one service URL the same reply client, and another URL its own', async () => {
    const { auth } = createBotFramework(botAuth);
    const replyClient = async (serviceUrl: string) => {
      const turn = await auth.authenticateRequest(incoming('ヘルプ', serviceUrl), '');
      assert.ok(turn.connectorFactory, 'a turn comes with a connector factory');
      return turn.connectorFactory.create(serviceUrl, turn.audience);
    };
    const first = await replyClient(TEAMS);
    assert.equal(await replyClient(TEAMS), first);
    const other = await replyClient(OTHER);
    assert.notEqual(other, first);
    assert.equal(await replyClient(OTHER), other);
  });

  it('keeps proactive clients apart from reply clients (they send without retries)', async () => {
    const { auth } = createBotFramework(botAuth);
    const proactive = await auth.createConnectorFactory(botClaims('')).create(TEAMS);
    assert.equal(await auth.createConnectorFactory(botClaims('')).create(TEAMS), proactive);
    const turn = await auth.authenticateRequest(incoming('help', TEAMS), '');
    assert.notEqual(await turn.connectorFactory?.create(TEAMS, turn.audience), proactive);
  });

  it('builds one user-token client per app id', async () => {
    const { auth } = createBotFramework(botAuth);
    const first = await auth.createUserTokenClient(botClaims(''));
    assert.equal(await auth.createUserTokenClient(botClaims('')), first);
  });
});

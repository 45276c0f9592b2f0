import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { Config } from '../src/config.js';

interface PipelineResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | undefined };
}

/** The part of @azure/core-rest-pipeline's PipelinePolicy that a retry policy needs. */
interface RetryPolicy {
  readonly name: string;
  sendRequest<R>(
    request: R,
    next: (request: R) => Promise<PipelineResponseLike>,
  ): Promise<PipelineResponseLike>;
}

interface PipelineHolder {
  client?: {
    pipeline?: {
      removePolicy(options: { phase: 'Retry' }): unknown;
      addPolicy(policy: RetryPolicy, options: { phase: 'Retry' }): void;
    };
  };
}

/**
 * botbuilder's connector client retries 429 and 5xx by itself (sleeping for
 * Retry-After inside the call). Honbu's scheduler owns retries, rate limits and
 * dead letters, so it must see each 429 at once: we drop the client's Retry
 * phase. `client` is private in botframework-connector, hence the narrow cast;
 * test/scheduler.http.test.ts fails if a botbuilder upgrade breaks this.
 */
function withoutRetries(connector: ConnectorClient): ConnectorClient {
  (connector as unknown as PipelineHolder).client?.pipeline?.removePolicy({ phase: 'Retry' });
  return connector;
}

/** Retries of one reply inside a turn, and the most they may wait in all. */
const REPLY_RETRIES = 2;
const REPLY_RETRY_BUDGET_MS = 3000;

/**
 * Replies within a turn are retried, but briefly: Teams gives a bot about 15 s
 * to answer and then redelivers, and botbuilder's own policy would sleep for a
 * whole Retry-After (40 s was seen on a 429). A wait that does not fit in the
 * budget is not taken: the 429 goes to the turn, which apologises at once.
 */
function withReplyRetries(connector: ConnectorClient): ConnectorClient {
  const pipeline = (connector as unknown as PipelineHolder).client?.pipeline;
  pipeline?.removePolicy({ phase: 'Retry' });
  pipeline?.addPolicy(
    {
      name: 'honbuReplyRetry',
      async sendRequest(request, next) {
        let waited = 0;
        for (let attempt = 0; ; attempt++) {
          const response = await next(request);
          const transient = response.status === 429 || response.status >= 500;
          if (!transient || attempt >= REPLY_RETRIES) return response;
          const wait = retryAfterMs(response) ?? 250 * 2 ** attempt;
          if (waited + wait > REPLY_RETRY_BUDGET_MS) return response;
          await new Promise((resolve) => setTimeout(resolve, wait));
          waited += wait;
        }
      },
    },
    { phase: 'Retry' },
  );
  return connector;
}

/** Retry-After (seconds or an HTTP date) in ms; undefined when absent or unreadable. */
function retryAfterMs(response: PipelineResponseLike): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Clients kept per key; past this many the oldest is let go (Teams has a few service URLs). */
const CLIENTS_KEPT = 64;

/**
 * A small insertion-ordered cache of clients. Building a Bot Framework client builds
 * its whole HTTP pipeline, which CloudAdapter otherwise does twice on every turn (the
 * connector for the reply and a user-token client); the clients hold no per-turn
 * state and their credentials refresh their own tokens, so one per key serves every
 * turn (the older BotFrameworkAdapter kept its connector clients the same way).
 */
class ClientCache<C> {
  private readonly clients = new Map<string, Promise<C>>();

  get(key: string, create: () => Promise<C>): Promise<C> {
    let client = this.clients.get(key);
    if (!client) {
      client = create();
      // A failed creation is not kept: the next turn tries again.
      client.catch(() => this.clients.delete(key));
      if (this.clients.size >= CLIENTS_KEPT) {
        const oldest = this.clients.keys().next();
        if (!oldest.done) this.clients.delete(oldest.value);
      }
      this.clients.set(key, client);
    }
    return client;
  }
}

/** The bot's app id as botframework-connector reads it from a turn's claims. */
function appIdOf(claims: ClaimsIdentity): string {
  return (
    claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: ClientCache<ConnectorClient>,
    private readonly prepare: (client: ConnectorClient) => ConnectorClient,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, async () =>
      this.prepare(await this.inner.create(serviceUrl, audience)),
    );
  }
}

class HonbuAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly replyClients = new ClientCache<ConnectorClient>();
  private readonly proactiveClients = new ClientCache<ConnectorClient>();
  private readonly userTokenClients = new ClientCache<UserTokenClient>();

  /** Replies within a turn are retried briefly (see withReplyRetries): the user is waiting for them. */
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    const connectorFactory = new CachingConnectorFactory(
      result.connectorFactory,
      appIdOf(result.claimsIdentity),
      this.replyClients,
      withReplyRetries,
    );
    return { ...result, connectorFactory };
  }

  /** Proactive sends go through the scheduler, which owns retries (see withoutRetries). */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new CachingConnectorFactory(
      super.createConnectorFactory(claimsIdentity),
      appIdOf(claimsIdentity),
      this.proactiveClients,
      withoutRetries,
    );
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }
}

/**
 * CloudAdapter, run on a request whose token bot/authenticate.ts has already
 * checked: CloudAdapter.process would answer a bad token with a 500 and the
 * library's message, and print it with console.error.
 */
export class HonbuAdapter extends CloudAdapter {
  runAuthenticated(
    authentication: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authentication, activity, logic);
  }
}

export interface BotFramework {
  readonly adapter: HonbuAdapter;
  /** Also used directly for proactive sends (see BotSender). */
  readonly auth: ConfigurationBotFrameworkAuthentication;
}

/**
 * The public cloud's settings with another OpenID metadata document (where the
 * channel's signing keys are listed). botframework-connector takes all of these
 * as given as soon as one is set, so the others are spelled out as its defaults.
 */
function publicCloudWithKeysAt(
  openIdMetadataUrl: string,
): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * The Bot Framework adapter. With no app id (local use) requests need no
 * signature; with one, CloudAdapter rejects unsigned requests with 401.
 */
export function createBotFramework(botAuth: Config['botAuth']): BotFramework {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: botAuth.appId,
    MicrosoftAppPassword: botAuth.appPassword,
    MicrosoftAppType: botAuth.appType,
    MicrosoftAppTenantId: botAuth.tenantId,
    ...(botAuth.openIdMetadataUrl ? publicCloudWithKeysAt(botAuth.openIdMetadataUrl) : {}),
  };
  const auth = new HonbuAuthentication(options);
  return { adapter: new HonbuAdapter(auth), auth };
}

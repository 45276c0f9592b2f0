import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  ConnectorFactory,
  type ClaimsIdentity,
  type ConnectorClient,
} from 'botframework-connector';
import type { Config } from '../src/config.js';

interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } };
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

class NoRetryAuthentication extends ConfigurationBotFrameworkAuthentication {
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const inner = super.createConnectorFactory(claimsIdentity);
    return new (class extends ConnectorFactory {
      async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return withoutRetries(await inner.create(serviceUrl, audience));
      }
    })();
  }
}

export interface BotFramework {
  readonly adapter: CloudAdapter;
  /** Also used directly for proactive sends (see BotSender). */
  readonly auth: ConfigurationBotFrameworkAuthentication;
}

/**
 * The Bot Framework adapter. With no app id (local use) requests need no
 * signature; with one, CloudAdapter rejects unsigned requests with 401.
 */
export function createBotFramework(config: Config): BotFramework {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.botAuth.appId,
    MicrosoftAppPassword: config.botAuth.appPassword,
    MicrosoftAppType: config.botAuth.appType,
    MicrosoftAppTenantId: config.botAuth.tenantId,
  };
  const auth = new NoRetryAuthentication(options);
  return { adapter: new CloudAdapter(auth), auth };
}

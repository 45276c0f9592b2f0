import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Config } from '../src/config.js';

/**
 * The Bot Framework adapter. With no app id (local use) requests need no
 * signature; with one, CloudAdapter rejects unsigned requests with 401.
 */
export function createAdapter(config: Config): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.botAuth.appId,
    MicrosoftAppPassword: config.botAuth.appPassword,
    MicrosoftAppType: config.botAuth.appType,
    MicrosoftAppTenantId: config.botAuth.tenantId,
  };
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
}

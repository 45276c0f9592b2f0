import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, redactStoreUrl } from './config.js';
import { createLogger } from './logger.js';
import { localStartMessage } from './start-message.js';
import { StoreUnavailableError } from './store/document-store.js';

if (existsSync('.env')) process.loadEnvFile('.env');

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // The bot itself is loaded only once its settings are valid: a start refused for a bad
  // setting then says so at once, not after a second of loading what it will never run.
  const { createHonbu } = await import('./app/honbu.js');
  const honbu = await createHonbu({ config, logger });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight turns and writes');
    await honbu.stop();
    process.exit(0);
  };
  // Registered before the ready message, so a supervisor that signals at once is heard.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  const url = await honbu.start();
  logger.info(
    { url, store: redactStoreUrl(config.storeUrl), ms: Math.round(performance.now() - startedAt) },
    'Honbu is ready',
  );
  if (!config.botAuth.appId) {
    process.stdout.write(localStartMessage(url, config.host));
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreUnavailableError) {
    process.stderr.write(`Honbu cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(
      `Honbu cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});

import { createBotTransport } from '../../bot/index.js';
import { randomIds, systemClock, type Clock, type IdGenerator } from '../clock.js';
import type { Config } from '../config.js';
import { sectionsOf } from './feature.js';
import { createFeatures } from './features.js';
import { registerJobs } from './jobs.js';
import { createRouter } from './routes.js';
import type { Router } from './router.js';
import { createServices, type Services } from './services.js';
import { seedDemoIfEmpty } from '../demo/seed.js';
import { createExtensions } from '../extensions/index.js';
import { IdentityResolver } from '../domain/identity.js';
import { SeenActivities } from '../http/seen-activities.js';
import { HttpServer } from '../http/server.js';
import { createLogger, type Logger } from '../logger.js';
import { ConversationRegistry } from '../messaging/conversations.js';
import { openBotShare } from '../messaging/bot-share.js';
import { RateLimiter } from '../messaging/rate-limit.js';
import { RateLimitedSender } from '../messaging/rate-limited-sender.js';
import type { DocumentStore } from '../store/document-store.js';
import { openStore } from '../store/open-store.js';
import { TabAuthenticator } from '../tab/auth.js';
import { Dashboard } from '../tab/dashboard.js';
import { panelRoutes } from '../tab/panel-routes.js';
import { tabRoutes } from '../tab/routes.js';
import type { SectionProvider } from '../tab/sections/section.js';

export interface HonbuOptions {
  readonly config: Config;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: Logger;
  /** An already open store; otherwise STORE_URL is opened. */
  readonly store?: DocumentStore;
  /**
   * The dashboard tab's sections, given each feature's in page order
   * (src/app/features.ts); tests add a section by returning a longer list.
   */
  readonly dashboardSections?: (featureSections: SectionProvider[]) => SectionProvider[];
}

export interface Honbu {
  readonly services: Services;
  readonly http: HttpServer;
  /** The route table: every command, card verb and intent (src/app/features.ts). */
  readonly router: Router;
  /** Listens on the configured port (0 = any free port); returns the base URL. */
  start(): Promise<string>;
  /** Finishes in-flight requests and pending writes, then releases the store. */
  stop(): Promise<void>;
}

/** Wires the whole application: store, domain services, bot transport, HTTP. */
export async function createHonbu(options: HonbuOptions): Promise<Honbu> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const store =
    options.store ??
    (await openStore(config.storeUrl, {
      poolSize: config.storePoolSize,
      onBackgroundError: (error) =>
        logger.warn({ err: error }, 'store connection failed; it will be replaced'),
    }));

  const conversations = new ConversationRegistry(store, clock);
  // A redelivered activity can reach another instance only through a shared
  // database; a file store has one process, which remembers sightings in memory
  // instead of rewriting its file on every message (half the turn rate otherwise).
  const sightingsStore = store.sharedByInstances ? store : await openStore('memory:');
  const transport = createBotTransport(
    config,
    conversations,
    logger,
    new SeenActivities(sightingsStore, clock),
  );
  // Every proactive message is paced to Teams' documented limits; instances
  // sharing a database share the per-bot limit between those sending.
  const limiter = new RateLimiter();
  const share = openBotShare(store, clock, limiter, ids.next('instance'), logger);
  const sender = new RateLimitedSender(transport.sender, clock, limiter, share);
  const services = await createServices(
    { config, clock, ids, logger, store },
    conversations,
    sender,
  );
  // The router is made from the features, whose intents run their commands
  // through it: they get it through this accessor, usable once it is built below.
  const routes = (): Router => router;
  const features = createFeatures({ ...services, routes });
  if (config.seedDemo && (await seedDemoIfEmpty(store, features)))
    logger.info('empty store: demo data loaded');

  await registerJobs(features);
  const router = createRouter(features, services);
  const identity = new IdentityResolver(services.directory, clock);
  const extensions = createExtensions(services);
  // Its one job kind (the agenda before a linked Teams meeting) lives with the feature.
  extensions.meetingChat.registerJobs();
  const messages = transport.attach({
    router,
    identity,
    conversations,
    logger,
    extensions,
  });
  const http = new HttpServer({
    maxBodyBytes: config.maxBodyBytes,
    logger,
    messages,
    isReady: () => store.ready,
  });
  const featureSections = sectionsOf(features);
  const sections = options.dashboardSections?.(featureSections) ?? featureSections;
  const tab = {
    dashboard: new Dashboard(sections, services.directory, clock, config.timeZone),
    authenticator: new TabAuthenticator(config.tab, services.directory, identity, clock, logger),
    directory: services.directory,
    logger,
  };
  for (const route of tabRoutes(tab)) http.addRoute(route);
  for (const route of panelRoutes({ panel: extensions.meetingPanel, ...tab })) http.addRoute(route);
  if (config.tab.devSignIn)
    logger.warn('TAB_DEV_SIGNIN is on: anyone who reaches /tab can act as any directory person');
  for (const route of features.flatMap((f) => f.http ?? [])) http.addRoute(route);

  return {
    services,
    http,
    router,
    start: async () => {
      const url = await http.listen(config.port, config.host);
      services.links.useListeningUrl(url);
      services.scheduler.start(config.schedulerTickMs);
      return url;
    },
    stop: async () => {
      await http.close();
      await services.scheduler.stop();
      await services.surveys.settled();
      await share?.stop();
      if (sightingsStore !== store) await sightingsStore.close();
      await store.close();
    },
  };
}

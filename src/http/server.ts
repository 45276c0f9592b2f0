import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../logger.js';
import { bodyReader } from './body.js';

/** Handles POST /api/messages; supplied by the bot transport. */
export type MessageEndpoint = (req: Request, res: Response) => Promise<void>;

export interface HttpOptions {
  readonly maxBodyBytes: number;
  readonly logger: Logger;
  readonly messages: MessageEndpoint;
  readonly isReady: () => boolean;
}

export interface Route {
  readonly method: 'get' | 'post' | 'put' | 'del';
  readonly path: string;
  readonly handle: (req: Request, res: Response) => Promise<void>;
}

/**
 * The HTTP server: the Bot Framework endpoint, health probes, and whatever
 * routes features add (ics files, CSV exports, the tab). Every request is
 * counted, so shutdown can wait for the ones in flight.
 */
export class HttpServer {
  readonly server: Server;
  private inFlight = 0;
  private drained: (() => void) | undefined;

  constructor(private readonly options: HttpOptions) {
    const server = restify.createServer({ name: 'honbu', handleUncaughtExceptions: false });
    server.use(restify.plugins.queryParser({ mapParams: false }));
    // Not restify's bodyParser: see body.ts for why a bad gzip body used to stop the process.
    server.use(bodyReader(options.maxBodyBytes));
    server.pre((req, res, next) => {
      this.inFlight++;
      res.once('close', () => this.finished());
      return next();
    });
    server.on(
      'restifyError',
      (req: Request, res: Response, err: Error & { statusCode?: number }, cb: () => void) => {
        if ((err.statusCode ?? 500) >= 500)
          options.logger.error({ err, url: req.url }, 'request failed');
        return cb();
      },
    );

    server.post('/api/messages', async (req: Request, res: Response) => {
      try {
        await options.messages(req, res);
      } catch (err) {
        // CloudAdapter answers most failures itself; this is the last line of defence.
        options.logger.error({ err }, 'message endpoint failed');
        if (!res.headersSent) res.send(500, { error: 'internal error' });
      }
    });
    server.get('/healthz', async (_req: Request, res: Response) => {
      res.send(200, { status: 'alive' });
    });
    server.get('/readyz', async (_req: Request, res: Response) => {
      const ready = options.isReady();
      res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'starting' });
    });
    this.server = server;
  }

  addRoute(route: Route): void {
    this.server[route.method](route.path, async (req: Request, res: Response) => {
      try {
        await route.handle(req, res);
      } catch (err) {
        this.options.logger.error({ err, path: route.path }, 'route failed');
        if (!res.headersSent) res.send(500, { error: 'internal error' });
      }
    });
  }

  async listen(port: number, host: string): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return this.url;
  }

  get url(): string {
    const address = this.server.address();
    const host =
      address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
    return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  }

  /** Stops accepting connections and resolves once in-flight requests have finished. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    // Every request begun has been answered. Left are keep-alive connections and ones with no
    // whole request on them: a browser opens connections ahead of requests it may never send
    // (Chromium preconnects). Node counts those as busy, and once closing stops timing them out,
    // so closing only the idle ones waited until the client hung up: for ever, under a tab left open.
    this.server.server.closeAllConnections();
    await closed;
  }

  private finished(): void {
    this.inFlight--;
    if (this.inFlight === 0 && this.drained) this.drained();
  }
}

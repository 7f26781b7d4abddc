/**
 * Builds the whole server from a configuration: store, catalogue, travel graph, recommender, HTTP API,
 * static client and live channel. `main.ts` runs it; integration tests start it on an ephemeral port.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { authRoutes } from './auth/routes.ts';
import { SessionClocks } from './auth/session-clocks.ts';
import { loadCatalogueFiles, type CatalogueFiles } from './catalogue/load-files.ts';
import { readCatalogue } from './catalogue/queries.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { DEMO_AGENCY, seedDemoCatalogue } from './catalogue/seed.ts';
import { systemClock, type Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { TravelGraph } from './graph/travel-graph.ts';
import { healthRoutes } from './health/routes.ts';
import { apiNotFound, errorHandler } from './http/errors.ts';
import { PushCache } from './push/push-cache.ts';
import { pushRoutes } from './push/routes.ts';
import { mountRealtime, type RealtimeServer } from './realtime/realtime-server.ts';
import { warmOpeningHours } from './recommend/opening-hours.ts';
import { Recommender } from './recommend/recommender.ts';
import { AfterTurnWrites } from './store/after-turn-writes.ts';
import { openStore } from './store/open-store.ts';
import { StoreHealth } from './store/store-health.ts';
import { listInteractions } from './travellers/queries.ts';
import { travellerRoutes } from './travellers/routes.ts';

export interface RunningApp {
  ctx: AppContext;
  url: string;
  realtime: RealtimeServer;
  close(): Promise<void>;
}

function contentSecurityPolicy(config: ServerConfig) {
  const mapOrigins = config.mapStyleUrl ? [new URL(config.mapStyleUrl).origin] : [];
  const mapbox = config.mapboxToken ? ['https://api.mapbox.com', 'https://events.mapbox.com'] : [];
  return {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      // maplibre runs its tile work in a worker and sets styles inline on the canvas container.
      'worker-src': ["'self'", 'blob:'],
      'child-src': ["'self'", 'blob:'],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:', ...mapOrigins, ...mapbox],
      'connect-src': ["'self'", ...mapOrigins, ...mapbox],
      'font-src': ["'self'", ...mapOrigins],
      'upgrade-insecure-requests': null,
    },
  };
}

function serveClient(app: express.Express, dist: string): void {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build`, then reload.');
    });
    return;
  }
  app.use(express.static(dist, { index: false, maxAge: '1h', immutable: false }));
  // The app is a single page: every non-API path gets index.html and the client routes it.
  app.get(/^(?!\/api\/|\/ws$).*/, (_req, res) => res.sendFile(index));
}

export async function startApp(config: ServerConfig, options: { clock?: Clock; logger?: Logger } = {}): Promise<RunningApp> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const clock = options.clock ?? systemClock;

  const opening = openStore(config.dataDir, { checkpointErrors: (message) => logger.warn({ message }, 'WAL checkpoint failed') });
  // The store's integrity check runs on a worker thread: the catalogue files are read and validated meanwhile.
  let files: CatalogueFiles;
  try {
    files = loadCatalogueFiles(config.catalogueDir, config.personasFile);
  } catch (err) {
    await opening.then((store) => store.close(), () => undefined);
    throw err;
  }
  const store = await opening;
  const { db, close: closeDb } = store;
  if (store.integrity.status === 'unfinished') {
    logger.warn({ reason: store.integrity.reason, file: store.file }, 'the database integrity check did not finish: starting without it');
  }
  const storeHealth = new StoreHealth(store.integrity);
  const commit = storeHealth.watch(store.commit);
  // The raw commit: a turn's writes are first tried as one transaction, then batch by batch when that
  // fails; only a batch that fails on its own is a failure, and it comes back through onError.
  const afterTurn = new AfterTurnWrites(store.commit, (err, writes) => {
    storeHealth.record(err);
    logger.error({ err, writes }, 'writes after the turn failed');
  });
  const seedReport = await seedDemoCatalogue(db, files, clock.now());
  logger.debug({ seedReport }, 'catalogue seeded');

  // Events that ended more than a day ago are not loaded: the graph holds what can still be suggested.
  const catalogue = await readCatalogue(db, new Date(clock.now().getTime() - 86_400_000));
  const graph = TravelGraph.build(catalogue, await listInteractions(db));
  const agencyNames = new Map(catalogue.agencies.map((a) => [a.id, a.name]));
  const recommender = new Recommender(graph, (id) => agencyNames.get(id) ?? DEMO_AGENCY.name);
  const city = graph.city(files.city.id)!;

  const ctx: AppContext = {
    config,
    db,
    commit,
    afterTurn,
    storeHealth,
    graph,
    recommender,
    clock,
    sessionClocks: new SessionClocks(db, clock),
    pushCache: new PushCache(db, afterTurn),
    logger,
    city,
    personas: new Map(files.personas.map((p) => [p.id, p])),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet({ contentSecurityPolicy: contentSecurityPolicy(config) }));
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  app.use('/api', express.json({ limit: '64kb' }));

  const server = http.createServer(app);
  const realtime = mountRealtime(ctx, server);

  app.use('/api', healthRoutes(ctx, realtime.hub));
  app.use('/api', authRoutes(ctx));
  app.use('/api', catalogueRoutes(ctx));
  app.use('/api', travellerRoutes(ctx));
  app.use('/api', pushRoutes(ctx));
  app.use('/api', apiNotFound);
  serveClient(app, config.clientDist);
  app.use(errorHandler((err) => storeHealth.record(err)));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  void warmOpeningHours(
    graph.places().map((p) => ({ openingHours: p.openingHours, lat: p.lat, lon: p.lon, countryCode: city.countryCode })),
    clock.now(),
    city.timezone,
  );
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  return {
    ctx,
    url,
    realtime,
    async close() {
      await realtime.close();
      await afterTurn.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeDb();
    },
  };
}

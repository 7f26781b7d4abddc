/** The services a request handler may use, created once at start and passed down explicitly. */
import type { Logger } from 'pino';
import type { PersonaRecord } from '@escale/shared';
import type { Bus } from './bus/bus.ts';
import type { ChangeLog } from './bus/change-log.ts';
import type { Relay } from './bus/relay.ts';
import type { Cities } from './catalogue/cities.ts';
import type { SessionClocks } from './auth/session-clocks.ts';
import type { Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import type { TravelGraph } from './graph/travel-graph.ts';
import type { PushCache } from './push/push-cache.ts';
import type { Recommender } from './recommend/recommender.ts';
import type { InsightRecorder } from './insights/recorder.ts';
import type { Db } from './store/db.ts';
import type { AfterTurnWrites } from './store/after-turn-writes.ts';
import type { StoreHealth } from './store/store-health.ts';
import type { CommitBatch, CommitNumbered } from './store/write-batch.ts';
import type { StoreKind } from './store/dialect.ts';
import type { Metrics } from './metrics/metrics.ts';

export interface AppContext {
  config: ServerConfig;
  db: Db;
  /** Commits prepared writes as one transaction, the push path's way to write (store/write-batch.ts). */
  commit: CommitBatch;
  /** Commits writes numbered by a counter (a traveller's next sequence number), in one transaction. */
  commitNumbered: CommitNumbered;
  /** SQLite (one instance) or PostgreSQL (DATABASE_URL: one or several instances). */
  storeKind: StoreKind;
  /** Writes committed at the end of the event loop's turn: positions, a push's own record (after it is sent). */
  afterTurn: AfterTurnWrites;
  /** Counts the store's failures for /api/health: `record(err)` where a store error is caught. */
  storeHealth: StoreHealth;
  graph: TravelGraph;
  recommender: Recommender;
  /** The server's clock (persistence, expiry, the replay window). */
  clock: Clock;
  /** Each session's clock ("now" for rankings and push triggers): the server's, or a virtual one. */
  sessionClocks: SessionClocks;
  /** What the push path reads per connected traveller; `invalidate` after writing any of those rows. */
  pushCache: PushCache;
  /** Counts and latencies for GET /metrics (metrics/metrics.ts). */
  metrics: Metrics;
  /** What the agency's insights count: suggestions delivered, liked, dismissed, booked (insights/recorder.ts). */
  insights: InsightRecorder;
  /** What one feature tells the others holding live state (sockets, caches, clocks): bus/bus.ts. */
  bus: Bus;
  /** Commits a change with its entry in the change log; every instance applies it (bus/change-log.ts). */
  changes: ChangeLog;
  /** Wake-ups and live messages between instances: in-process, or Redis (bus/relay.ts). */
  relay: Relay;
  logger: Logger;
  /** Every city held (the demo catalogues and imported ones); a traveller's follows their position. */
  cities: Cities;
  personas: Map<string, PersonaRecord>;
}

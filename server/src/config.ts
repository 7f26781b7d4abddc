/** Reads and validates the environment once at start; a bad value stops the server with the variable named. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ServerEnv } from '@escale/shared';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevel: ServerEnv['LOG_LEVEL'];
  demoMode: boolean;
  allowedOrigins: string[];
  sessionTtlMs: number;
  demo: { sessionTtlMs: number; signinsPerHour: number; maxVisitors: number };
  mapStyleUrl: string | null;
  mapboxToken: string | null;
  clientDist: string;
  catalogueDir: string;
  personasFile: string;
  realtime: {
    heartbeatMs: number;
    ratePerSecond: number;
    rateBurst: number;
    maxBufferedBytes: number;
    helloTimeoutMs: number;
    maxSocketsPerSession: number;
    replayMaxMessages: number;
    pushTickMs: number;
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ESCALE_DATA_DIR),
    logLevel: e.LOG_LEVEL,
    demoMode: e.DEMO_MODE,
    allowedOrigins: e.ALLOWED_ORIGINS,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    demo: { sessionTtlMs: e.DEMO_SESSION_TTL_HOURS * 3600_000, signinsPerHour: e.DEMO_SIGNINS_PER_HOUR, maxVisitors: e.DEMO_MAX_VISITORS },
    mapStyleUrl: e.MAP_STYLE_URL ?? null,
    mapboxToken: e.MAPBOX_TOKEN ?? null,
    clientDist: path.resolve(e.CLIENT_DIST ?? path.join(REPO_ROOT, 'client/dist')),
    catalogueDir: path.resolve(e.CATALOGUE_DIR ?? path.join(REPO_ROOT, 'data/paris')),
    personasFile: path.join(REPO_ROOT, 'data/personas.json'),
    realtime: {
      heartbeatMs: e.WS_HEARTBEAT_MS,
      ratePerSecond: e.WS_RATE_PER_SECOND,
      rateBurst: e.WS_RATE_BURST,
      maxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
      helloTimeoutMs: e.WS_HELLO_TIMEOUT_MS,
      maxSocketsPerSession: e.WS_MAX_SOCKETS_PER_SESSION,
      replayMaxMessages: e.WS_REPLAY_MAX_MESSAGES,
      pushTickMs: e.PUSH_TICK_MS,
    },
  };
}

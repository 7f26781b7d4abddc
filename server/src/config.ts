/** Reads and validates the environment once at start; a bad value stops the server with the variable named. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_ENV_NAMES, ServerEnv } from '@escale/shared';
import { unknownVariableWarnings } from './config-warnings.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevel: ServerEnv['LOG_LEVEL'];
  demoMode: boolean;
  allowedOrigins: string[];
  sessionTtlMs: number;
  mapStyleUrl: string | null;
  mapboxToken: string | null;
  clientDist: string;
  catalogueDir: string;
  personasFile: string;
  realtime: { heartbeatMs: number; ratePerSecond: number; rateBurst: number; maxBufferedBytes: number; pushTickMs: number };
}

export interface LoadedConfig {
  config: ServerConfig;
  /** Variables that look meant for Escale but are not read (misspelt, unknown): the caller logs them. */
  warnings: string[];
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): LoadedConfig {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const config: ServerConfig = {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ESCALE_DATA_DIR),
    logLevel: e.LOG_LEVEL,
    demoMode: e.DEMO_MODE,
    allowedOrigins: e.ALLOWED_ORIGINS,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
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
      pushTickMs: e.PUSH_TICK_MS,
    },
  };
  return { config, warnings: unknownVariableWarnings(env, SERVER_ENV_NAMES) };
}

/** Reads and validates the environment once at start; a bad value stops the server with the variable named. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_ENV_NAMES, ServerEnv, validationIssues } from '@escale/shared';
import { unknownVariableWarnings } from './config-warnings.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL's URL, or null for SQLite in `dataDir` (store/open-store.ts). Holds a password: never logged. */
  databaseUrl: string | null;
  databasePoolSize: number;
  /** Redis's URL for the bus between instances, or null for the in-process bus. Never logged. */
  redisUrl: string | null;
  logLevel: ServerEnv['LOG_LEVEL'];
  demoMode: boolean;
  allowedOrigins: string[];
  sessionTtlMs: number;
  demo: { sessionTtlMs: number; signinsPerHour: number; maxVisitors: number };
  mapStyleUrl: string | null;
  mapboxToken: string | null;
  clientDist: string;
  /** One catalogue folder per city (data/<city>/); every city is loaded and held at once. */
  catalogueDirs: string[];
  /** The city a new traveller starts in and the console opens on, until a position says otherwise. */
  defaultCity: string | null;
  basemapDir: string;
  personasFile: string;
  /** The scripted demo trips (data/personas/*.json) and the root their booking files are named from. */
  demoTripsDir: string;
  dataRoot: string;
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
  /** How long personal data of each kind is kept before the scheduled purge (housekeeping/). */
  retention: { positionMs: number };
  /** The agency console's accounts (agency/). */
  staff: { sessionTtlMs: number; failuresPerAccount: number; failuresPerAddress: number; failureWindowMs: number; passwordLinkTtlMs: number; invitationTtlMs: number };
  /** The wallet's SMTP listener (wallet/forwarding/): `port` null when it is off. */
  smtp: {
    port: number | null;
    host: string;
    domain: string;
    perAddressPerHour: number;
    perClientPerHour: number;
    /** PEM files for STARTTLS, or null: STARTTLS is not offered. */
    tls: { certFile: string; keyFile: string } | null;
  };
}

export interface LoadedConfig {
  config: ServerConfig;
  /** Variables that look meant for Escale but are not read (misspelt, unknown): the caller logs them. */
  warnings: string[];
}

export class ConfigError extends Error {}

/** Every folder of `dataRoot` that holds a city.json, by name: the demo catalogues of data/. */
export function cityFolders(dataRoot: string): string[] {
  if (!fs.existsSync(dataRoot)) return [];
  return fs
    .readdirSync(dataRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dataRoot, d.name, 'city.json')))
    .map((d) => path.join(dataRoot, d.name))
    .sort();
}

const configError = (lines: string[]) => new ConfigError(`Invalid configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`);

export function loadConfig(env: Record<string, string | undefined> = process.env): LoadedConfig {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) throw configError(validationIssues(parsed.error, '(environment)').map((i) => `${i.path}: ${i.message}`));
  const e = parsed.data;
  // One without the other would silently leave STARTTLS off.
  if ((e.SMTP_TLS_CERT_FILE === undefined) !== (e.SMTP_TLS_KEY_FILE === undefined))
    throw configError([`${e.SMTP_TLS_CERT_FILE === undefined ? 'SMTP_TLS_CERT_FILE' : 'SMTP_TLS_KEY_FILE'}: is missing; STARTTLS needs SMTP_TLS_CERT_FILE and SMTP_TLS_KEY_FILE both`]);
  const config: ServerConfig = {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ESCALE_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL ?? null,
    logLevel: e.LOG_LEVEL,
    demoMode: e.DEMO_MODE,
    allowedOrigins: e.ALLOWED_ORIGINS,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    demo: { sessionTtlMs: e.DEMO_SESSION_TTL_HOURS * 3600_000, signinsPerHour: e.DEMO_SIGNINS_PER_HOUR, maxVisitors: e.DEMO_MAX_VISITORS },
    mapStyleUrl: e.MAP_STYLE_URL ?? null,
    mapboxToken: e.MAPBOX_TOKEN ?? null,
    clientDist: path.resolve(e.CLIENT_DIST ?? path.join(REPO_ROOT, 'client/dist')),
    catalogueDirs: e.CATALOGUE_DIR ? e.CATALOGUE_DIR.split(',').map((d) => path.resolve(d.trim())) : cityFolders(path.join(REPO_ROOT, 'data')),
    defaultCity: e.DEFAULT_CITY ?? null,
    basemapDir: path.resolve(e.BASEMAP_DIR ?? path.join(REPO_ROOT, 'data/basemap')),
    personasFile: path.join(REPO_ROOT, 'data/personas.json'),
    demoTripsDir: path.join(REPO_ROOT, 'data/personas'),
    dataRoot: path.join(REPO_ROOT, 'data'),
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
    retention: { positionMs: e.POSITION_RETENTION_HOURS * 3_600_000 },
    staff: {
      sessionTtlMs: e.STAFF_SESSION_TTL_HOURS * 3_600_000,
      failuresPerAccount: e.STAFF_LOGIN_FAILURES_PER_ACCOUNT,
      failuresPerAddress: e.STAFF_LOGIN_FAILURES_PER_ADDRESS,
      failureWindowMs: 15 * 60_000,
      passwordLinkTtlMs: e.PASSWORD_LINK_TTL_HOURS * 3_600_000,
      invitationTtlMs: e.INVITATION_TTL_DAYS * 86_400_000,
    },
    smtp: {
      port: e.SMTP_PORT ?? null,
      host: e.SMTP_HOST,
      domain: e.SMTP_DOMAIN,
      perAddressPerHour: e.SMTP_MESSAGES_PER_ADDRESS_PER_HOUR,
      perClientPerHour: e.SMTP_MESSAGES_PER_CLIENT_PER_HOUR,
      tls: e.SMTP_TLS_CERT_FILE && e.SMTP_TLS_KEY_FILE ? { certFile: path.resolve(e.SMTP_TLS_CERT_FILE), keyFile: path.resolve(e.SMTP_TLS_KEY_FILE) } : null,
    },
  };
  return { config, warnings: unknownVariableWarnings(env, SERVER_ENV_NAMES) };
}

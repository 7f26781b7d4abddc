/**
 * Server configuration from environment variables, validated at start so a typo fails loudly with the
 * variable's name instead of surfacing later as odd behaviour. The README's reference table mirrors this.
 */
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * A number variable: plain decimal digits (a fraction only where `fractional`), within [min, max]. The one
 * rule for every number of the environment: `Number()` and z.coerce read "" as 0 (an empty PORT served on a
 * random port) and take "0x4A9E" or "1e3", which nobody writing a port or a byte count means.
 */
export function envNumber(min: number, max: number, options: { fractional?: boolean } = {}) {
  const pattern = options.fractional ? /^\d+(\.\d+)?$/ : /^\d+$/;
  const expected = `${options.fractional ? 'a number' : 'a whole number'} from ${min} to ${max} in decimal digits`;
  return z.string().transform((raw, ctx) => {
    const value = Number(raw);
    if (!pattern.test(raw) || value < min || value > max) {
      ctx.addIssue({ code: 'custom', message: raw === '' ? `is empty; expected ${expected}` : `expected ${expected}, got ${JSON.stringify(raw)}` });
      return z.NEVER;
    }
    return value;
  });
}

/** A web address the app may load or link to: http(s) only, so a `javascript:` or `file:` URL never passes. */
export const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' });

// A global of every runtime the contract runs in (Node, browsers); shared compiles without DOM or Node
// types, so the part read here is declared here.
interface ParsedUrl {
  readonly protocol: string;
  readonly origin: string;
}
declare const URL: new (input: string) => ParsedUrl;

/** A browser's Origin never ends in a slash; one written after an origin is forgiven. */
const withoutTrailingSlash = (entry: string) => entry.replace(/\/$/, '');

const ORIGIN_HINT = 'list each allowed origin explicitly, as scheme://host[:port] (e.g. https://escale.example.com)';

/**
 * Why `entry` cannot stand in ALLOWED_ORIGINS, or null. The WebSocket check compares a browser's Origin
 * header with these strings exactly, so anything else would silently never match, or ("*") look like a
 * wildcard that the check does not implement. An entry must already be in the form a browser sends
 * (lower-case host, no default port, no path); a trailing slash is forgiven.
 */
export function originProblem(entry: string): string | null {
  if (entry.includes('*')) return `"${entry}" is a wildcard, which is not supported: ${ORIGIN_HINT}`;
  let url: ParsedUrl;
  try {
    url = new URL(entry);
  } catch {
    return `"${entry}" is not an origin: ${ORIGIN_HINT}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${entry}" is not an http or https origin: ${ORIGIN_HINT}`;
  if (url.origin !== withoutTrailingSlash(entry)) return `"${entry}" is not written as an origin (a browser would send "${url.origin}"): ${ORIGIN_HINT}`;
  return null;
}

/**
 * Smallest send queue allowed before a client counts as a slow consumer. A push (three suggestions with
 * their contributions and evidence) measured up to 8.4 KB on the demo catalogue, and `Hub.send` closes a
 * client whose queue plus the next message passes the bound: set below one push, every client would be
 * closed at every push and reconnect forever. 64 KiB leaves room for several pushes and richer explanations.
 */
export const MIN_WS_BUFFERED_BYTES = 64 * 1024;

export const ServerEnv = z.object({
  /** 0 asks the system for a free port (the tests use it). */
  PORT: envNumber(0, 65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the SQLite database lives; outside the source tree by default. Unused when DATABASE_URL is set. */
  ESCALE_DATA_DIR: z.string().min(1).default('.data'),
  /** PostgreSQL instead of the embedded SQLite: postgres://user[:password]@host[:port]/database (docs/SCALING.md). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/[^/]+\/[^/?#]+/, 'expected postgres://[user[:password]@]host[:port]/database')
    .optional(),
  /** Redis between instances (the bus): redis://[user:password@]host[:port][/db]. Unset: one instance, in-process bus. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^/]+(\/\d+)?$/, 'expected redis://[user:password@]host[:port][/db]')
    .optional(),
  /** PostgreSQL connections this instance may hold at once. */
  DATABASE_POOL_SIZE: envNumber(1, 1_000).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Demo mode lets anyone pick a persona without a password. */
  DEMO_MODE: bool.default(true),
  /** Comma-separated origins allowed to open the WebSocket; empty means "same origin as the Host header". */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const entries = s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      for (const entry of entries) {
        const problem = originProblem(entry);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
      return entries.map(withoutTrailingSlash);
    }),
  SESSION_TTL_HOURS: envNumber(1, 24 * 365).default(24 * 30),
  /** A demo visitor's session, and the private traveller made for it, last this long (then are erased). */
  DEMO_SESSION_TTL_HOURS: envNumber(1, 24 * 30).default(24),
  /** Demo sign-ins one client address may make per hour (each creates a traveller). */
  DEMO_SIGNINS_PER_HOUR: envNumber(1, 100_000).default(60),
  /** Demo visitors that may exist at once; beyond, demo sign-in answers 503 until some expire. */
  DEMO_MAX_VISITORS: envNumber(1, 1_000_000).default(5_000),
  /** Online basemap style (MapLibre/Mapbox style JSON URL). Unset: the offline built-in style. */
  MAP_STYLE_URL: HttpUrl.optional(),
  MAPBOX_TOKEN: z.string().min(1).optional(),
  /** Directory of the built client; unset serves client/dist. */
  CLIENT_DIST: z.string().min(1).optional(),
  /**
   * Catalogue directories, one per city (city.json, places.json, events.json, offers.json), separated by
   * commas; unset loads every city folder of data/. The first one listed is the default city.
   */
  CATALOGUE_DIR: z.string().min(1).optional(),
  /** The city a new traveller and the agency console start in (an id of a loaded catalogue); unset: Paris when loaded, else the first. */
  DEFAULT_CITY: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'a city id: lowercase letters, digits and hyphens')
    .optional(),
  /** The offline basemap (`npm run basemap:build`): one folder per city, fonts, sprites; unset serves data/basemap. */
  BASEMAP_DIR: z.string().min(1).optional(),
  /** Live channel: ping interval; a connection that misses a pong is reaped at the next one (≤ 2 intervals). */
  WS_HEARTBEAT_MS: envNumber(50, 60_000).default(25_000),
  /** Live channel: messages per second a connection may send on average, and the burst it may save up. */
  WS_RATE_PER_SECOND: envNumber(0.1, 10_000, { fractional: true }).default(10),
  WS_RATE_BURST: envNumber(1, 100_000).default(30),
  /** Live channel: bytes queued to a client beyond which it is a slow consumer, closed to resync. */
  WS_MAX_BUFFERED_BYTES: envNumber(MIN_WS_BUFFERED_BYTES, 1024 ** 3).default(1_048_576),
  /** Live channel: a socket must say hello within this delay of opening, or it is closed (1008). */
  WS_HELLO_TIMEOUT_MS: envNumber(100, 120_000).default(10_000),
  /** Live channel: open WebSockets one session may hold (tabs of one browser share a session). */
  WS_MAX_SOCKETS_PER_SESSION: envNumber(1, 1_000).default(8),
  /** Live channel: messages a reconnecting client may be replayed; beyond, it gets `reset` and a fresh feed. */
  WS_REPLAY_MAX_MESSAGES: envNumber(1, 10_000).default(200),
  /** Privacy: hours the latest position is kept; the scheduled purge deletes an older one (and it is no longer used). */
  POSITION_RETENTION_HOURS: envNumber(1, 24 * 90).default(24),
  /** A staff member's console session lasts this long (then they sign in again). */
  STAFF_SESSION_TTL_HOURS: envNumber(1, 24 * 30).default(12),
  /** Failed console sign-ins allowed per account, and per client address, in 15 minutes (then 429). */
  STAFF_LOGIN_FAILURES_PER_ACCOUNT: envNumber(1, 1_000).default(5),
  STAFF_LOGIN_FAILURES_PER_ADDRESS: envNumber(1, 100_000).default(20),
  /** How long a "choose your password" link works (a new staff member's, or a reset's). */
  PASSWORD_LINK_TTL_HOURS: envNumber(1, 24 * 14).default(24),
  /** How long an agency's invitation link to join its clientele works (once). */
  INVITATION_TTL_DAYS: envNumber(1, 365).default(14),
  /** The wallet's SMTP listener (forwarded confirmation e-mails): unset, no listener. 0 asks for a free port (tests). */
  SMTP_PORT: envNumber(0, 65_535).optional(),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  /** The domain of the forwarding addresses (`<token>@SMTP_DOMAIN`): the one your MX record points here. */
  SMTP_DOMAIN: z
    .string()
    .toLowerCase()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a domain name such as in.escale.example.com')
    .default('in.escale.localhost'),
  /** STARTTLS on the SMTP listener: its certificate chain and private key (PEM files), both or neither. */
  SMTP_TLS_CERT_FILE: z.string().min(1).optional(),
  SMTP_TLS_KEY_FILE: z.string().min(1).optional(),
  /** Messages one forwarding address may receive per hour (this instance); beyond, 450 "try later". */
  SMTP_MESSAGES_PER_ADDRESS_PER_HOUR: envNumber(1, 100_000).default(20),
  /** Messages one client IP address may send per hour (this instance); beyond, 450 "try later". */
  SMTP_MESSAGES_PER_CLIENT_PER_HOUR: envNumber(1, 1_000_000).default(100),
  /** How often the time-based push triggers (meal window, wallet gap) are checked. */
  PUSH_TICK_MS: envNumber(100, 3_600_000).default(30_000),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/** The variables the server reads, for the start-up warnings about unknown or misspelt ones. */
export const SERVER_ENV_NAMES: readonly string[] = Object.keys(ServerEnv.shape);

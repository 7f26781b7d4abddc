/**
 * Server configuration from environment variables, validated at start so a typo fails loudly with the
 * variable's name instead of surfacing later as odd behaviour. The README's reference table mirrors this.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const ServerEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the SQLite database lives; outside the source tree by default. */
  ESCALE_DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Demo mode lets anyone pick a persona without a password. */
  DEMO_MODE: bool.default(true),
  /** Comma-separated origins allowed to open the WebSocket; empty means "same origin as the Host header". */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 365).default(24 * 30),
  /** A demo visitor's session, and the private traveller made for it, last this long (then are erased). */
  DEMO_SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
  /** Demo sign-ins one client address may make per hour (each creates a traveller). */
  DEMO_SIGNINS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Demo visitors that may exist at once; beyond, demo sign-in answers 503 until some expire. */
  DEMO_MAX_VISITORS: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  /** Online basemap style (MapLibre/Mapbox style JSON URL). Unset: the offline built-in style. */
  MAP_STYLE_URL: z.string().url().optional(),
  MAPBOX_TOKEN: z.string().min(1).optional(),
  /** Directory of the built client; unset serves client/dist. */
  CLIENT_DIST: z.string().optional(),
  /** Catalogue directory (city.json, places.json, events.json, offers.json) and personas file. */
  CATALOGUE_DIR: z.string().optional(),
  /** Live channel: ping interval; a connection that misses a pong is reaped at the next one (≤ 2 intervals). */
  WS_HEARTBEAT_MS: z.coerce.number().int().min(50).max(60_000).default(25_000),
  /** Live channel: messages per second a connection may send on average, and the burst it may save up. */
  WS_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(10),
  WS_RATE_BURST: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Live channel: bytes queued to a client beyond which it is a slow consumer, closed to resync. */
  WS_MAX_BUFFERED_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** Live channel: a socket must say hello within this delay of opening, or it is closed (1008). */
  WS_HELLO_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Live channel: open WebSockets one session may hold (tabs of one browser share a session). */
  WS_MAX_SOCKETS_PER_SESSION: z.coerce.number().int().min(1).max(1_000).default(8),
  /** Live channel: messages a reconnecting client may be replayed; beyond, it gets `reset` and a fresh feed. */
  WS_REPLAY_MAX_MESSAGES: z.coerce.number().int().min(1).max(10_000).default(200),
  /** How often the time-based push triggers (meal window, wallet gap) are checked. */
  PUSH_TICK_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

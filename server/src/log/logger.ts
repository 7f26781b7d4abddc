/**
 * The server's logger: pino's JSON lines, with every secret the server handles (the session cookie, an
 * Authorization header, the Mapbox token) censored before a line is written, whoever logs it and where.
 */
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export const CENSORED = '[redacted]';

/** Request and response headers that carry a credential (a session token, a bearer token). */
const SECRET_HEADERS = ['cookie', 'set-cookie', 'authorization', 'proxy-authorization'];
/** Field names that hold a secret: the Mapbox token as config (`mapboxToken`) and as env (`MAPBOX_TOKEN`), a session token. */
const SECRET_FIELDS = ['mapboxToken', 'MAPBOX_TOKEN', 'token', 'password', 'passwordHash', 'password_hash'];

/**
 * Where secrets sit in a logged object: headers under any top-level key (pino-http's `req` and `res`, or
 * an object a call site names itself), and the secret fields at the top or one level down (`config`,
 * `env`). pino's paths do not reach deeper; a call site that nests a secret further must not log it.
 */
export const REDACT_PATHS = [...SECRET_HEADERS.flatMap((h) => [`headers["${h}"]`, `*.headers["${h}"]`]), ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`])];

const redact = { paths: REDACT_PATHS, censor: CENSORED };

/** Paths that carry a secret themselves: a trip's calendar feed (its token is the only key to it). */
const SECRET_PATH = /^(\/api\/calendar\/)[^?#]*/;

/** A request's URL as it may be logged: a secret in its path censored. */
export function censorUrl(url: string): string {
  return url.replace(SECRET_PATH, `$1${CENSORED}`);
}

/**
 * pino-http's request serializer with the URL censored (`redact` replaces whole values, so a secret inside
 * one is cut out here). It gets pino's standard serialized request.
 */
export const HTTP_LOG_SERIALIZERS = { req: (req: { url?: string }) => (typeof req.url === 'string' ? { ...req, url: censorUrl(req.url) } : req) };

/** The logger `main.ts` starts with; a destination other than stdout is for tests. */
export function createLogger(options: { level: LoggerOptions['level'] }, destination?: DestinationStream): Logger {
  return pino({ level: options.level, redact }, destination);
}

/**
 * A logger handed in from outside (a test's) gets the same censoring, so what the server logs through it
 * is safe whatever it was built with. pino replaces a parent's redact paths in a child: ours are the rule.
 */
export function withRedaction(logger: Logger): Logger {
  return logger.child({}, { redact });
}

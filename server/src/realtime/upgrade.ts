/**
 * The WebSocket upgrade: only on /ws, only from an allowed Origin (cross-site WebSocket hijacking is refused
 * with 403), only with a valid session cookie (401 otherwise). A refused upgrade gets a plain HTTP answer
 * with the usual JSON error body and no socket.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiError, ApiErrorCode } from '@escale/shared';
import { sessionForToken, tokenFromCookieHeader, type Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { originOf } from '../http/origin.ts';
import { requestOrigin } from '../http/trusted-proxy.ts';

export const WS_PATH = '/ws';

export type UpgradeDecision = { ok: true; session: Session } | { ok: false; status: number; code: ApiErrorCode; message: string };

/**
 * Whether a browser page at `origin` may open the live channel: one of `allowed` (normalised origins), or
 * with none configured, the server's own origin, scheme and port included: an http page on the same host
 * or a page on another port is another site as far as the browser's cookie is concerned.
 */
export function originAllowed(origin: string | undefined, ownOrigin: string | null, allowed: string[]): boolean {
  // Browsers always send Origin on a WebSocket handshake; its absence means a non-browser client, which
  // cannot carry a victim's cookie across sites, so CSWSH does not apply to it.
  if (origin === undefined) return true;
  const normalised = originOf(origin);
  if (normalised === null) return false;
  return allowed.length > 0 ? allowed.includes(normalised) : normalised === ownOrigin;
}

export async function decideUpgrade(ctx: AppContext, req: IncomingMessage): Promise<UpgradeDecision> {
  const path = (req.url ?? '').split('?')[0];
  if (path !== WS_PATH) return { ok: false, status: 404, code: 'not_found', message: `No WebSocket endpoint at ${path}.` };
  if (!originAllowed(req.headers.origin, requestOrigin(req), ctx.config.allowedOrigins)) {
    return { ok: false, status: 403, code: 'forbidden', message: 'This origin may not open a WebSocket here.' };
  }
  const session = await sessionForToken(ctx.db, tokenFromCookieHeader(req.headers.cookie), ctx.clock.now(), ctx.config);
  if (!session) return { ok: false, status: 401, code: 'unauthenticated', message: 'Sign in before opening the live channel.' };
  return { ok: true, session };
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

export function refuseUpgrade(socket: Duplex, status: number, code: ApiErrorCode, message: string): void {
  const body = JSON.stringify({ error: { code, message } } satisfies ApiError);
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json\r\n` + `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

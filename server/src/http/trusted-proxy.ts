/**
 * Which peers may speak for the client (`X-Forwarded-Proto`, `X-Forwarded-For`): reverse proxies on this
 * machine's loopback. One rule for Express's `trust proxy` and for the WebSocket upgrade, which Express
 * never sees, so both agree on whether a request came over TLS.
 */
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { originOf } from './origin.ts';

// Express's 'loopback' preset: 127.0.0.0/8 and ::1 (BlockList also matches IPv4-mapped ::ffff:127.x).
const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether a peer address is a proxy we trust; Express's `trust proxy` setting calls it for each hop. */
export function isTrustedProxy(address: string | undefined): boolean {
  const family = address ? net.isIP(address) : 0;
  return family !== 0 && loopback.check(address!, family === 6 ? 'ipv6' : 'ipv4');
}

/** The scheme the client used, read as Express's `req.protocol` reads it: TLS on the socket, or a trusted proxy's word. */
export function requestScheme(req: IncomingMessage): string {
  const own = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  if (!isTrustedProxy(req.socket.remoteAddress)) return own;
  const header = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
  return first || own;
}

/** The origin of a page this server served to the client: its scheme and the Host header; null without a usable Host. */
export function requestOrigin(req: IncomingMessage): string | null {
  const host = req.headers.host;
  return host ? originOf(`${requestScheme(req)}://${host}`) : null;
}

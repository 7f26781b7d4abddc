/**
 * One live connection of `npm run bench:push`, behind the same small interface for both servers: plain
 * WebSocket (`ws`) to Escale's /ws, socket.io-client (WebSocket transport only) to the baseline. Both carry
 * the protocol's JSON messages; Socket.IO as "message" events.
 */
import { io as socketIo } from 'socket.io-client';
import WebSocket from 'ws';

/** `socketio-redis`: the Socket.IO baseline with replay kept in Redis (push-socketio-server.ts); the same client. */
/** `escale-postgres`: Escale on PostgreSQL, one or several instances (`--store postgres --instances N`). */
export type Target = 'escale' | 'escale-postgres' | 'socketio' | 'socketio-redis';

/** What the bench reads of a server message; not validated, so the client process stays light. */
export type ServerMessage = { type?: unknown; code?: unknown; position?: { lat: number; lon: number } | null; items?: unknown[] };

export interface Connection {
  send(message: object): void;
  close(): void;
}

export interface ConnectionEvents {
  open(): void;
  message(m: ServerMessage): void;
  /** The connection could not be made (refused upgrade, network error). */
  fail(reason: string): void;
  closed(): void;
}

export interface Endpoint {
  url: string;
  origin: string;
  token: string;
}

const cookie = (token: string) => `escale_session=${token}`;

function openWs({ url, origin, token }: Endpoint, on: ConnectionEvents): Connection {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { headers: { cookie: cookie(token), origin }, perMessageDeflate: false });
  ws.on('open', on.open);
  ws.on('message', (data) => on.message(JSON.parse(data.toString()) as ServerMessage));
  ws.on('unexpected-response', (req, res) => {
    on.fail(`HTTP ${res.statusCode}`);
    req.destroy();
  });
  ws.on('error', (err) => on.fail((err as NodeJS.ErrnoException).code ?? err.message));
  ws.on('close', on.closed);
  return { send: (m) => ws.send(JSON.stringify(m)), close: () => ws.close() };
}

function openSocketIo({ url, origin, token }: Endpoint, on: ConnectionEvents): Connection {
  // forceNew: socket.io-client otherwise multiplexes every socket to the same URL over one connection.
  const socket = socketIo(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: cookie(token), origin } });
  socket.on('connect', on.open);
  socket.on('message', (m: ServerMessage) => on.message(m));
  socket.on('connect_error', (err) => on.fail(err.message));
  socket.on('disconnect', on.closed);
  return { send: (m) => socket.send(m), close: () => socket.close() };
}

export function openConnection(target: Target, endpoint: Endpoint, on: ConnectionEvents): Connection {
  return target === 'escale' || target === 'escale-postgres' ? openWs(endpoint, on) : openSocketIo(endpoint, on);
}

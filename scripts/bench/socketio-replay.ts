/**
 * The Socket.IO options of bench:push's replaying baseline: Escale's delivery promise as Socket.IO's
 * documentation gives it. Connection state recovery sends a client that reconnects the packets it missed;
 * the Redis Streams adapter keeps those packets (and the disconnected sessions) in Redis, so they outlive
 * the server process, where the default in-memory recovery dies with it. Every push is added to the stream
 * (XADD, awaited by the adapter) before it is sent, as Escale commits a message to its log before sending.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { RedisClientType } from 'redis';
import type { ServerOptions } from 'socket.io';

/** Escale keeps messages 24 h for a reconnecting client (server/src/realtime/message-log.ts): the same here. */
export const REPLAY_WINDOW_MS = 24 * 3600_000;
/** Stream entries kept: more than a run sends (the adapter's default, 10,000, is about a minute of bench). */
const STREAM_MAX_LEN = 1_000_000;

/** `prefix` starts every key the adapter writes (its stream, the sessions), so a run can delete its own. */
export function replayOptions(redis: RedisClientType, prefix: string, windowMs = REPLAY_WINDOW_MS): Partial<ServerOptions> {
  return {
    adapter: createAdapter(redis, { streamName: `${prefix}stream`, sessionKeyPrefix: `${prefix}session:`, maxLen: STREAM_MAX_LEN }),
    connectionStateRecovery: { maxDisconnectionDuration: windowMs },
  };
}

/** The room of a traveller's sockets: a push to it reaches every tab. */
export const travellerRoom = (travellerId: string) => `traveller:${travellerId}`;

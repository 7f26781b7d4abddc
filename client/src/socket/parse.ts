/** Turns a raw WebSocket frame into a validated server message, or says why it is not one. */
import { ServerMessage } from '@escale/shared';

export type ParseResult = { ok: true; message: ServerMessage } | { ok: false; reason: string };

export function parseServerMessage(raw: unknown): ParseResult {
  if (typeof raw !== 'string') return { ok: false, reason: 'binary frame' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = ServerMessage.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: first ? `${first.path.join('.')}: ${first.message}` : 'invalid message' };
  }
  return { ok: true, message: parsed.data };
}

/**
 * The sequence number to remember: the highest seen, with three exceptions on a welcome. A welcome carries
 * the server's current number. After `replayed`, the missed messages are still to come: keep ours, so a
 * connection lost in mid-replay asks for them again. After `reset` (we were away too long), or when the
 * server's number is below ours (its history was wiped), start over from the server's.
 */
export function nextLastSeq(lastSeq: number | null, message: ServerMessage): number | null {
  if (!('seq' in message)) return lastSeq;
  if (message.type === 'welcome') {
    if (message.replay === 'replayed' && lastSeq !== null && message.seq >= lastSeq) return lastSeq;
    if (message.replay === 'reset' || (lastSeq !== null && message.seq < lastSeq)) return message.seq;
  }
  return lastSeq === null ? message.seq : Math.max(lastSeq, message.seq);
}

/**
 * Whether a message repeats or predates what this client has already been given: a sequenced message at or
 * below the last number seen. The server sends each number once per connection, so this only guards
 * against a server bug or an older server; what is stale is dropped rather than shown over newer state.
 */
export function isStale(lastSeq: number | null, message: ServerMessage): boolean {
  return message.type !== 'welcome' && 'seq' in message && lastSeq !== null && message.seq <= lastSeq;
}

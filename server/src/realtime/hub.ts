/**
 * Who is connected, as which traveller, in which session, on which clock. A message for a traveller goes
 * to every one of their open tabs and devices; it is logged with its sequence number first, so a tab that
 * was offline, or too slow to read, can catch up.
 *
 * Each socket's stream is exactly-once and in sequence order. A socket joins the hub when it opens, but
 * until its hello has been answered and its replay sent, live messages for it are held, not sent: sent
 * at once they would interleave with the replay, and could be sent twice (once live, once replayed). When
 * the replay is done the held messages follow, those the replay already carried skipped.
 *
 * A socket whose send buffer (or held backlog) grows past the bound is closed as a slow consumer instead
 * of buffering without limit: it reconnects and replays from the log.
 *
 * With several instances, a message committed on another one arrives through the relay (Redis). A live
 * socket that is about to be sent a number beyond the next one (the relay lost a message, or it is still on
 * its way) is first sent the missing ones from the log, in order, then what came meanwhile: the stream
 * stays gapless and exactly-once whichever instance numbered each message.
 */
import type { WebSocket } from 'ws';
import { CLOSE_CODES } from '@escale/shared';
import type { Clock } from '../clock.ts';
import type { Relay } from '../bus/relay.ts';
import type { MessageLog, Unsequenced } from './message-log.ts';

/** How long a closed socket gets to take its close frame before it is destroyed. */
const CLOSE_GRACE_MS = 5_000;

export class Connection {
  /** `greeting` until the hello, `replaying` while its replay is sent, then `live`. */
  phase: 'greeting' | 'replaying' | 'live' = 'greeting';
  /** Set when its session ended: frames still queued are not handled (nothing is done for a dead session). */
  ended = false;
  /** The highest sequence number this socket has been sent, or told it is at (the welcome's). */
  sentSeq = 0;
  /** The highest number another instance logged for the traveller while this socket was not live. */
  owed = 0;
  /** Live messages that arrived before the socket was live, in sequence order. */
  private held: { seq: number; text: string }[] = [];
  private heldBytes = 0;

  constructor(
    readonly socket: WebSocket,
    readonly travellerId: string,
    readonly sessionId: string,
    /** When the session expires (server clock, ms): the socket closes then, like every use of it. */
    readonly expiresAt: number,
    readonly clock: Clock,
  ) {}

  /** Holds a message until the socket is live; false when the backlog would pass `maxBytes`. */
  hold(seq: number, text: string, maxBytes: number): boolean {
    if (this.heldBytes + text.length > maxBytes) return false;
    this.held.push({ seq, text });
    this.heldBytes += text.length;
    return true;
  }

  /** The held messages the socket has not been sent yet, oldest first; the hold is emptied. */
  takeHeld(): { seq: number; text: string }[] {
    const out = this.held.filter((m) => m.seq > this.sentSeq).sort((a, b) => a.seq - b.seq);
    this.held = [];
    this.heldBytes = 0;
    return out;
  }
}

export class Hub {
  private readonly byTraveller = new Map<string, Set<Connection>>();
  private readonly bySession = new Map<string, Set<Connection>>();
  /** Counters for /api/health: errors answered by code, slow consumers closed. */
  readonly stats = { errors: {} as Record<string, number>, slowConsumers: 0 };

  constructor(
    private readonly log: MessageLog,
    private readonly maxBufferedBytes: number,
    private readonly relay: Relay,
    private readonly onGapFillFailed: (err: unknown) => void = () => {},
  ) {
    relay.onMessage((m) => {
      if (m.type === 'message') this.loggedElsewhere(m.travellerId, m.seq);
    });
  }

  add(connection: Connection): void {
    addTo(this.byTraveller, connection.travellerId, connection);
    addTo(this.bySession, connection.sessionId, connection);
  }

  remove(connection: Connection): void {
    removeFrom(this.byTraveller, connection.travellerId, connection);
    removeFrom(this.bySession, connection.sessionId, connection);
  }

  isConnected(travellerId: string): boolean {
    return this.byTraveller.has(travellerId);
  }

  /** Open sockets of a session (bounded by WS_MAX_SOCKETS_PER_SESSION at the upgrade). */
  socketsOfSession(sessionId: string): number {
    return this.bySession.get(sessionId)?.size ?? 0;
  }

  get connectionCount(): number {
    let n = 0;
    for (const set of this.byTraveller.values()) n += set.size;
    return n;
  }

  connections(): Connection[] {
    return [...this.byTraveller.values()].flatMap((set) => [...set]);
  }

  /** The clock of the traveller's first connected session here, or null when none of their sockets is here. */
  clockOf(travellerId: string): Clock | null {
    return this.byTraveller.get(travellerId)?.values().next().value?.clock ?? null;
  }

  /** Connected travellers with the clock of one of their sessions (the first connected). */
  connectedTravellers(): { travellerId: string; clock: Clock }[] {
    return [...this.byTraveller].map(([travellerId, set]) => ({ travellerId, clock: set.values().next().value!.clock }));
  }

  /** Closes every socket of a session (signed out, expired, erased): 4401, the client goes back to sign-in. */
  closeSession(sessionId: string, reason: string): void {
    for (const c of [...(this.bySession.get(sessionId) ?? [])]) {
      c.ended = true;
      closeNow(c.socket, CLOSE_CODES.sessionEnded, reason);
    }
  }

  /** Closes every socket of a traveller (erased): 4401, like a session's end. */
  closeTraveller(travellerId: string, reason: string): void {
    for (const c of [...(this.byTraveller.get(travellerId) ?? [])]) {
      c.ended = true;
      closeNow(c.socket, CLOSE_CODES.sessionEnded, reason);
    }
  }

  /** The travellers with a socket here. */
  travellerIds(): IterableIterator<string> {
    return this.byTraveller.keys();
  }

  countError(code: string): void {
    this.stats.errors[code] = (this.stats.errors[code] ?? 0) + 1;
  }

  /** Logs (committed), then delivers to every connection of the traveller, on this instance and the others. */
  async publish(travellerId: string, message: Unsequenced, now: Date): Promise<void> {
    const { seq, text } = await this.log.append(travellerId, message, now);
    this.deliverToTraveller(travellerId, seq, text);
    this.relay.publish({ type: 'message', origin: this.relay.origin, travellerId, seq });
  }

  /** Another instance logged message `seq` for the traveller: each socket here is sent it from the log. */
  private loggedElsewhere(travellerId: string, seq: number): void {
    const set = this.byTraveller.get(travellerId);
    if (!set) return;
    for (const c of set) {
      if (seq <= c.sentSeq) continue;
      // Greeting or catching up: read when it goes live (goLive), after what it is being sent now.
      if (c.phase !== 'live') c.owed = Math.max(c.owed, seq);
      else {
        c.phase = 'replaying';
        void this.catchUpFromLog(c, seq);
      }
    }
  }

  private deliverToTraveller(travellerId: string, seq: number, text: string): void {
    const set = this.byTraveller.get(travellerId);
    if (set) for (const c of set) this.deliver(c, seq, text);
  }

  /**
   * Sends a message that is not logged (the feed) to the traveller's live sockets. A socket still being
   * greeted is skipped: it asks for its own feed once it is live, and a feed must not arrive before the
   * welcome or in the middle of a replay. Returns how many sockets it was sent to (the insights count a feed
   * as shown only when it was).
   */
  broadcast(travellerId: string, text: string): number {
    const set = this.byTraveller.get(travellerId);
    let sent = 0;
    if (set) for (const c of set) if (c.phase === 'live' && this.send(c.socket, text)) sent++;
    return sent;
  }

  /**
   * A live socket is sent the message (unless it already was); one not live yet holds it for later; a live
   * one that would skip numbers holds it while the missing ones are read from the log.
   */
  private deliver(c: Connection, seq: number, text: string): void {
    if (c.phase !== 'live') {
      if (!c.hold(seq, text, this.maxBufferedBytes)) this.closeSlowConsumer(c.socket);
      return;
    }
    if (seq <= c.sentSeq) return;
    if (seq > c.sentSeq + 1) {
      c.phase = 'replaying';
      c.hold(seq, text, this.maxBufferedBytes);
      void this.catchUpFromLog(c, seq - 1);
      return;
    }
    c.sentSeq = seq;
    this.send(c.socket, text);
  }

  /** Sends what the log holds after the socket's last number through `through`, then goes live again. */
  private async catchUpFromLog(c: Connection, through: number): Promise<void> {
    try {
      for await (const page of this.log.between(c.travellerId, c.sentSeq, through)) {
        for (const m of page) {
          if (m.seq !== c.sentSeq + 1) throw new Error(`message ${c.sentSeq + 1} is no longer in the log`);
          await this.sendPaced(c.socket, m.text);
          c.sentSeq = m.seq;
        }
      }
      if (c.sentSeq < through) throw new Error(`messages ${c.sentSeq + 1}…${through} are not in the log`);
      this.goLive(c);
    } catch (err) {
      // The client reconnects and is replayed (or reset) from its last number: a hole is never left.
      this.onGapFillFailed(err);
      closeNow(c.socket, 1011, 'resync: reconnect');
    }
  }

  /**
   * The replay (or a catch-up) is done: what was held follows, in order, and the socket is live from now
   * on; a number still missing before them, or owed by another instance, is read from the log first.
   */
  goLive(c: Connection): void {
    const held = c.takeHeld();
    for (let i = 0; i < held.length; i++) {
      const m = held[i]!;
      if (m.seq > c.sentSeq + 1) {
        // A number logged by another instance comes before it: the rest waits while the log is read.
        for (const rest of held.slice(i)) c.hold(rest.seq, rest.text, Number.POSITIVE_INFINITY);
        void this.catchUpFromLog(c, m.seq - 1);
        return;
      }
      c.sentSeq = m.seq;
      this.send(c.socket, m.text);
    }
    // Numbers logged by another instance meanwhile: read from the log first, then live.
    if (c.owed > c.sentSeq) {
      void this.catchUpFromLog(c, c.owed);
      return;
    }
    c.phase = 'live';
  }

  /**
   * Sends a backlog (a replay) at the pace the client reads it: waits for the socket to flush whenever its
   * queue passes half the bound, so a long replay never trips the slow-consumer rule by itself.
   */
  async sendPaced(socket: WebSocket, text: string): Promise<void> {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount + text.length <= this.maxBufferedBytes / 2) return socket.send(text);
    await new Promise<void>((resolve) => socket.send(text, () => resolve()));
  }

  /** Sends unless the socket is a slow consumer, which is closed to resync instead. */
  /** Whether it was sent (a closed socket, or a slow one closed instead, was not). */
  send(socket: WebSocket, text: string): boolean {
    if (socket.readyState !== socket.OPEN) return false;
    if (socket.bufferedAmount + text.length > this.maxBufferedBytes) {
      this.closeSlowConsumer(socket);
      return false;
    }
    socket.send(text);
    return true;
  }

  private closeSlowConsumer(socket: WebSocket): void {
    if (socket.readyState !== socket.OPEN) return;
    this.stats.slowConsumers++;
    closeNow(socket, CLOSE_CODES.slowConsumer, 'slow consumer: reconnect to resync');
  }
}

/** Sends the close frame, and destroys the socket if the peer does not take it within the grace period. */
export function closeNow(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState === socket.CLOSED) return;
  socket.close(code, reason);
  setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
}

function addTo(map: Map<string, Set<Connection>>, key: string, c: Connection): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(c);
}

function removeFrom(map: Map<string, Set<Connection>>, key: string, c: Connection): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(c);
  if (set.size === 0) map.delete(key);
}

/**
 * Who is connected, as which traveller, on which session clock. A message for a traveller goes to every
 * one of their open tabs and devices; it is logged with its sequence number first, so a tab that was
 * offline, or too slow to read, can catch up. A socket whose send buffer grows past the bound is closed
 * as a slow consumer instead of buffering without limit: it reconnects and replays from the log.
 */
import type { WebSocket } from 'ws';
import { CLOSE_CODES, type ServerMessage } from '@escale/shared';
import type { Clock } from '../clock.ts';
import type { MessageLog, Unsequenced } from './message-log.ts';

interface Connection {
  socket: WebSocket;
  clock: Clock;
}

/** How long a slow consumer gets to take its close frame before the socket is destroyed. */
const CLOSE_GRACE_MS = 5_000;

export class Hub {
  private readonly connections = new Map<string, Map<WebSocket, Connection>>();
  /** Counters for /api/health: errors answered by code, slow consumers closed. */
  readonly stats = { errors: {} as Record<string, number>, slowConsumers: 0 };
  constructor(
    private readonly log: MessageLog,
    private readonly maxBufferedBytes: number,
  ) {}

  add(travellerId: string, socket: WebSocket, clock: Clock): void {
    let set = this.connections.get(travellerId);
    if (!set) this.connections.set(travellerId, (set = new Map()));
    set.set(socket, { socket, clock });
  }

  remove(travellerId: string, socket: WebSocket): void {
    const set = this.connections.get(travellerId);
    if (!set) return;
    set.delete(socket);
    if (set.size === 0) this.connections.delete(travellerId);
  }

  isConnected(travellerId: string): boolean {
    return this.connections.has(travellerId);
  }

  get connectionCount(): number {
    let n = 0;
    for (const set of this.connections.values()) n += set.size;
    return n;
  }

  allSockets(): WebSocket[] {
    return [...this.connections.values()].flatMap((s) => [...s.keys()]);
  }

  /** Connected travellers with the clock of one of their sessions (the first connected). */
  connectedTravellers(): { travellerId: string; clock: Clock }[] {
    return [...this.connections].map(([travellerId, set]) => ({ travellerId, clock: set.values().next().value!.clock }));
  }

  countError(code: string): void {
    this.stats.errors[code] = (this.stats.errors[code] ?? 0) + 1;
  }

  /** Logs (committed), then sends to every connection of the traveller. */
  async publish(travellerId: string, message: Unsequenced, now: Date): Promise<ServerMessage> {
    const { message: full, text } = await this.log.append(travellerId, message, now);
    for (const socket of this.connections.get(travellerId)?.keys() ?? []) this.send(socket, text);
    return full;
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
  send(socket: WebSocket, text: string): void {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount + text.length > this.maxBufferedBytes) {
      this.stats.slowConsumers++;
      socket.close(CLOSE_CODES.slowConsumer, 'slow consumer: reconnect to resync');
      setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
      return;
    }
    socket.send(text);
  }
}

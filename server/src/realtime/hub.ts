/**
 * Who is connected, as which traveller. A message for a traveller goes to every one of their open tabs and
 * devices; it is logged with its sequence number first, so a tab that was offline can catch up.
 */
import type { WebSocket } from 'ws';
import type { ServerMessage } from '@escale/shared';
import type { MessageLog, Unsequenced } from './message-log.ts';

export class Hub {
  private readonly sockets = new Map<string, Set<WebSocket>>();
  constructor(private readonly log: MessageLog) {}

  add(travellerId: string, socket: WebSocket): void {
    let set = this.sockets.get(travellerId);
    if (!set) this.sockets.set(travellerId, (set = new Set()));
    set.add(socket);
  }

  remove(travellerId: string, socket: WebSocket): void {
    const set = this.sockets.get(travellerId);
    if (!set) return;
    set.delete(socket);
    if (set.size === 0) this.sockets.delete(travellerId);
  }

  get connectionCount(): number {
    let n = 0;
    for (const set of this.sockets.values()) n += set.size;
    return n;
  }

  allSockets(): WebSocket[] {
    return [...this.sockets.values()].flatMap((s) => [...s]);
  }

  async publish(travellerId: string, message: Unsequenced, now: Date): Promise<ServerMessage> {
    const full = await this.log.append(travellerId, message, now);
    const text = JSON.stringify(full);
    for (const socket of this.sockets.get(travellerId) ?? []) {
      if (socket.readyState === socket.OPEN) socket.send(text);
    }
    return full;
  }
}

export function sendDirect(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

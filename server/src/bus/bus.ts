/**
 * The event bus: what one feature tells the others that hold live state about a traveller or a session
 * (sockets, caches, clocks) without importing them. In-process for now; the day Escale runs several
 * instances this is the one place to carry events between them (Redis pub/sub, docs/ARCHITECTURE.md).
 */
export interface BusEvents {
  /** A session can no longer be used: its sockets close (4401) and its clock is forgotten. */
  session_ended: { sessionId: string; travellerId: string; reason: 'signed_out' | 'expired' | 'erased' };
  /** A traveller's rows are gone: whoever keeps something of them in memory drops it. */
  traveller_erased: { travellerId: string };
}

type Listener<K extends keyof BusEvents> = (event: BusEvents[K]) => void;

export class Bus {
  // One set per event type; typed at `on` and `emit`, stored loosely (TypeScript cannot index a mapped
  // type of sets by a generic key).
  private readonly listeners = new Map<keyof BusEvents, Set<(event: never) => void>>();

  /** Subscribes; returns the unsubscribe function. Listeners run synchronously, in subscription order. */
  on<K extends keyof BusEvents>(type: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const stored = set;
    stored.add(listener as (event: never) => void);
    return () => stored.delete(listener as (event: never) => void);
  }

  /**
   * Tells every subscriber. A listener that throws does not stop the others: one broken holder of state
   * must not leave a signed-out session's sockets open elsewhere.
   */
  emit<K extends keyof BusEvents>(type: K, event: BusEvents[K], onError: (err: unknown) => void = () => {}): void {
    for (const listener of (this.listeners.get(type) ?? []) as Set<Listener<K>>) {
      try {
        listener(event);
      } catch (err) {
        onError(err);
      }
    }
  }
}

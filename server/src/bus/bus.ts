/**
 * The event bus: what one feature tells the others that hold live state (the graph, caches, sockets,
 * clocks) without importing them. Its events are the changes of the change log (change-log.ts): a feature
 * commits a change with its entry in the log, and every instance, this one included, emits it here when it
 * applies the log, in order. Listeners run on the instance that holds the state.
 */
import type { Change, ChangeType } from '@escale/shared';

export type BusEvents = { [K in ChangeType]: Extract<Change, { type: K }> };

/** A listener that must read the store to follow a change returns the promise of that work. */
type Listener<K extends keyof BusEvents> = (event: BusEvents[K]) => unknown;

export class Bus {
  // One set per event type; typed at `on` and `emit`, stored loosely (TypeScript cannot index a mapped
  // type of sets by a generic key).
  private readonly listeners = new Map<keyof BusEvents, Set<(event: never) => unknown>>();

  /** Subscribes; returns the unsubscribe function. Listeners run synchronously, in subscription order. */
  on<K extends keyof BusEvents>(type: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const stored = set;
    stored.add(listener as (event: never) => unknown);
    return () => stored.delete(listener as (event: never) => unknown);
  }

  /**
   * Tells every subscriber. A listener that throws (or whose work fails) does not stop the others: one
   * broken holder of state must not leave a signed-out session's sockets open elsewhere. Returns the
   * promise of the listeners' asynchronous work, when there is any (the change log waits for it before it
   * counts the change applied), else undefined.
   */
  emit<K extends keyof BusEvents>(type: K, event: BusEvents[K], onError: (err: unknown) => void = () => {}): Promise<void> | undefined {
    const pending: Promise<void>[] = [];
    for (const listener of (this.listeners.get(type) ?? []) as Set<Listener<K>>) {
      try {
        const work = listener(event);
        if (work instanceof Promise) pending.push(work.then(() => undefined, onError));
      } catch (err) {
        onError(err);
      }
    }
    return pending.length > 0 ? Promise.all(pending).then(() => undefined) : undefined;
  }
}

/**
 * GC pauses seen during a timed loop, so a slow ranking can be told from one that a collection interrupted:
 * with a multi-gigabyte graph on the heap, the tail of the latency is often the collector, not the ranker.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';

export interface Pause {
  start: number; // performance.now() timebase, like the rankings' own timestamps
  end: number;
  major: boolean;
}

export function watchGcPauses(): { stop(): Promise<Pause[]> } {
  const pauses: Pause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind; // typed loosely in @types/node 20
      pauses.push({ start: e.startTime, end: e.startTime + e.duration, major: kind === constants.NODE_PERFORMANCE_GC_MAJOR });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // Entries are delivered asynchronously: let a synchronous loop's backlog arrive before disconnecting.
      await new Promise((r) => setTimeout(r, 10));
      observer.disconnect();
      return pauses.sort((a, b) => a.start - b.start);
    },
  };
}

/** For each interval [starts[i], starts[i] + ms[i]], whether a pause overlapped it. */
export function hitByGc(starts: Float64Array, ms: Float64Array, pauses: Pause[]): Uint8Array {
  const hit = new Uint8Array(starts.length);
  for (const p of pauses) {
    for (let i = 0; i < starts.length; i++) if (starts[i]! < p.end && starts[i]! + ms[i]! > p.start) hit[i] = 1;
  }
  return hit;
}

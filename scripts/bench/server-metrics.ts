/**
 * What a server says about its own side of `npm run bench:push`, read from its GET /metrics before and after
 * the timed load: how long it took to handle each location (from the frame's arrival in the handler to the
 * end of its work, the feed sent and the notification committed), its event-loop delay and its collections.
 * Set beside the client's figures, they tell a slow server from a slow client or a slow database.
 */

/** One scrape, as metric line → value (the line's name with its labels, exactly as printed). */
export type Scrape = Map<string, number>;

export async function scrapeMetrics(url: string): Promise<Scrape> {
  const res = await fetch(`${url}/metrics`);
  if (!res.ok) throw new Error(`GET ${url}/metrics: HTTP ${res.status}`);
  const values: Scrape = new Map();
  for (const line of (await res.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}

export interface ServerSide {
  /** Locations handled by all instances over the load. */
  locations: number;
  /** Share of them (%) whose handling took more than 50 ms, and more than 25 ms (histogram buckets). */
  over50msPercent: number;
  over25msPercent: number;
  /** The worst instance's event-loop delay over the load (prom-client resets it at every scrape). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Time in the collector's pauses over the load, the worst instance: minor (scavenges) and major (mark-compact, with its incremental steps). */
  minorGcMs: number;
  majorGcMs: number;
}

const location = (le: string) => `escale_ws_message_duration_seconds_bucket{le="${le}",type="location"}`;
// The server registers prom-client's default metrics with the prefix escale_.
const gcSum = (kind: string) => `escale_nodejs_gc_duration_seconds_sum{kind="${kind}"}`;

/** The figures between two scrapes of each instance (`before[i]` and `after[i]` are the same instance). */
export function serverSide(before: Scrape[], after: Scrape[]): ServerSide {
  const delta = (name: string) => after.reduce((sum, a, i) => sum + (a.get(name) ?? 0) - (before[i]!.get(name) ?? 0), 0);
  const locations = delta('escale_ws_message_duration_seconds_count{type="location"}');
  const share = (le: string) => (locations === 0 ? 0 : (100 * (locations - delta(location(le)))) / locations);
  const worst = (read: (s: Scrape, i: number) => number) => Math.max(...after.map(read));
  return {
    locations,
    over50msPercent: share('0.05'),
    over25msPercent: share('0.025'),
    loopDelayP99Ms: worst((s) => 1000 * (s.get('escale_nodejs_eventloop_lag_p99_seconds') ?? Number.NaN)),
    loopDelayMaxMs: worst((s) => 1000 * (s.get('escale_nodejs_eventloop_lag_max_seconds') ?? Number.NaN)),
    minorGcMs: worst((s, i) => 1000 * ((s.get(gcSum('minor')) ?? 0) - (before[i]!.get(gcSum('minor')) ?? 0))),
    majorGcMs: worst((s, i) => 1000 * ((s.get(gcSum('major')) ?? 0) + (s.get(gcSum('incremental')) ?? 0) - (before[i]!.get(gcSum('major')) ?? 0) - (before[i]!.get(gcSum('incremental')) ?? 0))),
  };
}

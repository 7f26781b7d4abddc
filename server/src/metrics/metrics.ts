/**
 * What an operator's Prometheus scrapes at GET /metrics (prom-client): HTTP and WebSocket counts and
 * latencies, pushes by trigger and why others were held, ranking latency, live connections, store errors,
 * the change log's lag and whether the bus between instances is up,
 * and the process's own figures. Counts and durations only: no traveller, place or session appears in a
 * label, so the endpoint holds no personal data. One registry per app, not prom-client's global one, so
 * that several apps in one process (the tests) keep their own figures.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: a ranking is under a millisecond at Paris size and a few at 100k places (bench:recommend). */
const RANKING_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Figures read at scrape time from whoever holds them; the hub exists only after the app is built. */
export interface LiveFigures {
  connections: () => number;
  storeErrors: () => number;
  /** Change-log entries committed and not yet applied here, as of the last read of the log. */
  changeLag: () => number;
  /** 1 while the bus between instances is up (always, in-process), 0 while Redis is unreachable. */
  busConnected: () => number;
}

export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'escale_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'escale_http_request_duration_seconds',
    help: 'HTTP request duration, by method and route.',
    labelNames: ['method', 'route'],
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  readonly wsMessages = new Counter({
    name: 'escale_ws_messages_received_total',
    help: 'WebSocket messages received, by type (invalid ones as "invalid").',
    labelNames: ['type'],
    registers: [this.registry],
  });
  readonly wsHandling = new Histogram({
    name: 'escale_ws_message_duration_seconds',
    help: 'Time to handle a WebSocket message, by type.',
    labelNames: ['type'],
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  readonly pushes = new Counter({ name: 'escale_pushes_total', help: 'Notifications sent, by trigger.', labelNames: ['trigger'], registers: [this.registry] });
  readonly pushesHeld = new Counter({
    name: 'escale_pushes_held_total',
    help: 'Notifications not sent, by reason (quiet hours, interval, nothing new…).',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly ranking = new Histogram({ name: 'escale_ranking_duration_seconds', help: 'Time to rank one traveller’s suggestions.', buckets: RANKING_BUCKETS, registers: [this.registry] });

  constructor(readonly live: LiveFigures = { connections: () => 0, storeErrors: () => 0, changeLag: () => 0, busConnected: () => 1 }) {
    new Gauge({ name: 'escale_ws_connections', help: 'Open WebSocket connections.', registers: [this.registry], collect() { this.set(live.connections()); } }); // prettier-ignore
    new Gauge({ name: 'escale_store_errors', help: 'Store failures since start (as /api/health reports them).', registers: [this.registry], collect() { this.set(live.storeErrors()); } }); // prettier-ignore
    new Gauge({ name: 'escale_change_log_lag', help: 'Change-log entries committed and not yet applied by this instance (bus lag).', registers: [this.registry], collect() { this.set(live.changeLag()); } }); // prettier-ignore
    new Gauge({ name: 'escale_bus_connected', help: '1 while the bus between instances is up (Redis, or in-process), 0 while it is not.', registers: [this.registry], collect() { this.set(live.busConnected()); } }); // prettier-ignore
    collectDefaultMetrics({ register: this.registry, prefix: 'escale_' });
  }

  /** Seconds since `start` (a performance.now() reading). */
  static since(start: number): number {
    return (performance.now() - start) / 1000;
  }
}

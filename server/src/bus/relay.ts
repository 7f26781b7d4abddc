/**
 * The relay between instances: wake-ups (the change log has a new head) and logged messages for a
 * traveller's sockets on whichever instance holds them. In-process when there is one instance (nothing to
 * relay: the instance applies its own changes and holds all the sockets); Redis pub/sub when REDIS_URL is
 * set. A lost Redis message delays a change until the next poll of the log (change-log.ts) and a message
 * until the socket's next one, which fills the gap from the message log (realtime/hub.ts): it never loses one.
 */
import { RelayMessage, validationIssues } from '@escale/shared';
import { createHash } from 'node:crypto';
import type { createClient } from 'redis';
import { urlWithoutPassword } from '../log/url-without-password.ts';

/**
 * Redis's pub/sub channel of one deployment: named after its database, so deployments (or test clusters)
 * sharing a Redis never hear each other. The URL's password is left out of the hash's input.
 */
export function relayChannel(databaseDescription: string): string {
  return `escale:relay:${createHash('sha256').update(databaseDescription).digest('hex').slice(0, 16)}`;
}

export type RelayLog = (event: string, detail: Record<string, unknown>, level: 'info' | 'warn') => void;

export interface RelayState {
  kind: 'in-process' | 'redis';
  /** false while Redis is unreachable: instances still serve their own sockets and poll the log. */
  connected: boolean;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface Relay {
  /** This instance's id, in every message it sends (it ignores its own). */
  readonly origin: string;
  publish(message: RelayMessage): void;
  /** Messages of the other instances, validated. */
  onMessage(listener: (message: RelayMessage) => void): void;
  state(): RelayState;
  close(): Promise<void>;
}

export class InProcessRelay implements Relay {
  constructor(readonly origin: string) {}
  publish(): void {}
  onMessage(): void {}
  state(): RelayState {
    return { kind: 'in-process', connected: true, lastError: null, lastErrorAt: null };
  }
  async close(): Promise<void> {}
}

/** How long a reconnect waits, growing with the attempts up to this: Redis may be restarting. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/** Redis's URL without its password, for messages. */
export const describeRedisUrl = urlWithoutPassword;

type CreateClient = typeof createClient;

export class RedisRelay implements Relay {
  private readonly publisher: ReturnType<typeof createClient>;
  private readonly subscriber: ReturnType<typeof createClient>;
  private readonly listeners: ((message: RelayMessage) => void)[] = [];
  private connected = false;
  private lastError: string | null = null;
  private lastErrorAt: string | null = null;
  private closed = false;

  private constructor(
    readonly origin: string,
    url: string,
    private readonly channel: string,
    private readonly log: RelayLog,
    createClient: CreateClient,
  ) {
    const options = {
      url,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) },
      // A publish while Redis is away fails at once instead of queueing without bound: the log catches up.
      disableOfflineQueue: true,
    };
    this.publisher = createClient(options);
    this.subscriber = createClient(options);
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (err: Error) => this.failed(err));
      client.on('ready', () => this.updateConnected());
      client.on('end', () => this.updateConnected());
      client.on('reconnecting', () => this.updateConnected());
    }
    // node-redis subscribes again by itself after a reconnect; the first subscription waits for the first
    // connection, which may come long after start.
    this.subscriber.once('ready', () => {
      this.subscriber
        .subscribe(channel, (raw) => this.received(raw))
        .then(() => this.updateConnected())
        .catch((err: Error) => this.failed(err));
    });
  }

  /**
   * Starts connecting and waits for Redis at most `waitMs`: a Redis that does not answer at start is not
   * fatal (the instance serves its sockets and polls the change log; the relay keeps reconnecting).
   */
  static async open(origin: string, url: string, channel: string, log: RelayLog, waitMs = 2_000): Promise<RedisRelay> {
    // Loaded here, not at the top: an instance without Redis never pays for node-redis's 600 modules at start.
    const { createClient } = await import('redis');
    const relay = new RedisRelay(origin, url, channel, log, createClient);
    const ready = (client: typeof relay.publisher) => new Promise<void>((resolve) => client.once('ready', () => resolve()));
    const both = Promise.all([ready(relay.publisher), ready(relay.subscriber)]);
    relay.publisher.connect().catch((err: Error) => relay.failed(err));
    relay.subscriber.connect().catch((err: Error) => relay.failed(err));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([both, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    relay.updateConnected();
    return relay;
  }

  private failed(err: Error): void {
    this.lastError = (err.message || err.name).slice(0, 160);
    this.lastErrorAt = new Date().toISOString();
    this.updateConnected();
  }

  private updateConnected(): void {
    const now = this.publisher.isReady && this.subscriber.isReady && this.subscriber.isPubSubActive;
    if (now !== this.connected && !this.closed)
      this.log(now ? 'redis relay connected' : "redis relay lost: serving this instance's sockets and polling the change log", { lastError: this.lastError }, now ? 'info' : 'warn');
    this.connected = now;
  }

  private received(raw: string): void {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      this.log('relay message refused', { reason: 'not JSON' }, 'warn');
      return;
    }
    const parsed = RelayMessage.safeParse(json);
    if (!parsed.success) {
      this.log('relay message refused', { issues: validationIssues(parsed.error, 'relay') }, 'warn');
      return;
    }
    if (parsed.data.origin === this.origin) return;
    for (const listener of this.listeners) listener(parsed.data);
  }

  publish(message: RelayMessage): void {
    if (!this.publisher.isReady) return;
    this.publisher.publish(this.channel, JSON.stringify(message)).catch((err: Error) => this.failed(err));
  }

  onMessage(listener: (message: RelayMessage) => void): void {
    this.listeners.push(listener);
  }

  state(): RelayState {
    return { kind: 'redis', connected: this.connected, lastError: this.lastError, lastErrorAt: this.lastErrorAt };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.publisher, this.subscriber].map((c) => (c.isOpen ? c.close().catch(() => undefined) : undefined)));
  }
}

/**
 * Every limit of the SMTP listener, explicit (README, "Forwarding e-mails to the wallet"), and the per-key
 * hourly counter the rate limits are kept with. The counters live in this instance's memory: behind
 * several instances (several MX records) each counts its own share.
 */
import { IMPORT_LIMITS } from '@escale/shared';

export const SMTP_LIMITS = {
  /** Announced in EHLO (SIZE) and enforced while the message streams: beyond, 552 and nothing is kept. */
  maxMessageBytes: IMPORT_LIMITS.maxBytes,
  /**
   * One recipient per message: each traveller's checks (consent, senders, rate, inbox) decide that
   * recipient's answer exactly. A second RCPT gets 452, and the sending server delivers it in another
   * transaction (RFC 5321 §4.5.3.1.10).
   */
  maxRecipients: 1,
  /**
   * Connections at once; beyond, the connection is refused (421). Each may hold one message of up to
   * maxMessageBytes while it is read, so this bounds the listener's memory too (20 × 10 MiB).
   */
  maxConnections: 20,
  /** A connection silent this long is closed. */
  idleTimeoutMs: 60_000,
  /** Keys an hourly counter remembers; beyond, a new key is refused until an hour has passed (memory bound). */
  maxCounterKeys: 10_000,
} as const;

const HOUR_MS = 3_600_000;

/**
 * At most `perHour` events per key in any clock hour since the key's first event (a fixed window per key):
 * simple, bounded, and enough to stop a flood; a burst of twice the limit across a window's edge is allowed.
 */
export class HourlyLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly perHour: number,
    private readonly maxKeys: number = SMTP_LIMITS.maxCounterKeys,
  ) {}

  /** Counts one event for `key` at `now` (ms); false when the key is over its limit (nothing counted). */
  take(key: string, now: number): boolean {
    let window = this.windows.get(key);
    if (window && now - window.start >= HOUR_MS) window = undefined;
    if (!window) {
      if (this.windows.size >= this.maxKeys) this.forgetExpired(now);
      if (this.windows.size >= this.maxKeys) return false;
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.perHour) return false;
    window.count++;
    return true;
  }

  private forgetExpired(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= HOUR_MS) this.windows.delete(key);
  }
}

/**
 * Whether an address is among the allowed senders: an entry is an address (equal without case) or a domain
 * (the address's domain, or one under it). An empty list allows everyone.
 */
export function senderAllowed(address: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const a = address.trim().toLowerCase();
  const domain = a.slice(a.lastIndexOf('@') + 1);
  if (!a.includes('@') || domain === '') return false;
  return allowed.some((entry) => (entry.includes('@') ? entry === a : domain === entry || domain.endsWith(`.${entry}`)));
}

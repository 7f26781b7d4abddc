/**
 * Reconnection delays: exponential so a down server is not hammered, with jitter so thousands of phones
 * that lost the same server do not all come back in the same millisecond, capped so a traveller never
 * waits more than 30 s once the network returns.
 */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

/** Delay before reconnection attempt `attempt` (0 = first retry); `random` is in [0, 1). */
export function reconnectDelay(attempt: number, random: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  // "Equal jitter": half the delay is guaranteed (keeps the backoff meaningful), half is random.
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

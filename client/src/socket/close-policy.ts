/**
 * What to do when the server closes the live channel, by close code. Most closes are weather (a restart,
 * a lost heartbeat, too many messages): come back with backoff. Three are instructions, and retrying
 * blindly would turn each into a loop.
 */
import { CLOSE_CODES } from '@escale/shared';
import { reconnectDelay } from './backoff.ts';

export type AfterClose =
  | { kind: 'reconnect'; delayMs: number }
  /** Stay closed: `outdated` needs a page reload, `ended` a new sign-in. */
  | { kind: 'stop'; status: 'outdated' | 'ended' };

/** `attempt` counts reconnections since the last welcome (0 = the connection that just closed was healthy). */
export function afterClose(code: number, attempt: number, random: number): AfterClose {
  switch (code) {
    case CLOSE_CODES.protocolVersion:
      // The server would refuse every hello from this build; only loading the new client helps.
      return { kind: 'stop', status: 'outdated' };
    case CLOSE_CODES.sessionEnded:
      return { kind: 'stop', status: 'ended' };
    case CLOSE_CODES.slowConsumer:
      // The server stopped buffering for us, it is not in trouble: come back at once and replay from lastSeq.
      // Only once in a row; if that attempt fails before a welcome, back off like any other failure.
      return { kind: 'reconnect', delayMs: attempt === 0 ? 0 : reconnectDelay(attempt, random) };
    default:
      return { kind: 'reconnect', delayMs: reconnectDelay(attempt, random) };
  }
}

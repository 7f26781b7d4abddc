/**
 * The socket against a scripted server: a fake WebSocket the test opens, feeds and closes, with fake
 * timers for the backoff. The browser globals the socket listens to are plain EventTargets.
 */
import { CLOSE_CODES, PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from '@escale/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { suggestionsMessage, welcomeMessage } from '../testing/fixtures.ts';
import { type ConnectionStatus, type LiveSocket, connectSocket } from './socket.ts';

class FakeWebSocket {
  static opened: FakeWebSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  readonly sent: ClientMessage[] = [];

  constructor(readonly url: string) {
    FakeWebSocket.opened.push(this);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close(): void {}

  /** The server accepts the connection and greets the hello. */
  accept(welcome = welcomeMessage()): void {
    this.onopen?.();
    this.deliver(welcome);
  }
  deliver(message: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  closeFromServer(code: number): void {
    this.onclose?.({ code });
  }
}

const latest = () => FakeWebSocket.opened.at(-1)!;
const hellos = () => FakeWebSocket.opened.map((ws) => ws.sent.find((m) => m.type === 'hello'));

let live: LiveSocket;
let statuses: ConnectionStatus[];
let online: { onLine: boolean };

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.opened = [];
  online = { onLine: true };
  vi.stubGlobal('WebSocket', FakeWebSocket);
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  vi.stubGlobal('navigator', online);
  // random() = 0: the shortest delay of each backoff step, so the timings below are exact.
  live = connectSocket('ws://escale.test/ws', () => 0);
  statuses = [];
  live.onStatus((s) => statuses.push(s));
});

afterEach(() => {
  live.close();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('connectSocket', () => {
  it('says hello without lastSeq first, then with the last number it saw after a drop', () => {
    latest().accept(welcomeMessage({ seq: 4 }));
    latest().deliver(suggestionsMessage({ seq: 5 }));
    latest().closeFromServer(1006);
    vi.advanceTimersByTime(250);
    latest().onopen?.();
    expect(hellos()).toEqual([
      { type: 'hello', protocol: PROTOCOL_VERSION },
      { type: 'hello', protocol: PROTOCOL_VERSION, lastSeq: 5 },
    ]);
  });

  it('passes each sequenced message on once, in order, and drops a repeat or an older one', () => {
    const seen: number[] = [];
    live.onMessage((m) => 'seq' in m && m.type !== 'welcome' && seen.push(m.seq));
    latest().accept(welcomeMessage({ seq: 4 }));
    for (const seq of [5, 6, 5, 4, 7, 7]) latest().deliver(suggestionsMessage({ seq }));
    expect(seen).toEqual([5, 6, 7]);
  });

  it('retries with a growing, jittered delay while the server stays away', () => {
    latest().closeFromServer(1006);
    vi.advanceTimersByTime(249);
    expect(FakeWebSocket.opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.opened).toHaveLength(2);
    latest().closeFromServer(1006);
    vi.advanceTimersByTime(499);
    expect(FakeWebSocket.opened).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.opened).toHaveLength(3);
    expect(statuses).toEqual(['reconnecting']);
  });

  it('backs off after a lost heartbeat or a rate limit like after any drop', () => {
    for (const code of [CLOSE_CODES.noHeartbeat, CLOSE_CODES.rateLimited]) {
      const before = FakeWebSocket.opened.length;
      latest().accept();
      latest().closeFromServer(code);
      vi.advanceTimersByTime(0);
      expect(FakeWebSocket.opened).toHaveLength(before);
      vi.advanceTimersByTime(250);
      expect(FakeWebSocket.opened).toHaveLength(before + 1);
    }
  });

  it('never reconnects after a protocol mismatch, and says the app is outdated', () => {
    latest().onopen?.();
    latest().deliver({ type: 'error', code: 'protocol_version', message: 'reload the app' });
    latest().closeFromServer(CLOSE_CODES.protocolVersion);
    vi.advanceTimersByTime(60_000);
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(FakeWebSocket.opened).toHaveLength(1);
    expect(live.status()).toBe('outdated');
  });

  it('reconnects at once after a slow-consumer close and asks for a replay from its last number', () => {
    latest().accept(welcomeMessage({ seq: 4 }));
    latest().deliver(suggestionsMessage({ seq: 7 }));
    latest().closeFromServer(CLOSE_CODES.slowConsumer);
    vi.advanceTimersByTime(0);
    expect(FakeWebSocket.opened).toHaveLength(2);
    latest().onopen?.();
    expect(hellos()[1]).toEqual({ type: 'hello', protocol: PROTOCOL_VERSION, lastSeq: 7 });
  });

  it('backs off when the resync after a slow-consumer close fails too', () => {
    latest().accept();
    latest().closeFromServer(CLOSE_CODES.slowConsumer);
    vi.advanceTimersByTime(0);
    latest().closeFromServer(1006);
    vi.advanceTimersByTime(499);
    expect(FakeWebSocket.opened).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.opened).toHaveLength(3);
  });

  it('stops and reports the end of the session when the server signs the traveller out', () => {
    latest().accept();
    latest().closeFromServer(CLOSE_CODES.sessionEnded);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.opened).toHaveLength(1);
    expect(statuses).toEqual(['connected', 'ended']);
  });

  it('waits for the network instead of burning attempts while offline', () => {
    latest().accept();
    online.onLine = false;
    latest().closeFromServer(1006);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.opened).toHaveLength(1);
    online.onLine = true;
    window.dispatchEvent(new Event('online'));
    expect(FakeWebSocket.opened).toHaveLength(2);
    expect(statuses).toEqual(['connected', 'offline', 'reconnecting']);
  });

  it('re-sends the position and the queued taps after each welcome', () => {
    live.setLocation(48.87, 2.38);
    live.send({ type: 'suggest_now' });
    latest().accept();
    expect(latest().sent.map((m) => m.type)).toEqual(['hello', 'location', 'suggest_now']);
  });

  it('asks for the feed plainly after a welcome when it has no position to send', () => {
    latest().accept();
    expect(latest().sent.map((m) => m.type)).toEqual(['hello', 'refresh']);
  });

  it('passes a reset welcome on, so the app can drop the feed it holds', () => {
    const received: ServerMessage[] = [];
    live.onMessage((m) => received.push(m));
    latest().accept(welcomeMessage({ replay: 'reset' }));
    expect(received).toEqual([welcomeMessage({ replay: 'reset' })]);
  });
});

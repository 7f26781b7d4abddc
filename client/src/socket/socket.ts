/**
 * The app's one WebSocket. It owns connecting, the hello/welcome handshake, validation of every frame,
 * reconnection with backoff (or not, as the close code says), and replay (`lastSeq`); React only
 * subscribes to its status and messages.
 */
import { type ClientMessage, PROTOCOL_VERSION, type ServerMessage } from '@escale/shared';
import { afterClose } from './close-policy.ts';
import { isStale, nextLastSeq, parseServerMessage } from './parse.ts';

/**
 * `outdated` and `ended` are final: this build speaks an old protocol (reload the page), or the server
 * ended the session (sign in again). The socket does not reconnect from either.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'outdated' | 'ended';
type Location = Extract<ClientMessage, { type: 'location' }>;
/** Messages the app may send; hello and location are the socket's own business. */
export type OutgoingMessage = Extract<ClientMessage, { type: 'suggest_now' | 'refresh' | 'feedback' | 'feedback_undo' }>;

export interface LiveSocket {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** Remembered and re-sent after every welcome, so a reconnected server knows where the traveller is. */
  setLocation(lat: number, lon: number, accuracyMeters?: number): void;
  /** Sent at once when connected, otherwise queued until the next welcome. */
  send(message: OutgoingMessage): void;
  close(): void;
}

/** A few taps while offline are worth replaying; hundreds would be a stuck client, not intent. */
const OUTBOX_LIMIT = 10;

export function socketUrl(page: { protocol: string; host: string }): string {
  return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}/ws`;
}

export function connectSocket(url: string, random: () => number = Math.random): LiveSocket {
  let ws: WebSocket | null = null;
  let status: ConnectionStatus = 'connecting';
  let welcomed = false;
  let attempt = 0;
  let lastSeq: number | null = null;
  let location: Location | null = null;
  let outbox: OutgoingMessage[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  const messageListeners = new Set<(message: ServerMessage) => void>();

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };
  const write = (message: ClientMessage) => ws?.send(JSON.stringify(message));

  function open(): void {
    clearTimeout(timer);
    welcomed = false;
    const socket = new WebSocket(url);
    ws = socket;
    socket.onopen = () => {
      write({ type: 'hello', protocol: PROTOCOL_VERSION, ...(lastSeq === null ? {} : { lastSeq }) });
    };
    socket.onmessage = (event: MessageEvent) => {
      if (socket !== ws) return;
      const result = parseServerMessage(event.data);
      if (!result.ok) {
        console.warn('Ignored a server message that breaks the protocol:', result.reason);
        return;
      }
      if (isStale(lastSeq, result.message)) return;
      lastSeq = nextLastSeq(lastSeq, result.message);
      if (result.message.type === 'welcome') onWelcome();
      for (const listener of messageListeners) listener(result.message);
    };
    // 'error' is always followed by 'close', so reconnection is handled there only.
    socket.onclose = (event: CloseEvent) => {
      if (socket !== ws || closed) return;
      ws = null;
      welcomed = false;
      onServerClose(event.code);
    };
  }

  function onWelcome(): void {
    attempt = 0;
    welcomed = true;
    setStatus('connected');
    // The feed follows the position; without one (none yet, or location off) the app asks for it plainly.
    write(location ?? { type: 'refresh' });
    for (const message of outbox) write(message);
    outbox = [];
  }

  function onServerClose(code: number): void {
    const next = afterClose(code, attempt, random());
    if (next.kind === 'stop') {
      // Final: neither the backoff nor coming back online or to the foreground may reopen it.
      closed = true;
      stopListening();
      setStatus(next.status);
      return;
    }
    if (!navigator.onLine) {
      setStatus('offline'); // the 'online' event brings us back without burning attempts
      return;
    }
    setStatus('reconnecting');
    attempt++;
    timer = setTimeout(open, next.delayMs);
  }

  /** Back online or back in the foreground: try now rather than after a long backoff. */
  function reconnectNow(): void {
    if (closed) return;
    if (ws && welcomed) return setStatus('connected');
    if (ws) return; // a connection attempt is already under way
    attempt = 0;
    setStatus('reconnecting');
    open();
  }
  const onOffline = () => setStatus('offline');
  const onVisible = () => document.visibilityState === 'visible' && reconnectNow();
  function stopListening(): void {
    clearTimeout(timer);
    window.removeEventListener('online', reconnectNow);
    window.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
  }
  window.addEventListener('online', reconnectNow);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  open();

  return {
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    setLocation(lat, lon, accuracyMeters) {
      location = { type: 'location', lat, lon, ...(accuracyMeters === undefined ? {} : { accuracyMeters }) };
      if (welcomed) write(location);
    },
    send(message) {
      if (welcomed) write(message);
      else outbox = [...outbox, message].slice(-OUTBOX_LIMIT);
    },
    close() {
      closed = true;
      stopListening();
      ws?.close(1000, 'signed out');
      ws = null;
      statusListeners.clear();
      messageListeners.clear();
    },
  };
}

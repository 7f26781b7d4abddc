/** A small WebSocket test client that validates every server message and lets a test wait for one. */
import WebSocket from 'ws';
import { PROTOCOL_VERSION, ServerMessage } from '@escale/shared';

export class TestSocket {
  readonly messages: ServerMessage[] = [];
  /** Messages no `next` has returned yet: a wait also matches what arrived before it was asked. */
  private unclaimed: ServerMessage[] = [];
  private waiters: { predicate: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  closeCode: number | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = ServerMessage.parse(JSON.parse(data.toString()));
      this.messages.push(msg);
      const waiter = this.waiters.find((w) => w.predicate(msg));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(msg);
      } else {
        this.unclaimed.push(msg);
      }
    });
    ws.on('close', (code) => (this.closeCode = code));
  }

  /** `autoPong: false` plays a dead peer: the connection stays open but never answers a ping. */
  static open(url: string, headers: Record<string, string>, options: { autoPong?: boolean } = {}): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers, autoPong: options.autoPong ?? true });
      const socket = new TestSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
      ws.once('error', reject);
    });
  }

  /** The HTTP status an upgrade gets: 101 when the socket opened (it is closed again at once), else the refusal's. */
  static upgradeStatus(url: string, headers: Record<string, string>): Promise<number | undefined> {
    return TestSocket.open(url, headers).then(
      (s) => (s.close(), 101),
      (err: { status?: number }) => err.status,
    );
  }

  static async greeted(url: string, cookie: string, lastSeq?: number, options: { autoPong?: boolean } = {}): Promise<TestSocket> {
    const s = await TestSocket.open(url, { cookie }, options);
    s.send({ type: 'hello', protocol: PROTOCOL_VERSION, ...(lastSeq === undefined ? {} : { lastSeq }) });
    await s.next((m) => m.type === 'welcome');
    return s;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  next<T extends ServerMessage['type']>(predicate: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<Extract<ServerMessage, { type: T }>> {
    const early = this.unclaimed.find(predicate);
    if (early) {
      this.unclaimed.splice(this.unclaimed.indexOf(early), 1);
      return Promise.resolve(early as Extract<ServerMessage, { type: T }>);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.type))}`)), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<ServerMessage, { type: T }>);
        },
      });
    });
  }

  nextOfType<T extends ServerMessage['type']>(type: T, timeoutMs?: number) {
    return this.next<T>((m) => m.type === type, timeoutMs);
  }

  /** The welcome this socket was greeted with. */
  get welcome(): Extract<ServerMessage, { type: 'welcome' }> | undefined {
    return this.messages.find((m) => m.type === 'welcome') as Extract<ServerMessage, { type: 'welcome' }> | undefined;
  }

  closed(): Promise<number> {
    if (this.closeCode !== null) return Promise.resolve(this.closeCode);
    return new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
  }

  close(): void {
    this.ws.close();
  }
}

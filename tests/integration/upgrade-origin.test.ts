/**
 * Cross-site WebSocket hijacking: a page may open the live channel with the traveller's cookie only from
 * the server's own origin (scheme, host and port), or from an origin ALLOWED_ORIGINS names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startTestServer, type TestServer } from '../support/test-server.ts';
import { TestSocket } from '../support/ws-client.ts';

let server: TestServer;
let listed: TestServer; // ALLOWED_ORIGINS set
beforeAll(async () => {
  server = await startTestServer();
  listed = await startTestServer({ env: { ALLOWED_ORIGINS: 'https://app.example.com' } });
});
afterAll(async () => {
  await server.close();
  await listed.close();
});

/** The status of an upgrade from `origin`, with a signed-in cookie; 101 when the socket opened. */
async function upgradeStatus(target: TestServer, origin: string, headers: Record<string, string> = {}): Promise<number> {
  const cookie = await signInAs(target, 'lea');
  try {
    const socket = await TestSocket.open(target.wsUrl, { cookie, origin, ...headers });
    socket.close();
    return 101;
  } catch (err) {
    return (err as { status: number }).status;
  }
}

describe('the Origin check of the WebSocket upgrade', () => {
  it("opens the channel from the server's own origin", async () => {
    expect(await upgradeStatus(server, server.url)).toBe(101);
  });

  it('refuses another host, another scheme and another port with 403', async () => {
    const port = Number(new URL(server.url).port);
    expect(await upgradeStatus(server, 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(server, `https://127.0.0.1:${port}`)).toBe(403);
    expect(await upgradeStatus(server, `http://127.0.0.1:${port === 65535 ? port - 1 : port + 1}`)).toBe(403);
  });

  it('takes the https scheme from a TLS-terminating proxy on loopback', async () => {
    const port = new URL(server.url).port;
    expect(await upgradeStatus(server, `https://127.0.0.1:${port}`, { 'x-forwarded-proto': 'https' })).toBe(101);
    expect(await upgradeStatus(server, server.url, { 'x-forwarded-proto': 'https' })).toBe(403);
  });

  it('with ALLOWED_ORIGINS, accepts exactly the listed origins, scheme, host and port', async () => {
    expect(await upgradeStatus(listed, 'https://app.example.com')).toBe(101);
    expect(await upgradeStatus(listed, 'http://app.example.com')).toBe(403);
    expect(await upgradeStatus(listed, 'https://app.example.com:8443')).toBe(403);
    expect(await upgradeStatus(listed, listed.url)).toBe(403);
  });
});

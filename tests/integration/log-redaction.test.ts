/**
 * Secrets never reach the log. A session's whole life (sign-in, signed-in calls, a trip's calendar feed
 * made and fetched, the live channel, sign-out) is logged at trace level, by the real entry point and by a
 * server handed a plain logger, and neither the session token nor the feed's is on any line, while the
 * lines that would have carried them are there, censored. A forwarding address's token, the key to a
 * wallet inbox, is on no line either.
 */
import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import { pino } from 'pino';
import { CalendarFeedCreated, type WalletBody } from '@escale/shared';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { stopProcess } from '../../scripts/bench/server-process.ts';
import { REPO_ROOT } from '../../server/src/config.ts';
import { startServerProcess, stopServerProcesses } from '../support/server-process.ts';
import { startTestServer } from '../support/test-server.ts';
import { createTestStore } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

const MAPBOX_TOKEN = 'pk.never-in-the-log-0123456789';

afterEach(stopServerProcesses);

/**
 * Signs in, uses the session over HTTP and WebSocket, makes a trip's calendar feed and fetches it as a
 * calendar app would, signs out; returns the session's and the feed's tokens.
 */
async function sessionLifetime(url: string, wsUrl: string): Promise<{ token: string; feedToken: string }> {
  const signIn = await fetch(`${url}/api/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"personaId":"lea"}' });
  expect(signIn.status).toBe(201);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const token = cookie.slice('escale_session='.length);
  expect(token.length).toBeGreaterThan(40);
  for (const route of ['/api/session', '/api/session/clock', '/api/push-settings']) {
    expect((await fetch(`${url}${route}`, { headers: { cookie } })).status, route).toBe(200);
  }
  // A client sending the token as a bearer token too, to a route that fails.
  expect((await fetch(`${url}/api/nope`, { headers: { cookie, authorization: `Bearer ${token}` } })).status).toBe(404);
  const feedToken = await fetchCalendarFeed(url, cookie);
  const socket = await TestSocket.greeted(wsUrl, cookie);
  socket.send({ type: 'suggest_now' });
  await socket.nextOfType('suggestions');
  socket.close();
  await socket.closed();
  expect((await fetch(`${url}/api/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
  return { token, feedToken };
}

/** A booking, its trip's feed made and fetched without the session; returns the token in the feed's URL. */
async function fetchCalendarFeed(url: string, cookie: string): Promise<string> {
  const headers = { cookie, 'content-type': 'application/json' };
  const booking = { kind: 'EventReservation', title: 'Concert', placeId: null, startsAt: '2026-12-21T20:30:00+01:00', endsAt: null, timezone: 'Europe/Paris' };
  expect((await fetch(`${url}/api/wallet/bookings`, { method: 'POST', headers, body: JSON.stringify(booking) })).status).toBe(201);
  const { trips } = (await (await fetch(`${url}/api/wallet`, { headers })).json()) as WalletBody;
  const made = await fetch(`${url}/api/wallet/trips/${trips[0]!.id}/calendar`, { method: 'POST', headers });
  const feedUrl = CalendarFeedCreated.parse(await made.json()).url;
  expect((await fetch(feedUrl)).status).toBe(200);
  return /\/api\/calendar\/([^.]+)\.ics$/.exec(feedUrl)![1]!;
}

interface LogLine {
  msg?: string;
  req?: { method?: string; url?: string; headers?: Record<string, unknown> };
  res?: { headers?: Record<string, unknown> };
}

function expectCensored(log: string, { token, feedToken }: { token: string; feedToken: string }): void {
  expect(log).not.toContain(token);
  expect(log).not.toContain(feedToken);
  expect(log).not.toContain(MAPBOX_TOKEN);
  const lines = log
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as LogLine);
  const find = (method: string, url: string) => lines.find((l) => l.req?.method === method && l.req.url === url && l.res);
  // The lines are there: the requests that carried the token were logged, their secrets censored.
  expect(find('POST', '/api/session/demo')?.res?.headers?.['set-cookie']).toBe('[redacted]');
  expect(find('GET', '/api/session/clock')?.req?.headers?.cookie).toBe('[redacted]');
  expect(find('GET', '/api/nope')?.req?.headers).toMatchObject({ cookie: '[redacted]', authorization: '[redacted]' });
  expect(find('DELETE', '/api/session')?.req?.headers?.cookie).toBe('[redacted]');
  // The feed's token is its URL: the request is logged with the path censored.
  expect(find('GET', '/api/calendar/[redacted]')).toBeDefined();
}

describe('the log', () => {
  it('never holds a session token when the real entry point logs at trace level', async () => {
    const store = await createTestStore('log');
    onTestFinished(() => store.drop());
    let log = '';
    const server = await startServerProcess(store, { LOG_LEVEL: 'trace', MAPBOX_TOKEN }, { stdout: (text) => (log += text) });
    const tokens = await sessionLifetime(server.url, server.wsUrl);
    await stopProcess(server.child);
    expect(log).toContain('Escale is ready');
    expectCensored(log, tokens);
  });

  it('never holds a session token when the server is handed a logger that censors nothing', async () => {
    let log = '';
    const logger = pino({ level: 'trace' }, { write: (line: string) => void (log += line) });
    const server = await startTestServer({ logger, env: { MAPBOX_TOKEN } });
    try {
      const tokens = await sessionLifetime(server.url, server.wsUrl);
      expectCensored(log, tokens);
    } finally {
      await server.close();
    }
  });

  it('never holds a forwarding address token, from its making to a message received and refused at it', async () => {
    let log = '';
    const logger = pino({ level: 'trace' }, { write: (line: string) => void (log += line) });
    const server = await startTestServer({ logger, env: { SMTP_PORT: '0' } });
    try {
      const signIn = await fetch(`${server.url}/api/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"personaId":"lea"}' });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const { address } = (await (await fetch(`${server.url}/api/wallet/forwarding`, { headers: { cookie } })).json()) as { address: string };
      const token = address.split('@')[0]!;
      const transport = createTransport({ host: '127.0.0.1', port: server.smtp!.port, secure: false, ignoreTLS: true });
      const raw = readFileSync(`${REPO_ROOT}/data/samples/lea-flight-air-france.eml`);
      await transport.sendMail({ envelope: { from: 'confirmation@example.invalid', to: [address] }, raw });
      await expect(transport.sendMail({ envelope: { from: '', to: [address] }, raw })).rejects.toThrow();
      transport.close();
      expect(log).toContain('a forwarded e-mail landed in a wallet inbox');
      expect(log).not.toContain(token);
    } finally {
      await server.close();
    }
  });
});

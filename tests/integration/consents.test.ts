/**
 * Consents over HTTP, on both stores: read with their history, switched off and on again with one call each
 * (GDPR Art. 7), each change kept with its time; switching location off forgets the stored position and
 * refuses the next location message on the live channel; an unknown category is 404, a bad body 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentsBody } from '@escale/shared';
import { signIn, startTestServer, type TestServer } from '../support/test-server.ts';
import { TestSocket } from '../support/ws-client.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const call = (cookie: string, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('consents', () => {
  it('shows the consents given at sign-in, and keeps each change with its time', async () => {
    const { cookie } = await signIn(server, 'lea');
    const first = (await (await call(cookie, 'GET', '/api/consents')).json()) as ConsentsBody;
    expect(first.consents).toEqual({ location: true, history: true, profile: true, wallet: true });
    expect(first.history.map((e) => [e.category, e.granted]).sort()).toEqual([
      ['history', true],
      ['location', true],
      ['profile', true],
      ['wallet', true],
    ]);

    server.clock.set(new Date(server.clock.now().getTime() + 60_000), 0);
    const off = await call(cookie, 'PUT', '/api/consents/wallet', { granted: false });
    expect(off.status).toBe(200);
    const afterOff = (await off.json()) as ConsentsBody;
    expect(afterOff.consents.wallet).toBe(false);
    expect(afterOff.history[0]).toMatchObject({ category: 'wallet', granted: false });
    // Saying it again is not a change: no new history row.
    const again = (await (await call(cookie, 'PUT', '/api/consents/wallet', { granted: false })).json()) as ConsentsBody;
    expect(again.history).toHaveLength(afterOff.history.length);
    // The wallet now refuses to store anything.
    const booking = await call(cookie, 'POST', '/api/wallet/bookings', {
      kind: 'EventReservation',
      title: 'Concert',
      placeId: null,
      startsAt: '2026-12-19T20:00:00+01:00',
      endsAt: null,
      timezone: 'Europe/Paris',
    });
    expect(booking.status).toBe(403);

    server.clock.set(new Date(server.clock.now().getTime() + 60_000), 0);
    const on = (await (await call(cookie, 'PUT', '/api/consents/wallet', { granted: true })).json()) as ConsentsBody;
    expect(on.consents.wallet).toBe(true);
    expect(on.history.slice(0, 2).map((e) => e.granted)).toEqual([true, false]);
  });

  it('forgets the stored position when location goes off, and refuses the next location message', async () => {
    const { cookie, travellerId } = await signIn(server, 'marc');
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    socket.send({ type: 'location', lat: 48.8606, lon: 2.3376 });
    await socket.nextOfType('feed');
    const stored = () => server.ctx.db.selectFrom('positions').select('traveller_id').where('traveller_id', '=', travellerId).execute();
    await expect.poll(async () => (await stored()).length).toBe(1);
    expect((await call(cookie, 'PUT', '/api/consents/location', { granted: false })).status).toBe(200);
    expect(await stored()).toEqual([]);
    socket.send({ type: 'location', lat: 48.8566, lon: 2.3522 });
    expect(await socket.nextOfType('error')).toMatchObject({ code: 'consent_required' });
    expect(await stored()).toEqual([]);
    socket.close();
  });

  it('answers an unknown category with 404 and a bad body with 400, changing nothing', async () => {
    const { cookie } = await signIn(server, 'lea');
    expect((await call(cookie, 'PUT', '/api/consents/microphone', { granted: false })).status).toBe(404);
    expect((await call(cookie, 'PUT', '/api/consents/location', { granted: 'no' })).status).toBe(400);
    expect((await call(cookie, 'PUT', '/api/consents/location', { granted: false, also: 1 })).status).toBe(400);
    expect(((await (await call(cookie, 'GET', '/api/consents')).json()) as ConsentsBody).consents.location).toBe(true);
    expect((await fetch(`${server.url}/api/consents`)).status).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, PlaceDetails } from '@escale/shared';
import { setSessionClock, signInAs, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { DEMO_MODE: 'true' } });
});
afterAll(async () => {
  await server.close();
});

const details = async (id: string, cookie?: string) => {
  const res = await fetch(`${server.url}/api/places/${encodeURIComponent(id)}`, { headers: cookie ? { cookie } : {} });
  expect(res.status).toBe(200);
  return PlaceDetails.parse(await res.json());
};

// Le Stube Richelieu: "Mo 11:30-15:00; Tu 11:30-19:00; We-Fr 11:30-21:00; Sa 12:00-21:00; Su off".
const STUBE = 'osm:node/4111593158';

describe('GET /api/places/:id', () => {
  it("gives a place's record and whether it is open now (Tuesday 18:00 in Paris)", async () => {
    const place = await details(STUBE);
    expect(place).toMatchObject({ name: 'Le Stube Richelieu', category: 'cafe', address: '31 Rue de Richelieu, 75001 Paris', website: 'http://www.lestube.fr' });
    expect(place.openingHours).toMatch(/^Mo 11:30-15:00/);
    // For people, a line per rule, in each language.
    expect(place.hours?.en).toEqual(['Mo 11:30-15:00', 'Tu 11:30-19:00', 'We-Fr 11:30-21:00', 'Sa 12:00-21:00', 'Su off']);
    expect(place.hours?.fr).toEqual(['lun. 11:30-15:00', 'mar. 11:30-19:00', 'mer.-ven. 11:30-21:00', 'sam. 12:00-21:00', 'dim. fermé']);
    expect(place.openNow).toEqual({ kind: 'open', until: '19:00' });
    expect(place.at).toBe('2026-11-24T18:00:00+01:00');
  });

  it('says a 24/7 place is open with no closing time', async () => {
    const park = await details('osm:way/4208595');
    expect(park.openNow).toEqual({ kind: 'open', until: null });
    expect(park.hours).toEqual({ en: ['24/7'], fr: ['24/7'] });
  });

  it("reads the session's clock: at 23:30 the café is closed and opens the next morning", async () => {
    const cookie = await signInAs(server, 'marc');
    await setSessionClock(server, cookie, new Date('2026-11-24T22:30:00Z'));
    expect((await details(STUBE, cookie)).openNow).toEqual({ kind: 'closed', opensAt: '11:30', opensDay: '2026-11-25' });
    // Another visitor, on the server's clock, still sees it open.
    expect((await details(STUBE)).openNow.kind).toBe('open');
  });

  it('answers 404 for an unknown place and 400 for something that is not a place id', async () => {
    const missing = await fetch(`${server.url}/api/places/${encodeURIComponent('osm:node/1')}`);
    expect(missing.status).toBe(404);
    expect(ApiError.parse(await missing.json()).error.code).toBe('not_found');
    const bad = await fetch(`${server.url}/api/places/${encodeURIComponent('<script>')}`);
    expect(bad.status).toBe(400);
    expect(ApiError.parse(await bad.json()).error.code).toBe('bad_request');
  });
});

/**
 * The console's preview, on both stores: the feed a demo persona, or an anonymous traveller who shares only
 * where they are, would get at a place and a time, explained, ranked with the agency's own settings; it
 * writes nothing and reads no real traveller.
 */
import { describe, expect, it } from 'vitest';
import type { PreviewResult } from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { serverForFile } from '../support/server-suite.ts';
import { callApi as call } from '../support/test-server.ts';

const suite = serverForFile();
const HOTEL_DE_VILLE = { lat: 48.8566, lon: 2.3522 };
const EVENING = '2026-11-24T18:00:00+01:00';

async function staff(email: string): Promise<string> {
  const res = await call(suite.server.url, '', 'POST', '/api/agency/session', { email, password: DEMO_STAFF_PASSWORD });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const dataKinds = (r: PreviewResult) => new Set(r.items.flatMap((s) => s.contributions.flatMap((c) => c.personalData.map((d) => d.kind))));
const signals = (r: PreviewResult) => new Set(r.items.flatMap((s) => s.contributions.map((c) => c.signal)));

/** Rows a preview must not add to. */
async function counts() {
  const db = suite.server.ctx.db;
  const n = async (table: 'travellers' | 'positions' | 'interactions' | 'message_log' | 'sessions') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { travellers: await n('travellers'), positions: await n('positions'), interactions: await n('interactions'), messages: await n('message_log') };
}

describe('the preview', () => {
  it('shows what a persona would be suggested, explained with her profile and history, and stores nothing', async () => {
    const viewer = await staff('hugo@escale-demo.example');
    const before = await counts();
    const res = await call(suite.server.url, viewer, 'POST', '/api/agency/preview', { persona: 'lea', ...HOTEL_DE_VILLE, at: EVENING });
    expect(res.status).toBe(200);
    const lea = (await res.json()) as PreviewResult;
    expect(lea.items.length).toBeGreaterThan(3);
    expect(lea.consents).toEqual({ location: true, history: true, profile: true, wallet: true });
    // Her position, her stated budget (profile) and her seeded history (taste) all count, as they would for her.
    expect([...dataKinds(lea)]).toEqual(expect.arrayContaining(['position', 'budget', 'interaction']));
    expect(signals(lea).has('taste')).toBe(true);
    expect(lea.items.every((s) => s.distanceMeters !== null)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('an anonymous traveller shares only where they are: no personal signal but proximity', async () => {
    const viewer = await staff('hugo@escale-demo.example');
    const res = await call(suite.server.url, viewer, 'POST', '/api/agency/preview', { persona: null, ...HOTEL_DE_VILLE, at: EVENING });
    const anonymous = (await res.json()) as PreviewResult;
    expect(anonymous.items.length).toBeGreaterThan(3);
    expect([...dataKinds(anonymous)]).toEqual(['position']);
    for (const personal of ['interests', 'taste', 'trip', 'party', 'budget']) expect(signals(anonymous).has(personal as never)).toBe(false);
  });

  it('ranks with the agency’s settings, and refuses what it cannot preview', async () => {
    const admin = await staff('claire@escale-demo.example');
    expect((await call(suite.server.url, admin, 'PUT', '/api/agency/ranking', { weights: { proximity: 5.5 } })).status).toBe(200);
    const res = await call(suite.server.url, admin, 'POST', '/api/agency/preview', { persona: null, ...HOTEL_DE_VILLE, at: EVENING });
    const tuned = (await res.json()) as PreviewResult;
    expect(tuned.items[0]!.contributions.find((c) => c.signal === 'proximity')!.weight).toBe(5.5);
    expect((await call(suite.server.url, admin, 'POST', '/api/agency/preview', { persona: 'nobody', ...HOTEL_DE_VILLE, at: EVENING })).status).toBe(404);
    expect((await call(suite.server.url, admin, 'POST', '/api/agency/preview', { persona: null, ...HOTEL_DE_VILLE, at: '2029-01-01T12:00:00Z' })).status).toBe(400);
    expect((await call(suite.server.url, admin, 'POST', '/api/agency/preview', { persona: null, lat: 91, lon: 0, at: EVENING })).status).toBe(400);
    expect((await call(suite.server.url, '', 'POST', '/api/agency/preview', { persona: null, ...HOTEL_DE_VILLE, at: EVENING })).status).toBe(401);
  });
});

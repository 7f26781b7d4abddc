/**
 * The tenancy matrix, on both stores, generated from the contract's routes (the OpenAPI document is made
 * from the same list): every route is called anonymously, with the wrong kind of session, as a traveller on
 * another traveller's resources, and as agency B's admin on agency A's resources. None may answer with the
 * other's data: a protected route says 401 to a stranger, a resource of someone else is 403 or 404, and no
 * answer's body holds the other's markers. A route the matrix has no rule for fails it, so a new route is
 * covered the day it is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, type ApiRoute, type Booking, type StaffSessionInfo, type WalletBody } from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { hashPassword } from '../../server/src/agency/passwords.ts';
import { addStaff } from '../../server/src/agency/staff.ts';
import { callApi as call, signIn, startTestServer, type TestServer, type Visitor } from '../support/test-server.ts';

let server: TestServer;

/** What belongs to traveller T1 and agency A, and the sessions that try to reach it. */
interface Fixture {
  t1: Visitor;
  booking: Booking;
  tripId: string;
  inboxId: string;
  /** C1, a client of agency A (profile consent on), and the note A's advisor took of what C1 said. */
  c1Id: string;
  noteId: string;
  /** Markers of T1's data that must appear in no answer to anyone else. */
  t1Markers: string[];
  /** Agency A's admin, a member of A, and markers of A's accounts. */
  aMemberId: string;
  aMarkers: string[];
  /** A published place of agency A, and a draft of A's. */
  aPlaceId: string;
  aDraftId: string;
  /** A's draft event, offer and promotion. */
  aItems: { events: string; offers: string; promotions: string };
  /** Agency B's admin's cookie. */
  bStaff: string;
  bEmail: string;
  aStaff: string;
}
let f: Fixture;

const B_PASSWORD = 'rival-admin-password';
const MARKER_TITLE = 'Tenancy marker concert 7Q4Z';
const A_INVITATION = 'Invitation of agency A for Marie 9K2W';
const A_DRAFT = 'Draft place of agency A 4F8J';
const C1_NAME = 'Client of agency A 5T3R';
const NOTE_MARKER = 'Told advisor A about jazz 8P1X';
const NOTE = { likes: [{ kind: 'tag', id: 'jazz' }], dislikes: [], party: null, budget: 2, said: NOTE_MARKER };
const A_ITEM = 'Draft item of agency A 2M6T';

beforeAll(async () => {
  server = await startTestServer();
  const now = server.clock.now();
  // Agency B, with an admin of its own.
  await server.ctx.db.insertInto('agencies').values({ id: 'rival', name: 'Rival Voyages', created_at: now.toISOString() }).execute();
  await addStaff(server.ctx.db, 'rival', { name: 'Rival Admin', email: 'admin@rival.example', role: 'admin', passwordHash: await hashPassword(B_PASSWORD) }, now);
  const staffCookie = async (email: string, password: string) => {
    const res = await call(server.url, '', 'POST', '/api/agency/session', { email, password });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const bStaff = await staffCookie('admin@rival.example', B_PASSWORD);
  const aStaff = await staffCookie('claire@escale-demo.example', DEMO_STAFF_PASSWORD);
  const aMe = (await (await call(server.url, aStaff, 'GET', '/api/agency/session')).json()) as StaffSessionInfo;
  expect((await call(server.url, aStaff, 'POST', '/api/agency/invitations', { note: A_INVITATION })).status).toBe(201);
  const draft = await call(server.url, aStaff, 'POST', '/api/agency/places', { name: A_DRAFT, category: 'cafe', lat: 48.86, lon: 2.35 });
  expect(draft.status).toBe(201);
  const aDraftId = ((await draft.json()) as { id: string }).id;
  // A's draft event, offer and promotion (of the offer), at one of A's published places.
  const made = async (path: string, body: unknown) => {
    const res = await call(server.url, aStaff, 'POST', path, body);
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const aPlace = 'osm:node/4880321756';
  const aEventId = await made('/api/agency/events', { placeId: aPlace, title: A_ITEM, kind: 'concert', startsAt: '2026-11-27T19:00:00Z', endsAt: '2026-11-27T21:00:00Z', capacity: 30, price: 12 });
  const aOfferId = await made('/api/agency/offers', { placeId: aPlace, title: A_ITEM, price: 20, seats: 8 });
  const aPromotionId = await made('/api/agency/promotions', { target: { kind: 'offer', id: aOfferId }, boost: 0.5, startsAt: '2026-11-24T00:00:00Z', endsAt: '2026-11-30T00:00:00Z', label: A_ITEM });

  // Traveller T1 (Léa) with a booking, its trip, an inbox item, a "not interested" and a "fewer like this".
  const t1 = await signIn(server, 'lea');
  const created = await call(server.url, t1.cookie, 'POST', '/api/wallet/bookings', {
    kind: 'EventReservation',
    title: MARKER_TITLE,
    startsAt: '2026-11-26T20:00:00+01:00',
    endsAt: null,
    timezone: 'Europe/Paris',
    placeId: null,
    details: {},
  });
  expect(created.status).toBe(201);
  const booking = (await created.json()) as Booking;
  const wallet = (await (await call(server.url, t1.cookie, 'GET', '/api/wallet')).json()) as WalletBody;
  const tripId = wallet.trips[0]!.id;
  const inboxId = 'inbox-tenancy-1';
  await server.ctx.db
    .insertInto('wallet_inbox')
    .values({
      id: inboxId,
      traveller_id: t1.travellerId,
      received_at: now.toISOString(),
      sender: 'tickets@example.com',
      subject: MARKER_TITLE,
      preview: null,
      refusal: JSON.stringify({ reason: 'no_booking', message: 'x' }),
      status: 'refused',
    })
    .execute();
  await server.ctx.db.insertInto('interactions').values({ traveller_id: t1.travellerId, place_id: 'osm:node/4880321756', kind: 'dismissed', at: now.toISOString() }).execute();
  expect((await call(server.url, t1.cookie, 'POST', '/api/preferences/fewer', { interest: { kind: 'tag', id: 'karaoke' } })).status).toBe(201);

  // C1 joins agency A by invitation, turns the profile consent on, and tells A's advisor what they like.
  const invitation = (await (await call(server.url, aStaff, 'POST', '/api/agency/invitations', { note: 'C1' })).json()) as { url: string };
  const joined = await call(server.url, '', 'POST', '/api/signup', {
    token: new URL(invitation.url).hash.slice(1),
    name: C1_NAME,
    email: 'c1@tenancy.example',
    password: 'c1-has-a-password',
    locale: 'en',
  });
  expect(joined.status).toBe(201);
  const c1 = { cookie: joined.headers.get('set-cookie')!.split(';')[0]!, id: ((await joined.json()) as { traveller: { id: string } }).traveller.id };
  expect((await call(server.url, c1.cookie, 'PUT', '/api/consents/profile', { granted: true })).status).toBe(200);
  const noted = await call(server.url, aStaff, 'POST', `/api/agency/clients/${c1.id}/notes`, NOTE);
  expect(noted.status).toBe(201);
  const noteId = ((await noted.json()) as { id: string }).id;

  f = {
    t1,
    booking,
    tripId,
    inboxId,
    // C1's note is a traveller's data too: no other traveller may read it.
    t1Markers: [t1.travellerId, booking.id, MARKER_TITLE, c1.id, noteId, NOTE_MARKER],
    c1Id: c1.id,
    noteId,
    aMemberId: aMe.staff.id,
    aMarkers: ['claire@escale-demo.example', 'sophie@escale-demo.example', aMe.staff.id, C1_NAME, NOTE_MARKER, noteId, A_INVITATION, A_DRAFT, aDraftId, A_ITEM, aEventId, aOfferId, aPromotionId],
    aPlaceId: 'osm:node/4880321756',
    aDraftId,
    aItems: { events: aEventId, offers: aOfferId, promotions: aPromotionId },
    bStaff,
    bEmail: 'admin@rival.example',
    aStaff,
  };
});
afterAll(async () => {
  await server.close();
});

/**
 * Every route's rule. `others`: the path parameters naming a resource of T1 (for a traveller route) or of
 * agency A (for a staff route); the caller from the other side must get 403 or 404. `fresh`: the call ends
 * the caller's session (or account), so it gets a session of its own.
 */
type Rule = {
  access: 'public' | 'traveller' | 'staff';
  others?: () => Record<string, string>;
  /** The body names agency A's resource (a place to hold an event): the other side's call is refused (400). */
  refusedAcross?: boolean;
  body?: () => unknown;
  file?: { name: string; text: string };
  query?: string;
  fresh?: boolean;
};
const RULES: Record<string, Rule> = {
  'GET /api/openapi.json': { access: 'public' },
  'GET /api/health': { access: 'public' },
  'GET /api/config': { access: 'public' },
  'GET /api/personas': { access: 'public' },
  'GET /api/places': { access: 'public' },
  'GET /api/places/{id}': { access: 'public' },
  'POST /api/session/demo': { access: 'public' },
  'GET /api/session': { access: 'traveller' },
  'DELETE /api/session': { access: 'public', fresh: true },
  'GET /api/session/clock': { access: 'traveller' },
  'PUT /api/session/clock': { access: 'traveller', body: () => ({ at: '2026-11-24T17:00:00Z', speed: 0 }) },
  'GET /api/push-settings': { access: 'traveller' },
  'PUT /api/push-settings': { access: 'traveller', body: () => ({ repeatSameDay: false }) },
  'GET /api/wallet': { access: 'traveller' },
  'POST /api/wallet/bookings': { access: 'traveller' },
  'PUT /api/wallet/bookings/{id}': {
    access: 'traveller',
    others: () => ({ id: f.booking.id }),
    body: () => ({ kind: 'EventReservation', title: 'Taken over', startsAt: '2026-11-26T20:00:00+01:00', endsAt: null, timezone: 'Europe/Paris', placeId: null, details: {} }),
  },
  'DELETE /api/wallet/bookings/{id}': { access: 'traveller', others: () => ({ id: f.booking.id }) },
  'POST /api/wallet/offers/{id}/book': { access: 'traveller' }, // an offer is the agency's public catalogue
  'POST /api/wallet/import': { access: 'traveller' },
  'POST /api/wallet/import/confirm': { access: 'traveller' },
  'PUT /api/wallet/trips/{id}': { access: 'traveller', others: () => ({ id: f.tripId }), body: () => ({ name: 'Taken over' }) },
  'POST /api/wallet/trips/{id}/calendar': { access: 'traveller', others: () => ({ id: f.tripId }) },
  'DELETE /api/wallet/trips/{id}/calendar': { access: 'traveller', others: () => ({ id: f.tripId }) },
  'GET /api/calendar/{token}.ics': { access: 'public' }, // the token is the credential: an unknown one is a 404 (calendar-feed.test.ts)
  'GET /api/wallet/forwarding': { access: 'traveller' },
  'POST /api/wallet/forwarding/rotate': { access: 'traveller' },
  'PUT /api/wallet/forwarding': { access: 'traveller', body: () => ({ allowedSenders: [] }) },
  'GET /api/wallet/inbox': { access: 'traveller' },
  'POST /api/wallet/inbox/{id}/confirm': {
    access: 'traveller',
    others: () => ({ id: f.inboxId }),
    body: () => ({ drafts: [{ ...f.booking, id: undefined, title: 'Taken over', fingerprint: 'matrix-draft' }] }),
  },
  'DELETE /api/wallet/inbox/{id}': { access: 'traveller', others: () => ({ id: f.inboxId }) },
  'GET /api/consents': { access: 'traveller' },
  'PUT /api/consents/{category}': { access: 'traveller' }, // the caller's own consent, by category
  'GET /api/ranking': { access: 'public' },
  'GET /api/my-data': { access: 'traveller' },
  'GET /api/my-data/export': { access: 'traveller' },
  'DELETE /api/my-data/interactions/{kind}/{placeId}': { access: 'traveller', others: () => ({ kind: 'dismissed', placeId: 'osm:node/4880321756' }) },
  'PUT /api/my-data/advisor-notes/{id}': { access: 'traveller', others: () => ({ id: f.noteId }), body: () => ({ ...NOTE, said: 'Taken over' }) },
  'DELETE /api/my-data/advisor-notes/{id}': { access: 'traveller', others: () => ({ id: f.noteId }) },
  'DELETE /api/my-data': { access: 'traveller', fresh: true },
  'GET /api/ranking-settings': { access: 'traveller' },
  'GET /api/demo/trips': { access: 'public' },
  'GET /api/demo/trips/{id}': { access: 'public' },
  'GET /api/demo/trips/{id}/steps/{index}/file': { access: 'public' },
  'GET /api/demo/compare': { access: 'traveller', query: '?lat=48.8566&lon=2.3522&variant=non_profiled' },
  'GET /api/demo/graph/{placeId}': { access: 'traveller' },
  'PUT /api/ranking-settings': { access: 'traveller', body: () => ({ nonProfiled: false }) },
  'GET /api/profile': { access: 'traveller' },
  'PUT /api/profile': { access: 'traveller' },
  'POST /api/profile/onboarding': { access: 'traveller', body: () => ({ outcome: 'skipped' }) },
  'GET /api/preferences/fewer': { access: 'traveller' },
  'POST /api/preferences/fewer': { access: 'traveller' },
  'DELETE /api/preferences/fewer/{kind}/{id}': { access: 'traveller', others: () => ({ kind: 'tag', id: 'karaoke' }) },
  'GET /api/agency/demo-accounts': { access: 'public' },
  'POST /api/agency/session': { access: 'public' },
  'GET /api/agency/session': { access: 'staff' },
  'DELETE /api/agency/session': { access: 'public', fresh: true },
  'DELETE /api/agency/sessions': { access: 'staff', fresh: true },
  'GET /api/agency/overview': { access: 'staff' },
  'GET /api/agency/staff': { access: 'staff' },
  'POST /api/agency/staff': { access: 'staff', body: () => ({ name: 'Matrix Member', email: `matrix-${Math.random().toString(36).slice(2)}@rival.example`, role: 'viewer' }) },
  'PUT /api/agency/staff/{id}/role': { access: 'staff', others: () => ({ id: f.aMemberId }), body: () => ({ role: 'viewer' }) },
  'DELETE /api/agency/staff/{id}': { access: 'staff', others: () => ({ id: f.aMemberId }) },
  'GET /api/agency/ranking': { access: 'staff' },
  'PUT /api/agency/ranking': { access: 'staff', body: () => ({ promotionLift: 0.2 }) },
  'POST /api/agency/preview': { access: 'staff', body: () => ({ persona: 'lea', lat: 48.8566, lon: 2.3522, at: '2026-11-24T17:00:00Z' }) },
  'GET /api/agency/invitations': { access: 'staff' },
  'GET /api/agency/places': { access: 'staff' },
  'POST /api/agency/places': { access: 'staff', body: () => ({ name: 'Matrix place', category: 'bar', lat: 48.86, lon: 2.35 }) },
  'PUT /api/agency/places/{placeId}': { access: 'staff', others: () => ({ placeId: f.aDraftId }), body: () => ({ name: 'Taken over' }) },
  'DELETE /api/agency/places/{placeId}': { access: 'staff', others: () => ({ placeId: f.aDraftId }) },
  // A's ids in the body: B's call succeeds on B's own places (none of these), and A's stay as they were.
  'POST /api/agency/places/archive': { access: 'staff', body: () => ({ ids: [f.aPlaceId, f.aDraftId] }) },
  'POST /api/agency/places/restore': { access: 'staff', body: () => ({ ids: [f.aPlaceId] }) },
  'POST /api/agency/catalogue/publish': { access: 'staff', body: () => ({ ids: [f.aDraftId] }) },
  'POST /api/agency/catalogue/import': { access: 'staff', query: '?mode=dry-run', file: { name: 'matrix.csv', text: 'id,name,category,lat,lon\nm1,Matrix café,cafe,48.86,2.35\n' } },
  'POST /api/agency/invitations': { access: 'staff', body: () => ({ note: 'Matrix' }) },
  'GET /api/agency/clients': { access: 'staff' }, // B's own clients: none of A's
  'GET /api/agency/insights': { access: 'staff' }, // B's own travellers' figures: none of A's
  'POST /api/agency/clients/{travellerId}/notes': { access: 'staff', others: () => ({ travellerId: f.c1Id }), body: () => ({ ...NOTE, said: 'Taken over' }) },
  'PUT /api/agency/clients/{travellerId}/notes/{noteId}': { access: 'staff', others: () => ({ travellerId: f.c1Id, noteId: f.noteId }), body: () => ({ ...NOTE, said: 'Taken over' }) },
  'DELETE /api/agency/clients/{travellerId}/notes/{noteId}': { access: 'staff', others: () => ({ travellerId: f.c1Id, noteId: f.noteId }) },
  ...itemRules(),
  'POST /api/signup/check': { access: 'public' },
  'POST /api/signup': { access: 'public' },
  'POST /api/session': { access: 'public' },
  'DELETE /api/sessions': { access: 'traveller', fresh: true },
  'POST /api/password-reset': { access: 'public' },
  'POST /api/password': { access: 'public' },
  'POST /api/agency/password-reset': { access: 'public' },
  'POST /api/agency/password': { access: 'public' },
};

const keyOf = (r: ApiRoute) => `${r.method} ${r.path}`;

/** Calls a route as its rule says: a file as it is for a file route, JSON otherwise. */
function callRoute(cookie: string, route: ApiRoute, rule: Rule, path: string): Promise<Response> {
  if (!rule.file) return call(server.url, cookie, route.method, path + (rule.query ?? ''), bodyFor(route, rule));
  return fetch(`${server.url}${path}${rule.query ?? ''}`, {
    method: route.method,
    headers: { cookie, 'content-type': 'application/octet-stream', 'x-file-name': rule.file.name },
    body: rule.file.text,
  });
}
/** The rule's body for a write (an empty object when it has none), nothing for a read. */
const bodyFor = (route: ApiRoute, rule: Rule) => (route.method === 'GET' ? undefined : (rule.body?.() ?? {}));
const fill = (path: string, params: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? 'no-such-thing'));

async function bodyText(res: Response): Promise<string> {
  return res.status === 204 ? '' : await res.text();
}

describe('the tenancy matrix', () => {
  it('has a rule for every route the contract (and so the server) has, and the rule agrees with the contract', () => {
    const missing = API_ROUTES.map(keyOf).filter((k) => !(k in RULES));
    expect(missing, 'routes without a tenancy rule').toEqual([]);
    for (const route of API_ROUTES) {
      const access = route.staff ? 'staff' : route.session ? 'traveller' : 'public';
      expect(RULES[keyOf(route)]!.access, keyOf(route)).toBe(access);
    }
  });

  it('answers every protected route with 401 to a stranger, and to a session of the wrong kind', async () => {
    for (const route of API_ROUTES.filter((r) => r.session || r.staff)) {
      const rule = RULES[keyOf(route)]!;
      const path = fill(route.path, rule.others?.() ?? {});
      // Nobody; then a traveller on a staff route, and a staff member on a traveller route.
      const wrongKind = route.staff ? f.t1.cookie : f.aStaff;
      for (const cookie of ['', wrongKind]) {
        const res = await callRoute(cookie, route, rule, path);
        const text = await bodyText(res);
        expect(res.status, `${keyOf(route)} with ${cookie ? 'the wrong kind of session' : 'no session'}`).toBe(401);
        for (const marker of [...f.t1Markers, ...f.aMarkers]) expect(text, keyOf(route)).not.toContain(marker);
      }
    }
  });

  it('guards a route however its path is spelt (case, trailing slash), as Express routes it', async () => {
    for (const path of ['/api/agency/staff/', '/API/Agency/Staff', '/api/wallet/', '/API/MY-DATA']) {
      const res = await call(server.url, '', 'GET', path);
      expect(res.status, path).toBe(401);
    }
    expect((await call(server.url, f.bStaff, 'GET', '/API/agency/staff/')).status).toBe(200); // B's own staff, B's list
    expect(await (await call(server.url, f.bStaff, 'GET', '/API/agency/staff/')).text()).not.toContain('claire@escale-demo.example');
  });

  it("never gives a traveller another traveller's resources or data", async () => {
    for (const route of API_ROUTES.filter((r) => r.session)) {
      const rule = RULES[keyOf(route)]!;
      const t2 = await signIn(server, 'lea'); // a traveller of the same agency, with the same persona even
      const path = fill(route.path, rule.others?.() ?? {});
      const res = await call(server.url, t2.cookie, route.method, path, bodyFor(route, rule));
      const text = await bodyText(res);
      if (rule.others) expect([403, 404], `${keyOf(route)} on T1's resource answered ${res.status}: ${text.slice(0, 200)}`).toContain(res.status);
      for (const marker of f.t1Markers) expect(text, keyOf(route)).not.toContain(marker);
    }
    // And T1's resources are all still there, untouched.
    const wallet = (await (await call(server.url, f.t1.cookie, 'GET', '/api/wallet')).json()) as WalletBody;
    expect(wallet.bookings.find((b) => b.id === f.booking.id)).toMatchObject({ title: MARKER_TITLE, status: 'confirmed' });
    expect(wallet.trips.map((t) => t.id)).toContain(f.tripId);
  });

  it("never gives agency B's staff agency A's resources or data", async () => {
    // A call that ends sessions (everywhere: B's own too) goes last.
    const staffRoutes = API_ROUTES.filter((r) => r.staff).sort((a, b) => Number(RULES[keyOf(a)]!.fresh ?? false) - Number(RULES[keyOf(b)]!.fresh ?? false));
    for (const route of staffRoutes) {
      const rule = RULES[keyOf(route)]!;
      const cookie = rule.fresh ? (await call(server.url, '', 'POST', '/api/agency/session', { email: f.bEmail, password: B_PASSWORD })).headers.get('set-cookie')!.split(';')[0]! : f.bStaff;
      const path = fill(route.path, rule.others?.() ?? {});
      const res = await callRoute(cookie, route, rule, path);
      const text = await bodyText(res);
      if (rule.others) expect([403, 404], `${keyOf(route)} on A's resource answered ${res.status}: ${text.slice(0, 200)}`).toContain(res.status);
      else if (rule.refusedAcross) expect(res.status, `${keyOf(route)} naming A's resource: ${text.slice(0, 200)}`).toBe(400);
      else expect(res.status, `${keyOf(route)}: ${text.slice(0, 200)}`).toBeLessThan(300);
      for (const marker of f.aMarkers) expect(text, keyOf(route)).not.toContain(marker);
    }
    // A's places are as they were: the draft unchanged and unpublished, the published place still published.
    const places = await server.ctx.db.selectFrom('places').select(['id', 'name', 'status', 'agency_id']).where('id', 'in', [f.aDraftId, f.aPlaceId]).execute();
    expect(places.find((p) => p.id === f.aDraftId)).toMatchObject({ name: A_DRAFT, status: 'draft', agency_id: 'demo' });
    expect(places.find((p) => p.id === f.aPlaceId)).toMatchObject({ status: 'published', agency_id: 'demo' });
    // A's event, offer and promotion too, and B made none at A's place.
    for (const kind of ['events', 'offers', 'promotions'] as const) {
      const rows = await server.ctx.db.selectFrom(kind).select(['id', 'status', 'agency_id']).where('agency_id', '=', 'rival').execute();
      expect(rows, kind).toEqual([]);
      expect(await server.ctx.db.selectFrom(kind).select(['status', 'agency_id']).where('id', '=', f.aItems[kind]).executeTakeFirst()).toEqual({ status: 'draft', agency_id: 'demo' });
    }
    expect(await server.ctx.db.selectFrom('events').select('title').where('id', '=', f.aItems.events).executeTakeFirst()).toEqual({ title: A_ITEM });
    // A's member kept their role and account.
    const aList = (await (await call(server.url, f.aStaff, 'GET', '/api/agency/staff')).json()) as { staff: { id: string; role: string }[] };
    expect(aList.staff.find((s) => s.id === f.aMemberId)?.role).toBe('admin');
  });

  it("leaves C1's advisor note as agency A's advisor wrote it, after every other traveller and agency tried", async () => {
    const note = await server.ctx.db.selectFrom('advisor_notes').select(['traveller_id', 'agency_id', 'said', 'corrected_at']).where('id', '=', f.noteId).executeTakeFirst();
    expect(note).toEqual({ traveller_id: f.c1Id, agency_id: 'demo', said: NOTE_MARKER, corrected_at: null });
    expect(await server.ctx.db.selectFrom('advisor_notes').select('id').where('agency_id', '=', 'rival').execute()).toEqual([]);
  });
});

/** Events, offers and promotions: A's draft of each is the resource B's admin reaches for. */
function itemRules(): Record<string, Rule> {
  const rules: Record<string, Rule> = {};
  const bodies = {
    events: { placeId: 'osm:node/4880321756', title: 'Matrix event', kind: 'concert', startsAt: '2026-11-27T19:00:00Z', endsAt: '2026-11-27T21:00:00Z', capacity: 5, price: 0 },
    offers: { placeId: 'osm:node/4880321756', title: 'Matrix offer', price: 5, seats: 5 },
    promotions: { target: { kind: 'place', id: 'osm:node/4880321756' }, boost: 0.5, startsAt: '2026-11-24T00:00:00Z', endsAt: '2026-11-30T00:00:00Z' },
  };
  for (const kind of ['events', 'offers', 'promotions'] as const) {
    rules[`GET /api/agency/${kind}`] = { access: 'staff' };
    // B's admin creating at A's place is refused (400: not a place of B's agency); A's place stays A's.
    rules[`POST /api/agency/${kind}`] = { access: 'staff', refusedAcross: true, body: () => bodies[kind] };
    rules[`PUT /api/agency/${kind}/{id}`] = { access: 'staff', others: () => ({ id: f.aItems[kind] }), body: () => (kind === 'promotions' ? { label: 'Taken over' } : { title: 'Taken over' }) };
    rules[`DELETE /api/agency/${kind}/{id}`] = { access: 'staff', others: () => ({ id: f.aItems[kind] }) };
    rules[`POST /api/agency/${kind}/archive`] = { access: 'staff', body: () => ({ ids: [f.aItems[kind]] }) };
    rules[`POST /api/agency/${kind}/restore`] = { access: 'staff', body: () => ({ ids: [f.aItems[kind]] }) };
  }
  return rules;
}

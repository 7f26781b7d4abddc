/**
 * Events, offers and promotions in the console, on both stores: drafts an editor makes are shown to nobody
 * until published; a published promotion lifts what it promotes, labelled with the agency's words, only
 * within its window; archiving takes an offer or a promotion out of a traveller's very next suggestions; an
 * offer outside its sale window is neither suggested nor bookable; the rules refuse what makes no sense.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AdminEvent, AdminEventList, AdminOffer, AdminPromotion, HealthResponse, PublishResult, Suggestion } from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { startServerProcess } from '../support/server-process.ts';
import { serverForFile } from '../support/server-suite.ts';
import { callApi as call, signIn, TUESDAY_EVENING } from '../support/test-server.ts';
import { createTestStore, TEST_STORE } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

const suite = serverForFile();
const HOTEL_DE_VILLE = { lat: 48.8566, lon: 2.3522 };
const DAY = 86_400_000;
const at = (ms: number) => new Date(TUESDAY_EVENING.getTime() + ms).toISOString();

async function staff(url: string, email: string): Promise<string> {
  const res = await call(url, '', 'POST', '/api/agency/session', { email, password: DEMO_STAFF_PASSWORD });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function book(cookie: string, offerId: string, quantity: number): Promise<Response> {
  return fetch(`${suite.server.url}/api/wallet/offers/${encodeURIComponent(offerId)}/book`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ quantity }),
  });
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  return (text ? JSON.parse(text) : null) as T;
}

/** Léa at the Hôtel de Ville, with a socket: `next()` asks for suggestions and returns them. */
async function leaNearby() {
  const lea = await signIn(suite.server, 'lea');
  const socket = await TestSocket.greeted(suite.server.wsUrl, lea.cookie);
  onTestFinished(() => socket.close());
  socket.send({ type: 'location', ...HOTEL_DE_VILLE });
  const feed = await socket.nextOfType('feed', 10_000);
  const next = async (): Promise<Suggestion[]> => {
    socket.send({ type: 'suggest_now' });
    return (await socket.nextOfType('suggestions', 10_000)).items;
  };
  return { lea, feed: feed.items, next };
}

describe('events, offers and promotions in the console', () => {
  it('publishes an offer and its promotion, shown labelled within its window, and archives them out of the next suggestions', async () => {
    const editor = await staff(suite.server.url, 'sophie@escale-demo.example');
    const { lea, feed, next } = await leaNearby();
    const place = feed.find((s) => s.item.kind === 'place')!.item.place;

    const offer = await json<AdminOffer>(
      await call(suite.server.url, editor, 'POST', '/api/agency/offers', {
        placeId: place.id,
        title: 'Apéritif for two',
        description: 'Two glasses and a board, by the agency.',
        price: 12,
        seats: 6,
        saleStartsAt: at(-DAY),
        saleEndsAt: at(7 * DAY),
      }),
      201,
    );
    expect(offer).toMatchObject({ status: 'draft', currency: 'EUR', seatsLeft: 6, where: { placeId: place.id, name: place.name } });
    const promotion = await json<AdminPromotion>(
      await call(suite.server.url, editor, 'POST', '/api/agency/promotions', {
        target: { kind: 'offer', id: offer.id },
        boost: 1,
        startsAt: at(-DAY),
        endsAt: at(3 * DAY),
        label: 'Autumn tasting week',
      }),
      201,
    );
    expect(promotion).toMatchObject({ status: 'draft', running: false, targetTitle: 'Apéritif for two' });
    // Drafts are the agency's: nobody is suggested them, nobody can book them.
    expect((await next()).map((s) => s.item.id)).not.toContain(offer.id);
    expect((await book(lea.cookie, offer.id, 1)).status).toBe(404);

    const published = await json<PublishResult>(await call(suite.server.url, editor, 'POST', '/api/agency/catalogue/publish', {}), 200);
    expect(published.offers).toEqual([offer.id]);
    expect(published.promotions).toEqual([promotion.id]);
    const shown = (await next()).find((s) => s.item.id === offer.id);
    expect(shown, 'the promoted offer is suggested').toBeDefined();
    expect(shown!.item.price).toEqual({ amount: 12, currency: 'EUR' });
    expect(shown!.promotion).toEqual({ agencyName: 'Escale Demo Travel', label: { key: 'agency.promoted_as', params: { agency: 'Escale Demo Travel', label: 'Autumn tasting week' } } });
    expect(shown!.contributions.find((c) => c.signal === 'agency')!.value).toBe(1);
    const list = await json<{ items: AdminPromotion[] }>(await call(suite.server.url, editor, 'GET', '/api/agency/promotions?status=published'), 200);
    expect(list.items.find((p) => p.id === promotion.id)).toMatchObject({ running: true });

    // The promotion archived: the offer is still there, no longer promoted.
    expect(await json(await call(suite.server.url, editor, 'POST', '/api/agency/promotions/archive', { ids: [promotion.id] }), 200)).toEqual({ changed: [promotion.id] });
    const unpromoted = (await next()).find((s) => s.item.id === offer.id);
    expect(unpromoted?.promotion ?? null).toBeNull();
    // The offer archived: gone from the next suggestions, and no longer bookable.
    expect(await json(await call(suite.server.url, editor, 'POST', '/api/agency/offers/archive', { ids: [offer.id] }), 200)).toEqual({ changed: [offer.id] });
    expect((await next()).map((s) => s.item.id)).not.toContain(offer.id);
    const refused = await book(lea.cookie, offer.id, 1);
    expect(await json(refused, 409)).toMatchObject({ error: { code: 'not_on_sale' } });
  });

  it('keeps an edit of a published offer waiting, and an offer outside its sale window out of suggestions and bookings', async () => {
    const editor = await staff(suite.server.url, 'sophie@escale-demo.example');
    const { lea, feed, next } = await leaNearby();
    const place = feed.find((s) => s.item.kind === 'place')!.item.place;
    const offer = await json<AdminOffer>(await call(suite.server.url, editor, 'POST', '/api/agency/offers', { placeId: place.id, title: 'Late tasting', price: 9, seats: 4 }), 201);
    const draftPlace = await json<{ id: string }>(await call(suite.server.url, editor, 'POST', '/api/agency/places', { name: 'Not yet', category: 'cafe', ...HOTEL_DE_VILLE }), 201);
    // The offers screen publishes offers only: the draft place waits.
    const onlyOffers = await json<PublishResult>(await call(suite.server.url, editor, 'POST', '/api/agency/catalogue/publish', { kinds: ['offers'] }), 200);
    expect(onlyOffers).toMatchObject({ placeIds: [], offers: [offer.id], events: [], promotions: [] });
    expect(await suite.server.ctx.db.selectFrom('places').select('status').where('id', '=', draftPlace.id).executeTakeFirst()).toEqual({ status: 'draft' });
    await call(suite.server.url, editor, 'DELETE', `/api/agency/places/${encodeURIComponent(draftPlace.id)}`);
    const booked = await book(lea.cookie, offer.id, 3);
    expect(booked.status).toBe(201);

    // Seats already sold stay sold: fewer than three is refused.
    const fewer = await call(suite.server.url, editor, 'PUT', `/api/agency/offers/${offer.id}`, { seats: 2 });
    expect(await json(fewer, 409)).toMatchObject({ error: { issues: [{ path: 'seats' }] } });
    // The sale ends before now: waiting, the published offer is still on sale.
    const edited = await json<AdminOffer>(await call(suite.server.url, editor, 'PUT', `/api/agency/offers/${offer.id}`, { saleEndsAt: at(-DAY / 2), seats: 10 }), 200);
    expect(edited.pending.sort()).toEqual(['saleEndsAt', 'seats']);
    expect(edited.published).toMatchObject({ saleEndsAt: null, seats: 4 });
    await json(await call(suite.server.url, editor, 'POST', '/api/agency/catalogue/publish', {}), 200);
    const row = await suite.server.ctx.db.selectFrom('offers').select(['seats_total', 'seats_left', 'draft']).where('id', '=', offer.id).executeTakeFirstOrThrow();
    // Six seats added to the one left.
    expect(row).toEqual({ seats_total: 10, seats_left: 7, draft: null });
    expect((await next()).map((s) => s.item.id)).not.toContain(offer.id);
    const late = await book(lea.cookie, offer.id, 1);
    expect(await json(late, 409)).toMatchObject({ error: { code: 'not_on_sale' } });
  });

  it('refuses what makes no sense, lets only editors write, and discards drafts', async () => {
    const editor = await staff(suite.server.url, 'sophie@escale-demo.example');
    const viewer = await staff(suite.server.url, 'hugo@escale-demo.example');
    const place = 'osm:node/4880321756';
    const event = { placeId: place, title: 'Jazz trio', kind: 'concert', startsAt: at(DAY), endsAt: at(DAY + 7_200_000), capacity: 40, price: 15, currency: 'EUR' };
    expect((await call(suite.server.url, viewer, 'POST', '/api/agency/events', event)).status).toBe(403);
    const backwards = await call(suite.server.url, editor, 'POST', '/api/agency/events', { ...event, endsAt: at(DAY - 60_000) });
    expect(await json(backwards, 400)).toMatchObject({ error: { issues: [{ path: 'endsAt' }] } });
    const forever = await call(suite.server.url, editor, 'POST', '/api/agency/promotions', { target: { kind: 'place', id: place }, boost: 0.5, startsAt: at(0), endsAt: at(120 * DAY) });
    expect(await json(forever, 400)).toMatchObject({ error: { issues: [{ path: 'endsAt' }] } });
    const tooStrong = await call(suite.server.url, editor, 'POST', '/api/agency/promotions', { target: { kind: 'place', id: place }, boost: 3, startsAt: at(0), endsAt: at(DAY) });
    expect(tooStrong.status).toBe(400);
    const markup = await call(suite.server.url, editor, 'POST', '/api/agency/promotions', { target: { kind: 'place', id: place }, boost: 0.5, startsAt: at(0), endsAt: at(DAY), label: '<b>Best</b>' });
    expect(markup.status).toBe(400);
    const nowhere = await call(suite.server.url, editor, 'POST', '/api/agency/events', { ...event, placeId: 'osm:node/1' });
    expect(await json(nowhere, 400)).toMatchObject({ error: { issues: [{ path: 'placeId' }] } });
    const badCurrency = await call(suite.server.url, editor, 'POST', '/api/agency/offers', { placeId: place, title: 'x', price: 5, seats: 1, currency: 'XYZ' });
    expect(badCurrency.status).toBe(400);

    const draft = await json<AdminEvent>(await call(suite.server.url, editor, 'POST', '/api/agency/events', event), 201);
    expect(draft).toMatchObject({ status: 'draft', fromTemplate: false, seatsLeft: 40 });
    const promo = await json<AdminPromotion>(
      await call(suite.server.url, editor, 'POST', '/api/agency/promotions', { target: { kind: 'event', id: draft.id }, boost: 0.5, startsAt: at(0), endsAt: at(DAY) }),
      201,
    );
    // A promotion refers to the draft event: the promotion goes first.
    expect((await call(suite.server.url, editor, 'DELETE', `/api/agency/events/${draft.id}`)).status).toBe(409);
    expect((await call(suite.server.url, editor, 'DELETE', `/api/agency/promotions/${promo.id}`)).status).toBe(204);
    expect((await call(suite.server.url, editor, 'DELETE', `/api/agency/events/${draft.id}`)).status).toBe(204);
    expect((await call(suite.server.url, editor, 'PUT', `/api/agency/events/${draft.id}`, { title: 'Gone' })).status).toBe(404);
  });

  it('lists events sorted, filtered and paginated, the demo templates among them', async () => {
    const viewer = await staff(suite.server.url, 'hugo@escale-demo.example');
    const page = async (query: string) => json<AdminEventList>(await call(suite.server.url, viewer, 'GET', `/api/agency/events?${query}`), 200);
    const all = await page('sort=starts&pageSize=200');
    expect(all.total).toBeGreaterThan(10);
    expect(all.items.every((e) => e.fromTemplate && Date.parse(e.endsAt) > TUESDAY_EVENING.getTime())).toBe(true);
    const starts = all.items.map((e) => Date.parse(e.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const first = await page('sort=starts&pageSize=5');
    const second = await page('sort=starts&pageSize=5&page=2');
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.slice(0, 10).map((e) => e.id));
    const word = all.items[0]!.title.split(' ')[0]!;
    const found = await page(`q=${encodeURIComponent(word)}&pageSize=200`);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((e) => e.title.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    expect((await call(suite.server.url, viewer, 'GET', '/api/agency/events?sort=price')).status).toBe(400);
  });
});

describe.skipIf(TEST_STORE !== 'postgres')('across instances (PostgreSQL)', () => {
  it('a promotion published on one instance reaches the travel graph of another', async () => {
    const store = await createTestStore('items-two');
    onTestFinished(() => store.drop());
    const a = await startServerProcess(store);
    const b = await startServerProcess(store);
    const editor = await staff(a.url, 'sophie@escale-demo.example');
    const digest = async (url: string) => ((await (await fetch(`${url}/api/health`)).json()) as HealthResponse).graphDigest;
    const before = await digest(b.url);
    const now = Date.now();
    const promo = await json<AdminPromotion>(
      await call(a.url, editor, 'POST', '/api/agency/promotions', {
        target: { kind: 'place', id: 'osm:node/4880321756' },
        boost: 0.6,
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + DAY).toISOString(),
      }),
      201,
    );
    await json(await call(a.url, editor, 'POST', '/api/agency/catalogue/publish', {}), 200);
    await expect.poll(async () => digest(b.url), { timeout: 10_000, interval: 200 }).not.toBe(before);
    await expect.poll(async () => (await digest(b.url)) === (await digest(a.url)), { timeout: 10_000, interval: 200 }).toBe(true);
    // Archived on B: A lets go of it too.
    const staffB = await staff(b.url, 'sophie@escale-demo.example');
    await json(await call(b.url, staffB, 'POST', '/api/agency/promotions/archive', { ids: [promo.id] }), 200);
    await expect.poll(async () => digest(a.url), { timeout: 10_000, interval: 200 }).toBe(before);
  });
});

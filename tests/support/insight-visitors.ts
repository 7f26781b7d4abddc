/**
 * Demo visitors who make the agency's insights: each signs in as a persona, opens the app at a spot and has
 * the feed on screen (shown), for the insights' integration and browser tests.
 */
import type { PreviewResult, ServerFeed } from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import type { Db } from '../../server/src/store/db.ts';
import { callApi as call, signIn, type Visitor } from './test-server.ts';
import { TestSocket } from './ws-client.ts';

export interface Spot {
  lat: number;
  lon: number;
}
export const HOTEL_DE_VILLE: Spot = { lat: 48.8566, lon: 2.3522 };
/** Far enough from the Hôtel de Ville that no place is in both feeds. */
export const BOIS_DE_VINCENNES: Spot = { lat: 48.835, lon: 2.435 };

export interface OnScreen {
  visitor: Visitor;
  socket: TestSocket;
  feed: ServerFeed;
}

/** A visitor (Léa's persona unless said) who opens the app at `spot`: the feed is on their screen. Close the socket after. */
export async function visitorAt(server: { url: string; wsUrl: string }, spot: Spot, persona = 'lea'): Promise<OnScreen> {
  const visitor = await signIn(server, persona);
  const socket = await TestSocket.greeted(server.wsUrl, visitor.cookie);
  socket.send({ type: 'location', ...spot });
  return { visitor, socket, feed: await socket.nextOfType('feed', 10_000) };
}

/** The visitor likes or dismisses a place, and the server says it took it. */
export async function feedback(on: OnScreen, placeId: string, kind: 'liked' | 'dismissed'): Promise<void> {
  on.socket.send({ type: 'feedback', placeId, kind });
  await on.socket.nextOfType('feedback_ack', 10_000);
}

/** Books one seat of an offer; returns the status (201 booked). */
export async function bookOffer(server: { url: string }, on: OnScreen, offerId: string, key: string): Promise<number> {
  const res = await fetch(`${server.url}/api/wallet/offers/${encodeURIComponent(offerId)}/book`, {
    method: 'POST',
    headers: { cookie: on.visitor.cookie, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ quantity: 1 }),
  });
  return res.status;
}

/** Where Léa would be suggested a bookable offer at 18:00 (Paris) on `day`: the console's preview, which stores nothing, tells. */
export async function spotWithAnOffer(server: { url: string; ctx: { db: Db } }, day: string): Promise<Spot> {
  const signedIn = await call(server.url, '', 'POST', '/api/agency/session', { email: 'sophie@escale-demo.example', password: DEMO_STAFF_PASSWORD });
  const editor = signedIn.headers.get('set-cookie')!.split(';')[0]!;
  const offers = await server.ctx.db
    .selectFrom('offers')
    .innerJoin('places', 'places.id', 'offers.place_id')
    .select(['places.lat', 'places.lon'])
    .where('offers.status', '=', 'published')
    .orderBy('offers.id')
    .execute();
  for (const spot of offers) {
    const res = await call(server.url, editor, 'POST', '/api/agency/preview', { persona: 'lea', ...spot, at: `${day}T17:00:00Z` });
    if (((await res.json()) as PreviewResult).items.some((s) => s.item.kind === 'offer')) return spot;
  }
  throw new Error('no spot where Léa is suggested an offer');
}

/**
 * Booking an agency offer never oversells and never loses a booking, on the store the project runs on
 * (SQLite and PostgreSQL): 200 requests at once for 10 seats end with exactly 10 booked; one Idempotency-Key
 * sent 50 times books once; a server killed with SIGKILL right after acknowledging bookings restarts with
 * every one of them; on PostgreSQL, the 200 requests spread over two instances still book exactly 10.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Booking, WalletBody } from '@escale/shared';
import { killServerProcess, startServerProcess, stopServerProcesses } from '../support/server-process.ts';
import { signIn, type Visitor } from '../support/test-server.ts';
import { createTestStore, TEST_STORE, type TestStore } from '../support/test-store.ts';

afterEach(stopServerProcesses);

/** The seeded offer the tests book, its seats set to `seats` in the database (as an agency's edit would). */
async function offerWithSeats(store: TestStore, seats: number): Promise<string> {
  const { db, close } = await store.connect();
  try {
    const { id } = await db.selectFrom('offers').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await db.updateTable('offers').set({ seats_total: seats, seats_left: seats }).where('id', '=', id).execute();
    return id;
  } finally {
    await close();
  }
}

function book(url: string, visitor: Visitor, offerId: string, key: string, quantity = 1): Promise<Response> {
  return fetch(`${url}/api/wallet/offers/${encodeURIComponent(offerId)}/book`, {
    method: 'POST',
    headers: { cookie: visitor.cookie, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ quantity }),
  });
}

async function walletOf(url: string, visitor: Visitor): Promise<Booking[]> {
  return ((await (await fetch(`${url}/api/wallet`, { headers: { cookie: visitor.cookie } })).json()) as WalletBody).bookings;
}

/** 200 requests at once from 10 travellers, each with its own key, spread over the given servers. */
async function rush(urls: string[], visitors: Visitor[], offerId: string): Promise<number[]> {
  const requests = Array.from({ length: 200 }, (_, i) => book(urls[i % urls.length]!, visitors[i % visitors.length]!, offerId, `rush-${i}-${offerId}`).then((r) => r.status));
  return Promise.all(requests);
}

async function seatsLeft(url: string, visitors: Visitor[]): Promise<number> {
  const booked = (await Promise.all(visitors.map((v) => walletOf(url, v)))).flat().filter((b) => b.kind === 'OfferReservation' && b.status === 'confirmed');
  return booked.length;
}

describe('booking an offer', () => {
  it('books exactly the seats there are when 200 ask at once, and a retried key books once', async () => {
    const store = await createTestStore('offers');
    onTestFinished(() => store.drop());
    const server = await startServerProcess(store, { DEMO_SIGNINS_PER_HOUR: '1000' });
    const offerId = await offerWithSeats(store, 10);
    const visitors = await Promise.all(Array.from({ length: 10 }, () => signIn(server, 'lea')));

    const statuses = await rush([server.url], visitors, offerId);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(190);
    expect(await seatsLeft(server.url, visitors)).toBe(10);
    const soldOut = await book(server.url, visitors[0]!, offerId, 'one-more-attempt');
    expect(soldOut.status).toBe(409);
    expect(((await soldOut.json()) as { error: { code: string } }).error.code).toBe('sold_out');

    // Cancelling gives the seat back; the same key sent 50 times at once takes it once.
    // Which travellers won a seat is up to the race: one of them cancels.
    const winnerIndex = statuses.findIndex((s) => s === 201) % visitors.length;
    const winner = visitors[winnerIndex]!;
    // Another traveller books with one key sent 50 times.
    const bookerIndex = (winnerIndex + 1) % visitors.length;
    const booker = visitors[bookerIndex]!;
    const mine = (await walletOf(server.url, winner)).find((b) => b.kind === 'OfferReservation' && b.status === 'confirmed')!;
    expect((await fetch(`${server.url}/api/wallet/bookings/${mine.id}`, { method: 'DELETE', headers: { cookie: winner.cookie } })).status).toBe(200);
    const answers = await Promise.all(Array.from({ length: 50 }, () => book(server.url, booker, offerId, 'the-same-key-50-times')));
    const bodies = await Promise.all(answers.map((r) => r.json() as Promise<Booking>));
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect((await walletOf(server.url, booker)).filter((b) => b.kind === 'OfferReservation' && b.status === 'confirmed')).toHaveLength(
      statuses.filter((s, i) => s === 201 && i % visitors.length === bookerIndex).length + 1,
    );
    // The same key with another request is refused; without a key, nothing is booked.
    expect((await book(server.url, booker, offerId, 'the-same-key-50-times', 2)).status).toBe(409);
    expect(
      (await fetch(`${server.url}/api/wallet/offers/${offerId}/book`, { method: 'POST', headers: { cookie: booker.cookie, 'content-type': 'application/json' }, body: '{"quantity":1}' })).status,
    ).toBe(400);
  });

  it('keeps every acknowledged booking when the server is killed with SIGKILL', async () => {
    const store = await createTestStore('offers-kill');
    onTestFinished(() => store.drop());
    const first = await startServerProcess(store);
    const offerId = await offerWithSeats(store, 50);
    const visitor = await signIn(first, 'lea');
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await book(first.url, visitor, offerId, `kill-test-${i}`);
      expect(res.status).toBe(201);
      acknowledged.push(((await res.json()) as Booking).id);
    }
    await killServerProcess(first.child);
    const second = await startServerProcess(store);
    expect((await walletOf(second.url, visitor)).map((b) => b.id).sort()).toEqual([...acknowledged].sort());
    // A retry after the restart gets the first answer, not a second booking.
    const retried = await book(second.url, visitor, offerId, 'kill-test-0');
    expect(((await retried.json()) as Booking).id).toBe(acknowledged[0]);
    expect(await walletOf(second.url, visitor)).toHaveLength(5);
  });

  it.skipIf(TEST_STORE !== 'postgres')('books exactly the seats there are with the requests spread over two instances (PostgreSQL)', async () => {
    const store = await createTestStore('offers-two');
    onTestFinished(() => store.drop());
    const a = await startServerProcess(store, { DEMO_SIGNINS_PER_HOUR: '1000' });
    const b = await startServerProcess(store, { DEMO_SIGNINS_PER_HOUR: '1000' });
    const offerId = await offerWithSeats(store, 10);
    const visitors = await Promise.all(Array.from({ length: 10 }, () => signIn(a, 'lea')));
    const statuses = await rush([a.url, b.url], visitors, offerId);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(190);
    expect(await seatsLeft(b.url, visitors)).toBe(10);
  });
});

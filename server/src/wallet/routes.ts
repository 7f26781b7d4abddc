/**
 * The wallet over HTTP: read it, add, edit and cancel a booking by hand, import a file (a preview first,
 * then the drafts the traveller kept, all saved or none). Every write needs the wallet consent: without it
 * nothing is stored (403 `consent_required`). Every write is one change-log entry, so every instance's
 * readers of the wallet (the gap trigger, the trip signal) see it.
 */
import { randomUUID } from 'node:crypto';
import express, { Router, type Request } from 'express';
import {
  BookOfferBody,
  Booking,
  BookingEdit,
  type Booking as BookingT,
  IMPORT_LIMITS,
  ImportConfirmBody,
  type ImportPreview,
  type ImportRefusalBody,
  type Change,
  type WalletBody,
} from '@escale/shared';
import { currentTraveller, requireTraveller } from '../auth/require-traveller.ts';
import type { AppContext } from '../context.ts';
import { HttpError, idParam, parseBody } from '../http/errors.ts';
import type { Db } from '../store/db.ts';
import { requireWalletConsent } from './access.ts';
import { readImport } from './import/import-file.ts';
import { ImportRefused } from './import/refusal.ts';
import { bookOffer, returnSeats } from './book-offer.ts';
import { IDEMPOTENCY_HEADER, keyOf, runOnce } from './idempotency.ts';
import { addBooking, findBooking, listBookings, offerOfBooking, updateBooking, withRevision } from './queries.ts';
import { listTrips } from './trip-store.ts';
import { bookingChanged, recordWalletWrite } from './wallet-write.ts';
import { markDuplicates, saveDrafts } from './import/save-drafts.ts';

/** The path that takes a raw file instead of JSON (http/json-body.ts lets it through). */
export const IMPORT_PATH = '/wallet/import';
/** The header that names the uploaded file (its extension tells its format). */
const FILE_NAME_HEADER = 'x-file-name';

const STATUS_OF_REFUSAL = { too_large: 413, unsupported_format: 415 } as const;

/** The revision an edit was made from (If-Match: "…"), when the client sends one. */
function revisionExpected(req: Request): string | null {
  const header = req.headers['if-match'];
  if (header === undefined || header === '*') return null;
  return String(header).replace(/^W\//, '').replace(/^"|"$/g, '');
}

/** The booking as it is now, in the write's transaction: 404 if it is not the traveller's, 412 if it changed since `expected`. */
async function currentBooking(trx: Db, travellerId: string, id: string, expected: string | null): Promise<BookingT> {
  const existing = await findBooking(trx, travellerId, id);
  if (!existing) throw new HttpError(404, 'not_found', 'No such booking in your wallet.');
  if (expected !== null && existing.revision !== expected)
    throw new HttpError(
      412,
      'conflict',
      'This booking was changed since you last saw it (in another tab, on another device or by an import): nothing was changed. Reload it and decide which version to keep.',
    );
  return existing;
}

const bookingIdOf = (req: Request) => idParam(req, 'No such booking.');

export function walletRoutes(ctx: AppContext): Router {
  const router = Router();
  const write = <T>(travellerId: string, work: (trx: Db) => Promise<T>, changesOf?: (value: T) => Change[]) => recordWalletWrite(ctx.changes, travellerId, ctx.clock.now(), work, changesOf);

  router.get('/wallet', requireTraveller(ctx), async (_req, res) => {
    const { id } = currentTraveller(res);
    res.json({ bookings: await listBookings(ctx.db, id), trips: await listTrips(ctx.db, id) } satisfies WalletBody);
  });

  router.post('/wallet/bookings', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const edit = parseBody(BookingEdit, req.body);
    const key = keyOf(req.headers[IDEMPOTENCY_HEADER]);
    requireWalletConsent(traveller);
    const answer = await runOnce(
      ctx,
      traveller.id,
      key,
      JSON.stringify(['add', edit]),
      async (trx) => {
        const booking = Booking.parse({ ...edit, id: randomUUID(), source: 'manual', status: 'confirmed' });
        await addBooking(trx, traveller.id, booking, ctx.clock.now());
        return { status: 201, body: withRevision(booking) };
      },
      () => bookingChanged(traveller.id),
    );
    res.status(answer.status).json(answer.body);
  });

  router.put('/wallet/bookings/:id', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const edit = parseBody(BookingEdit, req.body);
    const id = bookingIdOf(req);
    const key = keyOf(req.headers[IDEMPOTENCY_HEADER]);
    const expected = revisionExpected(req);
    requireWalletConsent(traveller);
    const answer = await runOnce(
      ctx,
      traveller.id,
      key,
      JSON.stringify(['edit', id, edit, expected]),
      async (trx) => {
        const existing = await currentBooking(trx, traveller.id, id, expected);
        const booking = Booking.parse({ ...edit, id: existing.id, source: existing.source, status: existing.status });
        await updateBooking(trx, traveller.id, booking);
        return { status: 200, body: withRevision(booking) };
      },
      () => bookingChanged(traveller.id),
    );
    res.status(answer.status).json(answer.body);
  });

  // Cancelling keeps the booking, marked cancelled: an agency offer's seats and the traveller's history refer to it.
  router.delete('/wallet/bookings/:id', requireTraveller(ctx), async (req, res) => {
    // No consent needed to cancel: it takes nothing more in.
    const traveller = currentTraveller(res);
    const id = bookingIdOf(req);
    const key = keyOf(req.headers[IDEMPOTENCY_HEADER]);
    const expected = revisionExpected(req);
    let returned: string | null = null;
    const answer = await runOnce(
      ctx,
      traveller.id,
      key,
      JSON.stringify(['cancel', id, expected]),
      async (trx) => {
        const existing = await currentBooking(trx, traveller.id, id, expected);
        const booking = { ...existing, status: 'cancelled' as const };
        const offer = existing.status === 'confirmed' ? await offerOfBooking(trx, traveller.id, existing.id) : null;
        await updateBooking(trx, traveller.id, booking);
        if (offer) {
          await returnSeats(trx, offer.offerId, offer.quantity);
          returned = offer.offerId;
        }
        return { status: 200, body: withRevision(booking) };
      },
      () => [...bookingChanged(traveller.id), ...(returned ? [{ type: 'catalogue_changed' as const, places: [], events: [], offers: [returned] }] : [])],
    );
    res.status(answer.status).json(answer.body);
  });

  router.post('/wallet/offers/:id/book', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const { quantity } = parseBody(BookOfferBody, req.body);
    const key = keyOf(req.headers[IDEMPOTENCY_HEADER]);
    if (!key) throw new HttpError(400, 'bad_request', 'Send an Idempotency-Key header (8 to 200 letters, digits, or . _ : -), new for each booking attempt and the same for its retries.');
    requireWalletConsent(traveller);
    const answer = await bookOffer(ctx, traveller, bookingIdOf(req), quantity, key);
    res.status(answer.status).json(answer.body);
  });

  router.post(IMPORT_PATH, requireTraveller(ctx), express.raw({ type: 'application/octet-stream', limit: IMPORT_LIMITS.maxBytes + 1 }), async (req, res) => {
    const traveller = currentTraveller(res);
    requireWalletConsent(traveller);
    if (!Buffer.isBuffer(req.body)) throw new HttpError(415, 'unsupported_media_type', 'Send the file itself, with Content-Type: application/octet-stream and its name in X-File-Name.');
    const fileName = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? 'upload')).slice(0, 255);
    let preview: ImportPreview;
    try {
      preview = await readImport(fileName, new Uint8Array(req.body), { tripZone: ctx.cities.of(traveller.cityId).timezone });
    } catch (err) {
      if (!(err instanceof ImportRefused)) throw err;
      const status = STATUS_OF_REFUSAL[err.code as keyof typeof STATUS_OF_REFUSAL] ?? 422;
      res.status(status).json({ error: { code: 'import_refused', reason: err.code, message: err.message } } satisfies ImportRefusalBody);
      return;
    }
    res.json(await markDuplicates(ctx.db, traveller.id, preview));
  });

  router.post(`${IMPORT_PATH}/confirm`, requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const { drafts } = parseBody(ImportConfirmBody, req.body);
    requireWalletConsent(traveller);
    const now = ctx.clock.now();
    // One transaction: every draft saved, or none (a failure half-way leaves the wallet as it was).
    const result = await write(
      traveller.id,
      (trx) => saveDrafts(trx, traveller.id, drafts, now),
      (r) => (r.created.length > 0 ? bookingChanged(traveller.id) : []),
    );
    res.status(result.created.length > 0 ? 201 : 200).json(result);
  });

  return router;
}

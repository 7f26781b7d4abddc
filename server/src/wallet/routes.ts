/**
 * The wallet over HTTP: read it, add, edit and cancel a booking by hand, import a file (a preview first,
 * then the drafts the traveller kept, all saved or none). Every write needs the wallet consent: without it
 * nothing is stored (403 `consent_required`). Every write is one change-log entry, so every instance's
 * readers of the wallet (the gap trigger, the trip signal) see it.
 */
import { randomUUID } from 'node:crypto';
import express, { Router, type Request } from 'express';
import { BookOfferBody, Booking, BookingEdit, IMPORT_LIMITS, ImportConfirmBody, type ImportPreview, type ImportRefusalBody, type WalletBody } from '@escale/shared';
import { currentTraveller, requireTraveller } from '../auth/require-traveller.ts';
import type { AppContext } from '../context.ts';
import { HttpError, idParam, parseBody } from '../http/errors.ts';
import type { Traveller } from '../travellers/model.ts';
import { readImport } from './import/import-file.ts';
import { ImportRefused } from './import/refusal.ts';
import { bookOffer, IDEMPOTENCY_KEY, returnSeats } from './book-offer.ts';
import { addBooking, findBooking, listBookings, offerOfBooking, updateBooking } from './queries.ts';
import { markDuplicates, saveDrafts } from './import/save-drafts.ts';

/** The path that takes a raw file instead of JSON (http/json-body.ts lets it through). */
export const IMPORT_PATH = '/wallet/import';
/** The header that names the uploaded file (its extension tells its format). */
const FILE_NAME_HEADER = 'x-file-name';

const STATUS_OF_REFUSAL = { too_large: 413, unsupported_format: 415 } as const;

export function requireWalletConsent(traveller: Traveller): void {
  if (!traveller.consents.wallet) throw new HttpError(403, 'consent_required', 'Your wallet is off: turn on the wallet in My data to keep bookings in Escale. Nothing was stored.');
}

const bookingIdOf = (req: Request) => idParam(req, 'No such booking.');

export function walletRoutes(ctx: AppContext): Router {
  const router = Router();
  const changed = (travellerId: string) => () => [{ type: 'booking_changed' as const, travellerId }];

  router.get('/wallet', requireTraveller(ctx), async (_req, res) => {
    res.json({ bookings: await listBookings(ctx.db, currentTraveller(res).id) } satisfies WalletBody);
  });

  router.post('/wallet/bookings', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const edit = parseBody(BookingEdit, req.body);
    requireWalletConsent(traveller);
    const booking = Booking.parse({ ...edit, id: randomUUID(), source: 'manual', status: 'confirmed' });
    await ctx.changes.record((trx) => addBooking(trx, traveller.id, booking, ctx.clock.now()), changed(traveller.id));
    res.status(201).json(booking);
  });

  router.put('/wallet/bookings/:id', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const edit = parseBody(BookingEdit, req.body);
    requireWalletConsent(traveller);
    const existing = await findBooking(ctx.db, traveller.id, bookingIdOf(req));
    if (!existing) throw new HttpError(404, 'not_found', 'No such booking in your wallet.');
    const booking = Booking.parse({ ...edit, id: existing.id, source: existing.source, status: existing.status });
    await ctx.changes.record((trx) => updateBooking(trx, traveller.id, booking), changed(traveller.id));
    res.json(booking);
  });

  // Cancelling keeps the booking, marked cancelled: an agency offer's seats and the traveller's history refer to it.
  router.delete('/wallet/bookings/:id', requireTraveller(ctx), async (req, res) => {
    // No consent needed to cancel: it takes nothing more in.
    const traveller = currentTraveller(res);
    const existing = await findBooking(ctx.db, traveller.id, bookingIdOf(req));
    if (!existing) throw new HttpError(404, 'not_found', 'No such booking in your wallet.');
    const booking = { ...existing, status: 'cancelled' as const };
    const offer = existing.status === 'confirmed' ? await offerOfBooking(ctx.db, traveller.id, existing.id) : null;
    await ctx.changes.record(
      async (trx) => {
        await updateBooking(trx, traveller.id, booking);
        if (offer) await returnSeats(trx, offer.offerId, offer.quantity);
      },
      () => [...changed(traveller.id)(), ...(offer ? [{ type: 'catalogue_changed' as const, places: [], events: [], offers: [offer.offerId] }] : [])],
    );
    res.json(booking);
  });

  router.post('/wallet/offers/:id/book', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const { quantity } = parseBody(BookOfferBody, req.body);
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!IDEMPOTENCY_KEY.test(key))
      throw new HttpError(400, 'bad_request', 'Send an Idempotency-Key header (8 to 200 letters, digits, or . _ : -), new for each booking attempt and the same for its retries.');
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
      preview = await readImport(fileName, new Uint8Array(req.body), { tripZone: ctx.city.timezone });
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
    const result = await ctx.changes.record(
      (trx) => saveDrafts(trx, traveller.id, drafts, now),
      (r) => (r.created.length > 0 ? changed(traveller.id)() : []),
    );
    res.status(result.created.length > 0 ? 201 : 200).json(result);
  });

  return router;
}

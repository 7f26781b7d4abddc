/**
 * The one rule for keeping what an import found, whichever way the file came (uploaded, or forwarded to the
 * wallet's address): duplicates marked against the wallet at preview, and the kept drafts saved in the
 * caller's transaction, a reservation the wallet already holds (same fingerprint) never saved twice.
 */
import { randomUUID } from 'node:crypto';
import { Booking, type Booking as BookingT, type ImportConfirmed, type ImportDraft, type ImportPreview } from '@escale/shared';
import type { Db } from '../../store/db.ts';
import { addBooking, bookingsByFingerprint } from '../queries.ts';

/** The preview with each draft's `duplicateOf`: the wallet's booking it repeats, as the wallet is now. */
export async function markDuplicates(db: Db, travellerId: string, preview: ImportPreview): Promise<ImportPreview> {
  const known = await bookingsByFingerprint(
    db,
    travellerId,
    preview.drafts.map((d) => d.fingerprint),
  );
  return { ...preview, drafts: preview.drafts.map((d) => ({ ...d, duplicateOf: known.get(d.fingerprint) ?? null })) };
}

/** Saves the drafts the wallet does not hold yet; run it inside a transaction so all are saved or none. */
export async function saveDrafts(trx: Db, travellerId: string, drafts: readonly ImportDraft[], now: Date): Promise<ImportConfirmed> {
  const unique = [...new Map(drafts.map((d) => [d.fingerprint, d])).values()];
  const known = await bookingsByFingerprint(
    trx,
    travellerId,
    unique.map((d) => d.fingerprint),
  );
  const created: BookingT[] = [];
  for (const { fingerprint, warnings: _w, duplicateOf: _d, ...fields } of unique.filter((d) => !known.has(d.fingerprint))) {
    const booking = Booking.parse({ ...fields, id: randomUUID() });
    await addBooking(trx, travellerId, booking, now, fingerprint);
    created.push(booking);
  }
  return { created, duplicates: drafts.length - created.length };
}

/**
 * Importing into the wallet: what a file yielded, shown to the traveller before anything is saved. Each
 * booking found is a draft with a fingerprint (the same reservation imported twice has the same one, so a
 * second import is detected, not duplicated); what the file held that is not a booking is listed with the
 * reason it was left out, never guessed at.
 */
import { z } from 'zod';
import { BookingFields, endNotBeforeStart } from './booking.ts';
import { Evidence } from './evidence.ts';

/** Every limit of an import, explicit (docs/WALLET.md): a file over them is refused whole. */
export const IMPORT_LIMITS = {
  /** The file as uploaded (an e-mail with its attachments, a calendar, a pass). */
  maxBytes: 10 * 1024 * 1024,
  /** Bookings found in one file. */
  maxBookings: 200,
  /** Occurrences of one recurring calendar event expanded over the trip window. */
  maxOccurrences: 366,
  /** A pass's zip: entries, and all of them unpacked (a zip bomb is refused before it is inflated). */
  maxZipEntries: 200,
  maxUnzippedBytes: 20 * 1024 * 1024,
  /** Passes in one .pkpasses bundle. */
  maxPasses: 20,
} as const;

export const IMPORT_FORMATS = ['ics', 'email', 'html', 'jsonld', 'pkpass', 'pkpasses', 'text'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** A booking found in a file, not yet saved. */
export const ImportDraft = BookingFields.omit({ id: true })
  .extend({
    /** Stable for the same reservation whatever file carried it: the key duplicates are found by. */
    fingerprint: z.string().min(1).max(200),
    /** What the traveller should check ("no time zone given: read as Europe/Paris"). */
    warnings: z.array(Evidence).default([]),
    /** The booking already in the wallet that this one repeats, if any (filled by the server at preview). */
    duplicateOf: z.string().nullable().default(null),
  })
  .refine(endNotBeforeStart, { message: 'endsAt is before startsAt', path: ['endsAt'] });
export type ImportDraft = z.infer<typeof ImportDraft>;

/** Something in the file that is not imported, and why (an order, a parcel, an event without a date). */
export const ImportSkipped = z.object({ what: z.string().max(300), reason: Evidence });
export type ImportSkipped = z.infer<typeof ImportSkipped>;

/** Whether a pass's contents match its manifest, and whether its signature was checked. */
export const PassIntegrity = z.object({
  /** Every file's SHA-1 matches manifest.json ('missing': no manifest; 'mismatch': a file was altered). */
  manifest: z.enum(['verified', 'missing', 'mismatch']),
  /** Escale does not verify Apple's PKCS #7 signature (it holds no issuer certificates): it says so. */
  signature: z.enum(['present_not_verified', 'absent']),
});
export type PassIntegrity = z.infer<typeof PassIntegrity>;

export const ImportPreview = z.object({
  fileName: z.string().max(255),
  format: ImportFormat,
  drafts: z.array(ImportDraft),
  skipped: z.array(ImportSkipped),
  passes: z.array(PassIntegrity).default([]),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** Why a whole file is refused (nothing of it is imported). */
export const IMPORT_REFUSALS = ['too_large', 'unsupported_format', 'malformed', 'nothing_found', 'too_many_items', 'zip_bomb'] as const;
export type ImportRefusal = (typeof IMPORT_REFUSALS)[number];

/** Why a refused import was refused, beside the error's code `import_refused` (the client words it). */
export const ImportRefusalBody = z.object({ error: z.object({ code: z.literal('import_refused'), reason: z.enum(IMPORT_REFUSALS), message: z.string() }) });
export type ImportRefusalBody = z.infer<typeof ImportRefusalBody>;

/** Saving what a preview found: every draft the traveller kept, all saved or none. */
export const ImportConfirmBody = z.object({ drafts: z.array(ImportDraft).min(1).max(IMPORT_LIMITS.maxBookings) });
export type ImportConfirmBody = z.infer<typeof ImportConfirmBody>;

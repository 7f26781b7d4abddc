/**
 * One uploaded (or e-mailed, or forwarded) file into an import preview: its format recognised from its name
 * and its first bytes, read by the importer of that format, every limit enforced. Nothing is saved here;
 * a file is either read whole or refused whole with a reason (ImportRefused).
 */
import { IMPORT_LIMITS, type ImportDraft, type ImportFormat, type ImportPreview, type ImportSkipped, type PassIntegrity } from '@escale/shared';
import { readMail } from './email.ts';
import { markupIn, parseJsonLd } from './html-markup.ts';
import { readIcs } from './ics.ts';
import { readPkpass, readPkpasses } from './pkpass.ts';
import { refuse } from './refusal.ts';
import { extractReservations, type Extracted } from './schema-org.ts';

export interface ImportOptions {
  /** Where times without a zone are read (the traveller's city). */
  tripZone: string;
  /** Recurring calendar events are expanded over this window (a trip's dates), else over their first year. */
  window?: { from: Date; until: Date };
}

const head = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '');

export function formatOf(fileName: string, bytes: Uint8Array): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const byExt: Record<string, ImportFormat> = {
    ics: 'ics',
    ical: 'ics',
    ifb: 'ics',
    eml: 'email',
    html: 'html',
    htm: 'html',
    json: 'jsonld',
    jsonld: 'jsonld',
    pkpass: 'pkpass',
    pkpasses: 'pkpasses',
    txt: 'text',
  };
  if (byExt[ext]) return byExt[ext];
  const text = head(bytes);
  const start = text.trimStart();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'pkpass';
  if (/^BEGIN:VCALENDAR/i.test(start)) return 'ics';
  if (/^[{[]/.test(start)) return 'jsonld';
  if (/^(<!doctype html|<html|<head|<body|<div|<script|<!--)/i.test(start)) return 'html';
  if (/^[A-Za-z-]+:\s/.test(start) && /\r?\n\r?\n/.test(text)) return 'email';
  return null;
}

function fromDocuments(documents: unknown[], invalidBlocks: number, options: ImportOptions, source: ImportDraft['source']): Extracted {
  const out: Extracted = { drafts: [], skipped: [] };
  for (const doc of documents) {
    const found = extractReservations(doc, options.tripZone, source);
    out.drafts.push(...found.drafts);
    out.skipped.push(...found.skipped);
  }
  if (invalidBlocks > 0) out.skipped.push({ what: 'JSON-LD', reason: { key: 'wallet.import.invalid_json_ld', params: { count: invalidBlocks } } });
  return out;
}

/** Reads a file into a preview, or throws ImportRefused. */
export async function readImport(fileName: string, bytes: Uint8Array, options: ImportOptions): Promise<ImportPreview> {
  if (bytes.length === 0) refuse('malformed', 'The file is empty.');
  if (bytes.length > IMPORT_LIMITS.maxBytes) refuse('too_large', `The file is ${(bytes.length / (1024 * 1024)).toFixed(1)} MB; at most ${IMPORT_LIMITS.maxBytes / (1024 * 1024)} MB can be imported.`);
  const format = formatOf(fileName, bytes);
  if (format === null) return refuse('unsupported_format', 'Escale reads calendars (.ics), confirmation e-mails (.eml), Apple Wallet passes (.pkpass) and schema.org markup (.html, .json).');
  const text = () => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  let found: Extracted & { passes?: PassIntegrity[] };
  switch (format) {
    case 'ics':
      found = readIcs(text(), options);
      break;
    case 'pkpass':
      found = readPkpass(bytes, options.tripZone);
      break;
    case 'pkpasses':
      found = readPkpasses(bytes, options.tripZone);
      break;
    case 'html': {
      const markup = markupIn(text());
      found = fromDocuments(markup.documents, markup.invalidBlocks, options, 'email');
      break;
    }
    case 'jsonld': {
      const doc = parseJsonLd(text());
      if (doc === undefined) refuse('malformed', 'This file is not valid JSON.');
      found = fromDocuments([doc], 0, options, 'email');
      break;
    }
    case 'email': {
      const mail = await readMail(bytes);
      found = fromDocuments(mail.documents, mail.invalidBlocks, options, 'email');
      const passes: PassIntegrity[] = [];
      for (const attachment of mail.attachments) {
        const inner = await readImport(attachment.fileName, attachment.bytes, options);
        found.drafts.push(...inner.drafts.map((d) => ({ ...d, source: 'email' as const })));
        found.skipped.push(...inner.skipped);
        passes.push(...inner.passes);
      }
      found.passes = passes;
      break;
    }
    case 'text':
      found = { drafts: [], skipped: [] };
      break;
  }
  if (found.drafts.length > IMPORT_LIMITS.maxBookings) refuse('too_many_items', `This file holds ${found.drafts.length} bookings; at most ${IMPORT_LIMITS.maxBookings} at once.`);
  if (found.drafts.length === 0) refuse('nothing_found', nothingFound(format, found.skipped));
  return { fileName: fileName.slice(0, 255), format, drafts: dedupe(found.drafts), skipped: found.skipped, passes: found.passes ?? [] };
}

/** Why a file yielded nothing, in words: what it held, grouped by why each was left out. */
function nothingFound(format: ImportFormat, skipped: ImportSkipped[]): string {
  const names = (key: string) => [...new Set(skipped.filter((s) => s.reason.key === key).map((s) => s.what))];
  const list = (xs: string[]) => (xs.length > 4 ? `${xs.slice(0, 4).join(', ')} and ${xs.length - 4} more` : xs.join(', '));
  const undated = names('wallet.import.no_date');
  const others = names('wallet.import.not_a_booking');
  const cards = names('wallet.import.pass_not_a_booking');
  const invalid = skipped.some((s) => s.reason.key === 'wallet.import.invalid_json_ld');
  const reasons = [
    undated.length > 0 ? `${list(undated)}: no date and time in a form Escale can read without guessing` : null,
    others.length > 0 ? `${list(others)}: not a reservation` : null,
    cards.length > 0 ? `${list(cards)}: a loyalty card or coupon, not a booking` : null,
    invalid ? 'its schema.org markup is not valid JSON' : null,
  ].filter(Boolean);
  if (reasons.length > 0) return `No booking found in this file (${reasons.join('; ')}).`;
  if (format === 'ics') return 'This calendar holds no event.';
  return 'No booking found: the file carries no schema.org reservation markup (JSON-LD or microdata). Forward the airline’s or hotel’s original confirmation e-mail, or add the booking by hand.';
}

/** The same reservation stated twice in one file (JSON-LD and microdata both, a common pattern) is one draft. */
function dedupe(drafts: ImportDraft[]): ImportDraft[] {
  return [...new Map(drafts.map((d) => [d.fingerprint, d])).values()];
}

/**
 * A confirmation e-mail (.eml): MIME parsed by postal-mime (multipart, quoted-printable, base64, charsets);
 * the schema.org markup is read from its HTML bodies and from any `application/ld+json` part. A calendar or
 * a pass attached to the mail is imported as if uploaded on its own.
 */
import type PostalMime from 'postal-mime';
import { IMPORT_LIMITS } from '@escale/shared';
import { markupIn, parseJsonLd } from './html-markup.ts';
import { refuse } from './refusal.ts';

/** What a message holds for the wallet, before reading the markup (import-file.ts does that). */
export interface MailContents {
  subject: string | null;
  /** JSON-LD documents and microdata items, from every HTML body and JSON-LD part. */
  documents: unknown[];
  invalidBlocks: number;
  /** Attachments the wallet reads on their own: calendars and passes. */
  attachments: { fileName: string; bytes: Uint8Array }[];
}

const ATTACHED = /^(text\/calendar|application\/ics|application\/vnd\.apple\.pkpass|application\/vnd\.apple\.pkpasses)$/i;

const asBytes = (content: ArrayBuffer | Uint8Array | string): Uint8Array =>
  typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content);

export async function readMail(bytes: Uint8Array): Promise<MailContents> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    // Bounded by the upload limit already; nesting and parts bounded here, so a crafted message cannot recurse.
    // Loaded at the first e-mail read: start-up does not pay for the MIME parser.
    const { default: parser } = await import('postal-mime');
    email = await parser.parse(bytes, { maxNestingDepth: 20, maxHeadersSize: 1024 * 1024, attachmentEncoding: 'arraybuffer' });
  } catch (err) {
    return refuse('malformed', `This is not a readable e-mail (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (email.headers.length === 0 && !email.html && !email.text) refuse('malformed', 'This file has no e-mail headers or body: save the message as .eml from your mail app.');
  const documents: unknown[] = [];
  let invalidBlocks = 0;
  const attachments: MailContents['attachments'] = [];
  if (email.html) {
    const markup = markupIn(email.html);
    documents.push(...markup.documents);
    invalidBlocks += markup.invalidBlocks;
  }
  for (const part of email.attachments) {
    const type = part.mimeType.toLowerCase();
    if (type === 'application/ld+json' || type === 'application/json+ld') {
      const doc = parseJsonLd(new TextDecoder().decode(asBytes(part.content)));
      if (doc === undefined) invalidBlocks++;
      else documents.push(doc);
    } else if (type === 'text/html' && part.disposition !== 'attachment') {
      // A second HTML body (multipart/mixed with two text/html parts) carries markup too.
      const markup = markupIn(new TextDecoder().decode(asBytes(part.content)));
      documents.push(...markup.documents);
      invalidBlocks += markup.invalidBlocks;
    } else if (ATTACHED.test(type) || /\.(ics|pkpass|pkpasses)$/i.test(part.filename ?? '')) {
      if (attachments.length >= IMPORT_LIMITS.maxPasses) refuse('too_many_items', `This e-mail has more than ${IMPORT_LIMITS.maxPasses} calendars and passes attached.`);
      const ext = /pkpasses/i.test(type) ? 'pkpasses' : /pkpass/i.test(type) ? 'pkpass' : 'ics';
      attachments.push({ fileName: part.filename ?? `attachment.${ext}`, bytes: asBytes(part.content) });
    }
  }
  return { subject: email.subject ?? null, documents, invalidBlocks, attachments };
}

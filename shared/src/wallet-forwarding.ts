/**
 * The wallet's private forwarding address and its inbox: a confirmation e-mail sent to the address is read
 * by Escale's own SMTP listener into an import preview that waits in the inbox until the traveller keeps
 * (confirms) or dismisses it. The address is shown once, when it is made: the server keeps only its hash.
 */
import { z } from 'zod';
import { IMPORT_REFUSALS, ImportPreview } from './wallet-import.ts';

/** Every limit of the inbox that the contract itself states (the SMTP listener's own are in the README). */
export const FORWARDING_LIMITS = {
  /** Senders a traveller may list as the only ones accepted. */
  maxAllowedSenders: 20,
  /** Items waiting in the inbox; a message beyond is refused at SMTP (452, try later). */
  maxPendingItems: 50,
  /** Days an inbox item is kept, whatever became of it (housekeeping purges older ones). */
  retentionDays: 14,
} as const;

/**
 * A sender the traveller accepts: an address (`lea@example.com`) or a whole domain (`airfrance.fr`, any
 * address at it or at one of its subdomains). Compared without case.
 */
export const AllowedSender = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^([^\s@<>]+@)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected an e-mail address or a domain name');

export const ForwardingBody = z.object({
  /** `<token>@<SMTP_DOMAIN>`: only in the answer that made it (first GET, or rotate); null afterwards. */
  address: z.string().nullable(),
  /** Whether the traveller has an address that works (its token's hash is stored). */
  active: z.boolean(),
  /** Whether this server receives mail at all (SMTP_PORT is set). */
  enabled: z.boolean(),
  /** Empty: any sender is accepted. */
  allowedSenders: z.array(z.string()),
});
export type ForwardingBody = z.infer<typeof ForwardingBody>;

export const ForwardingSendersBody = z.object({ allowedSenders: z.array(AllowedSender).max(FORWARDING_LIMITS.maxAllowedSenders) });
export type ForwardingSendersBody = z.infer<typeof ForwardingSendersBody>;

export const InboxStatus = z.enum(['pending', 'imported', 'dismissed']);

/** A message received at the forwarding address: what it yielded (a preview), or why nothing could be read. */
export const InboxItem = z.object({
  id: z.string(),
  receivedAt: z.iso.datetime(),
  /** The From header's address (else the envelope sender), as the message gave it. */
  sender: z.string().max(254),
  subject: z.string().max(300),
  status: InboxStatus,
  /** With duplicates marked against the wallet as it is now. Null when the message was refused. */
  preview: ImportPreview.nullable(),
  refusal: z.object({ reason: z.enum(IMPORT_REFUSALS), message: z.string() }).nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxBody = z.object({ items: z.array(InboxItem) });
export type InboxBody = z.infer<typeof InboxBody>;

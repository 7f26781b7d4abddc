/** The forwarding address (as its token's hash) and the inbox, as stored. */
import { ImportPreview, InboxItem, type InboxItem as InboxItemT } from '@escale/shared';
import type { Selectable } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { WalletInboxTable } from '../../store/schema.ts';

export interface Forwarding {
  travellerId: string;
  allowedSenders: string[];
}

export async function forwardingOf(db: Db, travellerId: string): Promise<Forwarding | null> {
  const row = await db.selectFrom('wallet_forwarding').select(['traveller_id', 'allowed_senders']).where('traveller_id', '=', travellerId).executeTakeFirst();
  return row ? { travellerId: row.traveller_id, allowedSenders: JSON.parse(row.allowed_senders) as string[] } : null;
}

/** The traveller whose current address has this token hash (a rotated address finds no one). */
export async function forwardingByHash(db: Db, tokenHash: string): Promise<Forwarding | null> {
  const row = await db.selectFrom('wallet_forwarding').select(['traveller_id', 'allowed_senders']).where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? { travellerId: row.traveller_id, allowedSenders: JSON.parse(row.allowed_senders) as string[] } : null;
}

/**
 * Sets the traveller's address. `replace`: a new one replaces the old, which stops working at once (the
 * allowed senders stay); otherwise an existing address is kept and false is returned (two first requests
 * at once make one address, not two of which one silently stops working).
 */
export async function saveForwarding(db: Db, travellerId: string, tokenHash: string, now: Date, replace: boolean): Promise<boolean> {
  const result = await db
    .insertInto('wallet_forwarding')
    .values({ traveller_id: travellerId, token_hash: tokenHash, allowed_senders: '[]', created_at: now.toISOString() })
    .onConflict((oc) => (replace ? oc.column('traveller_id').doUpdateSet({ token_hash: tokenHash, created_at: now.toISOString() }) : oc.column('traveller_id').doNothing()))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** False when the traveller has no address yet. */
export async function saveAllowedSenders(db: Db, travellerId: string, allowedSenders: readonly string[]): Promise<boolean> {
  const result = await db
    .updateTable('wallet_forwarding')
    .set({ allowed_senders: JSON.stringify(allowedSenders) })
    .where('traveller_id', '=', travellerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface NewInboxItem {
  id: string;
  travellerId: string;
  receivedAt: Date;
  sender: string;
  subject: string;
  preview: ImportPreview | null;
  refusal: InboxItemT['refusal'];
}

export async function addInboxItem(db: Db, item: NewInboxItem): Promise<void> {
  await db
    .insertInto('wallet_inbox')
    .values({
      id: item.id,
      traveller_id: item.travellerId,
      received_at: item.receivedAt.toISOString(),
      sender: item.sender,
      subject: item.subject,
      preview: item.preview === null ? null : JSON.stringify(item.preview),
      refusal: item.refusal === null ? null : JSON.stringify(item.refusal),
      status: 'pending',
    })
    .execute();
}

export async function pendingCount(db: Db, travellerId: string): Promise<number> {
  const row = await db
    .selectFrom('wallet_inbox')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('traveller_id', '=', travellerId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The traveller's pending items, newest first. */
export async function pendingItems(db: Db, travellerId: string): Promise<InboxItemT[]> {
  const rows = await db.selectFrom('wallet_inbox').selectAll().where('traveller_id', '=', travellerId).where('status', '=', 'pending').orderBy('received_at', 'desc').orderBy('id').execute();
  return rows.map(itemOf);
}

/** One of the traveller's pending items; null for another traveller's, an unknown one or one already settled. */
export async function pendingItem(db: Db, travellerId: string, id: string): Promise<InboxItemT | null> {
  const row = await db.selectFrom('wallet_inbox').selectAll().where('traveller_id', '=', travellerId).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return row ? itemOf(row) : null;
}

export async function settleItem(db: Db, travellerId: string, id: string, status: 'imported' | 'dismissed'): Promise<void> {
  await db.updateTable('wallet_inbox').set({ status }).where('traveller_id', '=', travellerId).where('id', '=', id).execute();
}

/** Deletes every item received before `before`, whatever became of it (housekeeping's retention). */
export async function purgeInbox(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('wallet_inbox').where('received_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function itemOf(r: Selectable<WalletInboxTable>): InboxItemT {
  return InboxItem.parse({
    id: r.id,
    receivedAt: r.received_at,
    sender: r.sender,
    subject: r.subject,
    status: r.status,
    preview: r.preview === null ? null : (JSON.parse(r.preview) as unknown),
    refusal: r.refusal === null ? null : (JSON.parse(r.refusal) as unknown),
  });
}

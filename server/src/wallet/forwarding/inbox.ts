/**
 * The wallet's inbox as a service, one rule in one place for the SMTP listener and the HTTP routes: a
 * message lands (only with the wallet consent, only while the inbox has room), an item is kept (its drafts
 * saved by the same function as an uploaded file's, and the item marked imported, in one transaction) or
 * dismissed. Each is a change, so the traveller's tabs on every instance hear the new count.
 */
import { randomUUID } from 'node:crypto';
import { FORWARDING_LIMITS, type Change, type ImportConfirmed, type ImportDraft } from '@escale/shared';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../store/db.ts';
import { findTraveller } from '../../travellers/queries.ts';
import { saveDrafts } from '../import/save-drafts.ts';
import { bookingChanged, recordWalletWrite } from '../wallet-write.ts';
import { addInboxItem, pendingCount, pendingItem, settleItem, type NewInboxItem } from './queries.ts';

type Deps = Pick<AppContext, 'changes' | 'clock'>;

/** Why a message cannot land: the SMTP listener answers each with its own code. */
export class InboxRefused extends Error {
  constructor(
    readonly reason: 'consent_off' | 'inbox_full',
    message: string,
  ) {
    super(message);
    this.name = 'InboxRefused';
  }
}

const inboxChanged = (travellerId: string, pending: number): Change => ({ type: 'wallet_inbox_changed', travellerId, pending });

/** Whether a message for the traveller could land now (the SMTP listener asks at RCPT, before the data). */
export async function inboxRefusal(db: Db, travellerId: string): Promise<InboxRefused | null> {
  const traveller = await findTraveller(db, travellerId);
  if (!traveller?.consents.wallet) return new InboxRefused('consent_off', 'The wallet of this address is off in Escale; nothing was stored.');
  if ((await pendingCount(db, travellerId)) >= FORWARDING_LIMITS.maxPendingItems)
    return new InboxRefused('inbox_full', `This wallet's inbox holds ${FORWARDING_LIMITS.maxPendingItems} messages waiting to be read; try again later.`);
  return null;
}

/** Stores a received message's preview or refusal as a pending item; throws InboxRefused (nothing stored). */
export async function landInInbox(ctx: Deps, item: Omit<NewInboxItem, 'id' | 'receivedAt'>): Promise<string> {
  const id = randomUUID();
  // Checked again in the transaction: the consent may have been withdrawn while the message streamed.
  await ctx.changes.record(
    async (trx) => {
      const refusal = await inboxRefusal(trx, item.travellerId);
      if (refusal) throw refusal;
      await addInboxItem(trx, { ...item, id, receivedAt: ctx.clock.now() });
      return { pending: await pendingCount(trx, item.travellerId) };
    },
    (r) => [inboxChanged(item.travellerId, r.pending)],
  );
  return id;
}

/** Saves the drafts kept from a pending item and marks it imported; null when it is not the traveller's pending item. */
export async function confirmInboxItem(ctx: Deps, travellerId: string, id: string, drafts: readonly ImportDraft[]): Promise<ImportConfirmed | null> {
  const now = ctx.clock.now();
  // A wallet write like any other (the wallet locked, the new bookings given their trips).
  const result = await recordWalletWrite(
    ctx.changes,
    travellerId,
    now,
    async (trx) => {
      if (!(await pendingItem(trx, travellerId, id))) return null;
      const confirmed = await saveDrafts(trx, travellerId, drafts, now);
      await settleItem(trx, travellerId, id, 'imported');
      return { confirmed, pending: await pendingCount(trx, travellerId) };
    },
    (r) => (r === null ? [] : [...(r.confirmed.created.length > 0 ? bookingChanged(travellerId) : []), inboxChanged(travellerId, r.pending)]),
  );
  return result?.confirmed ?? null;
}

/** Marks a pending item dismissed (it goes with the retention purge); false when it is not the traveller's pending item. */
export async function dismissInboxItem(ctx: Deps, travellerId: string, id: string): Promise<boolean> {
  const result = await ctx.changes.record(
    async (trx) => {
      if (!(await pendingItem(trx, travellerId, id))) return null;
      await settleItem(trx, travellerId, id, 'dismissed');
      return { pending: await pendingCount(trx, travellerId) };
    },
    (r) => (r === null ? [] : [inboxChanged(travellerId, r.pending)]),
  );
  return result !== null;
}

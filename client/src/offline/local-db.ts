/**
 * The phone's own copy of what the app needs offline, in IndexedDB (idb keeps it to promises): each
 * traveller's last wallet, and the changes made offline waiting to reach the server (the outbox). Signing
 * out deletes the traveller's copy: a shared phone keeps nothing of the previous traveller.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { WalletBody } from '@escale/shared';
import type { OutboxOp } from './outbox-ops.ts';

interface EscaleDb extends DBSchema {
  wallets: { key: string; value: { travellerId: string; wallet: WalletBody; savedAt: string } };
  outbox: { key: string; value: OutboxOp; indexes: { byTraveller: string } };
}

let opened: Promise<IDBPDatabase<EscaleDb>> | null = null;

export function localDb(): Promise<IDBPDatabase<EscaleDb>> {
  opened ??= openDB<EscaleDb>('escale', 1, {
    upgrade(db) {
      db.createObjectStore('wallets', { keyPath: 'travellerId' });
      db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('byTraveller', 'travellerId');
    },
  });
  return opened;
}

export async function saveWallet(travellerId: string, wallet: WalletBody): Promise<void> {
  await (await localDb()).put('wallets', { travellerId, wallet, savedAt: new Date().toISOString() });
}

export async function loadWallet(travellerId: string): Promise<{ wallet: WalletBody; savedAt: string } | null> {
  return (await (await localDb()).get('wallets', travellerId)) ?? null;
}

/** Everything this phone holds about the traveller: their wallet copy and their unsent changes. */
export async function forgetTraveller(travellerId: string): Promise<void> {
  const db = await localDb();
  const tx = db.transaction(['wallets', 'outbox'], 'readwrite');
  await tx.objectStore('wallets').delete(travellerId);
  for (const key of await tx.objectStore('outbox').index('byTraveller').getAllKeys(travellerId)) await tx.objectStore('outbox').delete(key);
  await tx.done;
}

export async function queuedOps(travellerId: string): Promise<OutboxOp[]> {
  const ops = await (await localDb()).getAllFromIndex('outbox', 'byTraveller', travellerId);
  return ops.sort((a, b) => a.seq - b.seq);
}

export async function putOp(op: OutboxOp): Promise<void> {
  await (await localDb()).put('outbox', op);
}

export async function deleteOp(key: string): Promise<void> {
  await (await localDb()).delete('outbox', key);
}

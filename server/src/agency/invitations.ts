/**
 * Invitations to join an agency's clientele: a one-time link (only the token's SHA-256 is kept) that makes
 * one traveller of the agency (auth/accounts.ts). Listed and made within the staff member's agency only.
 */
import { randomUUID } from 'node:crypto';
import type { Invitation } from '@escale/shared';
import { newToken, tokenHash } from '../auth/sessions.ts';
import type { Db } from '../store/db.ts';

export const JOIN_PATH = '/join';

type Row = { id: string; note: string; created_at: string; expires_at: string; used_at: string | null };
const invitationOf = (r: Row): Invitation => ({ id: r.id, note: r.note, createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at });

export async function createInvitation(db: Db, agencyId: string, note: string, now: Date, ttlMs: number): Promise<{ invitation: Invitation; token: string }> {
  const token = newToken();
  const row = { id: randomUUID(), note, created_at: now.toISOString(), expires_at: new Date(now.getTime() + ttlMs).toISOString(), used_at: null };
  await db
    .insertInto('invitations')
    .values({ ...row, token_hash: tokenHash(token), agency_id: agencyId })
    .execute();
  return { invitation: invitationOf(row), token };
}

/** The agency's invitations, newest first. */
export async function listInvitations(db: Db, agencyId: string): Promise<Invitation[]> {
  const rows = await db.selectFrom('invitations').select(['id', 'note', 'created_at', 'expires_at', 'used_at']).where('agency_id', '=', agencyId).orderBy('created_at', 'desc').execute();
  return rows.map(invitationOf);
}

/** The agency of a link that still works (unused, unexpired), or null. */
export async function agencyOfInvitation(db: Db, token: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('invitations')
    .select(['agency_id'])
    .where('token_hash', '=', tokenHash(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row?.agency_id ?? null;
}

/** Uses the link up, atomically: true for the one caller that did (two sign-ups with one link: one wins). */
export async function useInvitation(db: Db, token: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', tokenHash(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const invitationUrl = (origin: string, token: string): string => `${origin}${JOIN_PATH}#${token}`;

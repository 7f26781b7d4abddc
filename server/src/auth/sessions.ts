/**
 * Sessions: a random token in an httpOnly cookie; only its SHA-256 is stored, so a leaked database does not
 * leak usable sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parse as parseCookie, serialize } from 'cookie';
import type { Db } from '../store/db.ts';

export const SESSION_COOKIE = 'escale_session';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, travellerId: string, now: Date, ttlMs: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db
    .insertInto('sessions')
    .values({ id_hash: hash(token), traveller_id: travellerId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
  return { token, expiresAt };
}

export async function travellerForToken(db: Db, token: string | undefined, now: Date): Promise<string | null> {
  return (await sessionForToken(db, token, now))?.travellerId ?? null;
}

/** The live session a token opens: its traveller and its id (the token's hash, never the token). */
export async function sessionForToken(db: Db, token: string | undefined, now: Date): Promise<{ id: string; travellerId: string } | null> {
  if (!token) return null;
  const id = hash(token);
  const row = await db.selectFrom('sessions').select(['traveller_id', 'expires_at']).where('id_hash', '=', id).executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { id, travellerId: row.traveller_id };
}

export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('sessions').where('id_hash', '=', hash(token)).execute();
}

export function tokenFromCookieHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return parseCookie(header)[SESSION_COOKIE] ?? undefined;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(0) });
}

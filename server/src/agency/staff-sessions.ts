/**
 * Console sessions: as a traveller's (auth/sessions.ts), a random token in an httpOnly cookie whose SHA-256
 * alone is stored, but a cookie of their own (`escale_staff`, SameSite=Strict: the console is never entered
 * from another site) and a shorter life. A new token at every sign-in (no fixation); "sign out everywhere"
 * deletes every session of the member.
 */
import { parse as parseCookie, serialize } from 'cookie';
import type { Db } from '../store/db.ts';
import { newToken, tokenHash } from '../auth/sessions.ts';

export const STAFF_COOKIE = 'escale_staff';

export interface StaffSession {
  id: string;
  staffId: string;
}

export async function createStaffSession(db: Db, staffId: string, now: Date, ttlMs: number): Promise<string> {
  const token = newToken();
  await db
    .insertInto('staff_sessions')
    .values({ id_hash: tokenHash(token), staff_id: staffId, created_at: now.toISOString(), expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .execute();
  return token;
}

export async function staffSessionOfCookie(db: Db, cookieHeader: string | undefined, now: Date): Promise<StaffSession | null> {
  const token = cookieHeader ? parseCookie(cookieHeader)[STAFF_COOKIE] : undefined;
  if (!token) return null;
  const id = tokenHash(token);
  const row = await db.selectFrom('staff_sessions').select(['staff_id', 'expires_at']).where('id_hash', '=', id).executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { id, staffId: row.staff_id };
}

export async function endStaffSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id_hash', '=', id).execute();
}

/** Every session of the member, on every device ("sign out everywhere", a password changed, removal). */
export async function endAllStaffSessions(db: Db, staffId: string): Promise<number> {
  const result = await db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function purgeExpiredStaffSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now.toISOString()).execute();
  await db.deleteFrom('password_links').where('expires_at', '<=', now.toISOString()).execute();
}

export function staffCookie(token: string, ttlMs: number, secure: boolean): string {
  return serialize(STAFF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: Math.floor(ttlMs / 1000) });
}

export function clearedStaffCookie(secure: boolean): string {
  return serialize(STAFF_COOKIE, '', { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: 0 });
}

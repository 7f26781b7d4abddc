/**
 * Sessions: a random token in an httpOnly cookie; only its SHA-256 is stored, so a leaked database does not
 * leak usable sessions. Whether a session still opens anything is decided here and nowhere else: it must
 * exist, be unexpired, and, if demo sign-in issued it, demo mode must still be on.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parse as parseCookie, serialize } from 'cookie';
import type { Db } from '../store/db.ts';

export const SESSION_COOKIE = 'escale_session';

/** A bearer secret's stored form (a session's, a calendar feed's): its SHA-256, never the secret. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const hash = tokenHash;
/** A new bearer secret: 256 random bits, URL-safe (43 characters). */
export const newToken = () => randomBytes(32).toString('base64url');

/** A live session: its id is the token's hash, never the token. */
export interface Session {
  id: string;
  travellerId: string;
  demo: boolean;
  expiresAt: Date;
}

export async function createSession(db: Db, travellerId: string, now: Date, ttlMs: number, options: { demo?: boolean } = {}): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const id = hash(token);
  const demo = options.demo ?? false;
  await db
    .insertInto('sessions')
    .values({ id_hash: id, traveller_id: travellerId, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), demo: demo ? 1 : 0 })
    .execute();
  return { token, session: { id, travellerId, demo, expiresAt } };
}

/** The live session a token opens, or null (unknown, expired, or issued by demo mode while it is off). */
export async function sessionForToken(db: Db, token: string | undefined, now: Date, policy: { demoMode: boolean }): Promise<Session | null> {
  if (!token) return null;
  const id = hash(token);
  const row = await db.selectFrom('sessions').select(['traveller_id', 'expires_at', 'demo']).where('id_hash', '=', id).executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  if (row.demo === 1 && !policy.demoMode) return null;
  return { id, travellerId: row.traveller_id, demo: row.demo === 1, expiresAt: new Date(row.expires_at) };
}

export async function travellerForToken(db: Db, token: string | undefined, now: Date, policy: { demoMode: boolean }): Promise<string | null> {
  return (await sessionForToken(db, token, now, policy))?.travellerId ?? null;
}

/** Deletes a session by its id; returns whether it existed. */
export async function deleteSession(db: Db, sessionId: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id_hash', '=', sessionId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Sessions that can no longer open anything: expired, or demo sessions once demo mode is off. */
export async function deadSessions(db: Db, now: Date, policy: { demoMode: boolean }): Promise<{ id: string; travellerId: string }[]> {
  const expired = now.toISOString();
  const q = db
    .selectFrom('sessions')
    .select(['id_hash', 'traveller_id'])
    .where((eb) => (policy.demoMode ? eb('expires_at', '<=', expired) : eb.or([eb('expires_at', '<=', expired), eb('demo', '=', 1)])));
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id_hash, travellerId: r.traveller_id }));
}

export function tokenFromCookieHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return parseCookie(header)[SESSION_COOKIE] ?? undefined;
}

/**
 * Max-Age rather than Expires: the browser counts the lifetime on its own clock, so a server and a browser
 * whose clocks disagree (or a test server on a virtual clock) still agree on how long the cookie lives.
 */
export function sessionCookie(token: string, ttlMs: number, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.floor(ttlMs / 1000) });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(0) });
}

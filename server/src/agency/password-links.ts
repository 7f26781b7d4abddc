/**
 * One-time "choose your password" links: for a new staff member (given to the admin who added them) and for
 * "forgot my password" (sent by e-mail; written to the log in development, as the e-mail would be). Only
 * the token's SHA-256 is kept; a link works once, before its expiry, and a new one replaces the old.
 */
import { newToken, tokenHash } from '../auth/sessions.ts';
import type { Db } from '../store/db.ts';

export const SET_PASSWORD_PATH = '/agency/set-password';

export async function issuePasswordLink(db: Db, staffId: string, now: Date, ttlMs: number): Promise<string> {
  const token = newToken();
  await db.deleteFrom('password_links').where('staff_id', '=', staffId).execute();
  await db
    .insertInto('password_links')
    .values({ token_hash: tokenHash(token), staff_id: staffId, expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .execute();
  return token;
}

/** The link's staff member, the link used up; null for an unknown, used or expired token. */
export async function redeemPasswordLink(db: Db, token: string, now: Date): Promise<string | null> {
  const row = await db.deleteFrom('password_links').where('token_hash', '=', tokenHash(token)).returning(['staff_id', 'expires_at']).executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return row.staff_id;
}

/** The link as a person opens it: the token after `#`, so it never reaches a server log or a Referer. */
export const passwordLinkUrl = (origin: string, token: string): string => `${origin}${SET_PASSWORD_PATH}#${token}`;

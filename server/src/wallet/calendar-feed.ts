/**
 * A trip's calendar feed: an unguessable token in a URL that calendar apps fetch without a session. Only the
 * token's SHA-256 is stored (a copy of the database opens no feed); making a new one revokes the old one,
 * so a URL shared too widely is stopped by asking for another.
 */
import type { Db } from '../store/db.ts';
import { newToken, tokenHash } from '../auth/sessions.ts';

/** The feed's path under /api, the token in place of `:token` (the log writes it censored: log/logger.ts). */
export const CALENDAR_PATH = '/calendar/:token.ics';
/** What a token looks like (newToken's 43 URL-safe characters): anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Stops the trip's feed, if it has one: its URL answers 404 from now on. */
export async function revokeCalendarFeed(db: Db, travellerId: string, tripId: string, now: Date): Promise<void> {
  await db.updateTable('calendar_feeds').set({ revoked_at: now.toISOString() }).where('traveller_id', '=', travellerId).where('trip_id', '=', tripId).where('revoked_at', 'is', null).execute();
}

/** A new feed for the trip, the old one revoked in the same transaction; returns the token, never stored. */
export async function createCalendarFeed(trx: Db, travellerId: string, tripId: string, now: Date): Promise<string> {
  await revokeCalendarFeed(trx, travellerId, tripId, now);
  const token = newToken();
  await trx
    .insertInto('calendar_feeds')
    .values({ token_hash: tokenHash(token), traveller_id: travellerId, trip_id: tripId, created_at: now.toISOString(), revoked_at: null })
    .execute();
  return token;
}

/** The trip a live token opens, or null (malformed, unknown, revoked, or its trip gone with its bookings). */
export async function tripOfToken(db: Db, token: string): Promise<{ travellerId: string; tripId: string } | null> {
  if (!TOKEN.test(token)) return null;
  const row = await db.selectFrom('calendar_feeds').select(['traveller_id', 'trip_id']).where('token_hash', '=', tokenHash(token)).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? { travellerId: row.traveller_id, tripId: row.trip_id } : null;
}

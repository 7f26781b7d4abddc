/**
 * Travellers with an account of their own: made from an agency's invitation (the traveller joins that
 * agency's clientele, with every consent off, as anyone new), and signed in with their e-mail address and
 * password (argon2id, as staff's). The account row goes with the traveller at erasure (cascade).
 */
import { randomUUID } from 'node:crypto';
import { EMPTY_PROFILE, type TravellerSignUpBody } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { agencyOfInvitation, useInvitation } from '../agency/invitations.ts';
import { hashPassword } from '../agency/passwords.ts';
import { HttpError } from '../http/errors.ts';
import { newToken, tokenHash } from './sessions.ts';

const LINK_GONE = 'This invitation has expired or was already used: ask your agency for a new one.';

/** Makes the traveller and their account, the invitation used up; returns the traveller's id. */
export async function signUp(ctx: Pick<AppContext, 'db' | 'clock' | 'cities'>, body: TravellerSignUpBody): Promise<string> {
  const now = ctx.clock.now();
  const agencyId = await agencyOfInvitation(ctx.db, body.token, now);
  if (!agencyId) throw new HttpError(400, 'bad_request', LINK_GONE);
  // Hashed before the transaction: argon2's 20-odd milliseconds are not spent holding the write lock.
  const passwordHash = await hashPassword(body.password);
  const id = randomUUID();
  const stamp = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await useInvitation(trx, body.token, now))) throw new HttpError(400, 'bad_request', LINK_GONE);
    await trx
      .insertInto('travellers')
      .values({
        id,
        agency_id: agencyId,
        name: body.name,
        locale: body.locale,
        city_id: ctx.cities.default.id,
        persona_id: null,
        likes: '[]',
        dislikes: '[]',
        party: JSON.stringify(EMPTY_PROFILE.party),
        budget: null,
        created_at: stamp,
      })
      .execute();
    // Two sign-ups with one address at once: the unique address lets one in; the other's transaction,
    // invitation use included, is rolled back by the throw.
    const account = await trx
      .insertInto('traveller_accounts')
      .values({ traveller_id: id, email: body.email, password_hash: passwordHash, created_at: stamp })
      .onConflict((oc) => oc.column('email').doNothing())
      .executeTakeFirst();
    if (Number(account.numInsertedOrUpdatedRows ?? 0) === 0) throw new HttpError(409, 'conflict', 'An account already uses this e-mail address: sign in instead.');
    return id;
  });
}

export async function accountByEmail(ctx: Pick<AppContext, 'db'>, email: string): Promise<{ travellerId: string; passwordHash: string } | null> {
  const row = await ctx.db.selectFrom('traveller_accounts').select(['traveller_id', 'password_hash']).where('email', '=', email).executeTakeFirst();
  return row ? { travellerId: row.traveller_id, passwordHash: row.password_hash } : null;
}

export const RESET_PATH = '/reset-password';

/** A one-time link to choose a new password, for the account with this address (null: no such account). */
export async function issueAccountPasswordLink(ctx: Pick<AppContext, 'db' | 'clock'>, email: string, ttlMs: number): Promise<string | null> {
  const account = await accountByEmail(ctx, email);
  if (!account) return null;
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.db.deleteFrom('account_password_links').where('traveller_id', '=', account.travellerId).execute();
  await ctx.db
    .insertInto('account_password_links')
    .values({ token_hash: tokenHash(token), traveller_id: account.travellerId, expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .execute();
  return token;
}

/** Sets the password of the link's account, the link used up; the traveller's id, or null for a dead link. */
export async function resetAccountPassword(ctx: Pick<AppContext, 'db' | 'clock'>, token: string, password: string): Promise<string | null> {
  const now = ctx.clock.now().toISOString();
  const row = await ctx.db.deleteFrom('account_password_links').where('token_hash', '=', tokenHash(token)).returning(['traveller_id', 'expires_at']).executeTakeFirst();
  if (!row || row.expires_at <= now) return null;
  await ctx.db
    .updateTable('traveller_accounts')
    .set({ password_hash: await hashPassword(password) })
    .where('traveller_id', '=', row.traveller_id)
    .execute();
  return row.traveller_id;
}

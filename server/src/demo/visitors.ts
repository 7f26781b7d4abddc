/**
 * Demo visitors: each demo sign-in gets a private traveller of its own, copied from the persona the visitor
 * picked (profile, consents, push settings, history), so that one visitor's position, settings and taps
 * never reach another. The copy lives as long as its session: signing out, expiry or demo mode switched
 * off erases it (housekeeping.ts). The persona itself is only a template nobody signs in as.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../store/db.ts';
import type { ChangeLog } from '../bus/change-log.ts';
import { eraseTraveller, type EraseDeps } from '../travellers/erase.ts';
import { listInteractions } from '../travellers/queries.ts';

/** A visitor's traveller id: the persona, then 72 random bits (ids appear in logs and graph keys). */
function visitorId(personaId: string): string {
  return `${personaId}~${randomBytes(9).toString('base64url')}`;
}

/**
 * Copies the persona's traveller into a new private one, in one transaction; every instance adds it to its
 * graph as private, with the history it starts with, from the change log. Returns the new traveller's id,
 * or null when there is no such persona traveller.
 */
export async function createDemoVisitor(changes: ChangeLog, personaId: string, now: Date): Promise<string | null> {
  const id = visitorId(personaId);
  const stamp = now.toISOString();
  const created = await changes.record(
    async (trx) => {
      const template = await trx.selectFrom('travellers').selectAll().where('id', '=', personaId).where('ephemeral', '=', 0).executeTakeFirst();
      if (!template) return null;
      await trx
        .insertInto('travellers')
        .values({ ...template, id, created_at: stamp, ephemeral: 1 })
        .execute();
      await trx
        .insertInto('consents')
        .columns(['traveller_id', 'category', 'granted', 'updated_at'])
        .expression(
          trx
            .selectFrom('consents')
            .select([sql<string>`${id}`.as('traveller_id'), 'category', 'granted', sql<string>`${stamp}`.as('updated_at')])
            .where('traveller_id', '=', personaId),
        )
        .execute();
      // The persona's consents count as given when the visit starts: the history in My data says so.
      await trx
        .insertInto('consent_history')
        .columns(['traveller_id', 'category', 'granted', 'at'])
        .expression(
          trx
            .selectFrom('consents')
            .select([sql<string>`${id}`.as('traveller_id'), 'category', 'granted', sql<string>`${stamp}`.as('at')])
            .where('traveller_id', '=', personaId)
            .where('granted', '=', 1),
        )
        .execute();
      await trx
        .insertInto('interactions')
        .columns(['traveller_id', 'place_id', 'kind', 'at'])
        .expression(
          trx
            .selectFrom('interactions')
            .select([sql<string>`${id}`.as('traveller_id'), 'place_id', 'kind', 'at'])
            .where('traveller_id', '=', personaId),
        )
        .execute();
      return listInteractions(trx, id);
    },
    (history) => (history ? [{ type: 'traveller_created', travellerId: id, private: true, interactions: history.map((i) => ({ placeId: i.placeId, kind: i.kind, at: i.at.toISOString() })) }] : []),
  );
  return created ? id : null;
}

/** Erases the traveller if it is a demo visitor (a persona or a real traveller is never touched). */
export async function eraseDemoVisitor(ctx: EraseDeps, travellerId: string): Promise<boolean> {
  const row = await ctx.db.selectFrom('travellers').select('ephemeral').where('id', '=', travellerId).executeTakeFirst();
  if (row?.ephemeral !== 1) return false;
  return eraseTraveller(ctx, travellerId);
}

/** Demo visitors whose session is gone (signed out, expired and purged, or never created). */
export async function visitorsWithoutSession(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('travellers')
    .select('id')
    .where('ephemeral', '=', 1)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('sessions').select('sessions.id_hash').whereRef('sessions.traveller_id', '=', 'travellers.id'))))
    .execute();
  return rows.map((r) => r.id);
}

/** How many demo visitors exist now (bounded by DEMO_MAX_VISITORS). */
export async function countDemoVisitors(db: Db): Promise<number> {
  const row = await db
    .selectFrom('travellers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ephemeral', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids of the private travellers, for the graph built at start. */
export async function listDemoVisitors(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('travellers').select('id').where('ephemeral', '=', 1).execute();
  return rows.map((r) => r.id);
}

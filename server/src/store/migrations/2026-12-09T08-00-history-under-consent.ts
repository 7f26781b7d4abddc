/**
 * Brings rows written before the history consent's withdrawal deleted what it covered in line with it (data
 * only, no schema change): a traveller without the history consent holds no like, visit or saved place, and
 * no like counted in their agency's statistics. Before, such rows stayed after a withdrawal, out of the
 * traveller's own ranking but in the travel graph, where they moved everyone's popularity and taste walks.
 * "Not interested" and "Been there" are instructions and stay. Every instance builds its graph from the store
 * when it starts, so no graph holds them after the upgrade either.
 * `down` cannot give back what was deleted; it leaves the rows as they are.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const withConsent = sql`SELECT traveller_id FROM consents WHERE category = 'history' AND granted = 1`;
  await sql`DELETE FROM interactions WHERE kind IN ('liked', 'visited', 'saved') AND traveller_id NOT IN (${withConsent})`.execute(db);
  await sql`DELETE FROM insight_events WHERE action = 'liked' AND traveller_id NOT IN (${withConsent})`.execute(db);
}

export async function down(): Promise<void> {}

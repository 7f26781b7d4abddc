/**
 * Brings rows written before the onboarding existed in line with it (data only, no schema change):
 * - a traveller without the profile consent holds no profile (a persona seeded with a budget but no consent
 *   held it unused; privacy by construction says it must not be held at all);
 * - a traveller who gave the profile consent and has a stated profile counts as having answered the
 *   onboarding (at their creation), so they are not invited to it again.
 * `down` cannot give back what was deleted; it leaves the rows as they are.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE travellers SET likes = '[]', dislikes = '[]', party = '{"adults":1,"childrenAges":[],"accessibility":[]}', budget = NULL
    WHERE id NOT IN (SELECT traveller_id FROM consents WHERE category = 'profile' AND granted = 1)`.execute(db);
  await sql`UPDATE travellers SET onboarded_at = created_at
    WHERE onboarded_at IS NULL AND (likes <> '[]' OR dislikes <> '[]' OR budget IS NOT NULL)
    AND id IN (SELECT traveller_id FROM consents WHERE category = 'profile' AND granted = 1)`.execute(db);
}

export async function down(): Promise<void> {}

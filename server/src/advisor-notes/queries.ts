/**
 * Reading advisor notes and the agency's clients. A client is a traveller of the agency's own clientele
 * (an account made from one of its invitations): never a demo persona, visitor or seeded demo traveller. Every query that
 * names a traveller takes the agency too, so another agency's traveller is simply not found.
 */
import type { AdvisorNote, InterestRef, Party } from '@escale/shared';
import type { Db } from '../store/db.ts';
import type { AdvisorNoteTable } from '../store/schema.ts';

export type NoteRow = Pick<AdvisorNoteTable, 'id' | 'staff_name' | 'likes' | 'dislikes' | 'party' | 'budget' | 'said' | 'noted_at' | 'updated_at' | 'corrected_at'>;
export const NOTE_COLUMNS = ['id', 'staff_name', 'likes', 'dislikes', 'party', 'budget', 'said', 'noted_at', 'updated_at', 'corrected_at'] as const;

export function noteOf(row: NoteRow): AdvisorNote {
  return {
    id: row.id,
    likes: JSON.parse(row.likes) as AdvisorNote['likes'],
    dislikes: JSON.parse(row.dislikes) as AdvisorNote['dislikes'],
    party: row.party === null ? null : (JSON.parse(row.party) as Party),
    budget: row.budget,
    said: row.said,
    notedBy: row.staff_name,
    notedAt: row.noted_at,
    updatedAt: row.updated_at,
    correctedAt: row.corrected_at,
  };
}

/** The note's content as stored (the columns a write sets). */
export function contentRow(n: { likes: readonly InterestRef[]; dislikes: readonly InterestRef[]; party: Party | null; budget: number | null; said: string }) {
  return { likes: JSON.stringify(n.likes), dislikes: JSON.stringify(n.dislikes), party: n.party === null ? null : JSON.stringify(n.party), budget: n.budget, said: n.said };
}

/** A traveller's notes, newest change first. */
export async function notesOf(db: Db, travellerId: string): Promise<AdvisorNote[]> {
  const rows = await db.selectFrom('advisor_notes').select(NOTE_COLUMNS).where('traveller_id', '=', travellerId).orderBy('updated_at', 'desc').orderBy('id').execute();
  return rows.map(noteOf);
}

/** The notes of several travellers of one agency, by traveller, newest change first. */
export async function notesOfClients(db: Db, agencyId: string, travellerIds: readonly string[]): Promise<Map<string, AdvisorNote[]>> {
  const byTraveller = new Map<string, AdvisorNote[]>(travellerIds.map((id) => [id, []]));
  if (travellerIds.length === 0) return byTraveller;
  const rows = await db
    .selectFrom('advisor_notes')
    .select([...NOTE_COLUMNS, 'traveller_id'])
    .where('agency_id', '=', agencyId)
    .where('traveller_id', 'in', [...travellerIds])
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  for (const row of rows) byTraveller.get(row.traveller_id)?.push(noteOf(row));
  return byTraveller;
}

/**
 * The agency's own clientele: travellers with an account of their own, which only the agency's invitation
 * makes (auth/accounts.ts). Not the demo's personas, their visitors or its seeded demo travellers, who have none.
 */
export const clientsOf = (db: Db, agencyId: string) =>
  db.selectFrom('travellers').innerJoin('traveller_accounts', 'traveller_accounts.traveller_id', 'travellers.id').where('travellers.agency_id', '=', agencyId).where('travellers.ephemeral', '=', 0);

/** A client of the agency by id, with their name, or null (another agency's, a demo traveller, or nobody). */
export async function clientOf(db: Db, agencyId: string, travellerId: string): Promise<{ id: string; name: string } | null> {
  return (await clientsOf(db, agencyId).select(['travellers.id', 'travellers.name']).where('travellers.id', '=', travellerId).executeTakeFirst()) ?? null;
}

/** Which of these travellers have their profile consent on. */
export async function profileConsentsOf(db: Db, travellerIds: readonly string[]): Promise<Set<string>> {
  if (travellerIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('consents')
    .select('traveller_id')
    .where('traveller_id', 'in', [...travellerIds])
    .where('category', '=', 'profile')
    .where('granted', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.traveller_id));
}

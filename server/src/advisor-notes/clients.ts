/**
 * The console's list of the agency's clients: name, whether the profile consent is on, and the notes —
 * nothing else is read, so nothing else can be sent (no position, history, booking or wallet). The answer is
 * checked against the strict `AgencyClientList` before it leaves.
 */
import { ADVISOR_NOTE_LIMITS, AgencyClientList, type AgencyClientQuery, CLIENT_LIST_LIMITS, type ProfileChoices } from '@escale/shared';
import type { Db } from '../store/db.ts';
import { clientsOf, notesOfClients, profileConsentsOf } from './queries.ts';

/** A name as compared by the filter: case and accents ignored ("Lefèvre" is found by "lefevre"). */
const folded = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('en');

export async function listClients(db: Db, agencyId: string, query: AgencyClientQuery, choicesOf: (cityIds: readonly string[]) => ProfileChoices): Promise<AgencyClientList> {
  // Names (and cities, for the form's choices) of the whole clientele: a few thousand short rows at most,
  // filtered here so that accents are ignored the same way on both databases.
  const everyone = await clientsOf(db, agencyId).select(['travellers.id', 'travellers.name', 'travellers.city_id']).orderBy('travellers.name').orderBy('travellers.id').execute();
  const wanted = query.q ? folded(query.q) : '';
  const matching = wanted ? everyone.filter((c) => folded(c.name).includes(wanted)) : everyone;
  const page = matching.slice(0, ADVISOR_NOTE_LIMITS.clientsPerPage);
  const ids = page.map((c) => c.id);
  const [consenting, notes] = await Promise.all([profileConsentsOf(db, ids), notesOfClients(db, agencyId, ids)]);
  return AgencyClientList.parse({
    clients: page.map((c) => ({ id: c.id, name: c.name, profileConsent: consenting.has(c.id), notes: notes.get(c.id) ?? [] })),
    total: matching.length,
    choices: choicesOf([...new Set(everyone.map((c) => c.city_id))]),
    limits: CLIENT_LIST_LIMITS,
  });
}

/** Traveller rows: profile, consents, interactions and the latest position. */
import { NO_CONSENTS, type Consents, type ConsentCategory, type InterestRef, type Party } from '@escale/shared';
import { notesOf } from '../advisor-notes/queries.ts';
import { fewerLikeOf, parseRankingSettings } from '../privacy/queries.ts';
import { preparedWrite } from '../store/prepared-write.ts';
import type { Write } from '../store/write-batch.ts';
import type { Db } from '../store/db.ts';
import type { Interaction, InteractionKind, InteractionPage, Traveller } from './model.ts';

export async function findTraveller(db: Db, id: string): Promise<Traveller | null> {
  const row = await db.selectFrom('travellers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const consentRows = await db.selectFrom('consents').select(['category', 'granted']).where('traveller_id', '=', id).execute();
  const consents: Consents = { ...NO_CONSENTS };
  for (const c of consentRows) consents[c.category as ConsentCategory] = c.granted === 1;
  return {
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    locale: row.locale === 'fr' ? 'fr' : 'en',
    cityId: row.city_id,
    personaId: row.persona_id,
    likes: JSON.parse(row.likes) as InterestRef[],
    dislikes: JSON.parse(row.dislikes) as InterestRef[],
    party: JSON.parse(row.party) as Party,
    budget: row.budget,
    consents,
    ranking: parseRankingSettings(row.ranking_settings),
    onboardedAt: row.onboarded_at,
    fewerLike: (await fewerLikeOf(db, id)).map((f) => f.interest),
    // Only kept with the profile consent (withdrawing it deletes them): not even read without it.
    advisorNotes: consents.profile ? await notesOf(db, id) : [],
  };
}

export async function listInteractions(db: Db, travellerId?: string): Promise<Interaction[]> {
  let q = db.selectFrom('interactions').select(['traveller_id', 'place_id', 'kind', 'at']).orderBy('id');
  if (travellerId) q = q.where('traveller_id', '=', travellerId);
  const rows = await q.execute();
  return rows.map((r) => ({ travellerId: r.traveller_id, placeId: r.place_id, kind: r.kind as InteractionKind, at: new Date(r.at) }));
}

/** Rows per page when the whole interactions table is read (interactionPages): a few megabytes of objects. */
export const INTERACTION_PAGE_ROWS = 20_000;

/**
 * Every interaction, a page at a time in the table's order (by id), for the travel graph's build at start.
 * Ten million rows read at once would be ten million objects beside the graph, gigabytes that the graph
 * does not keep (it holds rows of numbers); a page is gone once the graph has taken it in. Keyset pages
 * (`id > last`) read the same on both databases. A row another instance commits or deletes meanwhile may
 * be read or not: it comes through the change log either way, applied after the build, and an interaction
 * applied twice is one interaction (TravelGraph.addInteraction).
 */
export async function* interactionPages(db: Db, pageRows = INTERACTION_PAGE_ROWS): AsyncGenerator<InteractionPage> {
  if (!Number.isInteger(pageRows) || pageRows <= 0) throw new RangeError(`pageRows must be a positive integer, not ${pageRows}`);
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('interactions').select(['id', 'traveller_id', 'place_id', 'kind', 'at']).where('id', '>', after).orderBy('id').limit(pageRows).execute();
    if (rows.length > 0) yield pageOf(rows);
    if (rows.length < pageRows) return;
    after = rows.at(-1)!.id;
  }
}

function pageOf(rows: { traveller_id: string; place_id: string; kind: string; at: string }[]): InteractionPage {
  const n = rows.length;
  const page: InteractionPage = { travellerId: new Array<string>(n), placeId: new Array<string>(n), kind: new Array<InteractionKind>(n), atMs: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    const r = rows[k]!;
    page.travellerId[k] = r.traveller_id;
    page.placeId[k] = r.place_id;
    page.kind[k] = r.kind as InteractionKind;
    page.atMs[k] = Date.parse(r.at);
  }
  return page;
}

/** How many interactions the store holds: the graph sizes its rows once from it. */
export async function countInteractions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('interactions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records an interaction; the same traveller, place and kind again only moves its time (one row per fact). */
export async function addInteraction(db: Db, i: Interaction): Promise<void> {
  const at = i.at.toISOString();
  await db
    .insertInto('interactions')
    .values({ traveller_id: i.travellerId, place_id: i.placeId, kind: i.kind, at })
    .onConflict((oc) => oc.columns(['traveller_id', 'place_id', 'kind']).doUpdateSet({ at }))
    .execute();
}

/** Takes an interaction back (an undo); returns whether there was one. */
export async function removeInteraction(db: Db, i: Pick<Interaction, 'travellerId' | 'placeId' | 'kind'>): Promise<boolean> {
  const result = await db.deleteFrom('interactions').where('traveller_id', '=', i.travellerId).where('place_id', '=', i.placeId).where('kind', '=', i.kind).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The places a traveller saved for later, newest first. */
export async function savedPlaceIds(db: Db, travellerId: string): Promise<string[]> {
  const rows = await db.selectFrom('interactions').select('place_id').where('traveller_id', '=', travellerId).where('kind', '=', 'saved').orderBy('at', 'desc').execute();
  return rows.map((r) => r.place_id);
}

const upsertPosition = preparedWrite(['traveller_id', 'lat', 'lon', 'accuracy_m', 'at'], (db, v) =>
  db
    .insertInto('positions')
    .values(v)
    .onConflict((oc) => oc.column('traveller_id').doUpdateSet({ lat: v.lat, lon: v.lon, accuracy_m: v.accuracy_m, at: v.at })),
);

/**
 * Only the latest position is kept: a history of positions would need its own consent and retention.
 * Written for every location message, alone or in the push it causes (store/write-batch.ts).
 */
export function positionWrite(travellerId: string, pos: { lat: number; lon: number; accuracyMeters?: number | undefined }, at: Date): Write {
  return upsertPosition.bind({ traveller_id: travellerId, lat: pos.lat, lon: pos.lon, accuracy_m: pos.accuracyMeters ?? null, at: at.toISOString() });
}

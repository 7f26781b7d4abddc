/**
 * What changes what travellers see: publishing the agency's drafts, archiving and restoring places. Each is
 * committed with a `catalogue_changed` entry in the change log, so every instance reads the places again
 * into its travel graph (catalogue/follow-changes.ts) and the next suggestions reflect them, no restart.
 */
import type { CatalogueItemKind, Change, PublishBody, PublishResult } from '@escale/shared';

type PublishKind = NonNullable<PublishBody['kinds']>[number];
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../store/schema.ts';
import { columnsOf, seededAfter } from '../import/place-rows.ts';
import type { PlaceFields } from '@escale/shared';
import { publishItems } from './items.ts';

/** Place ids per change-log entry, within the entry's bound (shared/src/changes.ts). */
const IDS_PER_CHANGE = 100_000;

function placesChanged(ids: string[]): Change[] {
  const out: Change[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_CHANGE) out.push({ type: 'catalogue_changed', places: ids.slice(i, i + IDS_PER_CHANGE), events: [], offers: [] });
  return out;
}

/**
 * Everything waiting (or only the places `ids`): new drafts become published, waiting edits replace the
 * published version; events, offers and promotions with the places, in the same transaction.
 */
export function publish(ctx: Pick<AppContext, 'changes'>, agencyId: string, now: Date, ids?: string[], kinds?: PublishKind[]): Promise<PublishResult> {
  const stamp = now.toISOString();
  const publishes = (kind: PublishKind) => (ids ? kind === 'places' : !kinds || kinds.includes(kind));
  const items = async (trx: Transaction<Database>, kind: CatalogueItemKind) => (publishes(kind) ? publishItems(trx, kind, agencyId, stamp) : []);
  return ctx.changes.record(
    async (trx: Transaction<Database>) => {
      if (!publishes('places')) {
        const only = { events: await items(trx, 'events'), offers: await items(trx, 'offers'), promotions: await items(trx, 'promotions') };
        return { published: only.events.length + only.offers.length + only.promotions.length, placeIds: [], ...only };
      }
      let waiting = trx
        .selectFrom('places')
        .select(['id', 'status', 'draft', 'seeded', 'price_level'])
        .where('agency_id', '=', agencyId)
        .where((eb) => eb.or([eb('status', '=', 'draft'), eb('draft', 'is not', null)]));
      if (ids) waiting = waiting.where('id', 'in', ids);
      const rows = await waiting.execute();
      for (const row of rows.filter((r) => r.draft !== null)) {
        const fields = { priceLevel: row.price_level, ...(JSON.parse(row.draft!) as Partial<PlaceFields>) } as PlaceFields;
        await trx
          .updateTable('places')
          .set({ ...columnsOf(fields), seeded: seededAfter(row, fields), draft: null, status: row.status === 'draft' ? 'published' : row.status, updated_at: stamp })
          .where('id', '=', row.id)
          .where('agency_id', '=', agencyId)
          .execute();
      }
      // New drafts, in one statement (an import of 100,000 places is published at once).
      let drafts = trx.updateTable('places').set({ status: 'published', updated_at: stamp }).where('agency_id', '=', agencyId).where('status', '=', 'draft').where('draft', 'is', null);
      if (ids) drafts = drafts.where('id', 'in', ids);
      await drafts.execute();
      const also = { events: await items(trx, 'events'), offers: await items(trx, 'offers'), promotions: await items(trx, 'promotions') };
      return { published: rows.length + also.events.length + also.offers.length + also.promotions.length, placeIds: rows.map((r) => r.id), ...also };
    },
    (result) => [
      ...placesChanged(result.placeIds),
      ...(result.events.length + result.offers.length + result.promotions.length > 0
        ? [{ type: 'catalogue_changed' as const, places: [], events: result.events, offers: result.offers, promotions: result.promotions }]
        : []),
    ],
  );
}

/** Archived places leave every suggestion at once; restored ones come back. Drafts are not concerned. */
export function setArchived(ctx: Pick<AppContext, 'changes'>, agencyId: string, ids: string[], archived: boolean, now: Date): Promise<string[]> {
  const [from, to] = archived ? ['published', 'archived'] : ['archived', 'published'];
  return ctx.changes.record(async (trx: Transaction<Database>) => {
    const rows = await trx
      .updateTable('places')
      .set({ status: to, updated_at: now.toISOString() })
      .where('agency_id', '=', agencyId)
      .where('id', 'in', ids)
      .where('status', '=', from)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }, placesChanged);
}

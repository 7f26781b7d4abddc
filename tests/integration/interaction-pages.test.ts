/**
 * The travel graph's build at start reads the interactions a page at a time (travellers/queries.ts
 * interactionPages), on SQLite and, in that run, PostgreSQL: every row once, in the table's order, whatever
 * the page size, including a table that ends on a page's edge, an empty one, and ids with gaps (deleted rows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/src/store/db.ts';
import { migrateToLatest } from '../../server/src/store/migrate.ts';
import { placeRow, travellerRow } from '../../server/src/test-support/store-rows.ts';
import { countInteractions, interactionPages, listInteractions } from '../../server/src/travellers/queries.ts';
import type { Interaction, InteractionPage } from '../../server/src/travellers/model.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

let store: TestStore;
let db: Db;
let close: () => Promise<void>;
const NOW = '2026-12-05T10:00:00.000Z';
const TRAVELLERS = 30;
const PLACES = 40;
const KINDS = ['liked', 'visited', 'saved', 'dismissed'] as const;

/** The pages' rows as interactions (each column as long as the others), and each page's length. */
async function all(pages: AsyncIterable<InteractionPage>): Promise<{ rows: Interaction[]; sizes: number[] }> {
  const rows: Interaction[] = [];
  const sizes: number[] = [];
  for await (const page of pages) {
    const n = page.travellerId.length;
    expect([page.placeId.length, page.kind.length, page.atMs.length]).toEqual([n, n, n]);
    sizes.push(n);
    for (let k = 0; k < n; k++) rows.push({ travellerId: page.travellerId[k]!, placeId: page.placeId[k]!, kind: page.kind[k]!, at: new Date(page.atMs[k]!) });
  }
  return { rows, sizes };
}

beforeAll(async () => {
  store = await createTestStore('interaction-pages');
  ({ db, close } = await store.connect());
  await migrateToLatest(db, 'test');
  await db.insertInto('agencies').values({ id: 'acme', name: 'Acme Voyages', created_at: NOW }).execute();
  await db.insertInto('cities').values({ id: 'paris', name: 'Paris', timezone: 'Europe/Paris', country_code: 'fr', center_lat: 48.8566, center_lon: 2.3522, attribution: '[]' }).execute();
  await db
    .insertInto('travellers')
    .values(Array.from({ length: TRAVELLERS }, (_, k) => travellerRow(`t${k}`, 'acme', NOW)))
    .execute();
  const place = (k: number) => placeRow({ id: `p${k}`, agency_id: 'acme', name: `Place ${k}`, category: 'museum', lat: 48.85 + k / 1000, lon: 2.35, updated_at: NOW });
  await db
    .insertInto('places')
    .values(Array.from({ length: PLACES }, (_, k) => place(k)))
    .execute();
});
afterAll(async () => {
  await close?.();
  await store?.drop();
});

describe('interaction pages', () => {
  it('reads nothing from an empty table', async () => {
    expect(await all(interactionPages(db, 10))).toEqual({ rows: [], sizes: [] });
    expect(await countInteractions(db)).toBe(0);
  });

  it('reads every row once, in the table’s order, whatever the page size', async () => {
    // Distinct facts (traveller, place, kind), as the store keeps them, in 12 batches.
    const rows = Array.from({ length: 1200 }, (_, k) => ({
      traveller_id: `t${k % TRAVELLERS}`,
      place_id: `p${Math.floor(k / TRAVELLERS) % PLACES}`,
      kind: KINDS[k % 4]!,
      at: new Date(Date.UTC(2026, 10, 1, 0, k)).toISOString(),
    }));
    for (let from = 0; from < rows.length; from += 100)
      await db
        .insertInto('interactions')
        .values(rows.slice(from, from + 100))
        .execute();
    // Gaps in the ids: every seventh row deleted.
    const ids = (await db.selectFrom('interactions').select('id').orderBy('id').execute()).map((r) => r.id);
    await db
      .deleteFrom('interactions')
      .where(
        'id',
        'in',
        ids.filter((_, k) => k % 7 === 3),
      )
      .execute();
    const expected = await listInteractions(db);
    expect(expected.length).toBe(1200 - Math.ceil((1200 - 3) / 7));
    expect(await countInteractions(db)).toBe(expected.length);

    for (const pageRows of [1, 97, expected.length, expected.length + 1, 20_000]) {
      const { rows: read, sizes } = await all(interactionPages(db, pageRows));
      expect(read).toEqual(expected);
      expect(sizes.length).toBe(Math.ceil(expected.length / pageRows));
      expect(sizes.slice(0, -1).every((n) => n === pageRows)).toBe(true);
    }
    // A table that ends exactly on a page's edge (1,029 rows = 3 × 343): no empty page after it.
    expect((await all(interactionPages(db, 343))).sizes).toEqual([343, 343, 343]);
  });

  it('refuses a page size that is not a positive integer', async () => {
    await expect(all(interactionPages(db, 0))).rejects.toThrow(RangeError);
    await expect(all(interactionPages(db, 2.5))).rejects.toThrow(RangeError);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSmallStore, type SmallStore } from '../../test-support/small-store.ts';
import { placeRow } from '../../test-support/store-rows.ts';
import { up } from './2026-12-09T08-00-history-under-consent.ts';

describe('migration: history under its consent', () => {
  let store: SmallStore;
  beforeAll(async () => {
    store = await openSmallStore();
  });
  afterAll(() => store.close());

  it('deletes the likes, visits and saves (and counted likes) of travellers without the history consent, and nothing else', async () => {
    const { db } = store;
    const at = '2026-12-01T10:00:00.000Z';
    await store.travellers(['withdrew', 'never-gave', 'gave']);
    await db
      .insertInto('places')
      .values(placeRow({ id: 'osm:node/1', agency_id: 'demo', name: 'Le Baratin', category: 'bar', lat: 48.87, lon: 2.38, source_dataset: 'osm', source_ref: 'node/1', updated_at: at }))
      .execute();
    await db
      .insertInto('consents')
      .values([
        { traveller_id: 'withdrew', category: 'history', granted: 0, updated_at: at },
        { traveller_id: 'gave', category: 'history', granted: 1, updated_at: at },
      ])
      .execute();
    const kinds = ['liked', 'visited', 'saved', 'dismissed', 'been_there'];
    for (const traveller_id of ['withdrew', 'never-gave', 'gave']) {
      await db
        .insertInto('interactions')
        .values(kinds.map((kind) => ({ traveller_id, place_id: 'osm:node/1', kind, at })))
        .execute();
      await db
        .insertInto('insight_events')
        .values(['liked', 'dismissed'].map((action) => ({ traveller_id, agency_id: 'demo', action, place_id: 'osm:node/1', day: '2026-12-01', week: '2026-11-30', category: 'bar', signal: 'taste' })))
        .execute();
    }

    await up(db as unknown as Parameters<typeof up>[0]);

    const held = async (traveller: string) => ({
      kinds: (await db.selectFrom('interactions').select('kind').where('traveller_id', '=', traveller).orderBy('kind').execute()).map((r) => r.kind),
      counted: (await db.selectFrom('insight_events').select('action').where('traveller_id', '=', traveller).orderBy('action').execute()).map((r) => r.action),
    });
    // The instructions stay whatever the consent; history goes without it.
    expect(await held('withdrew')).toEqual({ kinds: ['been_there', 'dismissed'], counted: ['dismissed'] });
    expect(await held('never-gave')).toEqual({ kinds: ['been_there', 'dismissed'], counted: ['dismissed'] });
    expect(await held('gave')).toEqual({ kinds: [...kinds].sort(), counted: ['dismissed', 'liked'] });
  });
});

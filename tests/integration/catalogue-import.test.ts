/**
 * The catalogue importer on a real store (SQLite, and PostgreSQL in that run): every OSM and GeoJSON file
 * of ../shared/data/osm imports (skipped with a message when ../shared is absent), the Liechtenstein PBF
 * and XML give the same places, re-importing is idempotent, a changed row updates its place (as a draft
 * when the place is published), a failure half-way writes nothing, and bad files are refused whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueImportReport } from '@escale/shared';
import { importCatalogue, type ImportOptions } from '../../server/src/catalogue/import/import-catalogue.ts';
import { ImportRefused } from '../../server/src/catalogue/import/import-refused.ts';
import { bufferSource, readSource } from '../../server/src/catalogue/import/read-source.ts';
import type { Db } from '../../server/src/store/db.ts';
import { migrateToLatest } from '../../server/src/store/migrate.ts';
import { placeRow } from '../../server/src/test-support/store-rows.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

const OSM_DIR = path.resolve(import.meta.dirname, '../../../shared/data/osm');
const hasOsm = fs.existsSync(OSM_DIR);
const fileSource = (file: string) => ({ name: path.basename(file), bytes: fs.statSync(file).size, open: () => fs.createReadStream(file) });

let store: TestStore;
let db: Db;
let close: () => Promise<void>;
const NOW = new Date('2026-12-05T10:00:00Z');

beforeAll(async () => {
  store = await createTestStore('catalogue-import');
  ({ db, close } = await store.connect());
  await migrateToLatest(db, 'test');
  await db
    .insertInto('agencies')
    .values([
      { id: 'acme', name: 'Acme Voyages', created_at: NOW.toISOString() },
      { id: 'rival', name: 'Rival', created_at: NOW.toISOString() },
    ])
    .execute();
  await db.insertInto('cities').values({ id: 'paris', name: 'Paris', timezone: 'Europe/Paris', country_code: 'fr', center_lat: 48.8566, center_lon: 2.3522, attribution: '[]' }).execute();
});
afterAll(async () => {
  await close?.();
  await store?.drop();
});

const run = (source: Parameters<typeof importCatalogue>[1], options: Partial<ImportOptions> & { apply: boolean }) =>
  importCatalogue(db, source, { agencyId: 'acme', target: {}, now: NOW, ...options });
const csv = (name: string, text: string) => bufferSource(name, Buffer.from(text, 'utf8'));

describe.skipIf(!hasOsm)(`the real files of ${hasOsm ? OSM_DIR : '../shared/data/osm (skipped: ../shared is absent)'}`, () => {
  it('reads the same places from the Liechtenstein PBF and its OSM XML (bzip2)', async () => {
    const pbf = await readSource(fileSource(path.join(OSM_DIR, 'liechtenstein-2013-08-03.osm.pbf')));
    const xml = await readSource(fileSource(path.join(OSM_DIR, 'liechtenstein-2013-08-03.osm.bz2')));
    expect(pbf.format).toBe('osm-pbf');
    expect(xml.format).toBe('osm-xml');
    expect(pbf.rows.length).toBeGreaterThan(40);
    expect(xml.rows).toEqual(pbf.rows);
    expect(xml.ignored).toEqual(pbf.ignored);
    expect(pbf.rows.find((r) => r.name === 'Kunstmuseum Liechtenstein')).toMatchObject({ category: 'museum', externalId: expect.stringMatching(/^osm:(node|way)\/\d+$/) });
  }, 60_000);

  it('stops a bzip2 file at the unpacked limit, as it streams (a bomb is never inflated)', async () => {
    const file = fileSource(path.join(OSM_DIR, 'liechtenstein-2013-08-03.osm.bz2'));
    await expect(readSource(file, undefined, { maxBytes: 64 * 1024 * 1024, maxUnpackedBytes: 2 * 1024 * 1024 })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringContaining('unpacked'),
    });
  });

  it('imports every OSM and GeoJSON file (a dry run each), with row-level reasons for what it rejects', async () => {
    const files = fs.readdirSync(OSM_DIR).filter((f) => /\.(pbf|bz2|geojson)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const report = CatalogueImportReport.parse(await run(fileSource(path.join(OSM_DIR, file)), { apply: false, target: { cityName: 'Test city', timezone: 'Europe/Paris' } }));
      expect(report.counts.created, file).toBeGreaterThan(40);
      expect(report.counts.read, file).toBe(report.counts.created + report.counts.rejected + report.counts.ignored);
      for (const r of report.rejected) expect(r.reason.length, `${file} ${r.ref}`).toBeGreaterThan(5);
    }
    // A dry run writes nothing.
    expect((await db.selectFrom('places').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toBe(0);
  }, 120_000);

  it('applies the Paris parks, then finds every place again on a re-import (nothing created, nothing updated)', async () => {
    const source = fileSource(path.join(OSM_DIR, 'paris-parks-sports-centres-2025-05-29.osm.pbf'));
    const first = await run(source, { apply: true });
    expect(first.city).toMatchObject({ id: 'paris', isNew: false });
    expect(first.counts.created).toBeGreaterThan(500);
    const stored = await db.selectFrom('places').selectAll().where('agency_id', '=', 'acme').execute();
    expect(stored).toHaveLength(first.counts.created);
    expect(stored.every((p) => p.status === 'draft' && p.id === `${p.external_id}@acme`)).toBe(true);
    expect(stored.find((p) => p.name === 'Jardin du Luxembourg')).toMatchObject({ category: 'park', city_id: 'paris' });
    const again = await run(source, { apply: true });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: first.counts.created });
    expect(again.planDigest).not.toBe(first.planDigest);
  }, 60_000);
});

describe('importing a CSV', () => {
  const HEADER = 'id;name;category;lat;lon;address;opening_hours;website;tags\n';
  const v1 = HEADER + 'H-1;Chez Odette;restaurant;48.8601;2.3470;3 rue des Halles, 75001 Paris;Mo-Sa 12:00-23:00;https://odette.example;terrace\nH-2;Musée du Test;museum;48.8610;2.3380;;;;\n';

  it('creates, then updates what changed: a draft in place, a published place through a waiting draft', async () => {
    const created = await run(csv('v1.csv', v1), { apply: true, agencyId: 'rival' });
    expect(created.counts).toMatchObject({ created: 2, rejected: 0 });
    await db.updateTable('places').set({ status: 'published' }).where('id', '=', 'csv:H-2@rival').execute();
    const v2 = v1.replace('Chez Odette', 'Chez Odette et Fils').replace('Musée du Test;museum;48.8610', 'Musée du Test;museum;48.8620');
    const dry = await run(csv('v2.csv', v2), { apply: false, agencyId: 'rival' });
    expect(dry.updated).toEqual([
      { externalId: 'csv:H-1', name: 'Chez Odette et Fils', category: 'restaurant', changes: ['name'] },
      { externalId: 'csv:H-2', name: 'Musée du Test', category: 'museum', changes: ['lat'] },
    ]);
    await run(csv('v2.csv', v2), { apply: true, agencyId: 'rival', target: { expect: dry.planDigest } });
    const [odette, musee] = await Promise.all(['csv:H-1@rival', 'csv:H-2@rival'].map((id) => db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
    expect(odette).toMatchObject({ name: 'Chez Odette et Fils', status: 'draft', draft: null });
    // Travellers keep the published position until the agency publishes.
    expect(musee).toMatchObject({ lat: 48.861, status: 'published' });
    expect(JSON.parse(musee!.draft!)).toMatchObject({ lat: 48.862 });
  });

  it('rejects bad lines with their line number and reason, and imports the others', async () => {
    const text =
      'id,name,category,lat,lon,opening_hours\n' +
      'a,Good place,cafe,48.86,2.35,Mo-Fr 08:00-18:00\n' +
      ',No id,cafe,48.86,2.35,\n' +
      'b,,cafe,48.86,2.35,\n' +
      'c,Bad category,spaceport,48.86,2.35,\n' +
      'd,Bad position,cafe,north,2.35,\n' +
      'a,Same id again,cafe,48.86,2.35,\n' +
      'e,Odd hours,cafe,48.86,2.35,whenever we feel like it\n';
    const report = await run(csv('mixed.csv', text), { apply: false, agencyId: 'rival' });
    expect(report.counts).toMatchObject({ read: 7, created: 2, rejected: 5, warnings: 1 });
    expect(report.rejected.map((r) => `${r.ref}: ${r.reason}`)).toEqual([
      expect.stringMatching(/^line 3: no id/),
      'line 4: no name',
      expect.stringMatching(/^line 5: unknown category "spaceport"/),
      expect.stringMatching(/^line 6: no valid position/),
      'line 7: the id "a" is already on line 2',
    ]);
    expect(report.warnings[0]).toMatchObject({ ref: 'line 8', message: expect.stringContaining('cannot be read') });
  });

  it('writes nothing when the write fails half-way (all or nothing)', async () => {
    // A place already holding the id row 450 would get makes its insert fail, after a first batch went in.
    await db
      .insertInto('places')
      .values(
        placeRow({
          id: 'csv:z450@acme',
          agency_id: 'rival',
          name: 'In the way',
          category: 'cafe',
          lat: 48.86,
          lon: 2.35,
          source_dataset: 'csv',
          source_ref: 'x',
          updated_at: NOW.toISOString(),
          external_id: 'elsewhere',
        }),
      )
      .execute();
    const rows = Array.from({ length: 500 }, (_, i) => `z${i + 1},Place ${i + 1},bar,48.86,2.35`).join('\n');
    let batches = 0;
    await expect(run(csv('conflict.csv', `id,name,category,lat,lon\n${rows}\n`), { apply: true, onProgress: (phase) => void (phase === 'writing' && batches++) })).rejects.toThrow();
    expect(batches).toBeGreaterThanOrEqual(1); // a batch was written before the failure…
    const written = await db.selectFrom('places').select('id').where('external_id', 'like', 'csv:z%').execute();
    expect(written).toEqual([]); // …and rolled back with it
  });

  it('refuses an apply whose plan changed since the dry run', async () => {
    const text = 'id,name,category,lat,lon\nq1,Quai,bar,48.86,2.35\n';
    const dry = await run(csv('q.csv', text), { apply: false });
    await run(csv('q.csv', text), { apply: true });
    await expect(run(csv('q.csv', text.replace('Quai', 'Quai 2')), { apply: true, target: { expect: dry.planDigest } })).rejects.toMatchObject({ code: 'plan_changed' });
  });
});

describe('files refused whole', () => {
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (err: unknown) => (err instanceof ImportRefused ? err.code : String(err)),
    );

  it('refuses a file whose content is not what its name says, an unknown format, a broken PBF and an empty file', async () => {
    expect(await refusal(run(bufferSource('places.osm.pbf', Buffer.from('id,name\n1,x\n')), { apply: false }))).toBe('wrong_format');
    expect(await refusal(run(bufferSource('places.osm.bz2', Buffer.from('<osm></osm>')), { apply: false }))).toBe('wrong_format');
    expect(await refusal(run(bufferSource('places.xlsx', Buffer.from('PK\u0003\u0004')), { apply: false }))).toBe('wrong_format');
    expect(await refusal(run(bufferSource('empty.csv', Buffer.alloc(0)), { apply: false }))).toBe('unreadable');
    expect(await refusal(run(bufferSource('places.geojson', Buffer.from('{"type":"Feature"}')), { apply: false }))).toBe('unreadable');
    const header = Buffer.concat([Buffer.from([0, 0, 0, 13]), Buffer.from('\n\tOSMHeader\u0018\u00ff\u00ff\u0003')]);
    expect(await refusal(run(bufferSource('broken.osm.pbf', header), { apply: false }))).toBe('unreadable');
    expect(await refusal(run(bufferSource('x.csv', Buffer.from('name,lat\nx,1\n')), { apply: false }))).toBe('unreadable');
    // XML entities are not expanded (no "billion laughs"): a file that declares them is refused.
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE osm [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><osm><node id="1" lat="48.86" lon="2.35"><tag k="name" v="&b;"/><tag k="amenity" v="bar"/></node></osm>';
    expect(await refusal(run(bufferSource('laughs.osm', Buffer.from(laughs)), { apply: false }))).toBe('unreadable');
  });

  it('asks for the city when the places are far from every known one', async () => {
    const text = 'id,name,category,lat,lon\nv1,Vaduz café,cafe,47.141,9.521\n';
    expect(await refusal(run(csv('vaduz.csv', text), { apply: false }))).toBe('city_needed');
    const report = await run(csv('vaduz.csv', text), { apply: true, target: { cityName: 'Vaduz', timezone: 'Europe/Vaduz', country: 'li' } });
    expect(report.city).toMatchObject({ id: 'vaduz', isNew: true });
    expect(await db.selectFrom('cities').select(['name', 'timezone']).where('id', '=', 'vaduz').executeTakeFirst()).toEqual({ name: 'Vaduz', timezone: 'Europe/Vaduz' });
  });
});

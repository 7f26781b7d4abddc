import { describe, expect, it } from 'vitest';
import type { InteractionKind } from '../travellers/model.ts';
import { ExportColumns, type IndexRows, InteractionIndex, INTERACTION_KINDS } from './interaction-index.ts';
import { PlaceIds } from './place-ids.ts';
import { mulberry32 } from '../recommend/seeded-random.ts';

const at = (minute: number) => Date.UTC(2026, 10, 1) + minute * 60_000;

describe('interaction index', () => {
  it('keeps one row per traveller, place and kind, at its latest time', () => {
    const index = new InteractionIndex(new PlaceIds());
    expect(index.add('lea', 'p1', 'liked', at(5)).added).toBe(true);
    expect(index.add('lea', 'p1', 'liked', at(9)).added).toBe(false);
    expect(index.add('lea', 'p1', 'liked', at(2)).added).toBe(false);
    expect(index.add('lea', 'p1', 'visited', at(3)).added).toBe(true);
    expect(index.size).toBe(2);
    expect(index.of('lea')).toEqual([
      { travellerId: 'lea', placeId: 'p1', kind: 'liked', at: new Date(at(9)) },
      { travellerId: 'lea', placeId: 'p1', kind: 'visited', at: new Date(at(3)) },
    ]);
  });

  it('takes an interaction back and forgets a traveller, leaving the others whole', () => {
    const index = new InteractionIndex(new PlaceIds());
    index.add('lea', 'p1', 'liked', at(1));
    index.add('tom', 'p1', 'liked', at(2));
    index.add('lea', 'p2', 'visited', at(3));
    index.add('lea', 'p3', 'saved', at(4));
    expect(index.remove('lea', 'p2', 'visited')).toBe(at(3));
    expect(index.remove('lea', 'p2', 'visited')).toBeNull();
    expect(index.remove('lea', 'p1', 'dismissed')).toBeNull();
    expect(index.of('lea').map((i) => i.placeId)).toEqual(['p1', 'p3']);
    // The chain still ends where it should: a new row goes after the last live one.
    index.add('lea', 'p4', 'liked', at(5));
    expect(index.of('lea').map((i) => i.placeId)).toEqual(['p1', 'p3', 'p4']);
    const columns = new ExportColumns();
    expect(index.exportRows(columns).atMs).toHaveLength(4);
    expect(index.dropTraveller('lea')).toBe(true);
    // Exported again into the same columns: nothing of Léa's rows is left in them, past the rows written.
    expect(index.exportRows(columns).atMs).toEqual(new Float64Array([at(2)]));
    expect([...columns.atMs.subarray(1, 4), ...columns.placeOf.subarray(1, 4), ...columns.travellerOf.subarray(1, 4)].every((v) => v === 0)).toBe(true);
    expect(index.of('lea')).toEqual([]);
    expect([...index.travellerIds()]).toEqual(['tom']);
    expect(index.of('tom')).toHaveLength(1);
    expect(index.size).toBe(1);
  });

  it('agrees with a plain list of facts through a long seeded mix of adds, repeats, undos and erasures, across compactions', () => {
    const places = new PlaceIds();
    const index = new InteractionIndex(places);
    const plain = new Map<string, { travellerId: string; placeId: string; kind: InteractionKind; at: number }>();
    const rand = mulberry32(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const travellers = Array.from({ length: 40 }, (_v, i) => `t${i}`);
    const placeIds = Array.from({ length: 60 }, (_v, i) => `p${i}`);
    let compactions = 0;
    let rows = 0;
    // Exported again and again into the same columns, as the snapshot writer does, the rows are the facts held.
    const columns = new ExportColumns();
    const factsOf = (e: IndexRows) => Array.from(e.travellerOf, (t, r) => `${e.travellerIds[t]}|${places.id(e.placeOf[r]!)}|${INTERACTION_KINDS[e.kindCode[r]!]}|${e.atMs[r]}`);
    for (let step = 0; step < 20_000; step++) {
      if (step % 2_500 === 0) {
        const exported = index.exportRows(columns);
        expect(exported.atMs.buffer).toBe(columns.atMs.buffer);
        expect(exported).toEqual(index.exportRows());
        expect(factsOf(exported).sort()).toEqual([...plain.values()].map((i) => `${i.travellerId}|${i.placeId}|${i.kind}|${i.at}`).sort());
        // Nothing of an earlier, longer export is left past this one's rows.
        expect(columns.atMs.subarray(exported.atMs.length).every((v) => v === 0)).toBe(true);
      }
      const r = rand();
      const traveller = pick(travellers);
      if (r < 0.75) {
        const i = { travellerId: traveller, placeId: pick(placeIds), kind: pick(INTERACTION_KINDS), at: at(step) };
        const key = `${i.travellerId}|${i.placeId}|${i.kind}`;
        expect(index.add(i.travellerId, i.placeId, i.kind, i.at).added).toBe(!plain.has(key));
        plain.set(key, i);
      } else if (r < 0.99) {
        const placeId = pick(placeIds);
        const kind = pick(INTERACTION_KINDS);
        const key = `${traveller}|${placeId}|${kind}`;
        expect(index.remove(traveller, placeId, kind)).toBe(plain.get(key)?.at ?? null);
        plain.delete(key);
      } else {
        index.dropTraveller(traveller);
        for (const key of [...plain.keys()]) if (key.startsWith(`${traveller}|`)) plain.delete(key);
      }
      if (index.rows < rows) compactions++;
      rows = index.rows;
    }
    expect(compactions).toBeGreaterThan(0);
    expect(index.size).toBe(plain.size);
    for (const t of travellers) {
      const expected = [...plain.values()].filter((i) => i.travellerId === t).map((i) => `${i.placeId}|${i.kind}|${i.at}`);
      const held = index.of(t).map((i) => `${i.placeId}|${i.kind}|${i.at.getTime()}`);
      expect(held.sort()).toEqual(expected.sort());
    }
  });
});

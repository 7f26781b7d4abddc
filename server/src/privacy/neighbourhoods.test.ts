import { describe, expect, it } from 'vitest';
import { graphOf, PARIS, place } from '../test-support/fixtures.ts';
import { NeighbourhoodIndex, neighbourhoodId, neighbourhoodsOf } from './neighbourhoods.ts';

const at = (n: number, district: string, lat: number) => Array.from({ length: n }, (_, i) => place({ address: `${i + 1} rue X, ${district} Paris`, lat: lat + i * 0.0001 }));

describe('neighbourhoods', () => {
  it('are the names the addresses give, with enough places each, at their centroid, in natural order', () => {
    const graph = graphOf({ places: [...at(6, '75011', 48.858), ...at(5, '75002', 48.868), ...at(2, '75020', 48.86), place({ address: null })] });
    const list = neighbourhoodsOf(graph, 'paris');
    expect(list.map((n) => [n.id, n.name, n.places])).toEqual([
      ['paris-2e', 'Paris 2e', 5],
      ['paris-11e', 'Paris 11e', 6],
    ]);
    expect(list[1]!.lat).toBeCloseTo(48.858 + 0.00025, 6);
    expect(neighbourhoodsOf(graph, 'lyon')).toEqual([]);
  });

  it('ids are readable slugs', () => {
    expect(neighbourhoodId('Paris 1er')).toBe('paris-1er');
    expect(neighbourhoodId('08001 Barcelona')).toBe('08001-barcelona');
    expect(neighbourhoodId('Évry-Courcouronnes')).toBe('evry-courcouronnes');
  });

  it('an anchor is the chosen neighbourhood, or the city centre (also when the neighbourhood is gone)', () => {
    const index = new NeighbourhoodIndex(graphOf({ places: at(5, '75002', 48.868) }));
    expect(index.pointOf({ kind: 'neighbourhood', id: 'paris-2e' }, PARIS).name).toBe('Paris 2e');
    expect(index.pointOf({ kind: 'neighbourhood', id: 'paris-19e' }, PARIS)).toEqual({ ...PARIS.center, name: PARIS.name });
    expect(index.pointOf({ kind: 'city_centre' }, PARIS)).toEqual({ ...PARIS.center, name: PARIS.name });
  });
});

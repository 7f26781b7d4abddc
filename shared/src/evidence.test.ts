import { describe, expect, it } from 'vitest';
import { formatDistance, renderEvidence } from './evidence.ts';

describe('evidence rendering', () => {
  it('renders the same evidence in English and French', () => {
    const e = { key: 'proximity.walk', params: { meters: 450, minutes: 6 } };
    expect(renderEvidence(e, 'en')).toBe('450 m, 6 min walk');
    expect(renderEvidence(e, 'fr')).toBe('450 m, 6 min à pied');
  });

  it('says interests in words, with the French article, never as tag ids', () => {
    expect(renderEvidence({ key: 'interests.likes', params: { kind: 'category', id: 'museum' } }, 'fr')).toBe('vous avez dit aimer les musées');
    expect(renderEvidence({ key: 'interests.likes', params: { kind: 'tag', id: 'cuisine:ramen' } }, 'en')).toBe('you said you like ramen');
    expect(renderEvidence({ key: 'interests.likes', params: { kind: 'tag', id: 'wine' } }, 'fr')).toBe('vous avez dit aimer le vin');
    expect(renderEvidence({ key: 'interests.likes', params: { kind: 'tag', id: 'natural-wine' } }, 'en')).toBe('you said you like natural wine');
    expect(renderEvidence({ key: 'interests.likes', params: { kind: 'tag', id: 'kid-friendly' } }, 'en')).toBe('you said you like places good for children');
    expect(renderEvidence({ key: 'taste.interest_walk', params: { kind: 'tag', id: 'jazz' } }, 'fr')).toBe('dans la ligne de votre goût pour le jazz');
    // A tag without a label is written from its id, quoted in French where no article can be guessed.
    expect(renderEvidence({ key: 'interests.likes', params: { kind: 'tag', id: 'cuisine:bacalhau' } }, 'fr')).toBe('vous avez dit aimer « bacalhau »');
  });

  it('writes dates as dates and counts with thousands separators', () => {
    const visit = { key: 'data.interaction', params: { interaction: 'visited', place: 'Le Petit Journal', date: '2026-12-01' } };
    expect(renderEvidence(visit, 'en')).toBe('you visited Le Petit Journal on 1 December');
    expect(renderEvidence(visit, 'fr')).toBe('vous avez visité Le Petit Journal le 1er décembre');
    const rating = { key: 'popularity.rating_demo', params: { rating: '4.5', count: 2345 } };
    expect(renderEvidence(rating, 'en')).toBe('4.5 from 2,345 reviews (demo rating)');
    expect(renderEvidence(rating, 'fr')).toMatch(/^4,5 sur 2\u202f345 avis/);
  });

  it('formats distances by locale', () => {
    expect(formatDistance(1540, 'fr')).toBe('1,5 km');
    expect(formatDistance(1540, 'en')).toBe('1.5 km');
  });

  it('shows an unknown key as itself so a missing template is visible', () => {
    expect(renderEvidence({ key: 'nope.missing', params: {} }, 'en')).toBe('nope.missing');
  });
});

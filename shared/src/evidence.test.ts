import { describe, expect, it } from 'vitest';
import { formatDistance, renderEvidence } from './evidence.ts';

describe('evidence rendering', () => {
  it('renders the same evidence in English and French', () => {
    const e = { key: 'proximity.walk', params: { meters: 450, minutes: 6 } };
    expect(renderEvidence(e, 'en')).toBe('450 m, 6 min walk');
    expect(renderEvidence(e, 'fr')).toBe('450 m, 6 min à pied');
  });

  it('translates category interests and shows tag values plainly', () => {
    expect(renderEvidence({ key: 'interests.likes', params: { kind: 'category', id: 'museum' } }, 'fr')).toBe('vous avez dit aimer : les musées');
    expect(renderEvidence({ key: 'interests.likes', params: { kind: 'tag', id: 'cuisine:ramen' } }, 'en')).toBe('you said you like ramen');
  });

  it('formats distances by locale', () => {
    expect(formatDistance(1540, 'fr')).toBe('1,5 km');
    expect(formatDistance(1540, 'en')).toBe('1.5 km');
  });

  it('shows an unknown key as itself so a missing template is visible', () => {
    expect(renderEvidence({ key: 'nope.missing', params: {} }, 'en')).toBe('nope.missing');
  });
});

import { describe, expect, it } from 'vitest';
import { erasedAmong, travellerDigest } from './erased.ts';

describe('an erasure named by digest', () => {
  it('is found among the ids an instance holds, and only there', () => {
    const change = { type: 'traveller_erased' as const, travellerDigest: travellerDigest('lea~abc_1') };
    expect(change.travellerDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(change)).not.toContain('lea~abc_1');
    expect(erasedAmong(change, ['marc~x', 'lea~abc_1'])).toBe('lea~abc_1');
    expect(erasedAmong(change, ['lea~abcx1'])).toBeNull();
  });

  it('reads an entry written before digests by its id', () => {
    expect(erasedAmong({ type: 'traveller_erased', travellerId: 't1' }, [])).toBe('t1');
  });
});

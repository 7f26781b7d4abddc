import { describe, expect, it } from 'vitest';
import { areaLabel, labelOfAddress } from './area-names.ts';

describe('area names', () => {
  it('names Paris, Lyon and Marseille arrondissements from the postcode', () => {
    expect(labelOfAddress('20 Rue du Temple, 75004 Paris')).toBe('Paris 4e');
    expect(labelOfAddress('101 Rue Berger, 75001 Paris')).toBe('Paris 1er');
    expect(labelOfAddress('3 Rue Mercière, 69002 Lyon')).toBe('Lyon 2e');
  });

  it('keeps the postcode and town elsewhere, and gives up without a postcode', () => {
    expect(labelOfAddress('5 Place de la Gare, 92100 Boulogne-Billancourt')).toBe('92100 Boulogne-Billancourt');
    expect(labelOfAddress('Rue du Temple')).toBeNull();
  });

  it('takes the label most addresses agree on', () => {
    expect(areaLabel(['1 Rue A, 75004 Paris', '2 Rue B, 75003 Paris', '3 Rue C, 75004 Paris', null])).toBe('Paris 4e');
    expect(areaLabel([null, 'Rue sans code'])).toBeNull();
  });
});

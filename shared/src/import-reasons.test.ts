import { describe, expect, it } from 'vitest';
import { IMPORT_REASON_CODES, importReasonText } from './import-reasons.ts';

describe('import reasons', () => {
  it('words every code in English and French, with the values it is given', () => {
    const values = { value: 'V1', key: 'K1', id: 'I1', line: 7, geometry: 'LineString', found: 3, expected: 'E1', lat: 'north', lon: '2.35', tag: 'T1' };
    for (const code of IMPORT_REASON_CODES) {
      const en = importReasonText(code, values, 'en');
      const fr = importReasonText(code, values, 'fr');
      expect(en.length, code).toBeGreaterThan(5);
      expect(fr, code).not.toBe(en);
      for (const text of [en, fr]) expect(text, code).not.toMatch(/undefined|\$\{/);
    }
    expect(importReasonText('duplicate_id', { id: 'a', line: 2 }, 'fr')).toBe('l’identifiant « a » est déjà à la ligne 2');
  });
});

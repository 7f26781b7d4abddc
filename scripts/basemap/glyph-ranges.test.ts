import { describe, expect, it } from 'vitest';
import { glyphRange, rangesOf } from './glyph-ranges.ts';

describe('glyph ranges', () => {
  it('names the 256-code-point file a character is in', () => {
    expect(glyphRange('a'.codePointAt(0)!)).toBe('0-255');
    expect(glyphRange('Œ'.codePointAt(0)!)).toBe('256-511');
    expect(glyphRange('’'.codePointAt(0)!)).toBe('8192-8447');
  });

  it('lists each range the labels need once, in order', () => {
    expect(rangesOf(['Quai de l’Horloge', 'Rue de Rivoli', 'Cœur'])).toEqual(['0-255', '256-511', '8192-8447']);
  });
});

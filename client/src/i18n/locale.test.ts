import { describe, expect, it } from 'vitest';
import { isLocale, matchLocale, pickLocale } from './locale.ts';

describe('pickLocale', () => {
  it('keeps the language the traveller chose before', () => {
    expect(pickLocale('fr', ['en-GB'])).toBe('fr');
  });
  it('follows the browser when nothing was chosen', () => {
    expect(pickLocale(null, ['fr-CA', 'en'])).toBe('fr');
  });
  it('takes the first supported browser language', () => {
    expect(pickLocale(null, ['de-DE', 'en-US', 'fr'])).toBe('en');
  });
  it('ignores a corrupted stored value', () => {
    expect(pickLocale('klingon', ['fr-FR'])).toBe('fr');
  });
  it('falls back to English', () => {
    expect(pickLocale(null, ['ja'])).toBe('en');
    expect(pickLocale(null, [])).toBe('en');
  });
  it('says when no language was chosen, so the traveller’s own can be used after sign-in', () => {
    expect(matchLocale(null, ['it-IT', 'de'])).toBeNull();
    expect(matchLocale(null, ['it-IT', 'fr'])).toBe('fr');
    expect(matchLocale('en', ['it-IT'])).toBe('en');
  });
});

describe('isLocale', () => {
  it('accepts only the supported locales', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('EN')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

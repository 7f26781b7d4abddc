import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { bucketLabel, chartSummary, figureText, groupLabel } from './insight-text.ts';

const HIDDEN = { hidden: true, value: null } as const;
const shown = (value: number) => ({ hidden: false, value }) as const;
const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', interpolation: { escapeValue: false } }));

describe('the insights’ words', () => {
  it('write a hidden figure as "fewer than 5 travellers", never as a zero', () => {
    const t = i18n.getFixedT('en');
    expect(figureText(HIDDEN, 5, 'en', t)).toBe('fewer than 5 travellers');
    expect(figureText(shown(1234), 5, 'en', t)).toBe('1,234');
    expect(figureText(HIDDEN, 5, 'fr', i18n.getFixedT('fr'))).toBe('moins de 5 voyageurs');
  });

  it('name days and weeks as the reader does, and groups by their names', () => {
    const t = i18n.getFixedT('en');
    expect(bucketLabel('2026-11-23', 'day', 'en', t)).toBe('Mon 23 Nov');
    expect(bucketLabel('2026-11-23', 'week', 'en', t)).toBe('Week of 23 Nov');
    expect(bucketLabel('2026-11-23', 'day', 'fr', i18n.getFixedT('fr'))).toBe('lun. 23 nov.');
    expect(groupLabel('category', 'music_venue', 'music_venue', 'fr', t)).toBe('Concerts et jazz');
    expect(groupLabel('signal', 'proximity', 'proximity', 'en', t)).toBe('Proximity');
    expect(groupLabel('place', 'osm:node/1', 'Le Baratin', 'en', t)).toBe('Le Baratin');
  });

  it('sum a chart up in words: its total, its busiest bucket, and how many are hidden', () => {
    const t = i18n.getFixedT('en');
    const figures = [HIDDEN, shown(6), shown(9), HIDDEN];
    const names = ['Sat 21 Nov', 'Sun 22 Nov', 'Mon 23 Nov', 'Tue 24 Nov'];
    expect(chartSummary({ figures, names, total: shown(12), minTravellers: 5, locale: 'en', t })).toBe(
      'Over the period: 12 travellers. Most: 9 travellers (Mon 23 Nov). 2 of 4 hidden (fewer than 5 travellers).',
    );
    expect(chartSummary({ figures: [HIDDEN, HIDDEN], names, total: HIDDEN, minTravellers: 5, locale: 'en', t })).toBe('Every figure is hidden: fewer than 5 travellers each.');
  });
});

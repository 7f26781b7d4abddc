import { describe, expect, it } from 'vitest';
import { frenchAt } from './french.ts';

describe('frenchAt', () => {
  it('contracts the article of the name', () => {
    expect(frenchAt('Le Petit Journal Saint-Michel')).toBe('au Petit Journal Saint-Michel');
    expect(frenchAt('Les Étoiles')).toBe('aux Étoiles');
    expect(frenchAt('La Cigale')).toBe('à la Cigale');
    expect(frenchAt('L’Olympia')).toBe('à l’Olympia');
    expect(frenchAt("L'Archipel")).toBe("à l'Archipel");
  });

  it('adds the article a common noun at the start asks for', () => {
    expect(frenchAt('Théâtre de l’Olympia')).toBe('au Théâtre de l’Olympia');
    expect(frenchAt('Musée Carnavalet - Histoire de Paris')).toBe('au Musée Carnavalet - Histoire de Paris');
    expect(frenchAt('Piscine Pontoise')).toBe('à la Piscine Pontoise');
  });

  it('says « à » before any other name', () => {
    expect(frenchAt('Willi’s Wine Bar')).toBe('à Willi’s Wine Bar');
    expect(frenchAt('Climbing District Bastille')).toBe('à Climbing District Bastille');
  });
});

// Every demo city, in the order they are built (which also numbers their seeded demo travellers).
import type { CityDefinition } from '../city-definition.ts';
import { BARCELONA } from './barcelona.ts';
import { LYON } from './lyon.ts';
import { PARIS } from './paris.ts';

export const CITY_DEFINITIONS: readonly CityDefinition[] = [PARIS, LYON, BARCELONA];

export function cityDefinition(id: string): CityDefinition {
  const def = CITY_DEFINITIONS.find((d) => d.city.id === id);
  if (!def) throw new Error(`unknown city "${id}"; known: ${CITY_DEFINITIONS.map((d) => d.city.id).join(', ')}`);
  return def;
}

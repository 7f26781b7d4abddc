// Turns one city's CNC cinema rows into candidates, with the Art et Essai label as tags.
import type { Candidate } from '../../server/src/catalogue/osm/candidate.ts';
import { titleCaseName } from './display-names.ts';
import { round6 } from '../../server/src/catalogue/osm/inside-point.ts';
import { derivedTags, finishTags } from '../../server/src/catalogue/osm/place-tags.ts';
import type { CsvRow } from './read-csv.ts';

/** CNC "label Art et Essai" sub-labels, in the letters the file uses (RD, JP, PR run together). */
const AE_LABELS: Array<[string, string]> = [
  ['RD', 'art-et-essai:recherche'],
  ['JP', 'art-et-essai:jeune-public'],
  ['PR', 'art-et-essai:patrimoine'],
];

/** Which CNC rows are the city's (by `code INSEE`) and the postcode an arrondissement's code gives. */
export interface CncCity {
  name: string;
  inCity: (insee: string) => boolean;
  /** null when the row carries the commune's code rather than an arrondissement's. */
  postcodeOf: (insee: string) => string | null;
}

/** INSEE 75101…75120 → postcode 75001…75020. */
function parisPostcode(insee: string): string | null {
  const m = /^751(\d{2})$/.exec(insee.trim());
  return m ? `750${m[1]}` : null;
}

export const PARIS_CNC: CncCity = { name: 'Paris', inCity: (insee) => parisPostcode(insee) !== null, postcodeOf: parisPostcode };

export function cinemaCandidates(rows: CsvRow[], sourceDate: string, city: CncCity = PARIS_CNC): Candidate[] {
  const cityRows = rows.filter((r) => city.inCity((r['code INSEE'] ?? '').trim()));
  // Two Paris rows are called just "PATHE"; the arrondissement tells them apart.
  const nameCount = new Map<string, number>();
  for (const r of cityRows) nameCount.set(r.nom ?? '', (nameCount.get(r.nom ?? '') ?? 0) + 1);
  const out: Candidate[] = [];
  for (const r of cityRows) {
    const ref = (r['N° auto'] ?? '').trim();
    const lat = Number(r.latitude);
    const lon = Number(r.longitude);
    if (!ref || !Number.isFinite(lat) || !Number.isFinite(lon) || lat === 0) continue;
    const postcode = city.postcodeOf((r['code INSEE'] ?? '').trim());
    let name = titleCaseName(r.nom ?? '');
    if ((nameCount.get(r.nom ?? '') ?? 0) > 1 && postcode) name = `${name} (${city.name} ${Number(postcode.slice(3))}e)`;
    const facts: string[] = [];
    if ((r.AE ?? '').trim().toUpperCase() === 'OUI') facts.push('art-et-essai');
    const label = (r['label Art et Essai'] ?? '').toUpperCase();
    for (const [code, tag] of AE_LABELS) if (label.includes(code)) facts.push(tag);
    if ((r.multiplexe ?? '').trim().toUpperCase() === 'OUI') facts.push('multiplex');
    const tags = finishTags([...facts, ...derivedTags({ category: 'cinema', tags: facts })]);
    const street = titleCaseName((r.adresse ?? '').replace(/\s+/g, ' ').trim());
    out.push({
      id: `cnc-cinemas:${ref}`,
      dataset: 'cnc-cinemas',
      ref,
      name: name.slice(0, 200),
      category: 'cinema',
      tags,
      lat: round6(lat),
      lon: round6(lon),
      address: street ? `${street}, ${postcode ? `${postcode} ` : ''}${city.name}` : null,
      openingHoursRaw: null,
      website: null,
      cuisines: [],
      areaM2: null,
      sourceDate,
      osm: null,
    });
  }
  return out;
}

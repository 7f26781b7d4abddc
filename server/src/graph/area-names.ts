/**
 * A name a traveller recognises for an H3 area, from the real addresses of the places in it: in French
 * cities with arrondissements the postcode says which one ("75004" → "Paris 4e"), elsewhere the postcode
 * and town as written ("69002 Lyon" stays as Lyon's arrondissement form, "1011 Lausanne" as is). No
 * address, no name: the trigger then says "a new part of town" rather than inventing one.
 */
const ARRONDISSEMENTS: Record<string, string> = { '75': 'Paris', '69': 'Lyon', '13': 'Marseille' };
const POSTCODE = /\b(\d{4,5})\s+([\p{L}][\p{L}' -]*)/u;

function ordinalFr(n: number): string {
  return n === 1 ? '1er' : `${n}e`;
}

/** "Paris 4e" for 75004, "Lyon 2e" for 69002, "Marseille 13e" for 13013; otherwise "postcode town". */
export function labelOfAddress(address: string): string | null {
  const m = POSTCODE.exec(address);
  if (!m) return null;
  const [, code, town] = m;
  const city = ARRONDISSEMENTS[code!.slice(0, 2)];
  const district = Number(code!.slice(-2));
  if (code!.length === 5 && city && town!.trim().toLowerCase().startsWith(city.toLowerCase()) && district >= 1 && district <= 20) {
    return `${city} ${ordinalFr(district)}`;
  }
  return `${code} ${town!.trim()}`;
}

/** The label most addresses of an area agree on (ties: alphabetical, so the answer is stable). */
export function areaLabel(addresses: readonly (string | null)[]): string | null {
  const votes = new Map<string, number>();
  for (const a of addresses) {
    const label = a ? labelOfAddress(a) : null;
    if (label) votes.set(label, (votes.get(label) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 0;
  for (const [label, n] of [...votes].sort(([a], [b]) => a.localeCompare(b))) {
    if (n > most) {
      best = label;
      most = n;
    }
  }
  return best;
}

// One slug rule for every tag so `cuisine:Italian Pizza` and `cuisine:italian_pizza` cannot both appear.

/** Lower case, accents removed, runs of anything else turned into one separator. */
export function slugify(value: string, separator: '-' | '_' = '-'): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}

/** Values of a multi-valued OSM tag (`a;b; c`), trimmed, empties dropped. */
export function splitOsmList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

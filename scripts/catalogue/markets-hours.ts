// Converts the Paris markets CSV's weekday flags and three pairs of times into OSM opening_hours syntax.
import type { CsvRow } from './read-csv.ts';

const DAYS = [
  { osm: 'Mo', column: 'LUNDI', times: 'en semaine' },
  { osm: 'Tu', column: 'MARDI', times: 'en semaine' },
  { osm: 'We', column: 'MERCREDI', times: 'en semaine' },
  { osm: 'Th', column: 'JEUDI', times: 'en semaine' },
  { osm: 'Fr', column: 'VENDREDI', times: 'en semaine' },
  { osm: 'Sa', column: 'SAMEDI', times: 'le samedi' },
  { osm: 'Su', column: 'DIMANCHE', times: 'le dimanche' },
] as const;

const TIME = /^(\d{1,2}):(\d{2})$/;

function normTime(value: string | undefined): string | null {
  const m = TIME.exec((value ?? '').trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** Mo,Tu,We,Fr → "Mo-We,Fr": runs of three or more days read better as ranges. */
export function formatDays(dayIndexes: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < dayIndexes.length) {
    let j = i;
    while (j + 1 < dayIndexes.length && dayIndexes[j + 1] === dayIndexes[j]! + 1) j++;
    const first = DAYS[dayIndexes[i]!]!.osm;
    const last = DAYS[dayIndexes[j]!]!.osm;
    if (j - i >= 2) parts.push(`${first}-${last}`);
    else for (let k = i; k <= j; k++) parts.push(DAYS[dayIndexes[k]!]!.osm);
    i = j + 1;
  }
  return parts.join(',');
}

export interface MarketHoursResult {
  openingHours: string | null;
  /** Days flagged open whose start or end time is missing or malformed (left out, never guessed). */
  daysWithoutTimes: string[];
}

/**
 * Market days come from the 0/1 weekday columns; weekdays share the "en semaine" times, Saturday and
 * Sunday have their own. Days with the same times are grouped: `Tu,Fr 07:00-13:30; Su 07:00-14:30`.
 */
export function marketOpeningHours(row: CsvRow): MarketHoursResult {
  const groups = new Map<string, number[]>();
  const daysWithoutTimes: string[] = [];
  DAYS.forEach((day, index) => {
    if ((row[day.column] ?? '').trim() !== '1') return;
    const start = normTime(row[`Heure début ${day.times}`]);
    const end = normTime(row[`Heure fin ${day.times}`]);
    if (!start || !end) {
      daysWithoutTimes.push(day.osm);
      return;
    }
    const span = `${start}-${end}`;
    const list = groups.get(span) ?? [];
    list.push(index);
    groups.set(span, list);
  });
  const rules = [...groups.entries()].sort((a, b) => a[1][0]! - b[1][0]!).map(([span, days]) => `${formatDays(days)} ${span}`);
  return { openingHours: rules.length > 0 ? rules.join('; ') : null, daysWithoutTimes };
}

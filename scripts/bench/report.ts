/** Shared output for benchmark scripts: a readable table, and with --json the same figures as one JSON line. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function printReport(title: string, rows: [string, string | number][], figures: Record<string, unknown>): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}\n${'-'.repeat(title.length)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${typeof v === 'number' ? round(v) : v}`);
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

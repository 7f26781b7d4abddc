/** Plain-text tables for the evaluation report: left-aligned first column, right-aligned figures. */

export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_h, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const fixed = (x: number, digits = 3) => x.toFixed(digits);
export const percent = (x: number) => `${Math.round(x * 100)} %`;
export const thousands = (n: number) => n.toLocaleString('en-US');

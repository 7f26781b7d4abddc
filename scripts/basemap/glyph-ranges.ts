/**
 * Glyphs come in files of 256 code points (`{range}.pbf`, e.g. 0-255); only the ranges the labels of the
 * kept tiles use are copied, instead of all 256 ranges of each font (16 MB).
 */
export function glyphRange(codePoint: number): string {
  const start = Math.floor(codePoint / 256) * 256;
  return `${start}-${start + 255}`;
}

export function rangesOf(texts: Iterable<string>): string[] {
  const starts = new Set<number>();
  for (const text of texts) for (const char of text) starts.add(Math.floor(char.codePointAt(0)! / 256) * 256);
  return [...starts].sort((a, b) => a - b).map((s) => glyphRange(s));
}

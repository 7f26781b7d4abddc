/** Seeded sampling for the evaluation, so a run's sample is the same on every machine. */

/** mulberry32: a tiny, well-mixed 32-bit generator; plenty for drawing a sample. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` items drawn without replacement (all of them, in their order, when there are not more). */
export function sample<T>(items: readonly T[], size: number, seed: number): T[] {
  if (items.length <= size) return [...items];
  const rand = mulberry32(seed);
  const copy = [...items];
  // Partial Fisher–Yates: the first `size` slots end up a uniform sample.
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rand() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, size);
}

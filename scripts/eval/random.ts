/** Seeded sampling for the evaluation, so a run's sample is the same on every machine. */
import { mulberry32 } from '../../server/src/recommend/seeded-random.ts';

export { mulberry32 };

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

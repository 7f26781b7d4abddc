/** The arithmetic of a small bar chart: a round top for the axis, and which buckets get a label. */

/** The smallest of 1, 2 or 5 × 10ⁿ at or above `max` (at least `floor`): the axis's top. */
export function niceMax(max: number, floor = 5): number {
  const target = Math.max(max, floor);
  const magnitude = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= target) return step * magnitude;
  return 10 * magnitude;
}

/** Indices of the buckets labelled under the axis: about `most`, evenly spaced, the last one always. */
export function labelledTicks(count: number, most = 7): number[] {
  if (count <= most) return Array.from({ length: count }, (_, i) => i);
  const every = Math.ceil(count / most);
  const ticks: number[] = [];
  for (let i = 0; i < count; i += every) ticks.push(i);
  // The last bucket is the most recent: labelled, in place of a neighbour too close to it.
  if (ticks.at(-1) !== count - 1) {
    if (count - 1 - ticks.at(-1)! < every / 2) ticks.pop();
    ticks.push(count - 1);
  }
  return ticks;
}

/**
 * Work over every connection in slices, giving the event loop back between them: better-sqlite3 and the
 * socket writes are synchronous, and a loop over 10,000 connections in one turn once held locations back
 * for seconds (bench:push). Items are handled one after the other, each awaited.
 */
export async function inSlices<T>(items: Iterable<T>, sliceSize: number, work: (item: T) => void | Promise<void>): Promise<void> {
  let done = 0;
  for (const item of items) {
    await work(item);
    if (++done % sliceSize === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

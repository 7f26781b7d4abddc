/**
 * Place ids as small integers, given once and kept: the number of a place is its node in the walk index and
 * its column in the interaction rows, so a place's number never changes while the graph lives, archived or
 * not. A place only interactions name (never in the catalogue) gets a number too.
 */
export class PlaceIds {
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** The place's number, given at first sight. */
  number(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.numbers.set(id, n);
      this.ids.push(id);
    }
    return n;
  }

  find(id: string): number | undefined {
    return this.numbers.get(id);
  }

  /** Every id, by number (a snapshot's list, graph-snapshot.ts). */
  list(): readonly string[] {
    return this.ids;
  }

  /** Gives the ids of a snapshot's list their numbers back; only before any number is given. */
  restore(ids: readonly string[]): void {
    if (this.ids.length > 0) throw new Error('place numbers are restored into an empty PlaceIds only');
    for (const id of ids) this.number(id);
    if (this.ids.length !== ids.length) throw new Error('a snapshot lists a place id twice');
  }

  /** The id of a number (the very string first given, so lookups by it hit the same hashed key). */
  id(n: number): string {
    return this.ids[n]!;
  }
}

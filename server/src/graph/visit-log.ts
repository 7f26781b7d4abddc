/**
 * Each traveller's visits in time order, and what follows what. The graph keeps one interaction edge per
 * traveller, place and kind (a fact: "has visited"); how often and in which order places were visited is
 * what the habit and the next-place readings of history need (signals/habit.ts, signals/next-place.ts).
 *
 * A visit to the same place within REPEAT_MS of the last one is the same visit (a repeated tap, a second
 * check-in at the door). Two visits follow each other when at most TRAJECTORY_GAP_MS apart: the published
 * next-place protocol's trajectory rule (docs/RANKING.md), and a day's outing for a traveller.
 */

export const REPEAT_MS = 60 * 60_000;
export const TRAJECTORY_GAP_MS = 24 * 60 * 60_000;

export interface Visit {
  placeId: string;
  at: number;
}

interface Sequence {
  places: string[];
  at: number[];
  /** Counted in the shared transitions: false for a private traveller (a demo visitor). */
  shared: boolean;
}

export class VisitLog {
  private readonly travellers = new Map<string, Sequence>();
  /**
   * from → its transitions to each next place, and their total (leaving it), over every shared traveller:
   * one lookup in a Map of every visited place per transition counted, where a Map of totals beside it
   * cost two more.
   */
  private readonly next = new Map<string, { to: Map<string, number>; leaving: number }>();

  /** Records a visit; returns false when it is the same visit as one already recorded. */
  add(travellerId: string, placeId: string, at: number, shared = true): boolean {
    let s = this.travellers.get(travellerId);
    if (!s) this.travellers.set(travellerId, (s = { places: [], at: [], shared }));
    // Visits mostly arrive in time order: search from the end. Two visits at the same instant are ordered by
    // place, so the transitions do not depend on the order the visits arrived in.
    let i = s.at.length;
    while (i > 0 && (s.at[i - 1]! > at || (s.at[i - 1] === at && s.places[i - 1]! > placeId))) i--;
    for (let j = i - 1; j >= 0 && at - s.at[j]! < REPEAT_MS; j--) if (s.places[j] === placeId) return false;
    for (let j = i; j < s.at.length && s.at[j]! - at < REPEAT_MS; j++) if (s.places[j] === placeId) return false;
    if (s.shared && i > 0 && i < s.at.length) this.link(s, i - 1, i, -1);
    s.places.splice(i, 0, placeId);
    s.at.splice(i, 0, at);
    if (s.shared) {
      if (i > 0) this.link(s, i - 1, i, 1);
      if (i + 1 < s.at.length) this.link(s, i, i + 1, 1);
    }
    return true;
  }

  /** Forgets a traveller and takes their transitions out of the shared counts (erasure, consent withdrawn). */
  dropTraveller(travellerId: string): void {
    const s = this.travellers.get(travellerId);
    if (!s) return;
    if (s.shared) for (let i = 1; i < s.at.length; i++) this.link(s, i - 1, i, -1);
    this.travellers.delete(travellerId);
  }

  /**
   * Forgets a traveller's visits to one place (an undo of a visit, or a fact whose time moved), in place:
   * each visit's transitions come out and its neighbours are joined, so it costs the traveller's visits, not
   * a rebuild of them per visit.
   */
  removeVisits(travellerId: string, placeId: string): void {
    const s = this.travellers.get(travellerId);
    if (!s) return;
    for (let i = s.places.length - 1; i >= 0; i--) {
      if (s.places[i] !== placeId) continue;
      if (s.shared) {
        if (i > 0) this.link(s, i - 1, i, -1);
        if (i + 1 < s.at.length) this.link(s, i, i + 1, -1);
      }
      s.places.splice(i, 1);
      s.at.splice(i, 1);
      // The neighbours now follow each other (when within a day of each other, as link checks).
      if (s.shared && i > 0 && i < s.at.length) this.link(s, i - 1, i, 1);
    }
  }

  visitCount(travellerId: string, placeId: string): number {
    // A scan, not a Map per traveller: a traveller has tens of visits, and at a million places the Maps
    // cost some 200 MB for a count nobody asks for on the ranking path.
    const s = this.travellers.get(travellerId);
    if (!s) return 0;
    let n = 0;
    for (const p of s.places) if (p === placeId) n++;
    return n;
  }

  /** The traveller's visits, oldest first. */
  visitsOf(travellerId: string): Visit[] {
    const s = this.travellers.get(travellerId);
    if (!s) return [];
    return s.places.map((placeId, i) => ({ placeId, at: s.at[i]! }));
  }

  /** Transitions from a place to each next place, over every shared traveller. */
  nextFrom(placeId: string): ReadonlyMap<string, number> {
    return this.next.get(placeId)?.to ?? EMPTY;
  }

  /** Transitions leaving a place, whatever the next place. */
  leavingFrom(placeId: string): number {
    return this.next.get(placeId)?.leaving ?? 0;
  }

  /** The traveller's own transitions from a place to another. */
  ownTransitions(travellerId: string, from: string, to: string): number {
    const s = this.travellers.get(travellerId);
    if (!s) return 0;
    let n = 0;
    for (let i = 1; i < s.at.length; i++) if (s.places[i - 1] === from && s.places[i] === to && s.at[i]! - s.at[i - 1]! <= TRAJECTORY_GAP_MS) n++;
    return n;
  }

  private link(s: Sequence, a: number, b: number, delta: number): void {
    const from = s.places[a]!;
    const to = s.places[b]!;
    if (from === to || s.at[b]! - s.at[a]! > TRAJECTORY_GAP_MS) return;
    let row = this.next.get(from);
    if (!row) this.next.set(from, (row = { to: new Map(), leaving: 0 }));
    const n = (row.to.get(to) ?? 0) + delta;
    if (n > 0) row.to.set(to, n);
    else row.to.delete(to);
    row.leaving += delta;
    if (row.to.size === 0) this.next.delete(from);
  }
}

const EMPTY: ReadonlyMap<string, number> = new Map();

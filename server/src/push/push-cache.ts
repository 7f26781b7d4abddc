/**
 * What the push path reads about a connected traveller, held in memory so that a location message costs no
 * database read: the traveller (profile, consents), their push settings, their push state, the items pushed
 * on the current local day, whether they hold any confirmed booking (the wallet's cheap test), and their
 * bookings around now when they do (the wallet gap and the trip signal).
 *
 * Loaded once per traveller while they have a live connection, dropped when their last one closes (so the
 * cache is bounded by connected travellers). The push's own writes update it after their commit; every other
 * writer of those rows (push settings, consents, profile, bookings, erasure) calls `invalidate` after its
 * write, and the next read loads the rows again. That is the one place to fan a change out to other
 * instances (Redis pub/sub) the day Escale runs more than one (docs/ARCHITECTURE.md).
 */
import type { Booking, PushSettings } from '@escale/shared';
import type { AfterTurnWrites } from '../store/after-turn-writes.ts';
import type { Db } from '../store/db.ts';
import type { Traveller } from '../travellers/model.ts';
import { findTraveller } from '../travellers/queries.ts';
import { bookingsBetween, hasConfirmedBooking } from '../wallet/queries.ts';
import { loadPushSettings } from './settings.ts';
import { loadPushState, pushedOn, type PushState } from './state.ts';

export interface PushView {
  readonly traveller: Traveller;
  readonly settings: PushSettings;
  readonly state: PushState;
  /** False when the traveller has no confirmed booking at all, or no wallet consent: no gap, no trip, nothing to read. */
  readonly mayHaveGap: boolean;
}

/**
 * The bookings read for a traveller: those overlapping [from, until). Read two days either side of an instant
 * and reused while the instant stays a day inside, which covers what the timeline looks at (the stay around
 * now, the next booking within hours) even on a demo clock running fast.
 */
const BOOKINGS_READ_MS = 2 * 86_400_000;
const BOOKINGS_MARGIN_MS = 86_400_000;
const NO_BOOKINGS: readonly Booking[] = Object.freeze([]);

interface Entry extends PushView {
  state: PushState;
  bookings: { from: number; until: number; list: readonly Booking[] } | null;
  /** Items pushed on one local day; null until asked (only unsolicited pushes without repeats read it). */
  pushed: { day: string; items: Set<string> } | null;
}

export class PushCache {
  private readonly entries = new Map<string, Entry>();
  /** Loads in flight; an invalidation removes its load, whose result is then handed out but not kept. */
  private readonly loading = new Map<string, Promise<Entry | null>>();
  /** Live connections per traveller: only their entries are kept. */
  private readonly holders = new Map<string, number>();

  /** `writes`: the push's own writes still queued are committed before a traveller is read. */
  constructor(
    private readonly db: Db,
    private readonly writes: Pick<AfterTurnWrites, 'flush'>,
  ) {}

  /** A connection of the traveller opened: their rows may be kept from now on. */
  retain(travellerId: string): void {
    this.holders.set(travellerId, (this.holders.get(travellerId) ?? 0) + 1);
  }

  /** A connection closed; with the last one the traveller's entry goes. */
  release(travellerId: string): void {
    const left = (this.holders.get(travellerId) ?? 1) - 1;
    if (left > 0) return void this.holders.set(travellerId, left);
    this.holders.delete(travellerId);
    this.invalidate(travellerId);
  }

  /**
   * The rows of the traveller changed outside the push: the next read loads them again. Every route or
   * function that writes the traveller, their consents, push settings, push state, pushed items or bookings
   * calls this after its write, so that (for instance) a consent withdrawn is obeyed on the very next message.
   */
  /** The travellers whose rows are held or loading here. */
  heldIds(): Set<string> {
    return new Set([...this.entries.keys(), ...this.loading.keys()]);
  }

  invalidate(travellerId: string): void {
    this.entries.delete(travellerId);
    this.loading.delete(travellerId);
  }

  /** The traveller and their push rows; null when the traveller does not exist (erased). */
  async view(travellerId: string): Promise<PushView | null> {
    return this.entries.get(travellerId) ?? this.load(travellerId);
  }

  /** Items already pushed to the traveller on a local day. */
  async pushedOn(travellerId: string, day: string): Promise<ReadonlySet<string>> {
    const entry = this.entries.get(travellerId);
    if (entry?.pushed?.day === day) return entry.pushed.items;
    await this.writes.flush();
    const items = await pushedOn(this.db, travellerId, day);
    // Kept only if nothing invalidated the entry meanwhile (the same object is still the cached one).
    if (entry && this.entries.get(travellerId) === entry) entry.pushed = { day, items };
    return items;
  }

  /**
   * The traveller's confirmed bookings around `now`, for the wallet-gap trigger and the trip signal. Nothing
   * is read without the wallet consent or when the traveller holds no confirmed booking (the cached test);
   * otherwise one read per traveller and window, dropped with the entry when a `booking_changed` arrives.
   */
  async bookingsAround(travellerId: string, now: Date): Promise<readonly Booking[]> {
    const entry = this.entries.get(travellerId) ?? (await this.load(travellerId));
    if (!entry?.mayHaveGap) return NO_BOOKINGS;
    const t = now.getTime();
    const held = entry.bookings;
    if (held && t - held.from >= BOOKINGS_MARGIN_MS && held.until - t >= BOOKINGS_MARGIN_MS) return held.list;
    const from = t - BOOKINGS_READ_MS;
    const until = t + BOOKINGS_READ_MS;
    const list = await bookingsBetween(this.db, travellerId, new Date(from), new Date(until));
    if (this.entries.get(travellerId) === entry) entry.bookings = { from, until, list };
    return list;
  }

  /** The push committed its state and the items it sent on `day`: the cache follows (write-through). */
  pushed(travellerId: string, state: PushState, day: string, items: readonly string[]): void {
    const entry = this.entries.get(travellerId);
    if (!entry) return;
    entry.state = state;
    // Another day's list is dropped rather than guessed: the write also purged older days in the table.
    if (entry.pushed?.day === day) for (const id of items) entry.pushed.items.add(id);
    else entry.pushed = null;
  }

  /** How many travellers are held. */
  get size(): number {
    return this.entries.size;
  }

  private load(travellerId: string): Promise<Entry | null> {
    const inFlight = this.loading.get(travellerId);
    if (inFlight) return inFlight;
    const promise = this.read(travellerId).then((entry) => {
      if (this.loading.get(travellerId) !== promise) return entry; // invalidated while loading: not kept
      this.loading.delete(travellerId);
      if (entry && this.holders.has(travellerId)) this.entries.set(travellerId, entry);
      return entry;
    });
    this.loading.set(travellerId, promise);
    // A failed load is not remembered: the next read tries again.
    promise.catch(() => {
      if (this.loading.get(travellerId) === promise) this.loading.delete(travellerId);
    });
    return promise;
  }

  private async read(travellerId: string): Promise<Entry | null> {
    await this.writes.flush();
    const traveller = await findTraveller(this.db, travellerId);
    if (!traveller) return null;
    const [settings, state] = await Promise.all([loadPushSettings(this.db, travellerId), loadPushState(this.db, travellerId)]);
    // Bookings are wallet data: not even their existence is read without the wallet consent.
    const mayHaveGap = traveller.consents.wallet && (await hasConfirmedBooking(this.db, travellerId));
    return { traveller, settings, state, mayHaveGap, pushed: null, bookings: null };
  }
}

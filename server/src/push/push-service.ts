/**
 * Two things a traveller receives, kept apart. The **feed** is what the screen shows: ranked afresh on every
 * position, on the clock and after feedback, never throttled, never logged. A **notification** is three
 * ideas sent for a reason: the push policy decides, for each trigger, whether one goes out now (politeness),
 * ranks, drops what was already notified today, publishes it logged to every connection of the traveller,
 * and records what it did. Work for one traveller is serialised, so two tabs or a tick racing a location
 * never notify twice.
 */
import { FEED_SIZE, type Booking, type Evidence, type PushSettings, type ServerFeed, type TriggerKind } from '@escale/shared';
import type { CatalogueEvent } from '../catalogue/model.ts';
import type { Clock } from '../clock.ts';
import type { AppContext } from '../context.ts';
import type { Position } from '../recommend/context.ts';
import type { Ranking } from '../recommend/recommender.ts';
import type { Write } from '../store/write-batch.ts';
import { localClock, localDate, localHour, localIso } from '../recommend/local-clock.ts';
import type { Hub } from '../realtime/hub.ts';
import type { Traveller } from '../travellers/model.ts';
import { currentGap } from '../wallet/timeline.ts';
import { holdReason, notificationStatus, type Hold } from './politeness.ts';
import type { PushView } from './push-cache.ts';
import { pushWrites, type PushState } from './state.ts';
import { agencyEventTrigger } from './triggers/agency-event.ts';
import type { Firing } from './triggers/firing.ts';
import { mealWindowTrigger } from './triggers/meal-window.ts';
import { movedTrigger } from './triggers/moved.ts';
import { newAreaTrigger } from './triggers/new-area.ts';
import { walletGapTrigger } from './triggers/wallet-gap.ts';

/** The brief's push policy: a push carries at most three suggestions. */
export const PUSH_SIZE = 3;

/** What a solicited push (or one allowing repeats) filters out: nothing, without reading the day's list. */
const NOTHING_SEEN: ReadonlySet<string> = new Set();
/**
 * The feed is ranked again at least this often on the session's clock, even when nothing it shows closes
 * or starts: the hour's fit of each category moves, and an event's "starts in 40 min" ages.
 */
export const FEED_MAX_AGE_MS = 10 * 60_000;
/** Real-time bounds of the refresh delay: not a loop at 3600× speed, not a stale screen for long. */
const MIN_REFRESH_MS = 2_000;
const MAX_REFRESH_MS = 10 * 60_000;

export type PushOutcome = { pushed: true; trigger: TriggerKind; items: number } | { pushed: false; reason: Hold | 'no_trigger' | 'nothing_new' };

/** A notification's instant and ranking, which the feed sent with it reuses (scored once, two selections). */
interface Moment {
  now: Date;
  position: Position | null;
  /** The bookings it was ranked with (wallet consent), for a feed that ranks its own at another position. */
  bookings: readonly Booking[];
  ranking: Ranking;
}

interface Request {
  trigger: TriggerKind;
  evidence: Evidence;
  /** Caused by the traveller (Suggest now, feedback, opening the app): politeness does not apply. */
  solicited: boolean;
  remember: Partial<PushState>;
}

export class PushService {
  private readonly chains = new Map<string, Promise<unknown>>();
  constructor(
    private readonly ctx: AppContext,
    private readonly hub: Hub,
  ) {}

  /** Runs `work` after every earlier push work of the same traveller. */
  private serial<T>(travellerId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(travellerId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.chains.set(travellerId, settled);
    void settled.then(() => {
      if (this.chains.get(travellerId) === settled) this.chains.delete(travellerId);
    });
    return next;
  }

  /**
   * A new position (location consent on): a new area or a long enough walk since the last notification may
   * notify (politeness permitting); then the feed is ranked for the new position, whatever happened. The
   * first position of an app opening (`opening`), or the first ever, only sets where moves count from: the
   * traveller is looking at the feed, there is nothing to notify.
   */
  onLocation(traveller: Traveller, position: Position, clock: Clock, opening: boolean, store: Write): Promise<PushOutcome> {
    return this.serial(traveller.id, async () => {
      let feedSent = false;
      // With a notification, the feed goes first, ranked with the push state the notification leaves (its
      // "next notification" line already paced): the screen does not wait for the notification's commit.
      const feedFirst = (settings: PushSettings, next: PushState, moment: Moment) => {
        feedSent = true;
        this.feedNow(traveller, position, clock, settings, next, moment.bookings, moment);
      };
      const outcome = await this.decideOnLocation(traveller, position, clock, opening, store, feedFirst);
      // No notification: the position is stored on its own; with one it went with the notification's record.
      if (!outcome.pushed) this.ctx.afterTurn.add([store]);
      if (!feedSent) await this.sendFeed(traveller, position, clock);
      return outcome;
    });
  }

  private async decideOnLocation(
    traveller: Traveller,
    position: Position,
    clock: Clock,
    opening: boolean,
    store: Write,
    beforeDelivery: (settings: PushSettings, next: PushState, moment: Moment) => void,
  ): Promise<PushOutcome> {
    const { settings, state } = await this.view(traveller.id);
    const area = this.ctx.graph.areaAt(position.lat, position.lon);
    if (opening || !state.lastPosition) {
      this.remember(traveller, { ...state, lastPosition: { lat: position.lat, lon: position.lon }, lastArea: area }, clock.now());
      return { pushed: false, reason: 'no_trigger' };
    }
    // A named new area says more than a distance: it goes first.
    const firing = newAreaTrigger(settings, state, area, this.ctx.graph.areaName(area)) ?? movedTrigger(settings, state, position);
    if (!firing) return { pushed: false, reason: 'no_trigger' };
    return this.push(traveller, position, clock, settings, state, unsolicited(firing), store, beforeDelivery);
  }

  /** The feed now, for the traveller's position (or none): on the clock, on returning to the app, after feedback. */
  refresh(traveller: Traveller, position: Position | null, clock: Clock): Promise<void> {
    return this.serial(traveller.id, () => this.sendFeed(traveller, position, clock));
  }

  /**
   * Ranks the feed and sends it to the traveller's live tabs. It says whether a notification could go out now
   * (or until when it is held), and when, in real time, to ask for it again.
   */
  private async sendFeed(traveller: Traveller, position: Position | null, clock: Clock): Promise<void> {
    const { settings, state } = await this.view(traveller.id);
    const bookings = await this.ctx.pushCache.bookingsAround(traveller.id, clock.now());
    this.feedNow(traveller, position, clock, settings, state, bookings);
  }

  /** `moment`: the notification's own ranking, when the feed goes with one (same traveller, position and instant). */
  private feedNow(traveller: Traveller, position: Position | null, clock: Clock, settings: PushSettings, state: PushState, bookings: readonly Booking[], moment?: Moment): void {
    // The non-profiled feed uses no position at all, and says so by sending none.
    const usable = traveller.consents.location && !traveller.ranking?.nonProfiled ? position : null;
    // Reused only if it ranked the very position the feed would: otherwise the feed ranks its own.
    const shared = moment && moment.position === usable ? moment : null;
    const now = shared?.now ?? clock.now();
    const tz = this.zoneOf(traveller);
    const ranking = shared?.ranking ?? this.ctx.recommender.ranking({ traveller, now, position: usable, bookings });
    const { items, coldStart, changesAt } = ranking.top(FEED_SIZE);
    const feed: ServerFeed = {
      type: 'feed',
      at: localIso(now, tz),
      position: usable ? { lat: usable.lat, lon: usable.lon } : null,
      cityId: traveller.cityId,
      items,
      coldStart,
      notifications: notificationStatus(settings, state, now, localMinutes(now, tz), (d) => localClock(d, tz)),
      refreshInMs: refreshDelay(now, changesAt, clock),
    };
    // Shown: on a screen now. Noted in memory; the agency's insights write it a moment later (insights/).
    if (this.hub.broadcast(traveller.id, JSON.stringify(feed)) > 0) this.ctx.insights.shown(traveller.id, items);
  }

  /** Records where moves count from (the first position), without notifying. */
  private remember(traveller: Traveller, next: PushState, now: Date): void {
    const day = localDate(now, this.zoneOf(traveller));
    this.ctx.afterTurn.add(pushWrites(traveller.id, next, day, [], false));
    this.ctx.pushCache.pushed(traveller.id, next, day, []);
  }

  /** Meal windows, quiet hours and days are those of the city the traveller is in. */
  private zoneOf(traveller: Traveller): string {
    return this.ctx.cities.of(traveller.cityId).timezone;
  }

  /** "Suggest now": a notification the traveller asked for, never held back. */
  onRequest(traveller: Traveller, position: Position | null, clock: Clock, trigger: 'suggest_now'): Promise<PushOutcome> {
    return this.serial(traveller.id, async () => {
      const { settings, state } = await this.view(traveller.id);
      return this.push(traveller, position, clock, settings, state, { trigger, evidence: { key: `trigger.${trigger}`, params: {} }, solicited: true, remember: {} });
    });
  }

  /** The time-based triggers (meal window, wallet gap) for one connected traveller, on their session's clock. */
  async onTick(travellerId: string, position: Position | null, clock: Clock): Promise<PushOutcome> {
    // Most ticks find nothing to do: that is decided from memory, before any database read or queued work.
    const view = await this.ctx.pushCache.view(travellerId);
    if (!view || !this.mayFireOnTick(view, clock.now())) return { pushed: false, reason: 'no_trigger' };
    return this.serial(travellerId, async () => {
      const { traveller, settings, state } = await this.view(travellerId);
      const now = clock.now();
      const tz = this.zoneOf(traveller);
      let firing: Firing | null = mealWindowTrigger(settings, state, localDate(now, tz), localMinutes(now, tz));
      // The wallet is personal data: the cache reads bookings only with the wallet consent on.
      if (!firing && traveller.consents.wallet && settings.triggers.wallet_gap) {
        const bookings = await this.ctx.pushCache.bookingsAround(travellerId, now);
        firing = walletGapTrigger(settings, state, currentGap(bookings, now, settings.minGapMinutes), (d) => localClock(d, tz));
      }
      if (!firing) return { pushed: false, reason: 'no_trigger' };
      const usable = traveller.consents.location ? position : null;
      return this.push(traveller, usable, clock, settings, state, unsolicited(firing));
    });
  }

  /** Whether a tick could fire for the traveller: a meal window not yet announced, or a possible wallet gap. */
  private mayFireOnTick({ traveller, settings, state, mayHaveGap }: PushView, now: Date): boolean {
    const tz = this.zoneOf(traveller);
    if (mealWindowTrigger(settings, state, localDate(now, tz), localMinutes(now, tz))) return true;
    return traveller.consents.wallet && settings.triggers.wallet_gap && mayHaveGap;
  }

  /** The agency published an event: travellers whose stated interests it matches may hear of it. */
  onEventPublished(travellerId: string, event: CatalogueEvent, position: Position | null, clock: Clock): Promise<PushOutcome> {
    return this.serial(travellerId, async () => {
      const view = await this.ctx.pushCache.view(travellerId);
      const place = this.ctx.graph.place(event.placeId);
      // Stated interests are profile data: without the profile consent nothing is matched.
      if (!view || !place || !view.traveller.consents.profile) return { pushed: false, reason: 'no_trigger' };
      const { traveller, settings, state } = view;
      const firing = agencyEventTrigger(settings, traveller.likes, event, place, this.ctx.recommender.agencyNameOf(traveller.agencyId));
      if (!firing) return { pushed: false, reason: 'no_trigger' };
      return this.push(traveller, traveller.consents.location ? position : null, clock, settings, state, unsolicited(firing));
    });
  }

  /** The cached rows of a traveller the push is working for; one who vanished (erased) meanwhile stops it. */
  private async view(travellerId: string): Promise<PushView> {
    const view = await this.ctx.pushCache.view(travellerId);
    if (!view) throw new Error(`traveller ${travellerId} vanished`);
    return view;
  }

  /**
   * `alsoStore` is written with the push's own record when a push goes out (the position that caused it);
   * `beforeDelivery` runs once the push is decided, before it is committed and sent.
   */
  private async push(
    traveller: Traveller,
    position: Position | null,
    clock: Clock,
    settings: PushSettings,
    state: PushState,
    req: Request,
    alsoStore?: Write,
    beforeDelivery?: (settings: PushSettings, next: PushState, moment: Moment) => void,
  ): Promise<PushOutcome> {
    const now = clock.now();
    const tz = this.zoneOf(traveller);
    const day = localDate(now, tz);
    if (!req.solicited) {
      const hold = holdReason(settings, state, now, localMinutes(now, tz));
      if (hold) {
        this.ctx.metrics.pushesHeld.inc({ reason: hold });
        return { pushed: false, reason: hold };
      }
    }
    // "Never the same suggestion twice in a day unless asked": the ranking skips them, and offers the best
    // three of the rest.
    // No push yet today (the push state says when the last one was): nothing to skip, and nothing to read.
    const pushedToday = state.lastPushAt !== null && localDate(state.lastPushAt, tz) === day;
    const seen = req.solicited || settings.repeatSameDay || !pushedToday ? NOTHING_SEEN : await this.ctx.pushCache.pushedOn(traveller.id, day);
    // The wallet is context for the trip signal: the cache reads it only with the wallet consent on.
    const bookings = await this.ctx.pushCache.bookingsAround(traveller.id, now);
    const ranking = this.ctx.recommender.ranking({ traveller, now, position, bookings });
    const { items, coldStart } = ranking.top(PUSH_SIZE, seen);
    if (items.length === 0 && !req.solicited) {
      this.ctx.metrics.pushesHeld.inc({ reason: 'nothing_new' });
      return { pushed: false, reason: 'nothing_new' };
    }
    // Where the push was made is location data: kept only with the location consent, dropped without it.
    const where = !traveller.consents.location
      ? { lastPosition: null, lastArea: null }
      : position
        ? { lastPosition: { lat: position.lat, lon: position.lon }, lastArea: this.ctx.graph.areaAt(position.lat, position.lon) }
        : {};
    const next: PushState = { ...state, ...req.remember, ...where, lastPushAt: now, lastUnsolicitedAt: req.solicited ? state.lastUnsolicitedAt : now };
    const ids = items.map((s) => s.id);
    beforeDelivery?.(settings, next, { now, position, bookings, ranking });
    await this.hub.publish(
      traveller.id,
      {
        type: 'suggestions',
        at: localIso(now, tz),
        trigger: { kind: req.trigger, evidence: req.evidence },
        position: position ? { lat: position.lat, lon: position.lon } : null,
        items,
        coldStart,
        solicited: req.solicited,
      },
      this.ctx.clock.now(),
    );
    // The message is logged and sent; what the push records about itself follows at the end of the turn.
    const record = pushWrites(traveller.id, next, day, ids, !state.lastPushAt || localDate(state.lastPushAt, tz) !== day);
    this.ctx.afterTurn.add(alsoStore ? [alsoStore, ...record] : record);
    this.ctx.pushCache.pushed(traveller.id, next, day, ids);
    this.ctx.insights.shown(traveller.id, items);
    this.ctx.metrics.pushes.inc({ trigger: req.trigger });
    return { pushed: true, trigger: req.trigger, items: items.length };
  }
}

/**
 * How long, in real time, until the feed should be ranked again: when what it shows changes (`changesAt`),
 * at most FEED_MAX_AGE_MS later on the session's clock. A session clock running fast (a demo at 60×) makes
 * that sooner in real time; a paused one, never.
 */
function refreshDelay(now: Date, changesAt: Date | null, clock: Clock): number | null {
  const speed = 'speed' in clock && typeof clock.speed === 'number' ? clock.speed : 1;
  if (speed <= 0) return null;
  const sessionMs = Math.min(FEED_MAX_AGE_MS, changesAt ? changesAt.getTime() - now.getTime() : FEED_MAX_AGE_MS);
  return Math.round(Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, sessionMs / speed)));
}

function unsolicited(f: Firing): Request {
  return { trigger: f.kind, evidence: f.evidence, solicited: false, remember: f.remember };
}

/** Minutes since local midnight in the city (the cached local hour, to the minute). */
function localMinutes(at: Date, tz: string): number {
  return Math.round(localHour(at, tz) * 60);
}

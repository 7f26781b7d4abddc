/**
 * The push policy at work: decides, for each trigger, whether a push goes out now, ranks, drops what was
 * already pushed today, publishes to every connection of the traveller, and records what it did. Pushes
 * for one traveller are serialised, so two tabs or a tick racing a location never push twice.
 */
import { type Evidence, type PushSettings, type TriggerKind } from '@escale/shared';
import type { CatalogueEvent } from '../catalogue/model.ts';
import type { Clock } from '../clock.ts';
import type { AppContext } from '../context.ts';
import type { Position } from '../recommend/context.ts';
import type { Write } from '../store/write-batch.ts';
import { localClock, localDate, localHour, localIso } from '../recommend/local-clock.ts';
import type { Hub } from '../realtime/hub.ts';
import type { Traveller } from '../travellers/model.ts';
import { bookingsBetween } from '../wallet/queries.ts';
import { currentGap } from '../wallet/timeline.ts';
import { holdReason, type Hold } from './politeness.ts';
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

export type PushOutcome = { pushed: true; trigger: TriggerKind; items: number } | { pushed: false; reason: Hold | 'no_trigger' | 'nothing_new' };

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
   * A new position (location consent on). The first one of an app opening (`opening`), or the first ever,
   * is the app asking for its feed: it is answered whatever the politeness rules say. After that a new
   * area or a long enough walk may push.
   */
  onLocation(traveller: Traveller, position: Position, clock: Clock, opening: boolean, store: Write): Promise<PushOutcome> {
    return this.serial(traveller.id, async () => {
      const outcome = await this.decideOnLocation(traveller, position, clock, opening, store);
      // No push: the position is stored on its own; with a push it went with the push's own record.
      if (!outcome.pushed) this.ctx.afterTurn.add([store]);
      return outcome;
    });
  }

  private async decideOnLocation(traveller: Traveller, position: Position, clock: Clock, opening: boolean, store: Write): Promise<PushOutcome> {
    const { settings, state } = await this.view(traveller.id);
    const area = this.ctx.graph.areaAt(position.lat, position.lon);
    if (opening || !state.lastPosition) {
      return this.push(traveller, position, clock, settings, state, { trigger: 'first_position', evidence: { key: 'trigger.first_position', params: {} }, solicited: true, remember: {} }, store);
    }
    // A named new area says more than a distance: it goes first.
    const firing = newAreaTrigger(settings, state, area, this.ctx.graph.areaName(area)) ?? movedTrigger(settings, state, position);
    if (!firing) return { pushed: false, reason: 'no_trigger' };
    return this.push(traveller, position, clock, settings, state, unsolicited(firing), store);
  }

  /** "Suggest now", or a refreshed feed after feedback or a reconnection: never throttled. */
  onRequest(traveller: Traveller, position: Position | null, clock: Clock, trigger: 'suggest_now' | 'feedback' | 'reconnected'): Promise<PushOutcome> {
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
      const tz = this.ctx.city.timezone;
      let firing: Firing | null = mealWindowTrigger(settings, state, localDate(now, tz), localMinutes(now, tz));
      // The wallet is personal data: its trigger reads bookings only with the wallet consent on.
      if (!firing && traveller.consents.wallet && settings.triggers.wallet_gap) {
        const bookings = await bookingsBetween(this.ctx.db, travellerId, new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 86_400_000));
        firing = walletGapTrigger(settings, state, currentGap(bookings, now, settings.minGapMinutes), (d) => localClock(d, tz));
      }
      if (!firing) return { pushed: false, reason: 'no_trigger' };
      const usable = traveller.consents.location ? position : null;
      return this.push(traveller, usable, clock, settings, state, unsolicited(firing));
    });
  }

  /** Whether a tick could fire for the traveller: a meal window not yet announced, or a possible wallet gap. */
  private mayFireOnTick({ traveller, settings, state, mayHaveGap }: PushView, now: Date): boolean {
    const tz = this.ctx.city.timezone;
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

  /** `alsoStore` is written with the push's own record when a push goes out (the position that caused it). */
  private async push(traveller: Traveller, position: Position | null, clock: Clock, settings: PushSettings, state: PushState, req: Request, alsoStore?: Write): Promise<PushOutcome> {
    const now = clock.now();
    const tz = this.ctx.city.timezone;
    const day = localDate(now, tz);
    if (!req.solicited) {
      const hold = holdReason(settings, state, now, localMinutes(now, tz));
      if (hold) return { pushed: false, reason: hold };
    }
    // "Never the same suggestion twice in a day unless asked": the ranking skips them, and offers the best
    // three of the rest.
    const seen = req.solicited || settings.repeatSameDay ? NOTHING_SEEN : await this.ctx.pushCache.pushedOn(traveller.id, day);
    const { items, coldStart } = this.ctx.recommender.suggest({ traveller, now, position, limit: PUSH_SIZE, skip: seen });
    if (items.length === 0 && !req.solicited) return { pushed: false, reason: 'nothing_new' };
    // Where the push was made is location data: kept only with the location consent, dropped without it.
    const where = !traveller.consents.location
      ? { lastPosition: null, lastArea: null }
      : position
        ? { lastPosition: { lat: position.lat, lon: position.lon }, lastArea: this.ctx.graph.areaAt(position.lat, position.lon) }
        : {};
    const next: PushState = { ...state, ...req.remember, ...where, lastPushAt: now, lastUnsolicitedAt: req.solicited ? state.lastUnsolicitedAt : now };
    const ids = items.map((s) => s.id);
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
    return { pushed: true, trigger: req.trigger, items: items.length };
  }
}

function unsolicited(f: Firing): Request {
  return { trigger: f.kind, evidence: f.evidence, solicited: false, remember: f.remember };
}

/** Minutes since local midnight in the city (the cached local hour, to the minute). */
function localMinutes(at: Date, tz: string): number {
  return Math.round(localHour(at, tz) * 60);
}

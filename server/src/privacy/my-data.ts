/**
 * Everything Escale holds about a traveller, read in one go (GDPR Art. 15), and given as one file to take
 * elsewhere (Art. 20): the same `MyData` for the page and the export, validated against the contract before
 * it leaves, so the published schema (docs/export-schema.json) is what is sent.
 */
import { type Change, type HeldInsightEvent, MY_DATA_SCHEMA_VERSION, MyData, ServerSuggestions, type HeldInteraction } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { notesOf } from '../advisor-notes/queries.ts';
import { loadPushSettings } from '../push/settings.ts';
import { consentHistory, consentsOf } from '../travellers/consents.ts';
import type { InteractionKind, Traveller } from '../travellers/model.ts';
import { removeInteraction } from '../travellers/queries.ts';
import { forgetEvents, isInsightFeedback } from '../insights/events.ts';
import { listBookings } from '../wallet/queries.ts';
import { listTrips } from '../wallet/trip-store.ts';
import { fewerLikeOf, rankingSettingsOf } from './queries.ts';

export type MyDataDeps = Pick<AppContext, 'db' | 'graph' | 'recommender' | 'config' | 'clock' | 'insights'>;

export async function myData(ctx: MyDataDeps, traveller: Traveller): Promise<MyData> {
  const id = traveller.id;
  // What was shown a moment ago and waits to be written is held too: written first, then read.
  await ctx.insights.flush();
  const account = await ctx.db.selectFrom('traveller_accounts').select('email').where('traveller_id', '=', traveller.id).executeTakeFirst();
  const [row, consents, history, settings, fewer, interactions, positions, bookings, trips, pushSettings, messages, sessions, advisorNotes, statistics] = await Promise.all([
    ctx.db.selectFrom('travellers').select(['created_at', 'onboarded_at']).where('id', '=', id).executeTakeFirstOrThrow(),
    consentsOf(ctx.db, id),
    consentHistory(ctx.db, id),
    rankingSettingsOf(ctx.db, id),
    fewerLikeOf(ctx.db, id),
    ctx.db.selectFrom('interactions').select(['place_id', 'kind', 'at']).where('traveller_id', '=', id).orderBy('at', 'desc').execute(),
    ctx.db.selectFrom('positions').select(['lat', 'lon', 'accuracy_m', 'at']).where('traveller_id', '=', id).execute(),
    listBookings(ctx.db, id),
    listTrips(ctx.db, id),
    loadPushSettings(ctx.db, id),
    ctx.db.selectFrom('message_log').select(['body']).where('traveller_id', '=', id).where('type', '=', 'suggestions').orderBy('seq', 'desc').execute(),
    ctx.db.selectFrom('sessions').select(['created_at', 'expires_at']).where('traveller_id', '=', id).orderBy('created_at', 'desc').execute(),
    notesOf(ctx.db, id),
    ctx.db
      .selectFrom('insight_events')
      .select(['day', 'action', 'place_id', 'category', 'signal'])
      .where('traveller_id', '=', id)
      .orderBy('day', 'desc')
      .orderBy('action')
      .orderBy('place_id')
      .execute(),
  ]);
  const data: MyData = {
    schemaVersion: MY_DATA_SCHEMA_VERSION,
    exportedAt: ctx.clock.now().toISOString(),
    traveller: {
      id,
      name: traveller.name,
      email: account?.email ?? null,
      locale: traveller.locale,
      city: ctx.graph.city(traveller.cityId)?.name ?? traveller.cityId,
      agency: ctx.recommender.agencyNameOf(traveller.agencyId),
      createdAt: row.created_at,
    },
    consents: { now: consents, history },
    rankingSettings: settings,
    // Kept only with the profile consent: without it there is nothing to show (consents.ts clears it).
    profile: consents.profile ? { likes: traveller.likes, dislikes: traveller.dislikes, party: traveller.party, budget: traveller.budget } : null,
    advisorNotes,
    onboardedAt: row.onboarded_at,
    fewerLike: fewer,
    interactions: interactions.map((i): HeldInteraction => ({ placeId: i.place_id, placeName: ctx.graph.place(i.place_id)?.name ?? null, kind: i.kind as HeldInteraction['kind'], at: i.at })),
    positions: positions.map((p) => ({ lat: p.lat, lon: p.lon, accuracyMeters: p.accuracy_m, at: p.at })),
    bookings,
    trips,
    pushSettings,
    // A logged message that no longer parses (an older protocol) is left out rather than failing the page.
    suggestionsReceived: messages.flatMap((m) => {
      const parsed = ServerSuggestions.safeParse(JSON.parse(m.body));
      return parsed.success ? [parsed.data] : [];
    }),
    statistics: statistics.map((e): HeldInsightEvent => ({
      day: e.day,
      action: e.action as HeldInsightEvent['action'],
      placeId: e.place_id,
      placeName: ctx.graph.place(e.place_id)?.name ?? null,
      category: e.category,
      signal: e.signal,
    })),
    sessions: sessions.map((s) => ({ createdAt: s.created_at, expiresAt: s.expires_at })),
    retention: { positionHours: Math.round(ctx.config.retention.positionMs / 3_600_000), suggestionsKept: ctx.config.realtime.replayMaxMessages },
  };
  return MyData.parse(data);
}

/** "escale-my-data-2026-12-04.json" */
export const exportFileName = (at: Date): string => `escale-my-data-${at.toISOString().slice(0, 10)}.json`;

/**
 * Takes back one interaction (a like, a save, "been there", "not interested"): the row, every instance's graph
 * edge, and the open feed ranked again (`traveller_changed`). Returns whether it was held.
 */
export async function takeBackInteraction(ctx: Pick<AppContext, 'changes'>, i: { travellerId: string; placeId: string; kind: InteractionKind }): Promise<boolean> {
  return ctx.changes.record(
    async (trx) => {
      // A like or a dismissal taken back leaves the agency's insights too.
      if (isInsightFeedback(i.kind)) await forgetEvents(trx, i.travellerId, i.kind, i.placeId);
      return removeInteraction(trx, i);
    },
    (removed): Change[] =>
      removed
        ? [
            { type: 'interaction_removed', ...i },
            { type: 'traveller_changed', travellerId: i.travellerId },
          ]
        : [],
  );
}

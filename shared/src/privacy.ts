/**
 * The traveller's control over their personalisation and their data (issue 21; DSA Art. 27 and 38, GDPR
 * Art. 7, 15, 17 and 20): how the feed is ranked for them, what they told us about themselves, "fewer like
 * this", everything held about them (the export), and the public description of the ranking.
 */
import { z } from 'zod';
import { Booking } from './booking.ts';
import { InterestRef, Party } from './catalogue.ts';
import { CategoryId, Tag } from './categories.ts';
import { ConsentCategory, ConsentEvent, Consents } from './consent.ts';
import { Evidence } from './evidence.ts';
import { Latitude, Longitude } from './geo.ts';
import { FeedbackKind, ServerSuggestions } from './protocol.ts';
import { PushSettings } from './push.ts';
import { SIGNAL_CONSENT, SIGNAL_IDS, SignalId } from './signals.ts';
import { Trip } from './trip.ts';
import { checkStances, KnownInterest } from './stated-interests.ts';
import { AdvisorNote } from './advisor-notes.ts';
import { HeldInsightEvent } from './insights.ts';

/** The signals that read personal data: the ones a traveller may switch off one by one. */
export const PERSONAL_SIGNAL_IDS = SIGNAL_IDS.filter((id) => SIGNAL_CONSENT[id] !== null) as Exclude<SignalId, 'timing' | 'popularity' | 'agency'>[];
export const PersonalSignalId = z.enum(PERSONAL_SIGNAL_IDS as [Exclude<SignalId, 'timing' | 'popularity' | 'agency'>, ...Exclude<SignalId, 'timing' | 'popularity' | 'agency'>[]]);
export type PersonalSignalId = z.infer<typeof PersonalSignalId>;

/**
 * Where the feed is centred when no position is known (location off, or non-profiled): the city centre or
 * a neighbourhood the traveller chose. Not personal data: a choice on screen, never where they are.
 */
export const FeedAnchor = z.discriminatedUnion('kind', [z.object({ kind: z.literal('city_centre') }).strict(), z.object({ kind: z.literal('neighbourhood'), id: z.string().min(1).max(80) }).strict()]);
export type FeedAnchor = z.infer<typeof FeedAnchor>;

/** How the traveller wants their feed ranked: persisted, read by every ranking and push on every instance. */
export const RankingSettings = z
  .object({
    /** Only non-personal signals, no personal datum read (DSA Art. 38). */
    nonProfiled: z.boolean(),
    /** Personal signals switched off by the traveller (the Why panel's "what if", My data): not computed. */
    signalsOff: z
      .array(PersonalSignalId)
      .max(PERSONAL_SIGNAL_IDS.length)
      .refine((ids) => new Set(ids).size === ids.length, 'each signal at most once'),
    anchor: FeedAnchor,
  })
  .strict();
export type RankingSettings = z.infer<typeof RankingSettings>;
export const DEFAULT_RANKING_SETTINGS: RankingSettings = { nonProfiled: false, signalsOff: [], anchor: { kind: 'city_centre' } };
/** `PUT /api/ranking-settings`: any of the three, the rest unchanged. */
export const RankingSettingsPatch = RankingSettings.partial().strict();
export type RankingSettingsPatch = z.infer<typeof RankingSettingsPatch>;

/** A neighbourhood one may centre the feed on: named from the catalogue's real addresses ("Paris 11e"). */
export const Neighbourhood = z.object({ id: z.string().min(1).max(80), name: z.string().min(1), lat: Latitude, lon: Longitude, places: z.number().int().min(1) });
export type Neighbourhood = z.infer<typeof Neighbourhood>;
export const RankingSettingsBody = z.object({ settings: RankingSettings, neighbourhoods: z.array(Neighbourhood) });
export type RankingSettingsBody = z.infer<typeof RankingSettingsBody>;

/** What the traveller said about themselves (profile consent), as held: read by `interests`, `party` and `budget`. */
export const TravellerProfile = z.object({
  likes: z.array(InterestRef),
  /** A disliked category or tag is never suggested (a hard rule, not a low score). */
  dislikes: z.array(InterestRef),
  party: Party,
  /** 1 (€) to 4 (€€€€), or not said. */
  budget: z.number().int().min(1).max(4).nullable(),
});
export type TravellerProfile = z.infer<typeof TravellerProfile>;
/** `PUT /api/profile` and the onboarding's answers: only known categories and well-formed tags, each once, never both liked and disliked. */
export const ProfileEdit = z
  .object({
    likes: z.array(KnownInterest).max(64),
    dislikes: z.array(KnownInterest).max(64),
    party: Party,
    budget: TravellerProfile.shape.budget,
  })
  .strict()
  .superRefine(checkStances);
export type ProfileEdit = z.infer<typeof ProfileEdit>;
/** The profile of someone who said nothing: one adult, no needs, no budget, no likes. */
export const EMPTY_PROFILE: TravellerProfile = { likes: [], dislikes: [], party: { adults: 1, childrenAges: [], accessibility: [] }, budget: null };

/**
 * What the onboarding and the profile editor offer to pick from, worked out from the traveller's city (a
 * cuisine no place serves there is not offered): every category with places, then the cuisines and music
 * most found on its places and events.
 */
export const ProfileChoices = z.object({ categories: z.array(CategoryId), cuisines: z.array(Tag), music: z.array(Tag) });
export type ProfileChoices = z.infer<typeof ProfileChoices>;

/**
 * `GET /api/profile`: the profile (null while the profile consent is off: nothing is kept), whether the
 * onboarding was done or skipped (so it is offered once), and what may be picked.
 */
export const ProfileBody = z.object({ profile: TravellerProfile.nullable(), onboarded: z.boolean(), choices: ProfileChoices });
export type ProfileBody = z.infer<typeof ProfileBody>;
/** `POST /api/profile/onboarding`: the answers (needs the profile consent), or `skipped`. */
export const OnboardingBody = z.discriminatedUnion('outcome', [z.object({ outcome: z.literal('answered'), profile: ProfileEdit }).strict(), z.object({ outcome: z.literal('skipped') }).strict()]);
export type OnboardingBody = z.infer<typeof OnboardingBody>;

/**
 * "Fewer like this" on a card: an instruction, kept and obeyed whatever the consents (like "Not interested"),
 * that lowers every suggestion of the category or tag; listed and reversible in My data.
 */
export const FewerLike = z.object({ interest: InterestRef, at: z.iso.datetime({ offset: true }) });
export type FewerLike = z.infer<typeof FewerLike>;
/** What a card asks for: a known category, or a tag as the catalogue writes them. */
export const FewerLikeInterest = KnownInterest;
export const FewerLikeBody = z.object({ interest: FewerLikeInterest }).strict();
export type FewerLikeBody = z.infer<typeof FewerLikeBody>;
export const FewerLikeList = z.object({ fewer: z.array(FewerLike) });
export type FewerLikeList = z.infer<typeof FewerLikeList>;
/** The score is multiplied by this for a suggestion of a category or tag the traveller asked fewer of. */
export const FEWER_LIKE_FACTOR = 0.35;

/** One interaction as held: a feedback given or a visit imported, with the place's name for the reader. */
export const HeldInteraction = z.object({
  placeId: z.string(),
  placeName: z.string().nullable(),
  kind: z.union([FeedbackKind, z.literal('visited')]),
  at: z.iso.datetime({ offset: true }),
});
export type HeldInteraction = z.infer<typeof HeldInteraction>;

/**
 * The interactions the history consent covers: likes, visits and places saved. Withdrawing it deletes them
 * (server/src/travellers/consents.ts), which My data says with their number before it is done. "Not
 * interested" and "Been there" are instructions, kept whatever the consents.
 */
export const HISTORY_INTERACTION_KINDS = ['liked', 'visited', 'saved'] as const satisfies readonly HeldInteraction['kind'][];

/** How many of the held interactions withdrawing the history consent would delete. */
export function historyItemCount(interactions: readonly Pick<HeldInteraction, 'kind'>[]): number {
  return interactions.filter((i) => (HISTORY_INTERACTION_KINDS as readonly string[]).includes(i.kind)).length;
}

/** A position as held: only the latest one, and only while location consent is on and within retention. */
export const HeldPosition = z.object({ lat: Latitude, lon: Longitude, accuracyMeters: z.number().nullable(), at: z.iso.datetime({ offset: true }) });
export type HeldPosition = z.infer<typeof HeldPosition>;

/** How long each kind of data is kept before the scheduled purge removes it (documented limits). */
export const Retention = z.object({
  positionHours: z.number().int().min(1),
  suggestionsKept: z.number().int().min(0),
});
export type Retention = z.infer<typeof Retention>;

export const MY_DATA_SCHEMA_VERSION = 1;

/**
 * Everything Escale holds about a traveller (GDPR Art. 15), and the export file (Art. 20) as is. Its JSON
 * Schema (docs/export-schema.json) is generated from this definition.
 */
export const MyData = z.object({
  schemaVersion: z.literal(MY_DATA_SCHEMA_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  traveller: z.object({
    id: z.string(),
    name: z.string(),
    /** The account's sign-in address; null for a traveller without an account of their own (a demo visitor). */
    email: z.string().nullable(),
    locale: z.enum(['en', 'fr']),
    city: z.string(),
    agency: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  }),
  consents: z.object({ now: Consents, history: z.array(ConsentEvent) }),
  rankingSettings: RankingSettings,
  profile: TravellerProfile.nullable(),
  /** What the traveller told their agency's advisors, as they noted it (kept only with the profile consent). */
  advisorNotes: z.array(AdvisorNote),
  /** When the onboarding was answered or skipped; null while it has not been. */
  onboardedAt: z.iso.datetime({ offset: true }).nullable(),
  fewerLike: z.array(FewerLike),
  interactions: z.array(HeldInteraction),
  positions: z.array(HeldPosition),
  bookings: z.array(Booking),
  trips: z.array(Trip),
  pushSettings: PushSettings,
  /** The notifications received, with their explanations, as long as they are kept (`retention`). */
  suggestionsReceived: z.array(ServerSuggestions),
  /**
   * What the agency's statistics hold of the traveller: a row per suggestion's place and day they were shown,
   * liked, dismissed or booked, newest first, kept INSIGHT_LIMITS.retentionDays; the agency only ever sees
   * counts of at least 5 travellers made from them.
   */
  statistics: z.array(HeldInsightEvent),
  sessions: z.array(z.object({ createdAt: z.iso.datetime({ offset: true }), expiresAt: z.iso.datetime({ offset: true }) })),
  retention: Retention,
});
export type MyData = z.infer<typeof MyData>;

/** One signal as the public page explains it: the figures the server ranks with, not a copy of them. */
export const ExplainedSignal = z.object({
  id: SignalId,
  weight: z.number().min(0),
  /** weight / the sum of all weights: the most this signal can make of a score. */
  maxShare: z.number().min(0).max(1),
  consent: ConsentCategory.nullable(),
  /** In the non-profiled feed (it reads no personal data). */
  nonProfiled: z.boolean(),
  description: Evidence,
  reads: Evidence,
});
/** `GET /api/ranking` (public, no sign-in): the main parameters of the recommender (DSA Art. 27). */
export const RankingExplained = z.object({
  signals: z.array(ExplainedSignal),
  hardRules: z.array(Evidence),
  promotions: Evidence,
  fewerLikeFactor: z.number().min(0).max(1),
  retention: Retention,
});
export type RankingExplained = z.infer<typeof RankingExplained>;

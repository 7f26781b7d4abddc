/**
 * The database tables as kysely sees them. Types stay portable between SQLite and PostgreSQL: text ids,
 * ISO-8601 UTC timestamps as text, JSON as text, booleans as 0/1 integers.
 */
import type { Generated } from 'kysely';

export interface AgencyTable {
  id: string;
  name: string;
  created_at: string;
  /** JSON AgencyRanking (weights within bounds, the promotion lift); null = the defaults. */
  ranking: string | null;
}

export interface CityTable {
  id: string;
  name: string;
  timezone: string;
  country_code: string | null;
  center_lat: number;
  center_lon: number;
  attribution: string; // JSON string[]
}

export interface PlaceTable {
  id: string;
  agency_id: string;
  city_id: string;
  name: string;
  category: string;
  tags: string; // JSON string[]
  lat: number;
  lon: number;
  address: string | null;
  opening_hours: string | null;
  price_level: number | null;
  rating: number | null;
  review_count: number;
  website: string | null;
  seeded: string; // JSON string[]
  source_dataset: string;
  source_ref: string;
  updated_at: string;
  /** 'draft' (never published), 'published', 'archived' (out of suggestions; kept for bookings). */
  status: Generated<string>;
  /** JSON PlaceDraft: edits of a published place waiting for the agency to publish; null when none. */
  draft: string | null;
  /** The place's id in the file it came from (`osm:node/…`), unique per agency: re-imports find it. */
  external_id: string | null;
}

export interface EventTable {
  id: string;
  agency_id: string;
  place_id: string;
  template_id: string | null;
  title: string;
  kind: string;
  tags: string; // JSON string[]
  starts_at: string;
  ends_at: string;
  capacity: number;
  seats_left: number;
  /** Per person, in `currency`. */
  price: number;
  currency: Generated<string>;
  /** 'draft' | 'published' | 'archived', as places. */
  status: Generated<string>;
  /** JSON of the edited fields waiting for publication; null when none. */
  draft: string | null;
  updated_at: string | null;
}

export interface OfferTable {
  id: string;
  agency_id: string;
  place_id: string;
  title: string;
  description: string;
  price: number;
  currency: Generated<string>;
  seats_total: number;
  seats_left: number;
  tags: string; // JSON string[]
  sale_starts_at: string | null;
  sale_ends_at: string | null;
  status: Generated<string>;
  draft: string | null;
  updated_at: string | null;
}

/** A promotion of a place, an event or an offer: a boost for a window, with the agency's label. */
export interface PromotionTable {
  id: string;
  agency_id: string;
  target_kind: string; // 'place' | 'event' | 'offer'
  target_id: string;
  boost: number;
  starts_at: string;
  ends_at: string;
  label: string | null;
  status: Generated<string>;
  draft: string | null;
  updated_at: string;
}

export interface TravellerTable {
  id: string;
  agency_id: string;
  name: string;
  locale: string;
  city_id: string;
  persona_id: string | null;
  likes: string; // JSON InterestRef[]
  dislikes: string; // JSON InterestRef[]
  party: string; // JSON Party
  budget: number | null;
  created_at: string;
  push_settings: string | null; // JSON PushSettings, null = defaults
  ranking_settings: string | null; // JSON RankingSettings, null = defaults
  /** When the onboarding was answered or skipped; null = not yet offered. */
  onboarded_at: string | null;
  /** 1 for a demo visitor's private copy of a persona, erased with its session. */
  ephemeral: Generated<number>;
}

export interface ConsentTable {
  traveller_id: string;
  category: string;
  granted: number;
  updated_at: string;
}

/** Each change of a consent, when it happened (travellers/consents.ts). */
export interface ConsentHistoryTable {
  traveller_id: string;
  category: string;
  granted: number;
  at: string;
}

/** "Fewer like this": a category or tag the traveller asked to see less of (privacy/fewer-like.ts). */
export interface FewerLikeTable {
  traveller_id: string;
  kind: string; // InterestRef kind: category | tag
  interest_id: string;
  at: string;
}

/**
 * What a client told their advisor (advisor-notes/): kept only with the traveller's profile consent (deleted
 * when it is withdrawn, and with the traveller), in the traveller's agency.
 */
export interface AdvisorNoteTable {
  id: string;
  traveller_id: string;
  agency_id: string;
  /** The staff member who noted it; null once their account is gone (their name stays, as the traveller saw it). */
  staff_id: string | null;
  staff_name: string;
  likes: string; // JSON InterestRef[]
  dislikes: string; // JSON InterestRef[]
  party: string | null; // JSON Party, null = not said
  budget: number | null;
  said: string;
  noted_at: string;
  updated_at: string;
  /** When the traveller corrected it; null = as the advisor noted it. */
  corrected_at: string | null;
}

/**
 * What a traveller was shown, liked, dismissed or booked, for the agency's insights (insights/): one row per
 * traveller, action, place and city day; read only as counts of distinct travellers, kept
 * INSIGHT_LIMITS.retentionDays, erased with the traveller.
 */
export interface InsightEventTable {
  traveller_id: string;
  agency_id: string;
  action: string; // InsightAction
  place_id: string;
  /** The city's date, "YYYY-MM-DD". */
  day: string;
  /** The Monday of the day's ISO week, "YYYY-MM-DD" (week buckets group by it). */
  week: string;
  category: string;
  /** The signal that drove the suggestion (for a like, dismissal or booking: of the suggestion it follows). */
  signal: string;
}

export interface InteractionTable {
  id: Generated<number>;
  traveller_id: string;
  place_id: string;
  kind: string;
  at: string;
}

export interface PositionTable {
  traveller_id: string;
  lat: number;
  lon: number;
  accuracy_m: number | null;
  at: string;
}

export interface SessionTable {
  id_hash: string;
  traveller_id: string;
  created_at: string;
  expires_at: string;
  clock: string | null; // JSON StoredClock, null = the server's clock
  /** 1 when demo sign-in issued it: refused once demo mode is off. */
  demo: Generated<number>;
}

export interface PushStateTable {
  traveller_id: string;
  last_push_at: string | null;
  last_unsolicited_at: string | null;
  last_lat: number | null;
  last_lon: number | null;
  last_area: string | null;
  last_meal: string | null;
  last_gap: string | null;
}

export interface PushedItemTable {
  traveller_id: string;
  local_date: string;
  item_id: string;
}

export interface BookingTable {
  id: string;
  traveller_id: string;
  kind: string;
  title: string;
  place_id: string | null;
  starts_at: string;
  ends_at: string | null;
  timezone: string;
  source: string;
  status: string;
  created_at: string;
  /** JSON BookingDetails. */
  details: Generated<string>;
  /** The reservation's identity across imports (wallet/import/fingerprint.ts); null for one typed by hand. */
  fingerprint: string | null;
  /** An agency offer booked in the app, and its seats (given back when cancelled). */
  offer_id: Generated<string | null>;
  quantity: Generated<number | null>;
  /** The trip it belongs to (wallet/trips.ts); null while cancelled. */
  trip_id: Generated<string | null>;
}

/** A trip: bookings grouped by time (wallet/trips.ts). */
export interface TripTable {
  id: string;
  traveller_id: string;
  name: string;
  /** 'auto' (after its destination) or 'traveller' (renamed: no booking renames it again). */
  name_source: Generated<string>;
  created_at: string;
  /** The order the traveller's trips were made in: the older keeps its id when two merge. */
  seq: number;
}

/** A trip's calendar feed: the token's SHA-256 only (wallet/calendar-feed.ts). */
export interface CalendarFeedTable {
  token_hash: string;
  traveller_id: string;
  trip_id: string;
  created_at: string;
  revoked_at: string | null;
}

/** A booking request's idempotency key and the answer it got (wallet/book-offer.ts). */
export interface BookingRequestTable {
  traveller_id: string;
  idempotency_key: string;
  request: string;
  status: number;
  response: string;
  created_at: string;
}

/** A traveller's forwarding address, as the SHA-256 of its token (wallet/forwarding/address.ts). */
export interface WalletForwardingTable {
  traveller_id: string;
  token_hash: string;
  /** JSON array of the senders accepted; empty: any. */
  allowed_senders: string;
  created_at: string;
}

/** A message received at a forwarding address: its preview or refusal, waiting for the traveller. */
export interface WalletInboxTable {
  id: string;
  traveller_id: string;
  received_at: string;
  sender: string;
  subject: string;
  /** JSON ImportPreview, or null when refused. */
  preview: string | null;
  /** JSON {reason, message}, or null when read. */
  refusal: string | null;
  status: string;
}

export interface MessageLogTable {
  traveller_id: string;
  seq: number;
  type: string;
  body: string; // JSON ServerMessage
  at: string;
}

/** A traveller's last sequence number; its row is locked while a message is numbered and committed. */
export interface MessageCounterTable {
  traveller_id: string;
  seq: number;
}

/** An entry of the change log: a JSON Change (shared/src/changes.ts) at its position. */
export interface ChangeLogTable {
  position: number;
  origin: string;
  change: string;
  at: string;
}

/** The change log's one counter row (id 1): the last position given. */
export interface ChangeCounterTable {
  id: number;
  position: number;
}

export interface StaffTable {
  id: string;
  agency_id: string;
  /** Lower-cased: one account per address, whatever its case. */
  email: string;
  name: string;
  role: string;
  /** argon2id (PHC string); null until the member sets a password from their link. */
  password_hash: string | null;
  demo: Generated<number>;
  created_at: string;
}

export interface StaffSessionTable {
  id_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
}

export interface PasswordLinkTable {
  token_hash: string;
  staff_id: string;
  expires_at: string;
}

export interface TravellerAccountTable {
  traveller_id: string;
  /** Lower-cased: one account per address. */
  email: string;
  password_hash: string;
  created_at: string;
}

export interface AccountPasswordLinkTable {
  token_hash: string;
  traveller_id: string;
  expires_at: string;
}

export interface InvitationTable {
  id: string;
  token_hash: string;
  agency_id: string;
  note: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  agencies: AgencyTable;
  cities: CityTable;
  places: PlaceTable;
  events: EventTable;
  offers: OfferTable;
  promotions: PromotionTable;
  travellers: TravellerTable;
  consents: ConsentTable;
  consent_history: ConsentHistoryTable;
  interactions: InteractionTable;
  fewer_like: FewerLikeTable;
  advisor_notes: AdvisorNoteTable;
  insight_events: InsightEventTable;
  positions: PositionTable;
  sessions: SessionTable;
  push_state: PushStateTable;
  pushed_items: PushedItemTable;
  bookings: BookingTable;
  booking_requests: BookingRequestTable;
  trips: TripTable;
  calendar_feeds: CalendarFeedTable;
  wallet_forwarding: WalletForwardingTable;
  wallet_inbox: WalletInboxTable;
  message_log: MessageLogTable;
  message_counters: MessageCounterTable;
  change_log: ChangeLogTable;
  change_counter: ChangeCounterTable;
  staff: StaffTable;
  staff_sessions: StaffSessionTable;
  password_links: PasswordLinkTable;
  traveller_accounts: TravellerAccountTable;
  invitations: InvitationTable;
  account_password_links: AccountPasswordLinkTable;
  meta: MetaTable;
}

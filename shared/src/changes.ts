/**
 * What instances tell each other (docs/SCALING.md). A change is a fact committed with its entry in the
 * database's change log, applied by every instance in log order (the travel graph, caches, sockets); Redis,
 * when there is one, only wakes instances up and carries live messages. Both are validated where they come
 * in: a log entry or a Redis message that does not parse is refused, never half-applied.
 */
import { z } from 'zod';
const Id = z.string().min(1).max(200);
/** What a traveller did with a place: feedback kinds, and `visited` (history imported or seeded). */
const InteractionKind = z.enum(['liked', 'visited', 'been_there', 'dismissed', 'saved']);

export const Change = z.discriminatedUnion('type', [
  /** Feedback stored: the graph gains (or refreshes) the traveller → place edge. */
  z.object({ type: z.literal('interaction_recorded'), travellerId: Id, placeId: Id, kind: InteractionKind, at: z.iso.datetime() }),
  /** Feedback taken back: the edge goes. */
  z.object({ type: z.literal('interaction_removed'), travellerId: Id, placeId: Id, kind: InteractionKind }),
  /** A traveller was created (a demo visitor, private to the graph): added with the history it starts with. */
  z.object({
    type: z.literal('traveller_created'),
    travellerId: Id,
    private: z.boolean(),
    interactions: z.array(z.object({ placeId: Id, kind: InteractionKind, at: z.iso.datetime() })).max(10_000),
  }),
  /** Consents, profile or push settings changed: whatever holds them in memory reads them again. */
  z.object({ type: z.literal('traveller_changed'), travellerId: Id }),
  /** A traveller's bookings changed: the wallet's readers (the gap trigger) read them again. */
  z.object({ type: z.literal('booking_changed'), travellerId: Id }),
  /** The wallet's inbox changed: the traveller's sockets are told how many items wait (`pending`). */
  z.object({ type: z.literal('wallet_inbox_changed'), travellerId: Id, pending: z.number().int().min(0) }),
  /** A session can no longer be used: its sockets close (4401) and its clock is forgotten, on every instance. */
  z.object({ type: z.literal('session_ended'), sessionId: Id, travellerId: Id, reason: z.enum(['signed_out', 'expired', 'erased']) }),
  /**
   * A traveller's rows are gone: every instance lets go of them (graph, caches, positions, sockets). Named by
   * the SHA-256 of their id (`travellerDigest`), so that not even the log keeps the id of someone erased; an
   * instance finds the id among those it holds. `travellerId`: entries written before digests.
   */
  z.object({
    type: z.literal('traveller_erased'),
    travellerId: Id.optional(),
    travellerDigest: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  }),
  /** An entry emptied by an erasure (it named the erased traveller): applies nothing, keeps the log gapless. */
  z.object({ type: z.literal('redacted') }),
  /** An agency's ranking settings changed: every instance reads them again for its travellers' next rankings. */
  z.object({ type: z.literal('agency_changed'), agencyId: Id }),
  /** Catalogue records written (a re-seed, an agency's edit): every instance reads them again into its graph. */
  z.object({
    type: z.literal('catalogue_changed'),
    places: z.array(Id).max(200_000),
    events: z.array(Id).max(200_000),
    offers: z.array(Id).max(200_000),
    /** Absent from entries written before promotions were records of their own. */
    promotions: z.array(Id).max(200_000).optional(),
  }),
]);
export type Change = z.infer<typeof Change>;
export type ChangeType = Change['type'];

/**
 * What travels on Redis: a wake-up (the change log's new head), or word that a traveller's message `seq` is
 * in the message log. Only the number travels: an instance holding none of the traveller's sockets (nearly
 * every one) drops it at once, and one that holds some reads the message from the log, the one copy.
 */
export const RelayMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('wake'), origin: Id, position: z.number().int().min(1) }),
  z.object({ type: z.literal('message'), origin: Id, travellerId: Id, seq: z.number().int().min(1) }),
]);
export type RelayMessage = z.infer<typeof RelayMessage>;

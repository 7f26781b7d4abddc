/**
 * The WebSocket protocol, versioned. Every message type is a zod schema keyed by `type`; the server and the
 * client parse with these, so a payload is typed once. Server messages carry a per-traveller sequence
 * number for replay after a reconnect.
 */
import { z } from 'zod';
import { Evidence } from './evidence.ts';
import { Latitude, Longitude } from './geo.ts';
import { TriggerKind } from './push.ts';
import { Suggestion } from './suggestion.ts';

/** 2: the feed (`feed`, `refresh`) apart from notifications (`suggestions`); feedback with undo. */
export const PROTOCOL_VERSION = 2;

/** Close codes the server uses, each saying why; the client reconnects after any but `protocolVersion`. */
export const CLOSE_CODES = {
  /** The client speaks another protocol version: reloading the app is the fix, not reconnecting. */
  protocolVersion: 4400,
  /** Too many messages (RFC 6455 1008, policy violation). */
  rateLimited: 1008,
  /** The client reads too slowly: the server stopped buffering; reconnect with lastSeq to resync. */
  slowConsumer: 4408,
  /** No pong within the heartbeat window. */
  noHeartbeat: 4000,
  /** The session ended (signed out, expired, erased, or demo mode switched off): sign in again. */
  sessionEnded: 4401,
  /** No hello within WS_HELLO_TIMEOUT_MS of opening (RFC 6455 1008, policy violation). */
  noHello: 1008,
} as const;

export const ClientHello = z.object({
  type: z.literal('hello'),
  protocol: z.number().int(),
  /** Last sequence number this client saw, for replay; omitted on a first connection. */
  lastSeq: z.number().int().min(0).optional(),
});
export const ClientLocation = z.object({
  type: z.literal('location'),
  lat: Latitude,
  lon: Longitude,
  accuracyMeters: z.number().min(0).max(100_000).optional(),
});
/** "Ideas now": a notification of three, asked for, so never held back. */
export const ClientSuggestNow = z.object({ type: z.literal('suggest_now') });
/** The feed, ranked now: on the clock, on coming back to the app, or with no position to send. */
export const ClientRefresh = z.object({ type: z.literal('refresh') });
export const FeedbackKind = z.enum(['dismissed', 'liked', 'been_there', 'saved']);
export type FeedbackKind = z.infer<typeof FeedbackKind>;
export const ClientFeedback = z.object({
  type: z.literal('feedback'),
  placeId: z.string().min(1).max(200),
  kind: FeedbackKind,
});
/** Takes a feedback back ("Undo"): the place is as if it had never been given. */
export const ClientFeedbackUndo = z.object({
  type: z.literal('feedback_undo'),
  placeId: z.string().min(1).max(200),
  kind: FeedbackKind,
});

export const ClientMessage = z.discriminatedUnion('type', [ClientHello, ClientLocation, ClientSuggestNow, ClientRefresh, ClientFeedback, ClientFeedbackUndo]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export const CLIENT_MESSAGE_TYPES = ClientMessage.options.map((o) => o.shape.type.value);

export const ServerWelcome = z.object({
  type: z.literal('welcome'),
  seq: z.number().int().min(0),
  protocol: z.literal(PROTOCOL_VERSION),
  traveller: z.object({ id: z.string(), name: z.string() }),
  /** The session's clock ("now" for opening hours and events), ISO with offset. */
  now: z.string(),
  /**
   * What the hello's `lastSeq` got: `replayed` (every missed message follows, in order), `fresh` (no
   * lastSeq, or nothing missed), or `reset` (the missed messages are older than the replay window: drop
   * local state, a fresh push follows).
   */
  replay: z.enum(['replayed', 'fresh', 'reset']),
});
/**
 * Whether a notification could go out now, and if not, until when (for the screen to say so): `on`,
 * `quiet_hours` until a local time, `paced` until the next one is allowed, or `off` (every trigger off).
 */
export const NotificationStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('on') }),
  z.object({ state: z.literal('off') }),
  /** `until`: the city's clock ("08:00"). */
  z.object({ state: z.literal('quiet_hours'), until: z.string() }),
  /** `nextAt`: the city's clock ("18:34"); `minutes`: how long from now. */
  z.object({ state: z.literal('paced'), nextAt: z.string(), minutes: z.number().int().min(0) }),
]);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

/** The most ideas the feed shows; a notification carries three (push policy). */
export const FEED_SIZE = 10;

/**
 * The feed on screen: ranked afresh on every position, on the clock and after feedback; never throttled and
 * never logged (the latest one is the only true one, so nothing is replayed). `refreshInMs`: when, in real
 * time, something it shows stops being true (a place closes, an event starts); the client asks again then.
 */
export const ServerFeed = z.object({
  type: z.literal('feed'),
  /** When it was ranked, on the session's clock (ISO with offset). */
  at: z.string(),
  position: z.object({ lat: Latitude, lon: Longitude }).nullable(),
  /** The city the traveller is in (an id of the config's cities): the map, clock and credits follow it. */
  cityId: z.string().min(1).max(64),
  items: z.array(Suggestion).max(FEED_SIZE),
  coldStart: z.boolean(),
  notifications: NotificationStatus,
  refreshInMs: z.number().int().min(0).nullable(),
});
export type ServerFeed = z.infer<typeof ServerFeed>;

/**
 * A notification: up to three ideas sent for a reason (a trigger, or because the traveller asked), logged
 * with a sequence number and replayed to a client that missed it.
 */
export const ServerSuggestions = z.object({
  type: z.literal('suggestions'),
  seq: z.number().int().min(0),
  /** When the ranking was made, on the session's clock (ISO with offset). */
  at: z.string(),
  trigger: z.object({ kind: TriggerKind, evidence: Evidence }),
  position: z.object({ lat: Latitude, lon: Longitude }).nullable(),
  items: z.array(Suggestion).max(10),
  /** True when the traveller has no stated interests or history: the card invites them to say what they like. */
  coldStart: z.boolean(),
  /** True for a push the traveller asked for (Suggest now, feedback, reconnection): politeness does not apply. */
  solicited: z.boolean(),
});
export const ServerFeedbackAck = z.object({
  type: z.literal('feedback_ack'),
  seq: z.number().int().min(0),
  placeId: z.string(),
  kind: FeedbackKind,
  /** Present and true when this acknowledges an undo. */
  undone: z.boolean().optional(),
});
export const ErrorCode = z.enum([
  'bad_json',
  'binary_frame',
  'bad_message',
  'unknown_type',
  'protocol_version',
  'consent_required',
  'not_found',
  'rate_limited',
  /** The server's database cannot be reached right now; the connection stays open, try again shortly. */
  'unavailable',
  'internal',
  'slow_consumer',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
export const ServerError = z.object({
  type: z.literal('error'),
  code: ErrorCode,
  message: z.string(),
});

/**
 * The wallet's inbox changed (a forwarded e-mail landed, an item was kept or dismissed): `count` items wait.
 * Not logged: the count now is the only true one, and a client that reconnects reads the inbox anyway.
 */
export const ServerWalletInbox = z.object({ type: z.literal('wallet_inbox'), count: z.number().int().min(0) });

export const ServerMessage = z.discriminatedUnion('type', [ServerWelcome, ServerFeed, ServerSuggestions, ServerFeedbackAck, ServerError, ServerWalletInbox]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerSuggestions = z.infer<typeof ServerSuggestions>;
export type ServerWelcome = z.infer<typeof ServerWelcome>;

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

export const PROTOCOL_VERSION = 1;

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
export const ClientSuggestNow = z.object({ type: z.literal('suggest_now') });
export const ClientFeedback = z.object({
  type: z.literal('feedback'),
  placeId: z.string().min(1).max(200),
  kind: z.enum(['dismissed', 'liked', 'been_there']),
});

export const ClientMessage = z.discriminatedUnion('type', [ClientHello, ClientLocation, ClientSuggestNow, ClientFeedback]);
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
  kind: ClientFeedback.shape.kind,
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
  'internal',
  'slow_consumer',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
export const ServerError = z.object({
  type: z.literal('error'),
  code: ErrorCode,
  message: z.string(),
});

export const ServerMessage = z.discriminatedUnion('type', [ServerWelcome, ServerSuggestions, ServerFeedbackAck, ServerError]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerSuggestions = z.infer<typeof ServerSuggestions>;
export type ServerWelcome = z.infer<typeof ServerWelcome>;

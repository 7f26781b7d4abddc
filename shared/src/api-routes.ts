/**
 * Every REST route, described once from the contract's own schemas: the server publishes it as OpenAPI 3.1
 * (GET /api/openapi.json) and a test checks it against the routes the server actually mounts, so the
 * document cannot drift from the code.
 */
import { z } from 'zod';
import { PlaceDetails } from './place-details.ts';
import { BookOfferBody, Booking, BookingEdit, ImportConfirmed, WalletBody } from './booking.ts';
import { CalendarFeedCreated, Trip, TripRename } from './trip.ts';
import { PushSettings, PushSettingsPatch } from './push.ts';
import { ImportConfirmBody, ImportPreview } from './wallet-import.ts';
import { ForwardingBody, ForwardingSendersBody, InboxBody } from './wallet-forwarding.ts';
import { ConsentChange, ConsentsBody } from './consent.ts';
import { FewerLikeBody, FewerLikeList, MyData, OnboardingBody, ProfileBody, RankingExplained, RankingSettingsBody, RankingSettingsPatch, ProfileEdit } from './privacy.ts';
import { ClientConfig, DemoSignInBody, HealthResponse, PersonaList, PlacesCollection, SessionClockBody, SessionClockInfo, SessionInfo } from './api.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI's path template ("/api/places/{id}"). */
  path: string;
  summary: string;
  /** Whether the session cookie is needed (401 `unauthenticated` without it). */
  session: boolean;
  body?: z.ZodType;
  /** The body is a file as it is (application/octet-stream), named by the X-File-Name header. */
  fileBody?: boolean;
  /** Success responses: status → schema (null for no body), sent as JSON unless `mediaType` says otherwise. */
  ok: Record<number, { description: string; schema: z.ZodType | null; mediaType?: string }>;
  /** Error statuses this route answers with the `{error}` shape, besides 401 for session routes. */
  errors: number[];
}

export const API_ROUTES: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This API as OpenAPI 3.1',
    session: false,
    ok: { 200: { description: 'the document', schema: z.looseObject({ openapi: z.literal('3.1.0') }) } },
    errors: [],
  },
  {
    method: 'GET',
    path: '/api/health',
    summary: 'Health: catalogue, graph, connections, store',
    session: false,
    ok: { 200: { description: 'ok (503 with the same body when degraded)', schema: HealthResponse } },
    errors: [],
  },
  {
    method: 'GET',
    path: '/api/config',
    summary: 'The client configuration: city, map, attribution',
    session: false,
    ok: { 200: { description: 'the configuration', schema: ClientConfig } },
    errors: [],
  },
  { method: 'GET', path: '/api/personas', summary: 'The demo personas one may sign in as', session: false, ok: { 200: { description: 'the personas', schema: PersonaList } }, errors: [] },
  { method: 'GET', path: '/api/places', summary: 'Every catalogue place, as GeoJSON for the map', session: false, ok: { 200: { description: 'the places', schema: PlacesCollection } }, errors: [] },
  {
    method: 'GET',
    path: '/api/places/{id}',
    summary: "A place's details and whether it is open now (on the session's clock when signed in)",
    session: false,
    ok: { 200: { description: 'the place', schema: PlaceDetails } },
    errors: [400, 404],
  },
  {
    method: 'POST',
    path: '/api/session/demo',
    summary: 'Sign in as a new demo visitor of a persona',
    session: false,
    body: DemoSignInBody,
    ok: { 201: { description: 'signed in; the session cookie is set', schema: SessionInfo } },
    errors: [400, 403, 404, 429],
  },
  { method: 'GET', path: '/api/session', summary: 'Who is signed in', session: true, ok: { 200: { description: 'the session', schema: SessionInfo } }, errors: [] },
  { method: 'DELETE', path: '/api/session', summary: 'Sign out (a demo visitor is erased)', session: false, ok: { 204: { description: 'signed out', schema: null } }, errors: [] },
  { method: 'GET', path: '/api/session/clock', summary: "The session's clock", session: true, ok: { 200: { description: 'the clock', schema: SessionClockInfo } }, errors: [] },
  {
    method: 'PUT',
    path: '/api/session/clock',
    summary: "Set the session's clock (demo mode only)",
    session: true,
    body: SessionClockBody,
    ok: { 200: { description: 'the clock', schema: SessionClockInfo } },
    errors: [400, 403],
  },
  { method: 'GET', path: '/api/push-settings', summary: 'The notification settings', session: true, ok: { 200: { description: 'the settings', schema: PushSettings } }, errors: [] },
  {
    method: 'PUT',
    path: '/api/push-settings',
    summary: 'Change some notification settings',
    session: true,
    body: PushSettingsPatch,
    ok: { 200: { description: 'the settings after the change', schema: PushSettings } },
    errors: [400],
  },
  {
    method: 'GET',
    path: '/api/wallet',
    summary: "The traveller's bookings, cancelled ones included, by start",
    session: true,
    ok: { 200: { description: 'the wallet', schema: WalletBody } },
    errors: [],
  },
  {
    method: 'POST',
    path: '/api/wallet/bookings',
    summary: 'Add a booking by hand (needs the wallet consent; an Idempotency-Key header makes retries harmless)',
    session: true,
    body: BookingEdit,
    ok: { 201: { description: 'the booking', schema: Booking } },
    errors: [400, 403, 409],
  },
  {
    method: 'PUT',
    path: '/api/wallet/bookings/{id}',
    summary: 'Change a booking (needs the wallet consent; If-Match: "revision" refuses it with 412 if the booking changed since; Idempotency-Key as for adding)',
    session: true,
    body: BookingEdit,
    ok: { 200: { description: 'the booking', schema: Booking } },
    errors: [400, 403, 404, 409, 412],
  },
  {
    method: 'DELETE',
    path: '/api/wallet/bookings/{id}',
    summary: 'Cancel a booking (it stays, marked cancelled; If-Match and Idempotency-Key as for a change)',
    session: true,
    ok: { 200: { description: 'the booking', schema: Booking } },
    errors: [400, 404, 409, 412],
  },
  {
    method: 'POST',
    path: '/api/wallet/offers/{id}/book',
    summary: 'Book seats of an agency offer (Idempotency-Key header: a retry gets the first answer; needs the wallet consent)',
    session: true,
    body: BookOfferBody,
    ok: { 201: { description: 'booked: the booking in the wallet', schema: Booking } },
    errors: [400, 403, 404, 409],
  },
  {
    method: 'POST',
    path: '/api/wallet/import',
    summary: 'Read a file (.ics, .eml, .pkpass, .pkpasses, .html, .json) into a preview; nothing is saved',
    session: true,
    fileBody: true,
    ok: { 200: { description: 'what the file holds', schema: ImportPreview } },
    errors: [403, 413, 415, 422],
  },
  {
    method: 'POST',
    path: '/api/wallet/import/confirm',
    summary: 'Save the drafts of a preview the traveller kept: all or none; repeats of wallet bookings are not saved again',
    session: true,
    body: ImportConfirmBody,
    ok: { 201: { description: 'saved', schema: ImportConfirmed }, 200: { description: 'nothing new: every draft was already in the wallet', schema: ImportConfirmed } },
    errors: [400, 403],
  },
  {
    method: 'PUT',
    path: '/api/wallet/trips/{id}',
    summary: 'Rename a trip: later bookings no longer change its name (needs the wallet consent)',
    session: true,
    body: TripRename,
    ok: { 200: { description: 'the trip', schema: Trip } },
    errors: [400, 403, 404],
  },
  {
    method: 'POST',
    path: '/api/wallet/trips/{id}/calendar',
    summary: "Make the trip's calendar feed URL, shown this once; a previous URL stops working (needs the wallet consent)",
    session: true,
    ok: { 201: { description: 'the feed URL', schema: CalendarFeedCreated } },
    errors: [400, 403, 404],
  },
  {
    method: 'DELETE',
    path: '/api/wallet/trips/{id}/calendar',
    summary: "Turn the trip's calendar feed off: its URL answers 404",
    session: true,
    ok: { 204: { description: 'turned off (or was off)', schema: null } },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/calendar/{token}.ics',
    summary: "A trip's calendar (iCalendar), for calendar apps: no session, the URL's token is the key; 404 once revoked or with the wallet consent off",
    session: false,
    ok: { 200: { description: 'the calendar: a VEVENT per confirmed booking, at UTC instants', schema: z.string(), mediaType: 'text/calendar' } },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/wallet/forwarding',
    summary: 'The private forwarding address: made on the first request and shown in that answer only (then null: only its hash is kept); needs the wallet consent to make it',
    session: true,
    ok: { 200: { description: 'the address (when just made), whether the listener is on, the allowed senders', schema: ForwardingBody } },
    errors: [403],
  },
  {
    method: 'POST',
    path: '/api/wallet/forwarding/rotate',
    summary: 'A new forwarding address; the old one stops working at once (needs the wallet consent)',
    session: true,
    ok: { 200: { description: 'the new address', schema: ForwardingBody } },
    errors: [403],
  },
  {
    method: 'PUT',
    path: '/api/wallet/forwarding',
    summary: 'The only senders (addresses or domains) the forwarding address accepts; empty: any (needs the wallet consent)',
    session: true,
    body: ForwardingSendersBody,
    ok: { 200: { description: 'the forwarding settings', schema: ForwardingBody } },
    errors: [400, 403, 404],
  },
  {
    method: 'GET',
    path: '/api/wallet/inbox',
    summary: 'The e-mails received at the forwarding address that wait to be kept or dismissed, newest first, each with its preview or why nothing was read',
    session: true,
    ok: { 200: { description: 'the pending items', schema: InboxBody } },
    errors: [],
  },
  {
    method: 'POST',
    path: '/api/wallet/inbox/{id}/confirm',
    summary: "Save the drafts kept from an inbox item, as an import's confirm does, and mark it imported, in one transaction (needs the wallet consent)",
    session: true,
    body: ImportConfirmBody,
    ok: { 201: { description: 'saved', schema: ImportConfirmed }, 200: { description: 'nothing new: every draft was already in the wallet', schema: ImportConfirmed } },
    errors: [400, 403, 404],
  },
  {
    method: 'DELETE',
    path: '/api/wallet/inbox/{id}',
    summary: 'Dismiss an inbox item (nothing is saved; it is purged with the retention)',
    session: true,
    ok: { 204: { description: 'dismissed', schema: null } },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/consents',
    summary: "The traveller's consent per category (location, history, profile, wallet) and every change with its time, latest first",
    session: true,
    ok: { 200: { description: 'the consents and their history', schema: ConsentsBody } },
    errors: [],
  },
  {
    method: 'PUT',
    path: '/api/consents/{category}',
    summary: 'Switch one consent on or off; off takes effect on the next message on every instance, and its signals are no longer computed',
    session: true,
    body: ConsentChange,
    ok: { 200: { description: 'the consents and their history', schema: ConsentsBody } },
    errors: [400, 404],
  },
  {
    method: 'GET',
    path: '/api/ranking',
    summary: 'How suggestions are ranked: each signal, what it reads, its weight and consent, the hard rules, the promotions cap (public, DSA Art. 27)',
    session: false,
    ok: { 200: { description: 'the main parameters, generated from what the ranker runs', schema: RankingExplained } },
    errors: [],
  },
  { method: 'GET', path: '/api/my-data', summary: 'Everything held about the traveller (GDPR Art. 15)', session: true, ok: { 200: { description: 'everything held', schema: MyData } }, errors: [] },
  {
    method: 'GET',
    path: '/api/my-data/export',
    summary: 'Everything held, as a JSON file to download (GDPR Art. 20; schema in docs/export-schema.json)',
    session: true,
    ok: { 200: { description: 'the file (Content-Disposition: attachment)', schema: MyData } },
    errors: [],
  },
  {
    method: 'DELETE',
    path: '/api/my-data/interactions/{kind}/{placeId}',
    summary: 'Take back one thing done with a place (liked, saved, been there, not interested); the feed is ranked again at once',
    session: true,
    ok: { 204: { description: 'taken back', schema: null } },
    errors: [404],
  },
  {
    method: 'DELETE',
    path: '/api/my-data',
    summary: "Erase the account and everything held, on every instance (GDPR Art. 17); the session's sockets close",
    session: true,
    ok: { 204: { description: 'erased; the session cookie is cleared', schema: null } },
    errors: [],
  },
  {
    method: 'GET',
    path: '/api/ranking-settings',
    summary: 'How the feed is ranked for the traveller (non-profiled, signals off, where it is centred without a position) and the neighbourhoods to centre it on',
    session: true,
    ok: { 200: { description: 'the settings and the neighbourhoods', schema: RankingSettingsBody } },
    errors: [],
  },
  {
    method: 'PUT',
    path: '/api/ranking-settings',
    summary: "Change any of the ranking settings; the traveller's open feeds are ranked again at once, on every instance",
    session: true,
    body: RankingSettingsPatch,
    ok: { 200: { description: 'the settings and the neighbourhoods', schema: RankingSettingsBody } },
    errors: [400],
  },
  {
    method: 'GET',
    path: '/api/profile',
    summary: 'What the traveller told Escale about themselves (null while the profile consent is off), whether the onboarding was done, and the choices their city offers',
    session: true,
    ok: { 200: { description: 'the profile, the onboarding and the choices', schema: ProfileBody } },
    errors: [],
  },
  {
    method: 'PUT',
    path: '/api/profile',
    summary: "Replace the profile (likes, dislikes, party, budget); needs the profile consent, otherwise nothing is stored; the traveller's open feeds are ranked again at once",
    session: true,
    body: ProfileEdit,
    ok: { 200: { description: 'the profile as stored', schema: ProfileBody } },
    errors: [400, 403],
  },
  {
    method: 'POST',
    path: '/api/profile/onboarding',
    summary: 'End the onboarding: the answers (stored as PUT /api/profile, needs the profile consent) or skipped; either way it is not offered again',
    session: true,
    body: OnboardingBody,
    ok: { 200: { description: 'the profile as stored', schema: ProfileBody } },
    errors: [400, 403],
  },
  {
    method: 'GET',
    path: '/api/preferences/fewer',
    summary: '"Fewer like this": the categories and tags the traveller asked to see less of',
    session: true,
    ok: { 200: { description: 'the list, latest first', schema: FewerLikeList } },
    errors: [],
  },
  {
    method: 'POST',
    path: '/api/preferences/fewer',
    summary: 'Ask for fewer suggestions of a category or a tag (obeyed whatever the consents)',
    session: true,
    body: FewerLikeBody,
    ok: { 201: { description: 'the list, latest first', schema: FewerLikeList } },
    errors: [400, 409],
  },
  {
    method: 'DELETE',
    path: '/api/preferences/fewer/{kind}/{id}',
    summary: 'Take a "fewer like this" back',
    session: true,
    ok: { 200: { description: 'the list, latest first', schema: FewerLikeList } },
    errors: [404],
  },
];

/** "/api/places/{id}" → "/api/places/*id" (Express 5's pattern for a rest-of-path parameter; a plain one otherwise). */
export function expressPath(route: ApiRoute): string {
  // A place id holds a slash ("osm:node/123"): a route that ends with one takes the rest of the path.
  const rest = route.path.startsWith('/api/places/') || route.path.endsWith('/{placeId}');
  return route.path.replace(/\{(\w+)\}$/, rest ? '*$1' : ':$1').replace(/\{(\w+)\}/g, ':$1');
}

/**
 * The app's state and the few actions that change it. A plain reducer: every change the user or the
 * server causes is one named action, which keeps the screens dumb and the logic testable in node.
 */
import type { ClientConfig, Consents, FeedbackKind, LatLon, ServerFeed, ServerMessage, ServerSuggestions, SessionInfo } from '@escale/shared';
import type { ConnectionStatus } from '../socket/socket.ts';
import { configForCity } from './city.ts';

/** `demo`: where a demo trip's script has the persona now (demo/use-trip-player.ts); the map follows it. */
export type PositionSource = 'start' | 'map' | 'device' | 'demo';
export interface Position extends LatLon {
  source: PositionSource;
  accuracyMeters?: number;
}

export interface AppState {
  config: ClientConfig | null;
  /** undefined while we ask the server; null when nobody is signed in. */
  session: SessionInfo | null | undefined;
  bootFailed: boolean;
  position: Position | null;
  /** What the screen lists: the server's latest feed, ranked for here and now. */
  feed: ServerFeed | null;
  /** The latest notification (three ideas sent for a reason), shown as a banner until closed. */
  notification: ServerSuggestions | null;
  /** Whether the notification banner is showing. */
  notificationOpen: boolean;
  /** Feedback given in this session, by place: what the buttons show as pressed, and what hides a card. */
  feedback: Record<string, FeedbackKind[]>;
  /** The last feedback, which "Undo" takes back. */
  undo: { placeId: string; kind: FeedbackKind; name: string } | null;
  /** The suggestion whose Why panel is open. */
  whyId: string | null;
  connection: ConnectionStatus;
  /** The last error the server reported on the socket, shown until the next push. */
  notice: string | null;
  /** The server ended the session (signed out in another tab, expired): the sign-in screen says so. */
  sessionEnded: boolean;
  /** This tab asked to sign out: the server closing its socket (4401) is the answer, not news. */
  signingOut: boolean;
  /** Forwarded e-mails waiting in the wallet's inbox, as last announced (0 until the server says). */
  inboxCount: number;
}

export type Action =
  | { type: 'booted'; config: ClientConfig; session: SessionInfo | null }
  | { type: 'bootFailed' }
  | { type: 'signedIn'; session: SessionInfo }
  | { type: 'signOutStarted' }
  | { type: 'signedOut' }
  /** The server ended the session (a sign-out elsewhere, expiry): back to sign-in, saying why. */
  | { type: 'sessionEnded' }
  | { type: 'moved'; position: Position }
  | { type: 'feedReceived'; message: ServerFeed }
  | { type: 'suggestionsReceived'; message: ServerSuggestions }
  | { type: 'notificationClosed' }
  /** We were away longer than the server's replay window: what we show is stale, a fresh feed follows. */
  | { type: 'feedReset' }
  /** Feedback given (shown at once; the server confirms and sends a fresh feed). */
  | { type: 'feedbackGiven'; placeId: string; kind: FeedbackKind; name: string }
  | { type: 'feedbackUndone'; placeId: string; kind: FeedbackKind }
  | { type: 'undoExpired' }
  | { type: 'whyOpened'; suggestionId: string }
  | { type: 'whyClosed' }
  | { type: 'connectionChanged'; status: ConnectionStatus }
  | { type: 'serverError'; message: string }
  /** E-mails forwarded to the wallet wait in its inbox (the server says how many, live). */
  | { type: 'inboxCounted'; count: number }
  /** The traveller gave or withdrew a consent (My data): the screens that depend on one follow. */
  | { type: 'consentsChanged'; consents: Consents }
  /** The onboarding was answered or skipped: the ideas screen stops inviting to it. */
  | { type: 'onboarded' };

export const initialState: AppState = {
  config: null,
  session: undefined,
  bootFailed: false,
  position: null,
  feed: null,
  notification: null,
  notificationOpen: false,
  feedback: {},
  undo: null,
  whyId: null,
  connection: 'connecting',
  notice: null,
  sessionEnded: false,
  signingOut: false,
  inboxCount: 0,
};

/** Where a traveller starts: their persona's start position, else the centre of the city they are in. */
export function startPosition(session: SessionInfo, config: ClientConfig): Position {
  const start = session.traveller.startPosition ?? configForCity(config, session.traveller.cityId).city.center;
  return { lat: start.lat, lon: start.lon, source: 'start' };
}

function withSession(state: AppState, session: SessionInfo | null): AppState {
  const cleared = { ...state, session, position: null, feed: null, notification: null, notificationOpen: false, feedback: {}, undo: null, whyId: null, notice: null, inboxCount: 0 };
  if (!session || !state.config) return { ...cleared, connection: 'connecting' };
  return { ...cleared, position: startPosition(session, state.config) };
}

export function appReducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'booted':
      return withSession({ ...state, config: action.config, bootFailed: false }, action.session);
    case 'bootFailed':
      return { ...state, bootFailed: true };
    case 'signedIn':
      return { ...withSession(state, action.session), sessionEnded: false, signingOut: false };
    case 'signOutStarted':
      return { ...state, signingOut: true };
    case 'signedOut':
      return { ...withSession(state, null), sessionEnded: false, signingOut: false };
    case 'sessionEnded':
      // Already signed out here (the socket's close can arrive after the sign-out's answer): nothing ended.
      if (!state.session) return state;
      return { ...withSession(state, null), sessionEnded: !state.signingOut, signingOut: false };
    case 'moved':
      return { ...state, position: action.position };
    case 'feedReceived':
      // The feed replaces the list; an open Why panel stays open only if its card is still there.
      return { ...state, feed: action.message, notice: null, whyId: stillShown(action.message, state.whyId) };
    case 'suggestionsReceived':
      // Never replace a notification with an older one (a late or repeated message).
      if (state.notification && action.message.seq <= state.notification.seq) return state;
      return { ...state, notification: action.message, notificationOpen: action.message.items.length > 0, notice: null };
    case 'notificationClosed':
      return { ...state, notificationOpen: false };
    case 'feedReset':
      return { ...state, feed: null, notification: null, notificationOpen: false, whyId: null, notice: null };
    case 'feedbackGiven': {
      const kinds = state.feedback[action.placeId] ?? [];
      const feedback = { ...state.feedback, [action.placeId]: kinds.includes(action.kind) ? kinds : [...kinds, action.kind] };
      // A place the traveller is done with leaves the list at once, and its panel closes.
      const hidden = HIDING.has(action.kind) && state.feed?.items.some((s) => s.id === state.whyId && s.item.place.id === action.placeId);
      return { ...state, feedback, undo: { placeId: action.placeId, kind: action.kind, name: action.name }, whyId: hidden ? null : state.whyId };
    }
    case 'feedbackUndone': {
      const kinds = (state.feedback[action.placeId] ?? []).filter((k) => k !== action.kind);
      const feedback = { ...state.feedback, [action.placeId]: kinds };
      return { ...state, feedback, undo: null };
    }
    case 'undoExpired':
      return { ...state, undo: null };
    case 'consentsChanged':
      return state.session ? { ...state, session: { ...state.session, consents: action.consents } } : state;
    case 'onboarded':
      return state.session ? { ...state, session: { ...state.session, traveller: { ...state.session.traveller, onboarded: true } } } : state;
    case 'whyOpened':
      return { ...state, whyId: action.suggestionId };
    case 'whyClosed':
      return { ...state, whyId: null };
    case 'connectionChanged':
      return { ...state, connection: action.status };
    case 'serverError':
      return { ...state, notice: action.message };
    case 'inboxCounted':
      return { ...state, inboxCount: action.count };
  }
}

/** Feedback after which a place leaves the list ("Not interested", "Been there"). */
export const HIDING: ReadonlySet<FeedbackKind> = new Set<FeedbackKind>(['dismissed', 'been_there']);

function stillShown(feed: ServerFeed, whyId: string | null): string | null {
  return feed.items.some((s) => s.id === whyId) ? whyId : null;
}

/** The feed's items the traveller has not just set aside (hidden before the server's new feed arrives). */
export function visibleItems(state: Pick<AppState, 'feed' | 'feedback'>): ServerFeed['items'] {
  return (state.feed?.items ?? []).filter((s) => !(state.feedback[s.item.place.id] ?? []).some((k) => HIDING.has(k)));
}

/** What a server message does to the state, if anything; the socket itself knows nothing of the store. */
export function actionForServerMessage(message: ServerMessage): Action | null {
  switch (message.type) {
    case 'welcome':
      return message.replay === 'reset' ? { type: 'feedReset' } : null;
    case 'feed':
      return { type: 'feedReceived', message };
    case 'suggestions':
      return { type: 'suggestionsReceived', message };
    case 'error':
      // A protocol mismatch is said once, by the "reload" notice its close code brings; a slow consumer is
      // resynced by the socket itself. Neither is worth the traveller's attention as a server error.
      return message.code === 'protocol_version' || message.code === 'slow_consumer' ? null : { type: 'serverError', message: message.message };
    case 'feedback_ack':
      return null;
    case 'wallet_inbox':
      return { type: 'inboxCounted', count: message.count };
  }
}

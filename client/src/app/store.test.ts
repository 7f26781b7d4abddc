import { describe, expect, it } from 'vitest';
import type { ClientConfig, SessionInfo } from '@escale/shared';
import { feedMessage, suggestion, suggestionsMessage, welcomeMessage } from '../testing/fixtures.ts';
import { type AppState, actionForServerMessage, appReducer, initialState, visibleItems } from './store.ts';

const config: ClientConfig = {
  demoMode: true,
  city: { id: 'paris', name: 'Paris', timezone: 'Europe/Paris', center: { lat: 48.8566, lon: 2.3522 } },
  map: { styleUrl: null, offlineStyleUrl: '/basemap/paris/style.json', mapboxToken: null },
  attribution: ['© OpenStreetMap contributors'],
  cities: [
    { id: 'paris', name: 'Paris', timezone: 'Europe/Paris', center: { lat: 48.8566, lon: 2.3522 }, offlineStyleUrl: '/basemap/paris/style.json', attribution: ['© OpenStreetMap contributors'] },
  ],
};
const lea: SessionInfo = {
  traveller: { id: 't-lea', name: 'Léa', cityId: 'paris', locale: 'fr', startPosition: { lat: 48.87, lon: 2.38 }, onboarded: true, personaId: 'lea' },
  consents: { location: true, history: true, profile: true, wallet: true },
};
const booted = (session: SessionInfo | null): AppState => appReducer(initialState, { type: 'booted', config, session });

describe('appReducer', () => {
  it('starts a signed-in traveller at their persona start position', () => {
    expect(booted(lea).position).toEqual({ lat: 48.87, lon: 2.38, source: 'start' });
  });
  it('starts at the city centre when the persona has no start position', () => {
    const state = appReducer(booted(null), { type: 'signedIn', session: { ...lea, traveller: { ...lea.traveller, startPosition: null } } });
    expect(state.position).toEqual({ lat: 48.8566, lon: 2.3522, source: 'start' });
  });
  it('forgets the feed, position and open panel on sign-out', () => {
    let state = appReducer(booted(lea), { type: 'feedReceived', message: feedMessage() });
    state = appReducer(state, { type: 'whyOpened', suggestionId: 'sug-1' });
    state = appReducer(state, { type: 'signedOut' });
    expect(state).toMatchObject({ session: null, feed: null, notification: null, feedback: {}, position: null, whyId: null });
  });
  it('remembers that the server ended the session, until the next sign-in', () => {
    let state = appReducer(booted(lea), { type: 'suggestionsReceived', message: suggestionsMessage() });
    state = appReducer(state, { type: 'sessionEnded' });
    expect(state).toMatchObject({ session: null, feed: null, sessionEnded: true });
    expect(appReducer(state, { type: 'signedIn', session: lea }).sessionEnded).toBe(false);
    expect(appReducer(booted(lea), { type: 'signedOut' }).sessionEnded).toBe(false);
  });

  it('does not call a sign-out this tab asked for an ended session', () => {
    const leaving = appReducer(booted(lea), { type: 'signOutStarted' });
    expect(appReducer(leaving, { type: 'sessionEnded' })).toMatchObject({ session: null, sessionEnded: false, signingOut: false });
    const left = appReducer(leaving, { type: 'signedOut' });
    expect(appReducer(left, { type: 'sessionEnded' })).toBe(left);
  });

  it('moves the traveller where they tapped', () => {
    const state = appReducer(booted(lea), { type: 'moved', position: { lat: 48.86, lon: 2.35, source: 'map' } });
    expect(state.position?.source).toBe('map');
  });
  it('hides a place set aside at once, closes its Why panel, and brings it back on undo', () => {
    let state = appReducer(booted(lea), { type: 'feedReceived', message: feedMessage() });
    state = appReducer(state, { type: 'whyOpened', suggestionId: 'sug-1' });
    state = appReducer(state, { type: 'feedbackGiven', placeId: 'osm:node/1', kind: 'dismissed', name: 'Le Baratin' });
    expect(visibleItems(state)).toEqual([]);
    expect(state.whyId).toBeNull();
    expect(state.undo).toEqual({ placeId: 'osm:node/1', kind: 'dismissed', name: 'Le Baratin' });
    state = appReducer(state, { type: 'feedbackUndone', placeId: 'osm:node/1', kind: 'dismissed' });
    expect(visibleItems(state).map((s) => s.id)).toEqual(['sug-1']);
    expect(state.undo).toBeNull();
  });
  it('keeps a liked or saved place in the list, with its button pressed', () => {
    let state = appReducer(booted(lea), { type: 'feedReceived', message: feedMessage() });
    state = appReducer(state, { type: 'feedbackGiven', placeId: 'osm:node/1', kind: 'liked', name: 'Le Baratin' });
    state = appReducer(state, { type: 'feedbackGiven', placeId: 'osm:node/1', kind: 'saved', name: 'Le Baratin' });
    expect(visibleItems(state)).toHaveLength(1);
    expect(state.feedback['osm:node/1']).toEqual(['liked', 'saved']);
  });
  it('keeps the Why panel open across a feed that still contains its suggestion', () => {
    const other = suggestion({ id: 'sug-2' });
    let state = appReducer(booted(lea), { type: 'feedReceived', message: feedMessage() });
    state = appReducer(state, { type: 'whyOpened', suggestionId: 'sug-1' });
    state = appReducer(state, { type: 'feedReceived', message: feedMessage({ items: [other, suggestion()] }) });
    expect(state.whyId).toBe('sug-1');
    state = appReducer(state, { type: 'feedReceived', message: feedMessage({ items: [other] }) });
    expect(state.whyId).toBeNull();
  });
  it('keeps the feed and the notification apart: a notification does not replace the list', () => {
    let state = appReducer(booted(lea), { type: 'feedReceived', message: feedMessage() });
    const notification = suggestionsMessage({ seq: 5, items: [suggestion({ id: 'sug-9' })] });
    state = appReducer(state, { type: 'suggestionsReceived', message: notification });
    expect(state.feed!.items.map((s) => s.id)).toEqual(['sug-1']);
    expect(state).toMatchObject({ notification, notificationOpen: true });
    state = appReducer(state, { type: 'notificationClosed' });
    expect(state.notificationOpen).toBe(false);
  });
  it('never replaces a notification with an older one', () => {
    const newer = appReducer(booted(lea), { type: 'suggestionsReceived', message: suggestionsMessage({ seq: 9 }) });
    const older = suggestionsMessage({ seq: 8 });
    expect(appReducer(newer, { type: 'suggestionsReceived', message: older })).toBe(newer);
    expect(appReducer(newer, { type: 'suggestionsReceived', message: suggestionsMessage({ seq: 10 }) }).notification!.seq).toBe(10);
  });

  it('clears a server error notice when a fresh feed arrives', () => {
    let state = appReducer(booted(lea), { type: 'serverError', message: 'rate limited' });
    expect(state.notice).toBe('rate limited');
    state = appReducer(state, { type: 'feedReceived', message: feedMessage() });
    expect(state.notice).toBeNull();
  });
  it('drops the feed, the notification and an open panel when the server resets the replay', () => {
    let state = appReducer(booted(lea), { type: 'feedReceived', message: feedMessage() });
    state = appReducer(state, { type: 'suggestionsReceived', message: suggestionsMessage({ seq: 3 }) });
    state = appReducer(state, { type: 'whyOpened', suggestionId: 'sug-1' });
    state = appReducer(state, { type: 'feedReset' });
    expect(state).toMatchObject({ feed: null, notification: null, whyId: null });
    // After a reset the sequence starts over from the server's number: a lower one is accepted again.
    state = appReducer(state, { type: 'suggestionsReceived', message: suggestionsMessage({ seq: 1 }) });
    expect(state.notification?.seq).toBe(1);
  });
});

describe('actionForServerMessage', () => {
  it('resets the feed on a welcome beyond the replay window, and only then', () => {
    expect(actionForServerMessage(welcomeMessage({ replay: 'reset' }))).toEqual({ type: 'feedReset' });
    expect(actionForServerMessage(welcomeMessage({ replay: 'replayed' }))).toBeNull();
    expect(actionForServerMessage(welcomeMessage({ replay: 'fresh' }))).toBeNull();
  });
  it('shows a feed, a notification and a server error', () => {
    const feed = feedMessage();
    expect(actionForServerMessage(feed)).toEqual({ type: 'feedReceived', message: feed });
    const push = suggestionsMessage();
    expect(actionForServerMessage(push)).toEqual({ type: 'suggestionsReceived', message: push });
    expect(actionForServerMessage({ type: 'error', code: 'consent_required', message: 'Location sharing is off' })).toEqual({
      type: 'serverError',
      message: 'Location sharing is off',
    });
  });
  it('keeps quiet about errors the connection handles itself', () => {
    expect(actionForServerMessage({ type: 'error', code: 'protocol_version', message: 'reload' })).toBeNull();
    expect(actionForServerMessage({ type: 'error', code: 'slow_consumer', message: 'resync' })).toBeNull();
  });
});

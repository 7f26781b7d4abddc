import { describe, expect, it } from 'vitest';
import type { ClientConfig, SessionInfo } from '@escale/shared';
import { suggestion, suggestionsMessage, welcomeMessage } from '../testing/fixtures.ts';
import { type AppState, actionForServerMessage, appReducer, initialState } from './store.ts';

const config: ClientConfig = {
  demoMode: true,
  city: { id: 'paris', name: 'Paris', timezone: 'Europe/Paris', center: { lat: 48.8566, lon: 2.3522 } },
  map: { styleUrl: null, mapboxToken: null },
  attribution: ['© OpenStreetMap contributors'],
};
const lea: SessionInfo = {
  traveller: { id: 't-lea', name: 'Léa', cityId: 'paris', locale: 'fr', startPosition: { lat: 48.87, lon: 2.38 } },
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
    let state = appReducer(booted(lea), { type: 'suggestionsReceived', message: suggestionsMessage() });
    state = appReducer(state, { type: 'whyOpened', suggestionId: 'sug-1' });
    state = appReducer(state, { type: 'signedOut' });
    expect(state).toMatchObject({ session: null, feed: null, position: null, whyId: null });
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
  it('hides a dismissed place at once and closes its Why panel', () => {
    let state = appReducer(booted(lea), { type: 'suggestionsReceived', message: suggestionsMessage() });
    state = appReducer(state, { type: 'whyOpened', suggestionId: 'sug-1' });
    state = appReducer(state, { type: 'dismissed', placeId: 'osm:node/1' });
    expect(state.feed?.items).toEqual([]);
    expect(state.whyId).toBeNull();
  });
  it('keeps the Why panel open across a push that still contains its suggestion', () => {
    const other = suggestion({ id: 'sug-2' });
    let state = appReducer(booted(lea), { type: 'suggestionsReceived', message: suggestionsMessage() });
    state = appReducer(state, { type: 'whyOpened', suggestionId: 'sug-1' });
    state = appReducer(state, { type: 'suggestionsReceived', message: suggestionsMessage({ seq: 4, items: [other, suggestion()] }) });
    expect(state.whyId).toBe('sug-1');
    state = appReducer(state, { type: 'suggestionsReceived', message: suggestionsMessage({ seq: 5, items: [other] }) });
    expect(state.whyId).toBeNull();
  });
  it('never replaces the feed with an older push', () => {
    const newer = appReducer(booted(lea), { type: 'suggestionsReceived', message: suggestionsMessage({ seq: 9 }) });
    const older = suggestionsMessage({ seq: 8 });
    expect(appReducer(newer, { type: 'suggestionsReceived', message: older })).toBe(newer);
    expect(appReducer(newer, { type: 'suggestionsReceived', message: suggestionsMessage({ seq: 10 }) }).feed!.seq).toBe(10);
  });

  it('clears a server error notice when fresh suggestions arrive', () => {
    let state = appReducer(booted(lea), { type: 'serverError', message: 'rate limited' });
    expect(state.notice).toBe('rate limited');
    state = appReducer(state, { type: 'suggestionsReceived', message: suggestionsMessage() });
    expect(state.notice).toBeNull();
  });
  it('drops the feed and its open panel when the server resets the replay, then shows the fresh push', () => {
    let state = appReducer(booted(lea), { type: 'suggestionsReceived', message: suggestionsMessage({ seq: 3 }) });
    state = appReducer(state, { type: 'whyOpened', suggestionId: 'sug-1' });
    state = appReducer(state, { type: 'feedReset' });
    expect(state).toMatchObject({ feed: null, whyId: null });
    const fresh = suggestionsMessage({ seq: 90, trigger: { kind: 'reconnected', evidence: { key: 'trigger.reconnected', params: {} } }, solicited: true });
    state = appReducer(state, { type: 'suggestionsReceived', message: fresh });
    expect(state.feed).toBe(fresh);
  });
});

describe('actionForServerMessage', () => {
  it('resets the feed on a welcome beyond the replay window, and only then', () => {
    expect(actionForServerMessage(welcomeMessage({ replay: 'reset' }))).toEqual({ type: 'feedReset' });
    expect(actionForServerMessage(welcomeMessage({ replay: 'replayed' }))).toBeNull();
    expect(actionForServerMessage(welcomeMessage({ replay: 'fresh' }))).toBeNull();
  });
  it('shows a push and a server error', () => {
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

/**
 * The traveller's screen: the map (tap a place for its details; "Move my position" to move), the controls,
 * the place search, the feed of ideas with the latest notification, the Why panel, a place's sheet, booking
 * an agency offer and the notifications settings. It asks for the feed again when the server says it will be stale.
 */
import { type CategoryId, type ClientConfig, type FeedbackKind, type LatLon, type PlacesCollection, type Suggestion } from '@escale/shared';
import { interestName } from '../mydata/interest-name.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { type Dispatch, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPlaces } from '../api/api.ts';
import { type Action, type AppState, type Position, visibleItems } from '../app/store.ts';
import { mapLibraryLoaded } from '../map/load-map.ts';
import { MapArea } from '../map/MapArea.tsx';
import { LazyNotificationsDialog } from '../notifications/load-notifications.tsx';
import { BookOfferDialog } from '../wallet/BookOfferDialog.tsx';
import { PlaceDetailsSheet } from '../places/PlaceDetailsSheet.tsx';
import { PlaceSearch } from '../places/PlaceSearch.tsx';
import type { LiveSocket } from '../socket/socket.ts';
import { OnboardingInvite } from '../profile/OnboardingInvite.tsx';
import { LocationControls } from './LocationControls.tsx';
import { shownItems, SuggestionList } from './SuggestionList.tsx';
import { FeedModeBar } from './FeedModeBar.tsx';
import { UndoBar } from './UndoBar.tsx';
import { useRankingControl } from './use-ranking-control.ts';
import { WhyPanel } from './WhyPanel.tsx';

/** Longest the map waits for the first feed before loading anyway (bench:client: the feed takes ~1 s on Slow 4G). */
const MAP_DEFER_MS = 2500;

interface Props {
  state: AppState;
  config: ClientConfig;
  dispatch: Dispatch<Action>;
  /** The live connection (owned by the signed-in shell, so it outlives this screen). */
  socket: LiveSocket | null;
  /** Just signed in: focus goes to the ideas (the persona button that had it is gone). */
  focusIdeas?: boolean;
}

export function TravellerScreen({ state, config, dispatch, socket, focusIdeas = false }: Props) {
  const { t } = useTranslation();
  const [places, setPlaces] = useState<PlacesCollection | null>(null);
  const [notificationsOpen, setNotificationsOpen] = useState(false);

  // The position goes to the server only with the location consent on; without it the feed is asked for plainly.
  const locationConsent = state.session?.consents.location ?? false;
  useEffect(() => {
    if (socket && state.position && locationConsent) socket.setLocation(state.position.lat, state.position.lon, state.position.accuracyMeters);
  }, [socket, state.position, locationConsent]);

  // The feed is asked for again when the server says what it shows stops being true (a place closes).
  const refreshIn = state.feed?.refreshInMs ?? null;
  useEffect(() => {
    if (!socket || refreshIn === null) return;
    const timer = setTimeout(() => socket.send({ type: 'refresh' }), refreshIn);
    return () => clearTimeout(timer);
  }, [socket, state.feed, refreshIn]);

  // The map waits for the first feed (or MAP_DEFER_MS, if the feed is slow) so the cards come first on a phone,
  // unless its library was already loaded during sign-in (then starting it costs the cards nothing).
  const [mapDeferred, setMapDeferred] = useState(() => !mapLibraryLoaded());
  const hasFeed = state.feed !== null;
  useEffect(() => {
    if (hasFeed) return setMapDeferred(false);
    const timer = setTimeout(() => setMapDeferred(false), MAP_DEFER_MS);
    return () => clearTimeout(timer);
  }, [hasFeed]);

  useEffect(() => {
    if (focusIdeas) document.getElementById('ideas')?.focus({ preventScroll: true });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the screen appears

  useEffect(() => {
    getPlaces().then(setPlaces, (error: unknown) => console.warn('Catalogue places could not be loaded:', error));
  }, []);

  const moveTo = (position: Position) => dispatch({ type: 'moved', position });
  const [moveMode, setMoveMode] = useState(false);
  const [category, setCategory] = useState<CategoryId | null>(null);
  const [openPlaceId, setOpenPlaceId] = useState<string | null>(null);
  const [focus, setFocus] = useState<(LatLon & { key: number }) | null>(null);
  const [expanded, setExpanded] = useState(false);
  const [booking, setBooking] = useState<Suggestion | null>(null);
  const items = visibleItems(state);
  const shown = shownItems(items, expanded);
  const why = items.find((s) => s.id === state.whyId) ?? state.notification?.items.find((s) => s.id === state.whyId) ?? null;
  const notified = why !== null && state.notification?.items.some((s) => s.id === why.id) ? state.notification : null;

  const giveFeedback = (s: Suggestion, kind: FeedbackKind) => {
    const placeId = s.item.place.id;
    // Like and Save are switches: pressed again, they take the feedback back.
    if ((kind === 'liked' || kind === 'saved') && state.feedback[placeId]?.includes(kind)) return undo(placeId, kind);
    socket?.send({ type: 'feedback', placeId, kind });
    dispatch({ type: 'feedbackGiven', placeId, kind, name: s.item.place.name });
  };
  const undo = (placeId: string, kind: FeedbackKind) => {
    socket?.send({ type: 'feedback_undo', placeId, kind });
    dispatch({ type: 'feedbackUndone', placeId, kind });
  };
  const expireUndo = useCallback(() => dispatch({ type: 'undoExpired' }), [dispatch]);
  const locale = useLocale();
  const reportError = useCallback((e: unknown) => dispatch({ type: 'serverError', message: e instanceof Error ? e.message : String(e) }), [dispatch]);
  const control = useRankingControl(reportError);
  const showCard = (id: string) => {
    const index = items.findIndex((s) => s.id === id);
    if (index < 0) return dispatch({ type: 'whyOpened', suggestionId: id }); // no longer in the feed: its panel
    if (index >= shown.length) setExpanded(true);
    requestAnimationFrame(() => document.getElementById(`card-${id}`)?.focus());
  };

  return (
    <div className="traveller">
      <h1 className="visually-hidden">{t('traveller.heading', { name: state.session?.traveller.name ?? '' })}</h1>
      <div className="map-pane">
        <MapArea
          deferred={mapDeferred}
          config={config}
          places={places}
          position={state.position}
          suggestions={[...shown]}
          category={category}
          moveMode={moveMode}
          focus={focus}
          onPick={(p) => {
            setMoveMode(false);
            moveTo({ ...p, source: 'map' });
          }}
          onOpenPlace={setOpenPlaceId}
          onSelectSuggestion={showCard}
        />
        <LocationControls moveMode={moveMode} onMoveMode={setMoveMode} onPosition={moveTo} onSuggestNow={() => socket?.send({ type: 'suggest_now' })} />
      </div>
      <div className="side" id="ideas" tabIndex={-1} role="region" aria-label={t('traveller.ideas')}>
        <PlaceSearch
          places={places}
          from={state.position}
          category={category}
          onCategory={setCategory}
          onChoose={(hit) => {
            setFocus({ lat: hit.lat, lon: hit.lon, key: Date.now() });
            setOpenPlaceId(hit.id);
          }}
        />
        {state.session && !state.session.traveller.onboarded && <OnboardingInvite onDismissed={() => dispatch({ type: 'onboarded' })} />}
        {control.ranking && (
          <FeedModeBar
            ranking={control.ranking}
            locationConsent={locationConsent}
            onNonProfiled={(on) => void control.change({ nonProfiled: on })}
            onAnchor={(anchor) => void control.change({ anchor })}
          />
        )}
        <SuggestionList
          feed={state.feed}
          items={items}
          notification={state.notification}
          notificationOpen={state.notificationOpen}
          feedback={state.feedback}
          notice={state.notice}
          outdated={state.connection === 'outdated'}
          timeZone={config.city.timezone}
          expanded={expanded}
          onToggleExpanded={() => setExpanded(!expanded)}
          onOpenNotifications={() => setNotificationsOpen(true)}
          onCloseNotification={() => dispatch({ type: 'notificationClosed' })}
          onShow={showCard}
          onSuggestNow={() => socket?.send({ type: 'suggest_now' })}
          onWhy={(id) => dispatch({ type: 'whyOpened', suggestionId: id })}
          onFeedback={giveFeedback}
          onBook={setBooking}
          onFewer={(_s, interest) => void control.fewer(interest, t('undo.fewer', { what: interestName(interest, locale) }))}
        />
      </div>
      {state.undo ? (
        <UndoBar text={t(`undo.${state.undo.kind}`, { name: state.undo.name })} onUndo={() => undo(state.undo!.placeId, state.undo!.kind)} onExpire={expireUndo} />
      ) : (
        control.lastChange && <UndoBar text={control.lastChange.text} onUndo={control.undoLast} onExpire={control.dismissUndo} />
      )}
      <WhyPanel
        suggestion={why}
        origin={notified}
        onClose={() => dispatch({ type: 'whyClosed' })}
        signalsOff={control.ranking?.settings.signalsOff ?? []}
        onSwitchOff={(signal) => control.signalOff(signal, t('undo.signalOff', { signal: t(`signal.${signal}`) }))}
        onOpenNotifications={() => {
          dispatch({ type: 'whyClosed' });
          setNotificationsOpen(true);
        }}
      />
      <PlaceDetailsSheet
        placeId={openPlaceId}
        onClose={() => setOpenPlaceId(null)}
        onSetPosition={(place) => {
          setOpenPlaceId(null);
          moveTo({ lat: place.lat, lon: place.lon, source: 'map' });
        }}
      />
      {booking && <BookOfferDialog suggestion={booking} walletConsent={state.session?.consents.wallet ?? false} onClose={() => setBooking(null)} />}
      {notificationsOpen && (
        <Suspense fallback={null}>
          <LazyNotificationsDialog onClose={() => setNotificationsOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}

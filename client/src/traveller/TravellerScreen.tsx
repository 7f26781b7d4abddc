/**
 * The traveller's screen: the map (tap to move), the controls, the suggestion cards, the Why panel and the
 * notifications settings. It owns the live connection for as long as the traveller is signed in.
 */
import { type ClientConfig, type PlacesCollection, type ServerMessage } from '@escale/shared';
import { type Dispatch, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPlaces, getSession } from '../api/api.ts';
import { type Action, type AppState, type Position, actionForServerMessage } from '../app/store.ts';
import { MapArea } from '../map/MapArea.tsx';
import { LazyNotificationsDialog } from '../notifications/load-notifications.tsx';
import type { ConnectionStatus } from '../socket/socket.ts';
import { useLiveSocket } from '../socket/use-live-socket.ts';
import { LocationControls } from './LocationControls.tsx';
import { SuggestionList } from './SuggestionList.tsx';
import { WhyPanel } from './WhyPanel.tsx';

interface Props {
  state: AppState;
  config: ClientConfig;
  dispatch: Dispatch<Action>;
}

export function TravellerScreen({ state, config, dispatch }: Props) {
  const { t } = useTranslation();
  const [places, setPlaces] = useState<PlacesCollection | null>(null);
  const [notificationsOpen, setNotificationsOpen] = useState(false);
  const checkingSession = useRef(false);

  const socket = useLiveSocket({
    onMessage(message: ServerMessage) {
      const action = actionForServerMessage(message);
      if (action) dispatch(action);
    },
    onStatus(status: ConnectionStatus) {
      dispatch({ type: 'connectionChanged', status });
      if (status === 'ended') return dispatch({ type: 'sessionEnded' }); // the server closed the session: sign in again
      // A socket that keeps dropping may mean the session expired: ask once per outage, sign out if so.
      if (status !== 'reconnecting' || checkingSession.current) return;
      checkingSession.current = true;
      getSession()
        .then((session) => session === null && dispatch({ type: 'sessionEnded' }))
        .catch(() => undefined) // server unreachable: keep retrying the socket
        .finally(() => (checkingSession.current = false));
    },
  });

  useEffect(() => {
    if (socket && state.position) socket.setLocation(state.position.lat, state.position.lon, state.position.accuracyMeters);
  }, [socket, state.position]);

  useEffect(() => {
    getPlaces().then(setPlaces, (error: unknown) => console.warn('Catalogue places could not be loaded:', error));
  }, []);

  const moveTo = (position: Position) => dispatch({ type: 'moved', position });
  const items = state.feed?.items ?? [];
  const why = items.find((s) => s.id === state.whyId) ?? null;

  return (
    <div className="traveller">
      <h1 className="visually-hidden">{t('traveller.heading', { name: state.session?.traveller.name ?? '' })}</h1>
      <div className="map-pane">
        <MapArea
          config={config}
          places={places}
          position={state.position}
          suggestions={items}
          onPick={(p) => moveTo({ ...p, source: 'map' })}
          onSelectSuggestion={(id) => document.getElementById(`card-${id}`)?.focus()}
        />
        <LocationControls onPosition={moveTo} onSuggestNow={() => socket?.send({ type: 'suggest_now' })} />
      </div>
      <SuggestionList
        feed={state.feed}
        notice={state.notice}
        outdated={state.connection === 'outdated'}
        timeZone={config.city.timezone}
        onOpenNotifications={() => setNotificationsOpen(true)}
        onWhy={(id) => dispatch({ type: 'whyOpened', suggestionId: id })}
        onDismiss={(placeId) => {
          socket?.send({ type: 'feedback', placeId, kind: 'dismissed' });
          dispatch({ type: 'dismissed', placeId });
        }}
      />
      <WhyPanel
        suggestion={why}
        origin={state.feed}
        onClose={() => dispatch({ type: 'whyClosed' })}
        onOpenNotifications={() => {
          dispatch({ type: 'whyClosed' });
          setNotificationsOpen(true);
        }}
      />
      {notificationsOpen && (
        <Suspense fallback={null}>
          <LazyNotificationsDialog onClose={() => setNotificationsOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}

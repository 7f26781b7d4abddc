/**
 * The demo: pick a scripted trip, then watch it play on the real system. The persona is a fresh demo
 * visitor of their own (other presenters never see it); the player drives its clock, position, wallet and
 * feedback; the traveller screen below is the real one, with its pushes and Why panels; beside it, what
 * the script did, the wallet, the side-by-side comparison and the graph behind a suggestion.
 */
import { PERSONAL_SIGNAL_IDS, type DemoTrip, type DemoTripSummary, type DemoGraph, type DemoComparison, type ServerSuggestions, type SignalId, type ClientConfig } from '@escale/shared';
import { type Dispatch, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { signInDemo, signOut } from '../api/api.ts';
import type { Action, AppState } from '../app/store.ts';
import { PATHS } from '../app/paths.ts';
import type { LiveSocket } from '../socket/socket.ts';
import { TravellerScreen } from '../traveller/TravellerScreen.tsx';
import { CompareColumns } from './CompareColumns.tsx';
import { getComparison, getDemoGraph, getDemoTrip } from './demo-api.ts';
import { demoSearch, readDemoUrl, type DemoUrlState } from './demo-url.ts';
import { DemoPicker } from './DemoPicker.tsx';
import { GraphView } from './GraphView.tsx';
import { PlayerBar } from './PlayerBar.tsx';
import { ScriptLog } from './ScriptLog.tsx';
import { stepFrom } from './script.ts';
import { useTripPlayer } from './use-trip-player.ts';
import { WalletTimeline } from './WalletTimeline.tsx';

const PERSONAL = new Set<SignalId>(PERSONAL_SIGNAL_IDS);

/** Makes a new visitor of the persona (the previous one is erased by signing out) and opens `where`. */
export function useStartVisit(dispatch: Dispatch<Action>) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = useCallback(
    async (personaId: string, where: DemoUrlState, signedIn: boolean) => {
      setBusy(true);
      setError(null);
      try {
        if (signedIn) await signOut().catch(() => undefined);
        const session = await signInDemo(personaId);
        navigate(`${PATHS.demo}${demoSearch(where)}`, { replace: true });
        dispatch({ type: 'signedIn', session });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [dispatch, navigate],
  );
  return { start, busy, error };
}

/** Not signed in yet: the picker, or, for a shared link to a trip, straight to a visitor of its persona. */
export function DemoStart({ dispatch }: { dispatch: Dispatch<Action> }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const url = readDemoUrl(search);
  const visit = useStartVisit(dispatch);
  const asked = useRef(false);
  useEffect(() => {
    if (!url.trip || asked.current) return;
    asked.current = true;
    getDemoTrip(url.trip).then(
      (trip) => void visit.start(trip.personaId, url, false),
      () => undefined,
    );
  }, [url, visit]);
  if (url.trip && !visit.error) return <p className="boot-message">{t('demo.player.signingIn')}</p>;
  return <DemoPicker busy={visit.busy} error={visit.error} onPlay={(trip: DemoTripSummary) => void visit.start(trip.personaId, { ...url, trip: trip.id }, false)} />;
}

interface Props {
  state: AppState;
  config: ClientConfig;
  dispatch: Dispatch<Action>;
  socket: LiveSocket | null;
}

/** /demo signed in: the picker without a trip, the player with one. */
export function DemoScreen(props: Props) {
  const { search } = useLocation();
  const url = readDemoUrl(search);
  const visit = useStartVisit(props.dispatch);
  const [trip, setTrip] = useState<DemoTrip | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (!url.trip) return;
    getDemoTrip(url.trip).then(setTrip, () => setMissing(true));
  }, [url.trip]);
  const { t } = useTranslation();
  // Every trip plays on a visitor of its own persona: another persona's visitor is replaced first (once).
  const personaId = props.state.session?.traveller.personaId;
  const wrongVisitor = trip !== null && personaId !== trip.personaId;
  // A traveller's own account is never signed out behind their back: they are asked first.
  const ownAccount = personaId === null;
  const replacing = useRef(false);
  useEffect(() => {
    if (!wrongVisitor || ownAccount || replacing.current || !trip) return;
    replacing.current = true;
    void visit.start(trip.personaId, readDemoUrl(window.location.search), true);
  }, [wrongVisitor, ownAccount, trip, visit]);

  if (!url.trip) return <DemoPicker busy={visit.busy} error={visit.error} onPlay={(s) => void visit.start(s.personaId, { ...url, trip: s.id, t: null }, true)} />;
  if (missing) return <p role="alert">{t('demo.player.noTrip')}</p>;
  if (!trip) return <p className="boot-message">{t('app.loading')}</p>;
  if (wrongVisitor && ownAccount)
    return (
      <div className="boot-message">
        <p>{t('demo.player.ownAccount')}</p>
        <button type="button" className="button button-primary" disabled={visit.busy} onClick={() => void visit.start(trip.personaId, url, true)}>
          {t('demo.player.signOutAndPlay')}
        </button>
      </div>
    );
  if (wrongVisitor) return <p className="boot-message">{visit.error ?? t('demo.player.signingIn')}</p>;
  return <DemoPlayer {...props} trip={trip} url={url} restart={(where) => void visit.start(trip.personaId, where, true)} />;
}

function DemoPlayer({ state, config, dispatch, socket, trip, url, restart }: Props & { trip: DemoTrip; url: DemoUrlState; restart(where: DemoUrlState): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onPosition = useCallback((where: { lat: number; lon: number }) => dispatch({ type: 'moved', position: { ...where, source: 'demo' } }), [dispatch]);
  const player = useTripPlayer(trip, socket, { t: url.t ?? Date.parse(trip.startsAt), speed: url.speed }, onPosition);
  const timeZone = config.city.timezone;

  // The address follows the moment (to the minute), so reloading or sharing it reopens here.
  const here = useMemo<DemoUrlState>(() => ({ ...url, t: Math.floor(player.t / 60_000) * 60_000, speed: player.speed }), [url, player.t, player.speed]);
  const search = demoSearch(here);
  useEffect(() => {
    const timer = setTimeout(() => navigate(`${PATHS.demo}${search}`, { replace: true }), 500);
    return () => clearTimeout(timer);
  }, [search, navigate]);
  const setUrl = (patch: Partial<DemoUrlState>) => navigate(`${PATHS.demo}${demoSearch({ ...here, ...patch })}`, { replace: true });

  // Going back cannot be undone on a real account: a fresh visitor catches up to the moment instead.
  const seek = (target: number) => (target >= player.t ? player.seekForward(target) : restart({ ...here, t: target }));
  const step = (direction: 1 | -1) => seek(stepFrom(trip, player.t, direction));

  // Every push the server sent during the visit, and which personal signals drove an idea so far.
  const [pushes, setPushes] = useState<ServerSuggestions[]>([]);
  useEffect(() => {
    const n = state.notification;
    if (n && !n.solicited) setPushes((list) => (list.some((p) => p.seq === n.seq) ? list : [...list, n]));
  }, [state.notification]);
  const [drivers, setDrivers] = useState<ReadonlySet<SignalId>>(new Set());
  useEffect(() => {
    const seen = [...(state.feed?.items ?? []), ...(state.notification?.items ?? [])].map((s) => s.driver).filter((d) => PERSONAL.has(d));
    setDrivers((before) => (seen.every((d) => before.has(d)) ? before : new Set([...before, ...seen])));
  }, [state.feed, state.notification]);

  // The comparison, ranked again whenever the feed is.
  const [comparison, setComparison] = useState<DemoComparison | null>(null);
  const position = state.position;
  const feedAt = state.feed?.at;
  useEffect(() => {
    if (!url.compare || !position) return setComparison(null);
    let live = true;
    getComparison(position.lat, position.lon, url.compare).then(
      (c) => live && setComparison(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [url.compare, position, feedAt]);

  const [graph, setGraph] = useState<DemoGraph | null>(null);
  const lookInside = (placeId: string) => void getDemoGraph(placeId).then(setGraph, () => undefined);

  // Space plays and pauses, the arrows step through the script (not while typing or on a control that uses them).
  const keys = useRef({ player, step });
  keys.current = { player, step };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, button, [role="dialog"]')) return;
      const { player: p, step: s } = keys.current;
      if (e.key === ' ') {
        e.preventDefault();
        if (!p.busy) (p.playing ? p.pause : p.play)();
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        if (!p.busy) s(e.key === 'ArrowRight' ? 1 : -1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const [shared, setShared] = useState(false);
  const share = () => {
    const link = `${window.location.origin}${PATHS.demo}${search}`;
    void navigator.clipboard?.writeText(link).then(
      () => setShared(true),
      () => window.prompt(t('demo.player.copyLink'), link),
    );
    setTimeout(() => setShared(false), 3000);
  };

  return (
    <div className={url.presenter ? 'demo presenter' : 'demo'}>
      <PlayerBar
        trip={trip}
        player={player}
        timeZone={timeZone}
        compare={url.compare}
        presenter={url.presenter}
        shared={shared}
        onSeek={seek}
        onStep={step}
        onCompare={(compare) => setUrl({ compare })}
        onPresenter={(presenter) => setUrl({ presenter })}
        onReset={() => restart({ ...here, t: null })}
        onShare={share}
      />
      {url.compare && comparison && (
        // Focusable: it scrolls on its own, and a keyboard must be able to scroll it.
        <div className="demo-compare" tabIndex={0} role="region" aria-label={t('demo.player.compareRegion')}>
          <CompareColumns comparison={comparison} timeZone={timeZone} onLookInside={lookInside} />
        </div>
      )}
      <div className="demo-stage">
        <div className="demo-traveller main-traveller">
          <TravellerScreen state={state} config={config} dispatch={dispatch} socket={socket} />
        </div>
        {/* Focusable: it scrolls on its own, and may hold no control to reach it by. */}
        <aside className="demo-side" aria-label={t('demo.player.aside')} tabIndex={0}>
          {state.feed && state.feed.items.length > 0 && (
            <p className="demo-look">
              <button type="button" className="button" onClick={() => lookInside(state.feed!.items[0]!.item.place.id)}>
                {t('demo.player.lookInside', { name: state.feed.items[0]!.item.place.name })}
              </button>
            </p>
          )}
          <ScriptLog trip={trip} entries={player.entries} pushes={pushes} drivers={drivers} timeZone={timeZone} />
          <WalletTimeline version={player.walletVersion} t={player.t} />
        </aside>
      </div>
      {graph && (
        <div className="demo-graph-overlay" role="dialog" aria-modal="false" aria-label={t('demo.player.graph')}>
          <GraphView graph={graph} onClose={() => setGraph(null)} />
        </div>
      )}
    </div>
  );
}

/**
 * Plays a demo trip against the real server: the session's virtual clock runs at the chosen speed, the
 * persona's position goes out as `location` messages along the walked streets, and each booking file and
 * feedback is sent through the wallet's import and the live channel at its moment. Nothing is recorded:
 * the pushes, the feed and the wallet are the server's answers to what the script does.
 *
 * Going back in time cannot be undone on a real account, so it is done on a fresh one: the screen resets
 * the visitor (a new demo sign-in) and the player catches up to the moment (`catchUp`).
 */
import { distanceMeters, stepStartsAt, type DemoTrip, type LatLon } from '@escale/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveSocket } from '../socket/socket.ts';
import { confirmImport, previewImport } from '../wallet/wallet-api.ts';
import { demoTripFile, setSessionClock } from './demo-api.ts';
import { dueBetween, positionAt, withinTrip } from './script.ts';

/** Speeds offered: real time up to two hours a minute. */
export const SPEEDS = [1, 10, 30, 60, 120] as const;
/** How often the player looks at its clock (real time). */
const TICK_MS = 250;
/** A new position is sent once the persona moved this far, or this long (real time) after the last one. */
const MOVE_METERS = 25;
const RESEND_MS = 5_000;
/** Positions per second at most: well under the live channel's rate limit (WS_RATE_PER_SECOND, 10). */
const MIN_POSITION_GAP_MS = 400;

export type PlayerEntry =
  { kind: 'import'; at: number; index: number; bookings: number; file: string } | { kind: 'feedback'; at: number; index: number } | { kind: 'failed'; at: number; index: number; message: string };

export interface PlayerView {
  /** The trip's moment now (epoch ms). */
  t: number;
  playing: boolean;
  speed: number;
  /** Catching up to a moment: controls wait. */
  busy: boolean;
  position: LatLon;
  /** What the script did so far, newest last. */
  entries: PlayerEntry[];
  /** Bumped after each import: the wallet's view reads the wallet again. */
  walletVersion: number;
}

export interface TripPlayer extends PlayerView {
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  /** Moves forward to `t` (doing what falls in between); going back is the screen's reset. */
  seekForward(t: number): void;
}

/** `onPosition`: where the persona is now; the traveller screen sends it as a `location` message. */
export function useTripPlayer(trip: DemoTrip, socket: LiveSocket | null, start: { t: number; speed: number }, onPosition: (where: LatLon) => void): TripPlayer {
  const startT = withinTrip(trip, start.t);
  const [view, setView] = useState<PlayerView>(() => ({
    t: startT,
    playing: false,
    speed: start.speed,
    busy: true,
    position: positionAt(trip, startT),
    entries: [],
    walletVersion: 0,
  }));
  // The clock's truth lives in refs, read by the ticker; `view` is what renders.
  const base = useRef({ t: startT, real: performance.now(), speed: 0 });
  const done = useRef(new Set<number>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const lastSent = useRef<{ at: number; where: LatLon } | null>(null);
  const socketRef = useRef(socket);
  socketRef.current = socket;
  const positionRef = useRef(onPosition);
  positionRef.current = onPosition;

  const nowT = useCallback(() => withinTrip(trip, base.current.t + (performance.now() - base.current.real) * base.current.speed), [trip]);

  /** Runs one script step at a time, in order, whatever the ticks do meanwhile. */
  const enqueue = useCallback((work: () => Promise<void>) => {
    queue.current = queue.current.then(work, work);
    return queue.current;
  }, []);

  const runStep = useCallback(
    async (index: number) => {
      if (done.current.has(index)) return;
      done.current.add(index);
      const step = trip.steps[index]!;
      try {
        if (step.kind === 'import') {
          const name = step.file.slice(step.file.lastIndexOf('/') + 1);
          const preview = await previewImport(await demoTripFile(trip.id, index, name));
          const drafts = preview.drafts.filter((d) => d.duplicateOf === null);
          if (drafts.length > 0) await confirmImport({ drafts });
          setView((v) => ({ ...v, walletVersion: v.walletVersion + 1, entries: [...v.entries, { kind: 'import', at: Date.parse(step.at), index, bookings: drafts.length, file: name }] }));
        } else if (step.kind === 'feedback') {
          socketRef.current?.send({ type: 'feedback', placeId: step.placeId, kind: step.feedback });
          setView((v) => ({ ...v, entries: [...v.entries, { kind: 'feedback', at: Date.parse(step.at), index }] }));
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        setView((v) => ({ ...v, entries: [...v.entries, { kind: 'failed', at: Date.parse(stepStartsAt(step)), index, message }] }));
      }
    },
    [trip],
  );

  const sendPosition = useCallback(
    (t: number, force: boolean) => {
      const where = positionAt(trip, t);
      const real = performance.now();
      const last = lastSent.current;
      if (!force && last) {
        if (real - last.at < MIN_POSITION_GAP_MS) return;
        if (distanceMeters(last.where, where) < MOVE_METERS && real - last.at < RESEND_MS) return;
      }
      lastSent.current = { at: real, where };
      positionRef.current(where);
      setView((v) => ({ ...v, position: where }));
    },
    [trip],
  );

  // Once connected: catch up to the starting moment (the visitor is fresh, or had these steps already).
  const started = useRef(false);
  useEffect(() => {
    if (!socket || started.current) return;
    started.current = true;
    void enqueue(async () => {
      await setSessionClock(new Date(startT), 0);
      for (const { index } of dueBetween(trip, -Infinity, startT)) await runStep(index);
      sendPosition(startT, true);
      setView((v) => ({ ...v, busy: false }));
    });
  }, [socket, enqueue, runStep, sendPosition, startT, trip]);

  // The ticker: the moment moves on at the speed, steps falling due are run, the position follows.
  const playing = view.playing;
  useEffect(() => {
    if (!playing) return;
    let previous = nowT();
    const timer = setInterval(() => {
      const t = nowT();
      for (const { index } of dueBetween(trip, previous, t)) void enqueue(() => runStep(index));
      previous = t;
      sendPosition(t, false);
      const ended = t >= Date.parse(trip.endsAt);
      if (ended) {
        base.current = { t, real: performance.now(), speed: 0 };
        void enqueue(() => setSessionClock(new Date(t), 0).then(() => undefined));
      }
      setView((v) => ({ ...v, t, playing: v.playing && !ended }));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, nowT, trip, enqueue, runStep, sendPosition]);

  const retime = useCallback(
    (speed: number, playing: boolean) => {
      const t = nowT();
      const running = playing ? speed : 0;
      base.current = { t, real: performance.now(), speed: running };
      setView((v) => ({ ...v, t, speed, playing }));
      void enqueue(() => setSessionClock(new Date(t), running).then(() => undefined));
    },
    [nowT, enqueue],
  );

  const play = useCallback(() => retime(view.speed, true), [retime, view.speed]);
  const pause = useCallback(() => retime(view.speed, false), [retime, view.speed]);
  const setSpeed = useCallback((speed: number) => retime(speed, view.playing), [retime, view.playing]);

  const seekForward = useCallback(
    (target: number) => {
      const from = nowT();
      const to = withinTrip(trip, target);
      if (to <= from) return;
      base.current = { t: to, real: performance.now(), speed: 0 };
      setView((v) => ({ ...v, t: to, playing: false, busy: true }));
      void enqueue(async () => {
        await setSessionClock(new Date(to), 0);
        for (const { index } of dueBetween(trip, from, to)) await runStep(index);
        sendPosition(to, true);
        setView((v) => ({ ...v, busy: false }));
      });
    },
    [nowT, trip, enqueue, runStep, sendPosition],
  );

  return { ...view, play, pause, setSpeed, seekForward };
}

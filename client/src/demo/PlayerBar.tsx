/**
 * The player's controls: the trip's clock, play/pause, speed, the timeline to scrub, steps back and
 * forward, the comparison, the presenter layout, reset and share. Space and the arrow keys work too
 * (use-presenter-keys.ts).
 */
import { PERSONAL_SIGNAL_IDS, type DemoTrip, type DemoVariant } from '@escale/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { activityAt } from './script.ts';
import { SPEEDS, type TripPlayer } from './use-trip-player.ts';

interface Props {
  trip: DemoTrip;
  player: TripPlayer;
  timeZone: string;
  compare: DemoVariant | null;
  presenter: boolean;
  shared: boolean;
  onSeek(t: number): void;
  onStep(direction: 1 | -1): void;
  onCompare(variant: DemoVariant | null): void;
  onPresenter(on: boolean): void;
  onReset(): void;
  onShare(): void;
}

export function PlayerBar({ trip, player, timeZone, compare, presenter, shared, onSeek, onStep, onCompare, onPresenter, onReset, onShare }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState<number | null>(null);
  const shown = draft ?? player.t;
  const clock = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(shown));
  const commit = () => {
    if (draft !== null) onSeek(draft);
    setDraft(null);
  };
  const start = Date.parse(trip.startsAt);
  const end = Date.parse(trip.endsAt);

  return (
    <section className="demo-bar" aria-label={t('demo.player.controls')}>
      <div className="demo-bar-row">
        <h1 className="demo-title">{trip.title[locale]}</h1>
        <p className="demo-clock" aria-live="off" data-testid="demo-clock" data-t={new Date(player.t).toISOString()}>
          {clock}
        </p>
        <p className="demo-activity">{activityText(trip, player.t, t, locale)}</p>
      </div>
      <div className="demo-bar-row demo-controls">
        <button type="button" className="button" onClick={() => onStep(-1)} disabled={player.busy} aria-keyshortcuts="ArrowLeft">
          ‹ {t('demo.player.stepBack')}
        </button>
        <button type="button" className="button button-primary demo-play" onClick={player.playing ? player.pause : player.play} disabled={player.busy} aria-keyshortcuts="Space">
          {player.busy ? t('demo.player.catchingUp') : player.playing ? t('demo.player.pause') : t('demo.player.play')}
        </button>
        <button type="button" className="button" onClick={() => onStep(1)} disabled={player.busy} aria-keyshortcuts="ArrowRight">
          {t('demo.player.stepForward')} ›
        </button>
        <label className="demo-field">
          {t('demo.player.speed')}
          <select value={player.speed} onChange={(e) => player.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label className="demo-field demo-scrub">
          <span className="visually-hidden">{t('demo.player.timeline')}</span>
          <input
            type="range"
            min={start}
            max={end}
            step={60_000}
            value={shown}
            disabled={player.busy}
            aria-valuetext={clock}
            onChange={(e) => setDraft(Number(e.target.value))}
            onPointerUp={commit}
            onKeyUp={commit}
            onBlur={commit}
          />
        </label>
        <label className="demo-field">
          {t('demo.player.compare')}
          <select value={compare ?? ''} onChange={(e) => onCompare(e.target.value === '' ? null : (e.target.value as DemoVariant))}>
            <option value="">{t('demo.player.compareOff')}</option>
            <option value="non_profiled">{t('demo.player.compareNonProfiled')}</option>
            {PERSONAL_SIGNAL_IDS.map((s) => (
              <option key={s} value={s}>
                {t('demo.player.compareWithout', { signal: t(`signal.${s}`) })}
              </option>
            ))}
          </select>
        </label>
        <label className="demo-field demo-check">
          <input type="checkbox" checked={presenter} onChange={(e) => onPresenter(e.target.checked)} />
          {t('demo.player.presenter')}
        </label>
        <button type="button" className="button" onClick={onShare}>
          {shared ? t('demo.player.linkCopied') : t('demo.player.share')}
        </button>
        <button type="button" className="button" onClick={onReset} disabled={player.busy}>
          {t('demo.player.reset')}
        </button>
      </div>
    </section>
  );
}

function activityText(trip: DemoTrip, t: number, tr: (key: string, params?: Record<string, unknown>) => string, locale: 'en' | 'fr'): string {
  const now = activityAt(trip, t);
  if (!now) return tr('demo.activity.before');
  const { step, ongoing } = now;
  if (step.kind === 'walk') return ongoing ? tr(step.pace === 'run' ? 'demo.activity.running' : 'demo.activity.walking', { to: step.to.name }) : tr('demo.activity.arrived', { at: step.to.name });
  if (step.kind === 'ride') return ongoing ? tr('demo.activity.riding', { what: step.label[locale] }) : tr('demo.activity.arrived', { at: step.to.name });
  if (step.kind === 'stay') return ongoing ? tr('demo.activity.staying', { at: step.at.name, what: step.label[locale] }) : tr('demo.activity.arrived', { at: step.at.name });
  return '';
}

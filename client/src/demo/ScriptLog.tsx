/**
 * What has happened on the trip so far, newest first: the pushes the server sent (with their trigger), the
 * files imported into the wallet and the feedback given; and which personal signals have driven a
 * suggestion yet, so the audience sees each one at work.
 */
import { PERSONAL_SIGNAL_IDS, renderEvidence, type DemoTrip, type ServerSuggestions, type SignalId } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import type { PlayerEntry } from './use-trip-player.ts';

interface Props {
  trip: DemoTrip;
  entries: readonly PlayerEntry[];
  pushes: readonly ServerSuggestions[];
  drivers: ReadonlySet<SignalId>;
  timeZone: string;
}

export function ScriptLog({ trip, entries, pushes, drivers, timeZone }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const clock = (at: number) => new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(at));
  const lines = [
    ...pushes.map((p) => ({
      at: Date.parse(p.at),
      key: `push-${p.seq}`,
      kind: 'push',
      text: t('demo.log.push', { why: renderEvidence(p.trigger.evidence, locale), ideas: p.items.map((s) => s.item.title).join(', ') }),
    })),
    ...entries.map((e) => ({ at: e.at, key: `step-${e.index}-${e.kind}`, kind: e.kind, text: entryText(trip, e, t, locale) })),
  ].sort((a, b) => b.at - a.at);

  return (
    <section className="demo-panel demo-log" aria-labelledby="demo-log-title">
      <h2 id="demo-log-title">{t('demo.log.title')}</h2>
      <ul className="demo-signals" aria-label={t('demo.log.signals')} data-testid="demo-signals">
        {PERSONAL_SIGNAL_IDS.map((s) => (
          <li key={s} className={drivers.has(s) ? 'demo-signal demo-signal-seen' : 'demo-signal'} data-signal={s} data-seen={drivers.has(s) ? 'true' : 'false'}>
            {drivers.has(s) ? '✓ ' : '○ '}
            {t(`signal.${s}`)}
          </li>
        ))}
      </ul>
      <ol className="demo-log-lines">
        {lines.map((l) => (
          <li key={l.key} className={`demo-log-${l.kind}`} data-testid={`demo-log-${l.kind}`}>
            <time>{clock(l.at)}</time> {l.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

function entryText(trip: DemoTrip, e: PlayerEntry, t: (key: string, params?: Record<string, unknown>) => string, locale: 'en' | 'fr'): string {
  const step = trip.steps[e.index];
  if (e.kind === 'failed') return t('demo.log.failed', { message: e.message });
  if (e.kind === 'import' && step?.kind === 'import') return t('demo.log.imported', { file: e.file, what: step.holds[locale], count: e.bookings });
  if (e.kind === 'feedback' && step?.kind === 'feedback') return t(`demo.log.feedback.${step.feedback}`, { why: step.reason[locale] });
  return '';
}

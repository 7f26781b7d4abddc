/**
 * Changes made offline that the server did not take: a booking that changed elsewhere meanwhile (the
 * traveller keeps theirs or the other), or a change refused outright (said why, then discarded).
 */
import type { Booking } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { discard, keepMine } from '../offline/outbox.ts';
import type { OutboxOp } from '../offline/outbox-ops.ts';
import { dateTimeIn } from './booking-format.ts';

export function ChangesToSettle({ ops, onSettled }: { ops: OutboxOp[]; onSettled(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (ops.length === 0) return null;
  const summary = (b: Pick<Booking, 'title' | 'startsAt' | 'timezone' | 'status'>) =>
    `${b.title} · ${dateTimeIn(b.startsAt, b.timezone, locale)}${b.status === 'cancelled' ? ` · ${t('wallet.cancelled')}` : ''}`;
  const act = (work: Promise<void>) => void work.then(onSettled);
  return (
    <section className="settle" aria-labelledby="settle-title">
      <h2 id="settle-title">{t('wallet.settle.title', { count: ops.length })}</h2>
      {ops.map((op) => (
        <article key={op.key} className="settle-item" data-testid="conflict">
          {op.problem?.kind === 'conflict' && op.kind !== 'add' ? (
            <>
              <p>{t('wallet.settle.conflict')}</p>
              <dl className="settle-versions">
                <dt>{t('wallet.settle.yours')}</dt>
                <dd>{op.kind === 'edit' ? summary({ ...op.base, ...op.edit }) : summary({ ...op.base, status: 'cancelled' })}</dd>
                <dt>{t('wallet.settle.theirs')}</dt>
                <dd>{summary(op.problem.current)}</dd>
              </dl>
              <div className="settle-actions">
                <button type="button" className="button button-primary" onClick={() => act(keepMine(op))}>
                  {t('wallet.settle.keepMine')}
                </button>
                <button type="button" className="button" onClick={() => act(discard(op))}>
                  {t('wallet.settle.keepTheirs')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p>{t('wallet.settle.refused', { message: op.problem?.kind === 'refused' ? op.problem.message : '' })}</p>
              <button type="button" className="button" onClick={() => act(discard(op))}>
                {t('wallet.settle.discard')}
              </button>
            </>
          )}
        </article>
      ))}
    </section>
  );
}

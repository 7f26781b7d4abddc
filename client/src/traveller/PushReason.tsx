/**
 * Why a push came now, in the Why panel: the trigger's sentence ("Sent because you arrived in Paris 4e").
 * A push the traveller did not ask for also says where to change when such pushes come.
 */
import { renderEvidence, type ServerSuggestions } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';

export type PushOrigin = Pick<ServerSuggestions, 'trigger' | 'solicited'>;

export function PushReason({ origin, onOpenNotifications }: { origin: PushOrigin; onOpenNotifications(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="why-now" aria-labelledby="why-now-title">
      <h3 id="why-now-title" className="why-subtitle">
        {t('why.whyNow')}
      </h3>
      <p data-testid="push-trigger">{renderEvidence(origin.trigger.evidence, locale)}</p>
      {!origin.solicited && (
        <p className="why-unsolicited">
          {t('why.unsolicited')}{' '}
          <button type="button" className="link-button" onClick={onOpenNotifications}>
            {t('why.notificationSettings')}
          </button>
        </p>
      )}
    </section>
  );
}

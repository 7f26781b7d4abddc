/**
 * The Why panel's first sentence, for someone who has never heard of a "signal": "Suggested mainly because
 * you said you like wine, and because it is close (450 m, 6 min walk)."
 */
import { renderEvidence, type SignalContribution, type Suggestion } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { leadReasons } from './format.ts';

export function WhyLead({ suggestion }: { suggestion: Suggestion }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { main, also } = leadReasons(suggestion);
  const because = (c: SignalContribution) => t(`why.because.${c.signal}`, { evidence: renderEvidence(c.evidence, locale) });
  if (!main) return null;
  return (
    <p className="why-lead" data-testid="why-lead">
      {also ? t('why.leadTwo', { main: because(main), also: because(also) }) : t('why.leadOne', { main: because(main) })}
    </p>
  );
}

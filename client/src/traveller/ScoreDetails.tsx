/** The figures behind the bars, for whoever wants them: each signal's value, weight and points. */
import type { SignalContribution } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { formatNumber } from './format.ts';

export function ScoreDetails({ contributions }: { contributions: SignalContribution[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const total = contributions.reduce((sum, c) => sum + c.points, 0);
  return (
    <details className="score-details">
      <summary>{t('why.details')}</summary>
      <p className="sheet-intro">{t('why.detailsIntro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('why.detailsSignal')}</th>
            <th scope="col">{t('why.detailsValue')}</th>
            <th scope="col">{t('why.detailsWeight')}</th>
            <th scope="col">{t('why.detailsPoints')}</th>
          </tr>
        </thead>
        <tbody>
          {contributions.map((c) => (
            <tr key={c.signal}>
              <th scope="row">{t(`signal.${c.signal}`)}</th>
              <td>{formatNumber(c.value, locale)}</td>
              <td>× {formatNumber(c.weight, locale)}</td>
              <td>{formatNumber(c.points, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('why.detailsTotal')}
            </th>
            <td>{formatNumber(total, locale)}</td>
          </tr>
        </tfoot>
      </table>
    </details>
  );
}

/**
 * Everything held about the traveller, readable (GDPR Art. 15): what they told us, what they did, where
 * they were last (and for how long it is kept), their bookings, the notifications they got with why, and
 * their sessions. The export carries the same, as a file.
 */
import { CATEGORY_LABELS, formatDay, type HeldInteraction, INSIGHT_LIMITS, renderEvidence, type MyData } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { formatWhen } from './format-when.ts';
import { interestName } from './interest-name.ts';

/** The most recent of a long list shown on the page; the export has them all. */
const SHOWN = 20;

export function HeldDataSection({ data, onTakeBack }: { data: MyData; onTakeBack(i: HeldInteraction): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = data.profile;
  return (
    <section className="mydata-section" aria-labelledby="mydata-held">
      <h2 id="mydata-held">{t('mydata.held')}</h2>

      <h3>{t('mydata.profile')}</h3>
      {p ? (
        <dl className="held-facts">
          <dt>{t('mydata.likes')}</dt>
          <dd>{p.likes.map((i) => interestName(i, locale)).join(', ') || t('mydata.nothing')}</dd>
          <dt>{t('mydata.dislikes')}</dt>
          <dd>{p.dislikes.map((i) => interestName(i, locale)).join(', ') || t('mydata.nothing')}</dd>
          <dt>{t('mydata.party')}</dt>
          <dd>
            {t('mydata.partyValue', { adults: p.party.adults, children: p.party.childrenAges.length })}
            {p.party.accessibility.includes('wheelchair') && `, ${t('mydata.wheelchair')}`}
          </dd>
          <dt>{t('mydata.budget')}</dt>
          <dd>{p.budget ? '€'.repeat(p.budget) : t('mydata.notSaid')}</dd>
          <dt>{t('mydata.onboarding')}</dt>
          <dd>{data.onboardedAt ? formatWhen(data.onboardedAt, locale) : t('mydata.notYet')}</dd>
        </dl>
      ) : (
        <p className="muted">{t('mydata.profileNone')}</p>
      )}
      <p>
        <Link to={PATHS.profile}>{t('mydata.editProfile')}</Link>
      </p>

      <h3>{t('mydata.interactions', { count: data.interactions.length })}</h3>
      {data.interactions.length === 0 ? (
        <p className="muted">{t('mydata.nothing')}</p>
      ) : (
        <ul className="held-list">
          {data.interactions.slice(0, SHOWN).map((i) => (
            <li key={`${i.placeId}-${i.kind}`}>
              <span>
                {t(`mydata.kind.${i.kind}`)} · {i.placeName ?? i.placeId} <span className="muted">· {formatWhen(i.at, locale)}</span>
              </span>
              <button type="button" className="link-button" onClick={() => onTakeBack(i)} aria-label={t('mydata.takeBackLabel', { what: t(`mydata.kind.${i.kind}`), place: i.placeName ?? i.placeId })}>
                {t('mydata.fewerRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('mydata.statistics', { count: data.statistics.length })}</h3>
      <p className="muted">{t('mydata.statisticsHelp', { min: INSIGHT_LIMITS.minTravellers, days: INSIGHT_LIMITS.retentionDays })}</p>
      {data.statistics.length > 0 && (
        <ul className="held-list">
          {data.statistics.slice(0, SHOWN).map((e) => (
            <li key={`${e.day}-${e.action}-${e.placeId}`}>
              {formatDay(e.day, locale)} · {t(`mydata.statisticsAction.${e.action}`)} · {e.placeName ?? e.placeId}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('mydata.position')}</h3>
      {data.positions.length === 0 ? (
        <p className="muted">{t('mydata.positionNone')}</p>
      ) : (
        data.positions.map((pos) => <p key={pos.at}>{t('mydata.positionAt', { lat: pos.lat.toFixed(4), lon: pos.lon.toFixed(4), when: formatWhen(pos.at, locale) })}</p>)
      )}
      <p className="muted">{t('mydata.retention', { hours: data.retention.positionHours, count: data.retention.suggestionsKept })}</p>

      <h3>{t('mydata.bookings', { count: data.bookings.length })}</h3>
      <p>
        {t('mydata.bookingsHelp', { count: data.bookings.length })} <Link to={PATHS.wallet}>{t('mydata.openWallet')}</Link>
      </p>

      <h3>{t('mydata.received', { count: data.suggestionsReceived.length })}</h3>
      {data.suggestionsReceived.length === 0 ? (
        <p className="muted">{t('mydata.nothing')}</p>
      ) : (
        <ul className="held-list received-list">
          {data.suggestionsReceived.slice(0, SHOWN).map((m) => (
            <li key={m.seq}>
              <span>
                <strong>{formatWhen(m.at, locale)}</strong> — {renderEvidence(m.trigger.evidence, locale)}
                <ul>
                  {m.items.map((s) => (
                    <li key={s.id}>
                      {s.item.title} ({CATEGORY_LABELS[s.item.place.category][locale]}): {renderEvidence(s.reason, locale)} · {t('mydata.drivenBy', { signal: t(`signal.${s.driver}`) })}
                    </li>
                  ))}
                </ul>
              </span>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('mydata.sessions', { count: data.sessions.length })}</h3>
      <ul className="held-list">
        {data.sessions.map((s) => (
          <li key={s.createdAt}>{t('mydata.sessionValue', { from: formatWhen(s.createdAt, locale), until: formatWhen(s.expiresAt, locale) })}</li>
        ))}
      </ul>
    </section>
  );
}

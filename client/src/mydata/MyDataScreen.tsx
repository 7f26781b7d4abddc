/**
 * My data: the consents, how the feed is ranked, everything held, and taking it away or erasing it — the
 * traveller's side of DSA Art. 27/38 and GDPR Art. 7/15/17/20, on one page (docs/PRIVACY.md).
 */
import { type Consents, type FewerLike, historyItemCount, type MyData, type RankingSettingsBody, type RankingSettingsPatch, type SessionInfo } from '@escale/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ApiFailure } from '../api/api.ts';
import { forgetBootCopy } from '../offline/boot-copy.ts';
import { forgetTraveller } from '../offline/local-db.ts';
import { AdvisorNotesSection } from './AdvisorNotesSection.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { ExportErase } from './ExportErase.tsx';
import { FeedSection } from './FeedSection.tsx';
import { HeldDataSection } from './HeldDataSection.tsx';
import { eraseMyData, getMyData, getRankingSettings, putRankingSettings, takeBackFewer, takeBackInteraction } from './privacy-api.ts';

interface Props {
  session: SessionInfo;
  onConsentsChanged(consents: Consents): void;
  onErased(): void;
}

export function MyDataScreen({ session, onConsentsChanged, onErased }: Props) {
  const { t } = useTranslation();
  const [data, setData] = useState<MyData | null>(null);
  const [ranking, setRanking] = useState<RankingSettingsBody | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const fail = useCallback((e: unknown) => setFailure(e instanceof ApiFailure && e.code === 'network' ? t('mydata.offline') : e instanceof Error ? e.message : String(e)), [t]);
  const load = useCallback(async () => {
    try {
      const [d, r] = await Promise.all([getMyData(), getRankingSettings()]);
      setData(d);
      setRanking(r);
      setFailure(null);
    } catch (e) {
      fail(e);
    }
  }, [fail]);
  useEffect(() => void load(), [load]);

  // A link to "#consent-location" (from the Why panel) scrolls to that switch once the page is drawn.
  const { hash } = useLocation();
  useEffect(() => {
    if (data && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [data, hash]);

  const changeRanking = (patch: RankingSettingsPatch) => void putRankingSettings(patch).then(setRanking, fail);
  const takeBack = (item: FewerLike) => void takeBackFewer(item.interest).then((list) => setData((d) => (d ? { ...d, fewerLike: list.fewer } : d)), fail);

  return (
    <div className="page mydata">
      <h1>{t('mydata.title')}</h1>
      <p className="lead">{t('mydata.lead', { name: session.traveller.name })}</p>
      {failure && (
        <p className="notice-error" role="alert">
          {failure}{' '}
          <button type="button" className="link-button" onClick={() => void load()}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {!data || !ranking ? (
        !failure && <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <ConsentsSection
            consents={data.consents.now}
            history={data.consents.history}
            historyItems={historyItemCount(data.interactions)}
            onChanged={(consents) => {
              onConsentsChanged(consents);
              void load(); // what was deleted with a consent leaves the page too
            }}
          />
          <FeedSection ranking={ranking} fewer={data.fewerLike} onChange={changeRanking} onTakeBack={takeBack} />
          <AdvisorNotesSection notes={data.advisorNotes} own={data.profile} profileConsent={data.consents.now.profile} onChanged={() => void load()} />
          <HeldDataSection data={data} onTakeBack={(i) => void takeBackInteraction(i).then(load, fail)} />
          <ExportErase
            onErase={async () => {
              await eraseMyData();
              // Nothing of the traveller stays on this phone either.
              forgetBootCopy();
              await forgetTraveller(session.traveller.id).catch((error: unknown) => console.warn('The local copy could not be erased:', error));
              onErased();
            }}
          />
        </>
      )}
    </div>
  );
}

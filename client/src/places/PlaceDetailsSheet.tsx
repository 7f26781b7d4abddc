/**
 * A place's details, opened by tapping it on the map or choosing it in a search: name, category, address,
 * whether it is open now, its hours, website, "Directions" in the platform's maps app, and the explicit
 * "Set my position here" (how a keyboard user moves, and the one way a tap on a place moves anyone).
 */
import { CATEGORY_LABELS, type PlaceDetails } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPlace } from '../api/api.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { CategoryIcon } from '../ui/CategoryIcon.tsx';
import { SheetHead } from '../ui/SheetHead.tsx';
import { useModalDialog } from '../ui/use-modal-dialog.ts';
import { directionsUrl, platformOf } from './directions.ts';
import { openNowLine } from './open-now.ts';

interface Props {
  placeId: string | null;
  onClose(): void;
  onSetPosition(place: PlaceDetails): void;
}

type Loaded = { id: string; place: PlaceDetails } | { id: string; failed: true };

export function PlaceDetailsSheet({ placeId, onClose, onSetPosition }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dialog = useModalDialog(placeId !== null, onClose, { closeOnBackdrop: true });
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  // Asked each time it opens: "open now" is about now, and a demo's clock may have moved since.
  useEffect(() => {
    if (placeId === null) return;
    let live = true;
    getPlace(placeId).then(
      (place) => live && setLoaded({ id: placeId, place }),
      () => live && setLoaded({ id: placeId, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [placeId]);

  const current = loaded && loaded.id === placeId ? loaded : null;
  const place = current && 'place' in current ? current.place : null;
  const open = place ? openNowLine(place.openNow, locale) : null;
  return (
    <dialog ref={dialog.ref} className="sheet place" aria-labelledby="place-title" onCancel={dialog.onCancel} onClick={dialog.onClick} data-testid="place-details">
      {placeId !== null && (
        <div className="sheet-body">
          <SheetHead id="place-title" title={place?.name ?? t('places.loading')} closeLabel={t('places.close')} onClose={onClose} />
          {current && 'failed' in current && <p role="alert">{t('places.failed')}</p>}
          {place && open && (
            <>
              <p className="place-category">
                <CategoryIcon category={place.category} /> {CATEGORY_LABELS[place.category][locale]}
              </p>
              <dl className="place-facts">
                <dt>{t('places.address')}</dt>
                <dd>{place.address ?? t('places.addressUnknown')}</dd>
                <dt>{t('places.now')}</dt>
                <dd className={place.openNow.kind === 'open' ? 'place-open' : undefined}>{t(open.key, open.params)}</dd>
                {place.hours && place.hours[locale].length > 0 && (
                  <>
                    <dt>{t('places.hours')}</dt>
                    <dd className="place-hours">
                      {place.hours[locale].map((line) => (
                        <span key={line}>{line}</span>
                      ))}
                    </dd>
                  </>
                )}
                {place.website && (
                  <>
                    <dt>{t('places.website')}</dt>
                    <dd>
                      <a href={place.website} target="_blank" rel="noopener noreferrer">
                        {new URL(place.website).host.replace(/^www\./, '')}
                      </a>
                    </dd>
                  </>
                )}
              </dl>
              <div className="place-actions">
                <a className="button button-primary" href={directionsUrl(place, platformOf(navigator.userAgent, navigator.maxTouchPoints))} target="_blank" rel="noopener noreferrer">
                  {t('places.directions')}
                </a>
                <button type="button" className="button" onClick={() => onSetPosition(place)}>
                  {t('places.setPosition')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </dialog>
  );
}

/**
 * The map's place on the page. It is always present (tests find it by `data-testid="map"` and wait for
 * `data-map-ready="true"`); the map library itself arrives lazily, and if WebGL is missing or the map
 * fails, a plain message replaces it while the cards stay usable.
 */
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyMapboxMap, LazyMaplibreMap, supportsWebGL } from './load-map.ts';
import { MapErrorBoundary } from './MapErrorBoundary.tsx';
import type { CityMapProps, MapFailure } from './kit.ts';

type Props = Omit<CityMapProps, 'onReady' | 'onFailure' | 'youAreHere'> & {
  /**
   * Hold the map library back: loading it takes the main thread for about a second on a mid-range phone,
   * and the first cards matter more (the screen sets this until the first feed is in).
   */
  deferred?: boolean;
};

export function MapArea({ deferred = false, ...props }: Props) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<MapFailure | null>(() => (supportsWebGL() ? null : 'noWebgl'));
  const LazyMap = props.config.map.mapboxToken ? LazyMapboxMap : LazyMaplibreMap;

  return (
    <div className="map" data-testid="map" data-map-ready={ready ? 'true' : 'false'}>
      {deferred && !failure ? (
        <p className="map-message">{t('map.loading')}</p>
      ) : failure ? (
        <p className="map-message" role="status">
          {t(`map.${failure}`)}
        </p>
      ) : (
        <MapErrorBoundary onError={() => setFailure('failed')}>
          <Suspense fallback={<p className="map-message">{t('map.loading')}</p>}>
            <LazyMap {...props} youAreHere={t('map.youAreHere')} onReady={() => setReady(true)} onFailure={setFailure} />
          </Suspense>
        </MapErrorBoundary>
      )}
    </div>
  );
}

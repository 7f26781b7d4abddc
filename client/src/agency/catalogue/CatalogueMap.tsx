/**
 * The catalogue's map in the console: the places of the table's page as dots (coloured by category, drafts
 * hollow), the place being edited as a pin an editor drags to move it (an event, offer or promotion: the
 * place where it is had, as a pin that stays put). Loaded lazily with maplibre, on
 * the city's offline basemap. The same move can be made without a mouse, in the editor's lat/lon fields.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { type ComponentRef, useEffect, useMemo, useRef, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { AttributionControl, Layer, Map, Marker, NavigationControl, Source } from 'react-map-gl/maplibre';
import type { CategoryId, ClientConfig } from '@escale/shared';
import { loadBasemapStyle } from '../../map/basemap.ts';
import { categoryColorExpression, plainStyle } from '../../map/map-style.ts';
import { boundsOf } from '../../map/view.ts';
import { workerUrl } from '../../map/warm-up.ts';

maplibregl.setWorkerUrl(workerUrl);

/** A dot on the map: a place, or the place of an event, offer or promotion (`id` is the item's). */
export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  category: CategoryId;
  /** Not (yet) what travellers see: drawn hollow. */
  draft: boolean;
}

interface Props {
  config: ClientConfig;
  places: MapPoint[];
  selected: { name: string; lat: number; lon: number } | null;
  onSelect(id: string): void;
  /** Given, the selected pin can be dragged: the place moves. */
  onMove?(lat: number, lon: number): void;
  /** Once the map has drawn its first view. */
  onReady(): void;
}

export default function CatalogueMap({ config, places, selected, onSelect, onMove, onReady }: Props) {
  const { t } = useTranslation();
  const mapRef = useRef<ComponentRef<typeof Map>>(null);
  const [style, setStyle] = useState<StyleSpecification | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const url = config.map.offlineStyleUrl;
    if (!url) return setStyle(plainStyle());
    let live = true;
    loadBasemapStyle(url).then(
      (s) => live && setStyle(s),
      () => live && setStyle(plainStyle()),
    );
    return () => {
      live = false;
    };
  }, [config.map.offlineStyleUrl]);

  const data = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: places.map((p) => ({
        type: 'Feature' as const,
        properties: { id: p.id, category: p.category, draft: p.draft },
        geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
      })),
    }),
    [places],
  );

  // A new page of places comes into view.
  const pageKey = places.map((p) => p.id).join();
  useEffect(() => {
    const box = boundsOf(places.map((p) => [p.lon, p.lat]));
    if (ready && box) mapRef.current?.fitBounds(box, { padding: 40, maxZoom: 16, duration: 0 });
  }, [pageKey, ready]); // eslint-disable-line react-hooks/exhaustive-deps -- only a new page moves the camera

  if (!style) return <p className="map-message">{t('map.loading')}</p>;
  const start = places[0] ?? config.city.center;
  return (
    <Map
      ref={mapRef}
      mapLib={maplibregl as never}
      initialViewState={{ longitude: start.lon, latitude: start.lat, zoom: 13 }}
      mapStyle={style}
      attributionControl={false}
      interactiveLayerIds={['catalogue-places']}
      onLoad={(event) => {
        setReady(true);
        if (new URLSearchParams(window.location.search).has('map-debug')) (window as unknown as { escaleMap: unknown }).escaleMap = event.target;
      }}
      onIdle={onReady}
      onClick={(event) => {
        const id = event.features?.[0]?.properties?.id;
        if (typeof id === 'string') onSelect(id);
      }}
    >
      <AttributionControl customAttribution={config.attribution} position="bottom-right" />
      <NavigationControl showCompass={false} position="top-right" />
      <Source id="catalogue" type="geojson" data={data}>
        <Layer
          id="catalogue-places"
          type="circle"
          paint={{
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 3, 15, 6, 17, 8],
            'circle-color': ['case', ['get', 'draft'], '#ffffff', categoryColorExpression()],
            'circle-stroke-color': categoryColorExpression(),
            'circle-stroke-width': ['case', ['get', 'draft'], 2.5, 1],
          }}
        />
      </Source>
      {selected && (
        <Marker
          latitude={selected.lat}
          longitude={selected.lon}
          anchor="bottom"
          draggable={onMove !== undefined}
          onDragEnd={(event) => onMove?.(Math.round(event.lngLat.lat * 1e6) / 1e6, Math.round(event.lngLat.lng * 1e6) / 1e6)}
        >
          <span className="pin pin-booking catalogue-pin" role="img" aria-label={t('catalogue.pinLabel', { name: selected.name })} data-testid="catalogue-pin" />
        </Marker>
      )}
    </Map>
  );
}

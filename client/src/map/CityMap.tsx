/**
 * The city map: basemap (an online style, or the city's offline one served by this server), catalogue
 * places, the traveller's position and numbered pins matching the suggestion cards. A tap on a place opens
 * its details; only in "move my position" mode does a tap set a simulated position (moving is deliberate).
 */
import { type ComponentRef, useEffect, useRef, useState } from 'react';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { loadBasemapStyle } from './basemap.ts';
import { plainStyle, placesLayer } from './map-style.ts';
import { Pin } from './Pin.tsx';
import type { CityMapProps, MapKit } from './kit.ts';
import { FIT_PADDING, type LonLat, boundsOf, prefersReducedMotion } from './view.ts';

/**
 * On a narrow screen the credits are an ⓘ button (maplibre's compact attribution), but maplibre opens it
 * until the first drag, covering pins at the bottom of a phone's map: it starts closed here, as maplibre
 * itself closes it on a drag. The credits stay one tap away.
 */
function collapseCompactAttribution(container: HTMLElement): void {
  container.querySelector('.maplibregl-ctrl-attrib.maplibregl-compact')?.classList.remove('maplibregl-compact-show');
}

/**
 * With `?map-debug` in the address, the map instance is `window.escaleMap`, to inspect what it draws from the
 * console (and for the browser tests, which check the rendered features). Nothing is exposed otherwise.
 */
/** How far from a dot a tap still picks it: dots are a few pixels wide and fingers are not. */
const TAP_SLOP_PX = 12;

interface Point {
  x: number;
  y: number;
}
interface Queryable {
  queryRenderedFeatures(box: [[number, number], [number, number]], options: { layers: string[] }): { properties: Record<string, unknown> | null; geometry: { type: string; coordinates?: unknown } }[];
  project(lonLat: [number, number]): Point;
}

/** The catalogue place drawn nearest to a tapped point, within TAP_SLOP_PX, or null. */
function placeAt(map: Queryable, point: Point): string | null {
  const box: [[number, number], [number, number]] = [
    [point.x - TAP_SLOP_PX, point.y - TAP_SLOP_PX],
    [point.x + TAP_SLOP_PX, point.y + TAP_SLOP_PX],
  ];
  let best: { id: string; d: number } | null = null;
  for (const feature of map.queryRenderedFeatures(box, { layers: [placesLayer.id] })) {
    const id = feature.properties?.id;
    if (typeof id !== 'string') continue;
    const coordinates = feature.geometry.type === 'Point' ? (feature.geometry.coordinates as [number, number]) : null;
    const at = coordinates ? map.project(coordinates) : point;
    const d = Math.hypot(at.x - point.x, at.y - point.y);
    if (!best || d < best.d) best = { id, d };
  }
  return best?.id ?? null;
}

function exposeForDebugging(map: unknown): void {
  if (new URLSearchParams(window.location.search).has('map-debug')) (window as unknown as { escaleMap: unknown }).escaleMap = map;
}

interface Props extends CityMapProps {
  kit: MapKit;
  mapLib: unknown;
  /** Library-specific props (the Mapbox access token). */
  extraProps?: Record<string, unknown>;
}

export function CityMap({ kit, mapLib, extraProps, config, places, position, suggestions, youAreHere, category, moveMode, focus, marks = [], ...on }: Props) {
  const { t } = useTranslation();
  const { Map, Source, Layer, AttributionControl, NavigationControl, Marker } = kit;
  const mapRef = useRef<ComponentRef<MapKit['Map']>>(null);
  const loaded = useRef(false);
  const [isLoaded, setIsLoaded] = useState(false);
  // An unreachable online style would leave a blank map; fall back to the offline one instead.
  const [styleFailed, setStyleFailed] = useState(false);
  const offline = !config.map.styleUrl || styleFailed;
  const offlineUrl = config.map.offlineStyleUrl;
  // Offline: the city's basemap style once fetched, or the plain one when the city has none (or it failed).
  const [offlineStyle, setOfflineStyle] = useState<StyleSpecification | null>(null);

  useEffect(() => {
    if (!offline) return;
    if (!offlineUrl) return setOfflineStyle(plainStyle());
    let live = true;
    loadBasemapStyle(offlineUrl).then(
      (style) => live && setOfflineStyle(style),
      (error: unknown) => {
        console.warn('The offline basemap could not be loaded; the map shows places on a plain background.', error);
        if (live) setOfflineStyle(plainStyle());
      },
    );
    return () => {
      live = false;
    };
  }, [offline, offlineUrl]);
  const mapStyle = offline ? offlineStyle : config.map.styleUrl!;

  // Ready for people and tests once the style is drawn with the tiles of the first view ('idle').
  const [isIdle, setIsIdle] = useState(false);
  const { onReady } = on;
  useEffect(() => {
    if (isLoaded && isIdle) onReady();
  }, [isLoaded, isIdle, onReady]);

  // Follow the device position; a map tap is already where the user is looking, so it does not move the view.
  useEffect(() => {
    if (position?.source === 'device') mapRef.current?.flyTo({ center: [position.lon, position.lat], zoom: 15, animate: !prefersReducedMotion() });
    // A demo trip's persona walks on: the view keeps them in the middle, at the presenter's zoom.
    if (position?.source === 'demo') mapRef.current?.easeTo({ center: [position.lon, position.lat], duration: prefersReducedMotion() ? 0 : 200 });
  }, [position]);

  // A place chosen in the search comes into view (zoomed in enough to tell it from its neighbours).
  useEffect(() => {
    if (focus && isLoaded) mapRef.current?.flyTo({ center: [focus.lon, focus.lat], zoom: Math.max(mapRef.current.getZoom(), 16), animate: !prefersReducedMotion() });
  }, [focus?.key, isLoaded]); // eslint-disable-line react-hooks/exhaustive-deps -- a new choice moves the camera

  // When a push suggests places outside the view, widen it (never zoom in) so every numbered pin is visible.
  const pushKey = suggestions.map((s) => s.id).join();
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded || suggestions.length === 0) return;
    const places: LonLat[] = suggestions.map((s) => [s.item.place.lon, s.item.place.lat]);
    // "Visible" means clear of the controls that float over the map's edges, not merely inside its bounds.
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const clear = (p: LonLat) => {
      const { x, y } = map.project(p);
      return x >= FIT_PADDING.left && x <= width - FIT_PADDING.right && y >= FIT_PADDING.top && y <= height - FIT_PADDING.bottom;
    };
    if (places.every(clear)) return;
    const box = boundsOf(position ? [...places, [position.lon, position.lat]] : places);
    if (box) map.fitBounds(box, { padding: FIT_PADDING, maxZoom: map.getZoom(), duration: prefersReducedMotion() ? 0 : 600 });
  }, [pushKey, isLoaded]); // eslint-disable-line react-hooks/exhaustive-deps -- only a new push moves the camera

  function handleError(error: Error | undefined) {
    const message = error?.message ?? '';
    if (!loaded.current && /webgl/i.test(message)) on.onFailure('noWebgl');
    else if (!loaded.current && !offline) setStyleFailed(true);
    else console.warn('Map error:', message);
  }

  // maplibre's own control labels, in the app's language (read when the map is created).
  const locale = {
    'AttributionControl.ToggleAttribution': t('map.controls.credits'),
    'NavigationControl.ZoomIn': t('map.controls.zoomIn'),
    'NavigationControl.ZoomOut': t('map.controls.zoomOut'),
    'Map.Title': t('map.controls.title'),
  };
  const start = marks[0] ?? position ?? config.city.center;
  if (!mapStyle) return null; // the style is a round trip away; the area keeps its loading message
  return (
    <Map
      ref={mapRef}
      mapLib={mapLib as never}
      {...extraProps}
      initialViewState={{ longitude: start.lon, latitude: start.lat, zoom: 14 }}
      mapStyle={mapStyle}
      attributionControl={false}
      locale={locale}
      cursor={moveMode ? 'crosshair' : 'grab'}
      onLoad={(event) => {
        loaded.current = true;
        setIsLoaded(true);
        collapseCompactAttribution(event.target.getContainer());
        exposeForDebugging(event.target);
      }}
      onIdle={() => setIsIdle(true)}
      onError={(event) => handleError(event.error)}
      onClick={(event) => {
        if (moveMode) return on.onPick({ lat: event.lngLat.lat, lon: event.lngLat.lng });
        const placeId = placeAt(event.target as unknown as Queryable, event.point);
        if (placeId) on.onOpenPlace(placeId);
      }}
    >
      {/* Compact (an ⓘ button) on a narrow screen, so the credits never cover pins on a phone; full otherwise. */}
      <AttributionControl key={config.city.id} customAttribution={config.attribution} position="bottom-right" />
      <NavigationControl showCompass={false} position="top-right" />
      {places && (
        <Source id="places" type="geojson" data={places}>
          {/* maplibre refuses `filter: undefined`: an unfiltered layer has no filter key at all. */}
          <Layer {...placesLayer} {...(category ? { filter: ['==', ['get', 'category'], category] as ExpressionSpecification } : {})} />
        </Source>
      )}
      {suggestions.map((s, index) => (
        <Pin key={s.id} Marker={Marker} lat={s.item.place.lat} lon={s.item.place.lon} anchor="center" label={`${index + 1}. ${s.item.title}`} onClick={() => on.onSelectSuggestion(s.id)}>
          <span className="pin pin-suggestion">{index + 1}</span>
        </Pin>
      ))}
      {marks.map((m) => (
        <Pin key={`${m.lat},${m.lon},${m.label}`} Marker={Marker} lat={m.lat} lon={m.lon} anchor="bottom" label={m.label}>
          <span className="pin pin-booking" />
        </Pin>
      ))}
      {position && (
        <Pin Marker={Marker} lat={position.lat} lon={position.lon} anchor="center" label={youAreHere}>
          <span className="pin pin-position" />
        </Pin>
      )}
    </Map>
  );
}

/**
 * The city map: basemap (an online style, or the offline built-in one), catalogue places, the traveller's
 * position and numbered pins matching the suggestion cards. A tap sets a simulated position.
 */
import { type ComponentRef, useEffect, useMemo, useRef, useState } from 'react';
import { type Land, loadLand } from './land.ts';
import { landLayer, offlineStyle, placesLayer } from './map-style.ts';
import { Pin } from './Pin.tsx';
import type { CityMapProps, MapKit } from './kit.ts';
import { FIT_PADDING, type LonLat, boundsOf } from './view.ts';

interface Props extends CityMapProps {
  kit: MapKit;
  mapLib: unknown;
  /** Library-specific props (the Mapbox access token). */
  extraProps?: Record<string, unknown>;
}

const EMPTY: Land = { type: 'FeatureCollection', features: [] };

export function CityMap({ kit, mapLib, extraProps, config, places, position, suggestions, youAreHere, ...on }: Props) {
  const { Map, Source, Layer, AttributionControl, NavigationControl, Marker } = kit;
  const mapRef = useRef<ComponentRef<MapKit['Map']>>(null);
  const loaded = useRef(false);
  const [isLoaded, setIsLoaded] = useState(false);
  // An unreachable online style would leave a blank map; fall back to the offline one instead.
  const [styleFailed, setStyleFailed] = useState(false);
  const offline = !config.map.styleUrl || styleFailed;
  const mapStyle = useMemo(() => (offline ? offlineStyle() : config.map.styleUrl!), [offline, config.map.styleUrl]);
  const [land, setLand] = useState<Land | null>(null);

  useEffect(() => {
    if (!offline) return;
    let live = true;
    loadLand().then(
      (l) => live && setLand(l),
      (error: unknown) => {
        console.warn('Land outlines could not be loaded; the map shows places on a plain background.', error);
        if (live) setLand(EMPTY);
      },
    );
    return () => {
      live = false;
    };
  }, [offline]);

  // Ready for people and tests once the style is drawn and, offline, the land is in.
  useEffect(() => {
    if (isLoaded && (!offline || land)) on.onReady();
  }, [isLoaded, offline, land, on.onReady]);

  // Follow the device position; a map tap is already where the user is looking, so it does not move the view.
  useEffect(() => {
    if (position?.source === 'device') mapRef.current?.flyTo({ center: [position.lon, position.lat], zoom: 15 });
  }, [position]);

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
    if (box) map.fitBounds(box, { padding: FIT_PADDING, maxZoom: map.getZoom(), duration: 600 });
  }, [pushKey, isLoaded]); // eslint-disable-line react-hooks/exhaustive-deps -- only a new push moves the camera

  function handleError(error: Error | undefined) {
    const message = error?.message ?? '';
    if (!loaded.current && /webgl/i.test(message)) on.onFailure('noWebgl');
    else if (!loaded.current && !offline) setStyleFailed(true);
    else console.warn('Map error:', message);
  }

  const start = position ?? config.city.center;
  return (
    <Map
      ref={mapRef}
      mapLib={mapLib as never}
      {...extraProps}
      initialViewState={{ longitude: start.lon, latitude: start.lat, zoom: 14 }}
      mapStyle={mapStyle}
      attributionControl={false}
      cursor="crosshair"
      onLoad={() => {
        loaded.current = true;
        setIsLoaded(true);
      }}
      onError={(event) => handleError(event.error)}
      onClick={(event) => on.onPick({ lat: event.lngLat.lat, lon: event.lngLat.lng })}
    >
      <AttributionControl customAttribution={config.attribution} compact={false} position="bottom-right" />
      <NavigationControl showCompass={false} position="top-right" />
      {offline && (
        <Source id="land" type="geojson" data={land ?? EMPTY}>
          <Layer {...landLayer} />
        </Source>
      )}
      {places && (
        <Source id="places" type="geojson" data={places}>
          <Layer {...placesLayer} />
        </Source>
      )}
      {suggestions.map((s, index) => (
        <Pin
          key={s.id}
          Marker={Marker}
          lat={s.item.place.lat}
          lon={s.item.place.lon}
          anchor="center"
          label={`${index + 1}. ${s.item.title}`}
          onClick={() => on.onSelectSuggestion(s.id)}
        >
          <span className="pin pin-suggestion">{index + 1}</span>
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

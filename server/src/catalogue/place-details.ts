/** A place's details sheet: the catalogue record plus whether it is open at the asker's time. */
import type { PlaceDetails, PlaceOpenNow } from '@escale/shared';
import { localClock, localDate, localIso } from '../recommend/local-clock.ts';
import { hoursAt, readableHours } from '../recommend/opening-hours.ts';
import type { City, Place } from './model.ts';

export function openNow(place: Place, city: City, at: Date): PlaceOpenNow {
  const hours = hoursAt(place.openingHours, at, city.timezone, { lat: place.lat, lon: place.lon, countryCode: city.countryCode });
  if (hours.kind === 'unknown') return { kind: 'unknown' };
  if (hours.kind === 'open') return { kind: 'open', until: hours.closesAt ? localClock(hours.closesAt, city.timezone) : null };
  if (!hours.opensAt) return { kind: 'closed', opensAt: null, opensDay: null };
  const day = localDate(hours.opensAt, city.timezone);
  return { kind: 'closed', opensAt: localClock(hours.opensAt, city.timezone), opensDay: day === localDate(at, city.timezone) ? null : day };
}

export function placeDetails(place: Place, city: City, at: Date): PlaceDetails {
  return {
    id: place.id,
    name: place.name,
    category: place.category,
    tags: place.tags,
    lat: place.lat,
    lon: place.lon,
    address: place.address,
    openingHours: place.openingHours,
    hours: readableHours(place.openingHours, { lat: place.lat, lon: place.lon, countryCode: city.countryCode }),
    website: place.website,
    openNow: openNow(place, city, at),
    at: localIso(at, city.timezone),
  };
}

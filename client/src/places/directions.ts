/**
 * "Directions" opens the maps app the traveller already has: Apple Maps on iPhone and iPad, the geo: URI
 * (which Android hands to the chosen maps app) on Android, and OpenStreetMap's directions in a browser
 * elsewhere. Escale computes no route itself: the platform's app knows transit, traffic and the user.
 */
export type Platform = 'apple' | 'android' | 'other';

export function platformOf(userAgent: string, maxTouchPoints = 0): Platform {
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'apple';
  // iPadOS asks for desktop pages: a "Macintosh" that has a touch screen is an iPad.
  if (/Macintosh/.test(userAgent) && maxTouchPoints > 1) return 'apple';
  if (/Android/.test(userAgent)) return 'android';
  return 'other';
}

export interface Destination {
  name: string;
  lat: number;
  lon: number;
}

export function directionsUrl(to: Destination, platform: Platform): string {
  const at = `${to.lat.toFixed(6)},${to.lon.toFixed(6)}`;
  switch (platform) {
    case 'apple':
      return `https://maps.apple.com/?daddr=${at}&q=${encodeURIComponent(to.name)}`;
    case 'android':
      return `geo:${at}?q=${at}(${encodeURIComponent(to.name)})`;
    case 'other':
      return `https://www.openstreetmap.org/directions?to=${encodeURIComponent(at)}#map=17/${at.replace(',', '/')}`;
  }
}

import { describe, expect, it } from 'vitest';
import { directionsUrl, platformOf } from './directions.ts';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';
const LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

const flore = { name: 'Café de Flore', lat: 48.854, lon: 2.3326 };

describe('directions', () => {
  it('recognises the platform, including an iPad that asks for desktop pages', () => {
    expect(platformOf(IPHONE)).toBe('apple');
    expect(platformOf(IPAD_DESKTOP, 5)).toBe('apple');
    expect(platformOf(IPAD_DESKTOP, 0)).toBe('other'); // a Mac
    expect(platformOf(ANDROID)).toBe('android');
    expect(platformOf(LINUX)).toBe('other');
  });

  it("opens each platform's maps app at the place", () => {
    expect(directionsUrl(flore, 'apple')).toBe('https://maps.apple.com/?daddr=48.854000,2.332600&q=Caf%C3%A9%20de%20Flore');
    expect(directionsUrl(flore, 'android')).toBe('geo:48.854000,2.332600?q=48.854000,2.332600(Caf%C3%A9%20de%20Flore)');
    expect(directionsUrl(flore, 'other')).toBe('https://www.openstreetmap.org/directions?to=48.854000%2C2.332600#map=17/48.854000/2.332600');
  });
});

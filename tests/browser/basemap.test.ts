/**
 * The offline map looks like the city: with every request outside this server refused, the Paris map draws
 * the Seine and street names from the server's own tiles, fonts and sprite, in English and in French, with
 * no failed request and no console error; on a phone the credits are a button, not a band over the pins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { TravellerPage } from './traveller-page.ts';

const built = fs.existsSync(path.join(REPO_ROOT, 'client/dist/index.html'));
/** On the right bank facing the Île de la Cité: the Seine and the quays are in view. */
const QUAI_DE_LA_MEGISSERIE = { latitude: 48.8577, longitude: 2.3446 };

describe.skipIf(!chromiumAvailable() || !built)('the offline basemap in Chromium', () => {
  const suite = serverAndBrowser();

  for (const { locale, useMyLocation } of [
    { locale: 'en-GB', useMyLocation: 'Use my location' },
    { locale: 'fr-FR', useMyLocation: 'Utiliser ma position' },
  ]) {
    it(`draws the Seine and street names from this server alone (${locale})`, async () => {
      const context = await suite.browser.newContext({
        locale,
        viewport: { width: 1280, height: 800 },
        geolocation: QUAI_DE_LA_MEGISSERIE,
        permissions: ['geolocation'],
      });
      const problems: string[] = [];
      const local = new URL(suite.server.url).host;
      await context.route(
        (url) => url.host !== local,
        (route) => {
          problems.push(`outside request: ${route.request().url()}`);
          return route.abort();
        },
      );
      const page = await context.newPage();
      // A tile the map itself cancels (the camera moved on before it arrived: net::ERR_ABORTED) is not a
      // failure of this server; any other failed request is.
      page.on('requestfailed', (r) => {
        if (r.failure()?.errorText === 'net::ERR_ABORTED' && r.url().includes('/basemap/')) return;
        problems.push(`failed: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`);
      });
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      const app = new TravellerPage(page);
      await app.open(`${suite.server.url}/?map-debug`);
      await app.pickPersona('Léa');
      await app.waitForMap();
      await page.getByRole('button', { name: useMyLocation }).click();
      // The position arrives, then the camera moves: wait until it is over the quai, then until it is idle
      // there (an idle map before the move would be checked at the start position).
      await page.waitForFunction(
        ({ latitude, longitude }) => {
          const center = (window as unknown as { escaleMap?: { getCenter(): { lat: number; lng: number } } }).escaleMap?.getCenter();
          return center !== undefined && Math.abs(center.lat - latitude) < 0.002 && Math.abs(center.lng - longitude) < 0.003;
        },
        QUAI_DE_LA_MEGISSERIE,
        { timeout: 30_000 },
      );
      await app.waitForMapIdle();
      // How far the camera zooms out depends on where the ideas are (it fits their pins); river names are
      // drawn from zoom 14. Looked at from street level over the quai, whatever the ideas are today.
      await page.evaluate(
        ({ latitude, longitude }) => (window as unknown as { escaleMap: { jumpTo(o: object): void } }).escaleMap.jumpTo({ center: [longitude, latitude], zoom: 15 }),
        QUAI_DE_LA_MEGISSERIE,
      );
      await app.waitForMapIdle();
      await page.screenshot({ path: path.join(ARTIFACTS, `basemap-seine-${locale}.png`) });

      expect(await app.renderedCount('water')).toBeGreaterThan(0);
      const waterNames = [...(await app.renderedNames('water-name')), ...(await app.renderedNames('waterway-name'))];
      expect(waterNames.some((n) => /Seine/.test(n))).toBe(true);
      const streets = await app.renderedNames('highway-name');
      expect(new Set(streets.filter((n) => /^(Rue|Quai|Boulevard|Pont|Avenue|Place) /.test(n))).size).toBeGreaterThanOrEqual(3);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('shows the credits as a button on a phone, one tap away', async () => {
    const phone = await suite.browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await phone.newPage();
    const app = new TravellerPage(page);
    await app.open(suite.server.url);
    await app.pickPersona('Léa');
    await app.waitForMap();
    const credits = page.locator('.maplibregl-ctrl-attrib');
    await expect.poll(() => credits.getAttribute('class')).toMatch(/maplibregl-compact(?!-show)/);
    expect(await credits.getAttribute('class')).not.toMatch(/compact-show/);
    await expect.poll(() => page.getByText('© OpenMapTiles').isVisible()).toBe(false);
    await page.locator('.maplibregl-ctrl-attrib-button').tap();
    expect(await page.locator('.maplibregl-ctrl-attrib-button').getAttribute('title')).toBe('Map credits');
    await expect.poll(() => page.getByText('© OpenMapTiles').isVisible()).toBe(true);
    await phone.close();
  });
});

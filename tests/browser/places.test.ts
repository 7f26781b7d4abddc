/**
 * Places as a person finds them: a tap on a place opens its details and does not move the traveller;
 * "Move my position" is the deliberate way to move (Escape cancels it); the search finds a place by name,
 * filters by category ("just bars", on the map too), and its sheet says whether it is open, links to the
 * platform's directions and can set the position there: in English and in French, with no console error
 * and no serious axe finding.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { seriousViolations } from './checks.ts';
import { TravellerPage } from './traveller-page.ts';

const built = fs.existsSync(path.join(REPO_ROOT, 'client/dist/index.html'));
/** Both a short walk from Léa's start in the Marais; 56 m apart. */
const COGNACQ_JAY = { lon: 2.361524, lat: 48.858257 };
const FIKA = { lon: 2.362284, lat: 48.858208 };

const TEXT = {
  'en-GB': { museum: 'Museum', bar: 'Bar', openUntil: 'open until 19:00', hours: 'Tu-We,Su 08:30-19:00', setPosition: 'Set my position here', directions: 'Directions', close: 'Close' },
  'fr-FR': { museum: 'Musée', bar: 'Bar', openUntil: 'ouvert jusqu’à 19:00', hours: 'mar.-mer.,dim. 08:30-19:00', setPosition: 'Je suis ici', directions: 'Itinéraire', close: 'Fermer' },
};

describe.skipIf(!chromiumAvailable() || !built)('places: details, search and filter in Chromium', () => {
  const suite = serverAndBrowser();

  for (const locale of ['en-GB', 'fr-FR'] as const) {
    it(`opens a tapped place without moving the traveller, searches, filters and sets the position (${locale})`, async () => {
      const text = TEXT[locale];
      const context = await suite.browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      const locationsSent: { lat: number; lon: number }[] = [];
      page.on('websocket', (ws) =>
        ws.on('framesent', ({ payload }) => {
          if (typeof payload === 'string' && payload.startsWith('{"type":"location"')) locationsSent.push(JSON.parse(payload) as { lat: number; lon: number });
        }),
      );
      const app = new TravellerPage(page);
      await app.open(`${suite.server.url}/?map-debug`);
      await app.pickPersona('Léa');
      await app.waitForMap();
      await app.cards.first().waitFor();
      const sentBefore = locationsSent.length;

      // Tap a place: its details open, and the traveller stays where they were.
      await page.evaluate(([lon, lat]) => (window as unknown as { escaleMap: { jumpTo(o: object): void } }).escaleMap.jumpTo({ center: [lon, lat], zoom: 17 }), [COGNACQ_JAY.lon, COGNACQ_JAY.lat]);
      await app.waitForMapIdle();
      await app.tapPlaceAt(COGNACQ_JAY.lon, COGNACQ_JAY.lat);
      const sheet = app.placeDetails;
      await expect.poll(() => sheet.getByRole('heading').innerText()).toBe('Musée Cognacq-Jay');
      expect(await sheet.innerText()).toContain(text.museum);
      expect(await sheet.innerText()).toContain('8 rue Elzévir, 75003 Paris');
      await page.waitForTimeout(300);
      expect(locationsSent.length).toBe(sentBefore);
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'hidden' });

      // "Move my position" is a mode the keyboard can leave: Escape cancels it.
      await app.movePositionButton.click();
      expect(await app.movePositionButton.getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('Escape');
      expect(await app.movePositionButton.getAttribute('aria-pressed')).toBe('false');

      // Search by name, without the accents or the case.
      await app.searchBox.fill('FIKA');
      await expect.poll(() => app.searchResults.count()).toBeGreaterThan(0);
      await app.searchResults.filter({ hasText: 'Fika' }).first().click();
      await expect.poll(() => sheet.getByRole('heading').innerText()).toBe('Fika');
      const details = await sheet.innerText();
      expect(details).toContain(text.openUntil); // Tuesday 18:00: "Tu-We,Su 08:30-19:00"
      expect(details).toContain(text.hours); // the hours in the reader's language
      const directions = sheet.getByRole('link', { name: text.directions });
      expect(await directions.getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?to=48\.858208%2C2\.362284/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `place-details-${locale}.png`) });

      // Setting the position from the sheet moves the traveller there, and only then.
      await sheet.getByRole('button', { name: text.setPosition }).click();
      await expect.poll(() => locationsSent.length).toBe(sentBefore + 1);
      expect(locationsSent.at(-1)).toMatchObject({ lat: FIKA.lat, lon: FIKA.lon });

      // Just bars: the list and the dots on the map.
      await app.searchBox.fill('');
      await app.chooseCategory(text.bar);
      await expect.poll(() => app.searchResults.count()).toBeGreaterThan(3);
      for (const meta of await page.locator('.place-result-meta').allInnerTexts()) expect(meta).toMatch(new RegExp(`^${text.bar}( ·|$)`));
      await page.evaluate(() => (window as unknown as { escaleMap: { zoomTo(z: number): void } }).escaleMap.zoomTo(14));
      await app.waitForMapIdle();
      const drawn = await page.evaluate(() => {
        const map = (window as unknown as { escaleMap: { queryRenderedFeatures(o: object): { properties: { category: string } }[] } }).escaleMap;
        return map.queryRenderedFeatures({ layers: ['places'] }).map((f) => f.properties.category);
      });
      expect(drawn.length).toBeGreaterThan(0);
      expect(new Set(drawn)).toEqual(new Set(['bar']));
      await page.screenshot({ path: path.join(ARTIFACTS, `place-search-bars-${locale}.png`) });

      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }
});

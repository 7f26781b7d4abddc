/**
 * What travellers expect of any app, checked in Chromium: no console error on a first load; a skip link past
 * the map; focus on the ideas after sign-in; dark mode and reduced motion from the system; the traveller's
 * own language when the browser's is one we do not speak; French without leftovers (persona names); times
 * on the 24-hour clock even in an American browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { seriousViolations } from './checks.ts';
import { TravellerPage } from './traveller-page.ts';

const built = fs.existsSync(path.join(REPO_ROOT, 'client/dist/index.html'));

describe.skipIf(!chromiumAvailable() || !built)('comfort: focus, skip link, dark mode, motion, languages in Chromium', () => {
  const suite = serverAndBrowser();

  async function open(options: BrowserContextOptions = {}) {
    const context = await suite.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 }, ...options });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    const app = new TravellerPage(page);
    await app.open(suite.server.url);
    return { context, page, app, consoleErrors };
  }

  it('loads with no console error, puts focus on the ideas after sign-in, and skips past the map', async () => {
    const { context, page, app, consoleErrors } = await open();
    await app.personaButton('Léa').waitFor();
    await app.pickPersona('Léa');
    await app.cards.first().waitFor();
    // The persona button is gone: focus is on the ideas, not lost on the page's body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ideas');

    // A keyboard user's first Tab after a reload lands on the skip link, which goes past the map and its controls.
    await page.reload();
    await app.cards.first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the ideas' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ideas');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('follows the system into dark mode, readable (axe) on the picker and the traveller screen', async () => {
    const { context, page, app, consoleErrors } = await open({ colorScheme: 'dark' });
    await app.personaButton('Léa').waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe('rgb(21, 18, 15)');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dark-signin.png') });
    await app.pickPersona('Léa');
    await app.waitForMap();
    await app.cards.first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dark-traveller.png') });
    const why = await app.openWhy(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dark-why.png') });
    await why.getByRole('button', { name: 'Close' }).click();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('moves nothing for decoration when the system asks for reduced motion', async () => {
    const { context, app } = await open({ reducedMotion: 'reduce' });
    const persona = app.personaButton('Léa');
    await persona.waitFor();
    const duration = await persona.evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    expect(duration).toBeLessThan(0.001);
    await context.close();
    const normal = await open();
    await normal.app.personaButton('Léa').waitFor();
    expect(await normal.app.personaButton('Léa').evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration))).toBeGreaterThan(0.1);
    await normal.context.close();
  });

  it("speaks the traveller's language when the browser's is one we do not speak, and French names in French", async () => {
    const { context, page, app } = await open({ locale: 'it-IT' });
    await app.personaButton('Léa').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en'); // before sign-in: English
    await app.pickPersona('Léa'); // Léa's language is French
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect.poll(() => page.getByRole('heading', { name: 'Idées pour l’heure qui vient' }).count()).toBe(1);
    await context.close();

    const fr = await open({ locale: 'fr-FR' });
    await fr.app.personaButton('Les Martin').waitFor();
    const picker = await fr.page.locator('.personas').innerText();
    expect(picker).toContain('Les Martin');
    expect(picker).not.toMatch(/The Martins|business trip|Loves/);
    await fr.context.close();
  });

  it('asks for times on the 24-hour clock, even in an American browser', async () => {
    const { context, page, app } = await open({ locale: 'en-US' });
    await app.pickPersona('Marc');
    await app.cards.first().waitFor();
    const dialog = await app.openNotifications();
    const from = dialog.getByLabel('From');
    expect(await from.inputValue()).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    await from.fill('2330');
    await from.blur();
    expect(await from.inputValue()).toBe('23:30');
    await page.screenshot({ path: path.join(ARTIFACTS, 'notifications-24h-en-US.png') });
    await context.close();
  });
});

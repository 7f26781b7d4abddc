/**
 * A promoted suggestion in Chromium: the card says it is promoted and by which agency, and its Why panel
 * shows the promotion as a signal of its own (with its share of the score) that read no personal data,
 * never blended into another signal. In English and in French, with axe on the panel.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { seriousViolations } from './checks.ts';
import { TravellerPage } from './traveller-page.ts';

describe.skipIf(!chromiumAvailable())('a promoted suggestion in Chromium', () => {
  const suite = serverAndBrowser();

  it('is labelled with the agency on its card and in its Why panel, as its own signal, in English and French', async () => {
    const context = await suite.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 860 }, timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const app = new TravellerPage(page);
    await app.open(suite.server.url);
    await app.pickPersona('Léa');
    await app.cards.first().waitFor();
    // Near Terra, a Marais wine bar, the agency promotes a ramen tasting set (data/paris/offers.json).
    await app.searchBox.fill('Terra bar');
    await app.searchResults.filter({ hasText: 'Terra bar à vins' }).first().click();
    await page.getByRole('button', { name: 'Set my position here' }).click();
    const card = app.cards.filter({ hasText: 'Ramen tasting set' });
    await card.waitFor({ timeout: 15_000 });
    // The demo agency's name, as the catalogue seeds it, in brackets after the disclosure.
    expect(await card.locator('.badge-promoted').innerText()).toMatch(/^Promoted by your agency \(\S.*\)$/);

    const index = await app.cards.evaluateAll((cards) => cards.findIndex((c) => c.textContent?.includes('Ramen tasting set')));
    const dialog = await app.openWhy(index);
    const row = dialog.locator('.contribution').filter({ hasText: 'Agency' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('.contribution-evidence').innerText()).toMatch(/^Promoted by your agency \(.+\)$/);
    expect(await row.locator('.contribution-share').innerText()).toMatch(/\d+ ?%/);
    expect(await row.getByText(/^no personal data$/i).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'why-promoted.png'), fullPage: true });

    await dialog
      .getByRole('button', { name: /^Close$/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'FR' }).click();
    const carte = app.cards.filter({ hasText: 'Ramen tasting set' });
    await carte
      .locator('.badge-promoted')
      .getByText(/^Mis en avant par votre agence/)
      .waitFor();
    const fr = await app.openWhy(await app.cards.evaluateAll((cards) => cards.findIndex((c) => c.textContent?.includes('Ramen tasting set'))));
    expect(await fr.locator('.contribution').filter({ hasText: 'Agence' }).locator('.contribution-evidence').innerText()).toMatch(/^Mis en avant par votre agence \(.+\)$/);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

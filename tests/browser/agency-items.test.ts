/**
 * Offers and promotions in the console, in Chromium: an editor makes an offer at the place a traveller is
 * suggested first, promotes it with a label for a week, publishes both, and the traveller's next
 * suggestions show the offer as a promotion, with the agency's name and the label. axe on the events, offers
 * and promotions screens in English and French; screenshots in tests/artifacts/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderEvidence } from '@escale/shared';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { signIn } from '../support/test-server.ts';
import { TestSocket } from '../support/ws-client.ts';
import { seriousViolations } from './checks.ts';
import { ConsolePage } from './console-page.ts';

const HOTEL_DE_VILLE = { lat: 48.8566, lon: 2.3522 };

describe.skipIf(!chromiumAvailable())('events, offers and promotions in Chromium', () => {
  const suite = serverAndBrowser();

  it('makes an offer and its promotion, publishes them, and a traveller is suggested the offer, labelled', async () => {
    const lea = await signIn(suite.server, 'lea');
    const socket = await TestSocket.greeted(suite.server.wsUrl, lea.cookie);
    socket.send({ type: 'location', ...HOTEL_DE_VILLE });
    const place = (await socket.nextOfType('feed', 10_000)).items.find((s) => s.item.kind === 'place')!.item.place;

    const context = await suite.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris', viewport: { width: 1360, height: 1300 } });
    const page = await context.newPage();
    const app = new ConsolePage(page);
    await app.open(suite.server.url, '/agency/catalogue');
    await app.signInAsDemo('Sophie Martin');
    await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();

    // The events: the demo programme's dates, listed.
    await app.tab(/^Events$/);
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await page.getByRole('table').getByRole('row').nth(3).waitFor();
    await app.waitForMap();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-events.png') });

    // An offer at the traveller's first place.
    await app.tab(/^Offers$/);
    await page.getByRole('heading', { level: 1, name: 'Offers' }).waitFor();
    await page.getByRole('button', { name: 'New offer' }).click();
    await app.pick(/^Place$/, place.name.slice(0, 6), place.name);
    await page.getByLabel('Title').fill('Apéritif for two');
    await page.getByLabel('Description').fill('Two glasses and a board, booked by the agency.');
    await page.getByLabel('Price per person').fill('12');
    await page.getByLabel('Seats on sale').fill('6');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.getByRole('status').getByText('Created as a draft. Publish to show it to travellers.').waitFor();
    // Three cities' offers fill several pages: the search finds the new one.
    await page.getByRole('search').getByRole('searchbox').fill('Apéritif for two');
    await page.getByRole('row').filter({ hasText: 'Apéritif for two' }).getByText('Draft').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-offer-draft.png') });
    await page.getByRole('button', { name: 'Publish 1 offer change' }).click();
    await page.getByRole('status').getByText("Published 1 offer change: travellers' next suggestions use it.").waitFor();

    // Its promotion, for the week, with a label.
    await app.tab(/^Promotions$/);
    await page.getByRole('heading', { level: 1, name: 'Promotions' }).waitFor();
    await page.getByRole('button', { name: 'New promotion' }).click();
    await page.getByLabel('Kind of thing promoted').selectOption('offer');
    await app.pick(/^What is promoted$/, 'Apéritif', 'Apéritif for two');
    await page.getByLabel('Starts (Paris time)').fill('2026-11-23T09:00');
    await page.getByLabel('Ends (Paris time)').fill('2026-11-30T09:00');
    await page.getByLabel('Label shown to travellers').fill('Autumn tasting week');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.getByRole('status').getByText('Created as a draft. Publish to show it to travellers.').waitFor();
    await page.getByRole('button', { name: 'Publish 1 promotion change' }).click();
    await page.getByRole('status').getByText("Published 1 promotion change: travellers' next suggestions use it.").waitFor();
    await page.getByRole('row').filter({ hasText: 'Autumn tasting week' }).getByText('Running now').waitFor();
    await app.waitForMap();
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-promotion.png') });

    // The traveller's next suggestions: the offer, promoted, with the agency's name and the label.
    socket.send({ type: 'suggest_now' });
    const offer = (await socket.nextOfType('suggestions', 10_000)).items.find((s) => s.item.title === 'Apéritif for two');
    expect(offer, 'the promoted offer is suggested').toBeDefined();
    expect(renderEvidence(offer!.promotion!.label, 'en')).toBe('Promoted by your agency (Escale Demo Travel): Autumn tasting week');
    socket.close();

    // In French, the three screens are free of serious violations.
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { level: 1, name: 'Promotions' }).waitFor();
    await page.getByRole('button', { name: 'Nouvelle promotion' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-promotion-fr.png') });
    for (const [tab, title] of [
      [/^Offres$/, 'Offres'],
      [/^Évènements$/, 'Évènements'],
    ] as const) {
      await app.tab(tab);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('table').getByRole('row').nth(1).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.getByRole('row').nth(1).getByRole('button').first().click();
    await page.locator('.item-editor').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-event-fr.png') });
    await context.close();
  }, 120_000);
});

/**
 * The traveller's control in Chromium (DSA Art. 27/38, GDPR Art. 7/15/17/20): the Why panel's data linked to
 * their consent and its "what if" with Undo; "fewer like this" with Undo; My data in English and French
 * (axe), where withdrawing location deletes the position and the feed is re-ranked without proximity; the
 * non-profiled feed with no position, centred on a chosen neighbourhood, reading no personal datum; the
 * export holding every category; and erasure leaving nothing. Screenshots go to tests/artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MyData } from '@escale/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { seriousViolations } from './checks.ts';
import { MyDataPage } from './my-data-page.ts';
import { TravellerPage } from './traveller-page.ts';

describe.skipIf(!chromiumAvailable())('the traveller’s control in Chromium', () => {
  const suite = serverAndBrowser();

  async function signedIn(persona: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page; app: TravellerPage; mine: MyDataPage }> {
    const context = await suite.browser.newContext({ locale: 'en-GB', viewport, timezoneId: 'Europe/Paris', acceptDownloads: true });
    const page = await context.newPage();
    const app = new TravellerPage(page);
    await app.open(suite.server.url);
    await app.pickPersona(persona);
    await app.cards.first().waitFor();
    return { context, page, app, mine: new MyDataPage(page) };
  }

  const myData = async (page: Page) => MyData.parse(await (await page.request.get(`${suite.server.url}/api/my-data`)).json());
  /** Every personal datum the Why panel of each card shows, by kind. */
  const whyData = async (app: TravellerPage, cards = 3): Promise<string[]> => {
    const kinds: string[] = [];
    for (let i = 0; i < Math.min(cards, await app.cards.count()); i++) {
      const dialog = await app.openWhy(i);
      kinds.push(...(await dialog.locator('.personal-data .consent-tag').allInnerTexts()));
      await dialog
        .getByRole('button', { name: /^(Close|Fermer)$/ })
        .first()
        .click();
    }
    return kinds;
  };

  it('links each datum of the Why panel to its consent, re-ranks without a signal switched off there, and puts it back with Undo', async () => {
    const { context, page, app, mine } = await signedIn('Léa');
    const dialog = await app.openWhy(0);
    const link = dialog.getByRole('link', { name: /^Location consent: change it in My data$/ }).first();
    expect(await link.getAttribute('href')).toBe('/my-data#consent-location');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'why-what-if.png') });

    const firstBefore = await app.cards.first().locator('.card-title').innerText();
    await dialog.getByRole('button', { name: 'What if: rank without proximity' }).click();
    await mine.undoBar.getByText('Ideas ranked without proximity.').waitFor();
    await expect.poll(async () => (await myData(page)).rankingSettings.signalsOff).toEqual(['proximity']);
    // The feed was ranked again at once: no card's panel shows the proximity bar now, and the panel says why.
    await dialog
      .getByRole('button', { name: 'Close' })
      .first()
      .click()
      .catch(() => undefined);
    const again = await app.openWhy(0);
    await expect.poll(() => again.locator('.contribution-name').allInnerTexts()).not.toContainEqual(expect.stringMatching(/^proximity/));
    expect(await again.getByText('Switched off by you, so not computed: proximity.').count()).toBe(1);
    await again.getByRole('button', { name: 'Close' }).first().click();

    await mine.undoBar.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(async () => (await myData(page)).rankingSettings.signalsOff).toEqual([]);
    await expect.poll(() => app.cards.first().locator('.card-title').innerText()).toBe(firstBefore);
    await context.close();
  });

  it('draws the graph path behind a taste suggestion: other travellers as a count at most, never who they are', async () => {
    const { context, page, app } = await signedIn('Léa');
    // The first card whose panel has a path: Léa's likes and visits reach it through the graph.
    let dialog = null;
    for (let i = 0; i < (await app.cards.count()) && !dialog; i++) {
      const opened = await app.openWhy(i);
      if ((await opened.locator('.taste-path').count()) > 0) dialog = opened;
      else await opened.getByRole('button', { name: 'Close' }).first().click();
    }
    expect(dialog, "no card of Léa's feed is driven by taste").not.toBeNull();
    const steps = await dialog!.locator('.taste-path li').allInnerTexts();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/^you (liked|visited|booked) \S|^your interest: /);
    expect(steps[1]).toMatch(/^\d+ travellers?$|^other travellers$|^a shared taste: |^category /);
    expect(steps[2]).toBe('this suggestion');
    // The row that draws the path is the taste signal's, and its datum leads to the consent it was kept
    // under: history for a like or a visit, profile for a stated interest.
    const taste = dialog!.locator('.contribution').filter({ has: page.locator('.taste-path') });
    expect(await taste.locator('.contribution-name').innerText()).toMatch(/^Taste/);
    const consent = steps[0]!.startsWith('your interest') ? /^Profile consent/ : /^History consent/;
    expect(await taste.getByRole('link', { name: consent }).count()).toBeGreaterThan(0);
    // Other travellers are a count: no id, no name of anyone else anywhere in the panel.
    expect(await dialog!.innerText()).not.toMatch(/demo-traveller|Demo traveller|~|martin-family|marc\b/i);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'why-taste-path.png') });
    await context.close();
  });

  it('asks for fewer of a category from a card, moves it down, and takes it back with Undo', async () => {
    const { context, page, app, mine } = await signedIn('Léa');
    const card = app.cards.first();
    const category = (await card.locator('.card-category').innerText()).trim().split(' · ')[0]!.trim();
    await card.getByText('Fewer like this').click();
    await card.getByRole('button', { name: `Less often: ${category}` }).click();
    await mine.undoBar.getByText(`You will see ${category} less often.`).waitFor();
    await expect.poll(async () => (await myData(page)).fewerLike.length).toBe(1);
    await expect.poll(async () => (await app.cards.first().locator('.card-category').innerText()).includes(category)).toBe(false);
    await mine.undoBar.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(async () => (await myData(page)).fewerLike).toEqual([]);
    await context.close();
  });

  it('on My data: withdrawing location deletes the position and re-ranks without proximity; the non-profiled feed needs no position', async () => {
    const { context, page, app, mine } = await signedIn('Léa', { width: 390, height: 844 });
    await expect.poll(async () => (await myData(page)).positions.length).toBe(1);
    await mine.open();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'my-data-phone.png'), fullPage: true });

    expect(await mine.flipConsent(/^Location/)).toMatch(/Stop using Location\?[\s\S]*The position we hold is deleted now\./);
    await expect.poll(() => mine.consentSwitch(/^Location/).isChecked()).toBe(false);
    const held = await myData(page);
    expect(held.consents.now.location).toBe(false);
    expect(held.positions).toEqual([]);
    // The test server's clock stands still: the withdrawal is the location's latest change, at the same instant.
    expect(held.consents.history.find((e) => e.category === 'location')).toMatchObject({ granted: false });
    await page.getByRole('navigation').getByRole('link', { name: 'Ideas' }).click();
    await app.cards.first().waitFor();
    expect(await whyData(app)).not.toContain('Location consent');

    // Not personalised, around a neighbourhood Léa picks: no personal datum anywhere.
    await mine.personalisedSwitch.click();
    await mine.anchor.selectOption({ label: 'Paris 11e' });
    await expect.poll(async () => (await myData(page)).rankingSettings).toMatchObject({ nonProfiled: true, anchor: { kind: 'neighbourhood', id: 'paris-11e' } });
    // No position is used: no card says how far it is.
    await expect.poll(async () => (await app.cards.locator('.card-facts').allInnerTexts()).some((f) => /min walk/.test(f))).toBe(false);
    await expect.poll(() => whyData(app)).toEqual([]);
    expect(await page.getByText(/Off: no personal data is used/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'feed-not-personalised.png'), fullPage: true });
    await context.close();
  });

  it('on My data: turning history off says how many likes and visits it deletes and that it cannot be undone, asks, then deletes them', async () => {
    const { context, page, mine } = await signedIn('Léa');
    const history = (await myData(page)).interactions.filter((i) => i.kind !== 'dismissed' && i.kind !== 'been_there');
    expect(history.length).toBeGreaterThan(1);
    await mine.open();

    // Asked first: "Keep it on" keeps everything.
    const said = await mine.flipConsent(/^History/, false);
    expect(said).toContain(`Turning history off deletes your likes, visits and saved places (${history.length} items), here and in every count of other travellers. This cannot be undone.`);
    expect(said).toContain('“Not interested” and “Been there” stay');
    expect(await mine.consentSwitch(/^History/).isChecked()).toBe(true);
    expect((await myData(page)).interactions).toHaveLength(history.length);

    await mine.flipConsent(/^History/);
    await expect.poll(() => mine.consentSwitch(/^History/).isChecked()).toBe(false);
    await expect.poll(async () => (await myData(page)).interactions.filter((i) => i.kind !== 'dismissed' && i.kind !== 'been_there')).toEqual([]);

    // In French, the same question, with the number.
    await mine.flipConsent(/^History/);
    await page.getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes données' }).waitFor();
    const dit = await mine.flipConsent(/^historique/i, false);
    expect(dit).toContain('Désactiver l’historique supprime vos « j’aime », visites et lieux gardés (vous n’en avez aucun pour l’instant).');
    await context.close();
  });

  it('exports every category as one file, reads in French, and erases everything', async () => {
    const { context, page, app, mine } = await signedIn('Léa');
    // Some of everything first: a like, a booking.
    await app.cards
      .first()
      .getByRole('button', { name: /^Like / })
      .click();
    expect(
      (
        await page.request.post(`${suite.server.url}/api/wallet/bookings`, {
          headers: { 'Idempotency-Key': 'my-data-export-1' },
          data: { kind: 'EventReservation', title: 'Winter concert', placeId: null, startsAt: '2026-12-19T20:00:00+01:00', endsAt: null, timezone: 'Europe/Paris' },
        })
      ).status(),
    ).toBe(201);
    await page.getByRole('button', { name: 'Suggest now' }).first().click();
    await expect.poll(async () => (await myData(page)).suggestionsReceived.length).toBeGreaterThan(0);
    await mine.open();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^escale-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = MyData.parse(JSON.parse(fs.readFileSync((await download.path())!, 'utf8')));
    expect(file.consents.history.length).toBeGreaterThan(0);
    expect(file.profile?.likes.length).toBeGreaterThan(0);
    expect(file.interactions.some((i) => i.kind === 'liked')).toBe(true);
    expect(file.positions).toHaveLength(1);
    expect(file.bookings.map((b) => b.title)).toContain('Winter concert');
    expect(file.trips.length).toBeGreaterThan(0);
    expect(file.suggestionsReceived[0]!.items[0]!.contributions.length).toBeGreaterThan(0);
    expect(file.sessions).toHaveLength(1);

    await page.getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes données' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'my-data-fr.png'), fullPage: true });

    const travellerId = file.traveller.id;
    await page.getByRole('button', { name: 'Effacer mes données' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tout effacer ?' });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Tout effacer' }).click();
    await app.personaButton('Léa').waitFor();
    expect((await page.request.get(`${suite.server.url}/api/session`)).status()).toBe(401);
    const row = await suite.server.ctx.db.selectFrom('travellers').select('id').where('id', '=', travellerId).executeTakeFirst();
    expect(row).toBeUndefined();
    expect(suite.server.ctx.graph.interactionsOf(travellerId)).toEqual([]);
    await context.close();
  });
});

/**
 * The wallet in Chromium, as a traveller uses it: importing a confirmation e-mail, a calendar and a wallet
 * pass through their preview; the timeline and a booking's scannable code; booking an agency offer from its
 * suggestion card; and the installed app opening offline with every booking and its code, where an edit made
 * offline reaches the server once when the network is back, and one made over a booking changed elsewhere
 * meanwhile is shown as a conflict the traveller settles. axe checks each screen in English and French;
 * screenshots go to tests/artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Booking, WalletBody } from '@escale/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.ts';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { seriousViolations } from './checks.ts';
import { TravellerPage } from './traveller-page.ts';
import { WalletPage } from './wallet-page.ts';

const built = fs.existsSync(path.join(REPO_ROOT, 'client/dist/service-worker.js'));
const SAMPLES = path.join(REPO_ROOT, 'data/samples');

/** How many bookings the app keeps in IndexedDB (run in the page; the database is only read, never created). */
async function bookingsKeptOnPhone(): Promise<number> {
  if (!(await indexedDB.databases()).some((d) => d.name === 'escale')) return 0;
  return new Promise<number>((resolve) => {
    const open = indexedDB.open('escale');
    open.onerror = () => resolve(0);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('wallets')) return resolve(0);
      const all = db.transaction('wallets').objectStore('wallets').getAll();
      all.onerror = () => resolve(0);
      all.onsuccess = () => {
        db.close();
        resolve((all.result as { wallet: { bookings: unknown[] } }[]).reduce((n, w) => n + w.wallet.bookings.length, 0));
      };
    };
  });
}

describe.skipIf(!chromiumAvailable() || !built)('the wallet in Chromium', () => {
  const suite = serverAndBrowser();

  async function signedIn(persona: string, locale = 'en-GB', viewport = { width: 390, height: 844 }): Promise<{ context: BrowserContext; page: Page; app: TravellerPage; wallet: WalletPage }> {
    const context = await suite.browser.newContext({ locale, viewport, timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const app = new TravellerPage(page);
    await app.open(suite.server.url);
    await app.pickPersona(persona);
    await app.cards.first().waitFor();
    return { context, page, app, wallet: new WalletPage(page) };
  }

  /** The wallet as the server holds it, read with the page's own session. */
  async function serverWallet(page: Page): Promise<Booking[]> {
    return ((await (await page.request.get(`${suite.server.url}/api/wallet`)).json()) as WalletBody).bookings;
  }

  it('imports an e-mail, a calendar and a wallet pass through a preview, and shows each on the timeline with its code', async () => {
    const { context, page, wallet } = await signedIn('Léa');
    await wallet.open();
    expect(await seriousViolations(page)).toEqual([]);

    const mail = await wallet.preview(path.join(SAMPLES, 'lea-flight-air-france.eml'));
    expect(await mail.innerText()).toContain('1 booking found');
    // Nothing is saved by a preview.
    expect(await serverWallet(page)).toHaveLength(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wallet-import-preview.png'), fullPage: true });
    await wallet.addFromPreview();

    const calendar = await wallet.preview(path.join(SAMPLES, 'marc-conference.ics'));
    expect(await calendar.getByRole('checkbox').count()).toBeGreaterThan(1);
    await wallet.addFromPreview();

    const pass = await wallet.preview(path.join(SAMPLES, 'lea-concert.pkpass'));
    expect(await pass.innerText()).toMatch(/files match its manifest[\s\S]*It is not signed/);
    await wallet.addFromPreview();

    // The same e-mail again: found, shown as already there, and not ticked.
    const again = await wallet.preview(path.join(SAMPLES, 'lea-flight-air-france.eml'));
    expect(await again.innerText()).toContain('Already in your wallet');
    expect(await again.getByRole('checkbox').isChecked()).toBe(false);
    await page.getByRole('link', { name: 'Wallet', exact: false }).first().click();

    const onServer = await serverWallet(page);
    expect(onServer.map((b) => b.source).sort()).toEqual(expect.arrayContaining(['email', 'ics', 'pkpass']));
    await expect.poll(() => wallet.rows.count()).toBe(onServer.length);
    // The flight leaves Montréal at its own clock, the zone named for a reader in Paris.
    expect(await wallet.row('AF 347').innerText()).toMatch(/19:05\s+(GMT-5|EST)/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wallet-timeline-phone.png'), fullPage: true });

    await wallet.openBooking('Winter concert');
    await wallet.code.waitFor();
    expect(await wallet.code.getAttribute('data-format')).toBe('qr');
    const size = await wallet.code.boundingBox();
    expect(size!.width).toBeGreaterThan(120); // large enough to scan off a phone
    expect(await page.locator('.booking-details').innerText()).toMatch(/Seat\s+Orchestre \/ A \/ 14/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wallet-booking-code.png'), fullPage: true });

    // The same screens in French.
    await page.getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { name: 'Winter concert' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Code à présenter' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '← Portefeuille' }).click();
    await page.getByRole('heading', { level: 1, name: 'Votre portefeuille' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Ajouter une réservation' }).click();
    await page.getByRole('button', { name: 'Ajouter à mon portefeuille' }).click();
    expect(await page.getByText('Donnez un nom à la réservation.').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wallet-form-fr.png'), fullPage: true });
    await context.close();
  });

  it('books an agency offer from its suggestion card, and the ticket is in the wallet', async () => {
    const { context, page, app, wallet } = await signedIn('Léa', 'en-GB', { width: 1280, height: 860 });
    // Léa goes to Terra, a Marais wine bar; the agency sells seats near there (a ramen tasting set comes first).
    await app.searchBox.fill('Terra bar');
    await app.searchResults.filter({ hasText: 'Terra bar à vins' }).first().click();
    await page.getByRole('button', { name: 'Set my position here' }).click();
    const book = page.getByRole('button', { name: /^Book / }).first();
    await book.waitFor({ timeout: 15_000 });
    await book.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Number of seats').selectOption('2');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Book 2 seats' }).click();
    await dialog.getByText(/Booked: 2 seats/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'wallet-book-offer.png') });
    await dialog.getByRole('link', { name: 'Open my ticket' }).click();
    await page.locator('#booking-title').waitFor();
    expect(await page.locator('.booking-details').innerText()).toMatch(/People\s+2/);
    const offers = (await serverWallet(page)).filter((b) => b.kind === 'OfferReservation');
    expect(offers).toHaveLength(1);
    expect(offers[0]!.details.partySize).toBe(2);
    // The offer was booked for the server's clock (a Tuesday in November): a past trip, folded away.
    await wallet.open();
    await page.getByRole('button', { name: 'Show 1 past trip' }).click();
    await expect.poll(() => wallet.rows.count()).toBe(1);
    await context.close();
  });

  it('opens offline with every booking and its code; an edit made offline reaches the server once, and a conflicting one waits for the traveller', async () => {
    const { context, page, wallet } = await signedIn('Léa');
    for (const file of ['lea-concert.pkpass', 'marc-table-and-show.eml']) {
      const preview = await (
        await page.request.post(`${suite.server.url}/api/wallet/import`, {
          headers: { 'content-type': 'application/octet-stream', 'x-file-name': file },
          data: fs.readFileSync(path.join(SAMPLES, file)),
        })
      ).json();
      expect((await page.request.post(`${suite.server.url}/api/wallet/import/confirm`, { data: { drafts: (preview as { drafts: unknown[] }).drafts } })).status()).toBe(201);
    }
    // One visit (the bookings came from another device): the service worker installs and the wallet is kept
    // on the phone, without the wallet being opened.
    await page.reload();
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 20_000 }).toBe('activated');
    await expect.poll(() => page.evaluate(bookingsKeptOnPhone), { timeout: 10_000 }).toBe(3);

    await context.setOffline(true);
    await page.reload();
    await wallet.open();
    // The copy is shown once the server has failed to answer, which takes a moment after the page is up.
    await page.getByText(/You are offline: this is the copy kept on this phone/).waitFor();
    await expect.poll(() => wallet.rows.count()).toBe(3);
    await wallet.openBooking('Winter concert');
    await wallet.code.waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'wallet-offline-code.png'), fullPage: true });

    // Offline, Léa renames the concert; meanwhile her other device moves the dinner she will also change.
    await wallet.editTitle('Winter concert at the Olympia');
    await page.getByRole('heading', { name: 'Winter concert at the Olympia' }).waitFor();
    expect(await wallet.waitingBadges.count()).toBe(1);
    // Not sent yet: the server still has the concert's old name.
    expect((await serverWallet(page)).map((b) => b.title)).toContain('Winter concert');
    // The test's own requests do not go through the phone's network: the other device is online.
    const dinner = (await serverWallet(page)).find((b) => b.title === 'La Table de Colette')!;
    const moved = await page.request.put(`${suite.server.url}/api/wallet/bookings/${dinner.id}`, {
      data: { kind: dinner.kind, title: dinner.title, placeId: dinner.placeId, startsAt: '2026-12-15T20:30:00+01:00', endsAt: null, timezone: dinner.timezone, details: dinner.details },
    });
    expect(moved.status()).toBe(200);
    await page
      .getByRole('link', { name: /Wallet/ })
      .first()
      .click();
    await wallet.openBooking('La Table de Colette');
    await wallet.editTitle('Dinner at La Table de Colette');

    await context.setOffline(false);
    await page.getByTestId('conflict').waitFor({ timeout: 15_000 });
    // The rename reached the server once: one concert, renamed.
    const synced = await serverWallet(page);
    expect(synced.filter((b) => /Winter concert/.test(b.title)).map((b) => b.title)).toEqual(['Winter concert at the Olympia']);
    expect(synced.find((b) => b.id === dinner.id)!.title).toBe('La Table de Colette');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wallet-conflict.png'), fullPage: true });
    await page.getByRole('button', { name: 'Keep my change' }).click();
    await expect.poll(async () => (await serverWallet(page)).find((b) => b.id === dinner.id)!.title, { timeout: 10_000 }).toBe('Dinner at La Table de Colette');
    // Kept over the move made elsewhere: the title is hers, the new time stays.
    expect(Date.parse((await serverWallet(page)).find((b) => b.id === dinner.id)!.startsAt)).toBe(Date.parse('2026-12-15T20:30:00+01:00'));
    await expect.poll(() => page.getByTestId('conflict').count()).toBe(0);
    await context.close();
  });
});

/**
 * Forwarding and subscribing, in Chromium: the traveller reads their private forwarding address in the app,
 * a confirmation e-mail sent to it over real SMTP on loopback lands in the import page as a preview (the
 * Wallet tab counts it, live), is kept into the wallet, and the trip it makes can be subscribed to from a
 * calendar app: the feed, fetched as a calendar app would and read with ical.js, holds the flight at its
 * instant. axe checks the page; a screenshot goes to tests/artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { createTransport } from 'nodemailer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.ts';
import { ARTIFACTS } from '../support/browser-suite.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { seriousViolations } from './checks.ts';
import { TravellerPage } from './traveller-page.ts';
import { WalletPage } from './wallet-page.ts';

const built = fs.existsSync(path.join(REPO_ROOT, 'client/dist/service-worker.js'));
const MAIL = fs.readFileSync(path.join(REPO_ROOT, 'data/samples/lea-flight-air-france.eml'));

describe.skipIf(!chromiumAvailable() || !built)('forwarding a confirmation and subscribing to a trip, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ env: { SMTP_PORT: '0' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the address, lands a forwarded e-mail in the preview, keeps it, and gives the trip a calendar feed', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 }, timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const app = new TravellerPage(page);
    const wallet = new WalletPage(page);
    await app.open(server.url);
    await app.pickPersona('Léa');
    await app.cards.first().waitFor();
    await wallet.open();
    await page.getByRole('link', { name: 'Import a file' }).click();
    const address = await page.getByTestId('forwarding-address').innerText();
    expect(address).toMatch(/^[a-z2-7]{24}@in\.escale\.localhost$/);

    const transport = createTransport({ host: '127.0.0.1', port: server.smtp!.port, secure: false, ignoreTLS: true });
    await transport.sendMail({ envelope: { from: 'confirmation@airfrance.example', to: [address] }, raw: MAIL });
    transport.close();

    // Announced live: the Wallet tab counts it, and the import page shows its preview.
    await page.getByRole('navigation').getByLabel('1 forwarded e-mail waiting').waitFor();
    const inbox = page.getByRole('region', { name: /forwarded e-mail/ }).or(page.locator('.inbox'));
    await inbox.getByTestId('import-preview').waitFor();
    expect(await inbox.innerText()).toContain('AF 347');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wallet-forwarded.png'), fullPage: true });
    await inbox.getByRole('button', { name: 'Add 1 booking' }).click();
    await page.getByRole('link', { name: 'See my wallet' }).click();
    await wallet.row('AF 347').waitFor();

    // The trip the flight made: subscribed from a calendar app.
    await page.locator('.trip-menu summary').first().click();
    await page.getByRole('button', { name: 'Subscribe in my calendar' }).click();
    const url = await page.getByTestId('calendar-url').innerText();
    const feed = await fetch(url);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const flight = (await (await page.request.get(`${server.url}/api/wallet`)).json()) as { bookings: { startsAt: string; title: string }[] };
    expect(events.map((e) => e.startDate.toJSDate().getTime())).toEqual(flight.bookings.map((b) => Date.parse(b.startsAt)));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wallet-calendar-feed.png'), fullPage: true });
    await context.close();
  });
});

/**
 * The walking skeleton, as a person uses it: sign in as Léa, get pushed suggestions on the map of Paris,
 * move, open "Why?", switch to French. Saves screenshots to tests/artifacts/ and checks accessibility.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { openOnPhone, seriousViolations } from './checks.ts';
import { TravellerPage } from './traveller-page.ts';

const ARTIFACTS = path.join(REPO_ROOT, 'tests/artifacts');
const built = fs.existsSync(path.join(REPO_ROOT, 'client/dist/index.html'));

describe.skipIf(!chromiumAvailable() || !built)('traveller screen in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Feeds received, by the position they were ranked for. */
  const feeds: { lat: number; lon: number }[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('console', (m) => {
      // The signed-out session check answers 401 by design; the browser logs every 4xx as an error.
      if (m.type() === 'error' && !m.text().includes('401')) consoleErrors.push(m.text());
    });
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string' || !payload.startsWith('{"type":"feed"')) return;
        const feed = JSON.parse(payload) as { position: { lat: number; lon: number } | null };
        if (feed.position) feeds.push(feed.position);
      }),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the feed on a real map after picking Léa', async () => {
    const app = new TravellerPage(page);
    await app.open(server.url);
    await app.pickPersona('Léa');
    await app.waitForMap();
    await app.cards.first().waitFor();
    expect(await app.cards.count()).toBeGreaterThan(0);
    expect(await app.cards.count()).toBeLessThanOrEqual(5); // the first five, then "Show more"
    // A card says where, how far, when, and why.
    const card = await app.cards.first().innerText();
    expect(card).toMatch(/\d+ min walk/);
    expect(card).toMatch(/open until \d\d:\d\d|open 24 hours|hours unknown|starts/);
    // Its category is drawn (an SVG in the text colour), never an emoji that some systems show as a box.
    const category = app.cards.first().locator('.card-category');
    expect(await category.locator('svg.category-icon path').count()).toBe(1);
    expect(await category.innerText()).not.toMatch(/\p{Extended_Pictographic}/u);
    // Its reason is a reason, not the distance again.
    expect(await app.cards.first().locator('.card-reason').innerText()).not.toMatch(/min walk/);
    // The map shows the data attribution.
    await expect.poll(() => page.getByText(/OpenStreetMap contributors/).count()).toBeGreaterThan(0);
  });

  it('follows the position on the map with a new feed', async () => {
    const app = new TravellerPage(page);
    const before = feeds.length;
    await app.moveOnMap(0.3, 0.35);
    await expect.poll(() => feeds.length, { timeout: 10_000 }).toBeGreaterThan(before);
    const stored = await server.ctx.db.selectFrom('positions').selectAll().where('traveller_id', 'like', 'lea~%').executeTakeFirstOrThrow();
    expect(stored.lat).toBeGreaterThan(48.8);
    expect(stored.lat).toBeLessThan(48.92);
    expect(feeds.at(-1)).toEqual({ lat: stored.lat, lon: stored.lon });
  });

  it('explains a suggestion: every signal, the driver, and the personal data with its consent', async () => {
    const app = new TravellerPage(page);
    await app.cards.first().waitFor();
    const dialog = await app.openWhy(0);
    const text = await dialog.innerText();
    expect(text).toMatch(/Why this suggestion\?/);
    // One plain sentence first, before any bar.
    expect(await dialog.getByTestId('why-lead').innerText()).toMatch(/^Suggested mainly because .+\.$/);
    expect(text).toMatch(/main reason/);
    for (const signal of ['Proximity', 'Timing', 'Popularity']) expect(text).toContain(signal);
    expect(text).toMatch(/Location consent/);
    expect(text).toMatch(/your location at \d\d:\d\d/);
    // Figures only in the details view; tag ids never in a sentence.
    expect(text).not.toMatch(/value \d|× weight/);
    expect(text).not.toMatch(/natural-wine|cuisine:|kid-friendly/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'traveller-why.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // Signals that counted for nothing are behind "Show all"; the figures behind "Details".
    const rows = dialog.locator('.contribution');
    const counted = await rows.count();
    const showAll = dialog.getByRole('button', { name: /^Show the \d+ signals? that did not count$/ });
    if ((await showAll.count()) > 0) {
      await showAll.click();
      expect(await rows.count()).toBeGreaterThan(counted);
      expect(await rows.last().innerText()).toMatch(/0 % of the score/);
    }
    await dialog.getByText('Details: how the score is computed').click();
    const table = dialog.locator('.score-details table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(counted);
    expect(await table.innerText()).toMatch(/× 3/); // proximity's weight

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('has no serious accessibility violation on the traveller screen', async () => {
    await page.screenshot({ path: path.join(ARTIFACTS, 'traveller.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks French after the switch, explanations included', async () => {
    const app = new TravellerPage(page);
    await page.getByRole('button', { name: /^FR$|Français/ }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect.poll(async () => (await app.cards.first().innerText()).includes('min à pied')).toBe(true);
    const dialog = await app.openWhy(0);
    expect(await dialog.innerText()).toMatch(/Pourquoi cette suggestion/);
    expect(await dialog.getByTestId('why-lead').innerText()).toMatch(/^Proposé surtout parce que .+\.$/);
    // French without leftovers: interests in words with their article, no tag id, no English.
    const text = await dialog.innerText();
    expect(text).not.toMatch(/aimer : |natural-wine|cuisine:|\bwine\b|reviews|Driven/);
    await page.keyboard.press('Escape');
  });

  it('works on a phone-sized screen', async () => {
    const { phone, page: p } = await openOnPhone(browser, server.url, 'The Martins');
    await p.screenshot({ path: path.join(ARTIFACTS, 'traveller-phone.png') });
    expect(await seriousViolations(p)).toEqual([]);
    await phone.close();
  });

  it('logged no unexpected console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});

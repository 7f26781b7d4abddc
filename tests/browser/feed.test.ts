/**
 * The feed never lies: it follows a move even while notifications are held (and says why they are), a
 * place open round the clock reads "open 24 hours", and feedback beyond "Not interested" (like, save, been
 * there) can be taken back with Undo. In English and French.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFeed } from '@escale/shared';
import { REPO_ROOT } from '../../server/src/config.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { seriousViolations } from './checks.ts';
import { TravellerPage } from './traveller-page.ts';

const ARTIFACTS = path.join(REPO_ROOT, 'tests/artifacts');
const built = fs.existsSync(path.join(REPO_ROOT, 'client/dist/index.html'));
/** The Champ de Mars, a park whose OSM hours are "24/7". */
const CHAMP_DE_MARS = { latitude: 48.8556, longitude: 2.2986 };

/** Every feed the page receives, parsed, in order. */
function recordFeeds(page: Page): ServerFeed[] {
  const feeds: ServerFeed[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string' && payload.startsWith('{"type":"feed"')) feeds.push(JSON.parse(payload) as ServerFeed);
    }),
  );
  return feeds;
}

describe.skipIf(!chromiumAvailable() || !built)('the feed in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(persona: string, options: { locale?: string; geolocation?: typeof CHAMP_DE_MARS } = {}): Promise<{ page: Page; app: TravellerPage; feeds: ServerFeed[] }> {
    context = await browser.newContext({
      locale: options.locale ?? 'en-GB',
      viewport: { width: 1280, height: 800 },
      ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
    });
    const page = await context.newPage();
    const feeds = recordFeeds(page);
    const app = new TravellerPage(page);
    await app.open(server.url);
    await app.pickPersona(persona);
    await app.waitForMap();
    await app.cards.first().waitFor();
    return { page, app, feeds };
  }

  it('re-ranks the feed after a move far away while quiet hours hold notifications, and says so', async () => {
    const { page, app, feeds } = await open('Léa');
    // 22:30 in Paris on the session's clock: quiet hours.
    expect((await page.request.put(`${server.url}/api/session/clock`, { data: { at: '2026-11-24T22:30:00+01:00', speed: 0 } })).status()).toBe(200);
    const before = await app.cards.allInnerTexts();
    const seen = feeds.length;
    await app.moveOnMap(0.12, 0.85); // across Paris from the start
    await expect.poll(() => feeds.length, { timeout: 10_000 }).toBeGreaterThan(seen);
    const moved = feeds.at(-1)!;
    expect(moved.notifications).toEqual({ state: 'quiet_hours', until: '08:00' });
    await expect.poll(() => app.cards.allInnerTexts()).not.toEqual(before);
    // Every card's distance is the distance from where the traveller is now.
    for (const s of moved.items.slice(0, 5)) expect(s.distanceMeters!).toBeLessThan(3000);
    expect(await app.notificationStatus.innerText()).toMatch(/Quiet hours until 08:00/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'feed-quiet-hours.png') });
    await context.close();
  });

  it('says "open 24 hours" for a place open round the clock, in English and in French', async () => {
    for (const [locale, text] of [
      ['en-GB', /open 24 hours/],
      ['fr-FR', /ouvert 24 h\/24/],
    ] as const) {
      const { page, app, feeds } = await open(locale === 'fr-FR' ? 'Les Martin' : 'The Martins', { locale, geolocation: CHAMP_DE_MARS });
      await page.getByRole('button', { name: /Use my location|Utiliser ma position/ }).click();
      await expect.poll(() => feeds.some((f) => f.items.some((s) => s.item.place.name === 'Champ de Mars')), { timeout: 10_000 }).toBe(true);
      const showMore = page.getByRole('button', { name: /Show \d+ more ideas|Voir \d+ idées de plus/ });
      if (await showMore.count()) await showMore.click();
      const card = app.cards.filter({ has: page.getByRole('heading', { name: 'Champ de Mars' }) });
      await expect.poll(() => card.innerText()).toMatch(text);
      expect(await card.innerText()).not.toMatch(/open until|ouvert jusqu/);
      await context.close();
    }
  });

  it('likes a place and takes it back with Undo, and "Not interested" hides it until undone', async () => {
    const { page, app } = await open('Léa');
    const first = app.cards.first();
    const name = await first.locator('.card-title').innerText();
    const like = first.getByRole('button', { name: `Like ${name}` });
    const liked = () => server.ctx.db.selectFrom('interactions').select('place_id').where('traveller_id', 'like', 'lea~%').where('kind', '=', 'liked').execute();
    const likedBefore = (await liked()).length; // the likes copied from the persona's history
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    const undo = page.getByTestId('undo-bar');
    expect(await undo.innerText()).toContain(`You liked “${name}”`);
    await expect.poll(async () => (await liked()).length).toBe(likedBefore + 1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'feed-undo.png') });
    await undo.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(async () => (await liked()).length).toBe(likedBefore);

    await first.getByRole('button', { name: `Not interested in ${name}` }).click();
    await expect.poll(() => app.cards.locator('.card-title').allInnerTexts()).not.toContain(name);
    await page.getByTestId('undo-bar').getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => app.cards.locator('.card-title').allInnerTexts(), { timeout: 10_000 }).toContain(name);
    await context.close();
  });
});

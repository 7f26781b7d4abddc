/**
 * A session ends in every tab at once: signing out in one tab of a browser takes its other tabs back to the
 * persona picker (the server closes their sockets with 4401), and the visitor's traveller is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { TravellerPage } from './traveller-page.ts';

const built = fs.existsSync(path.join(REPO_ROOT, 'client/dist/index.html'));

describe.skipIf(!chromiumAvailable() || !built)('sessions in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signing out in one tab takes the other tabs back to the persona picker', async () => {
    const first = new TravellerPage(await context.newPage());
    await first.open(server.url);
    await first.pickPersona('Marc');
    await first.cards.first().waitFor();
    // A second tab of the same browser shares the session.
    const second = new TravellerPage(await context.newPage());
    await second.open(server.url);
    await second.cards.first().waitFor();
    const visitors = await server.ctx.db.selectFrom('travellers').select('id').where('ephemeral', '=', 1).execute();
    expect(visitors).toHaveLength(1);

    await first.signOut();
    await first.personaButton('Léa').waitFor();
    // The other tab was told by the server, not by a reload.
    await second.personaButton('Léa').waitFor({ timeout: 10_000 });
    expect(await second.cards.count()).toBe(0);
    // It says why, where the tab that signed out does not.
    await expect.poll(() => second.page.getByRole('status').innerText()).toMatch(/signed out in another tab/);
    expect(await first.page.getByText(/Your session has ended/).count()).toBe(0);
    fs.mkdirSync(path.join(REPO_ROOT, 'tests/artifacts'), { recursive: true });
    await second.page.screenshot({ path: path.join(REPO_ROOT, 'tests/artifacts/signed-out-elsewhere.png') });
    expect(await server.ctx.db.selectFrom('travellers').select('id').where('ephemeral', '=', 1).execute()).toEqual([]);
  });
});

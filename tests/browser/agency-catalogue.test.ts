/**
 * The done-when of the console's catalogue, in Chromium: an editor imports a real OSM file (a dry run, then
 * apply), moves a place by dragging its pin on the map, publishes, and a traveller's next feed changes
 * (the place it suggested first is no longer where it was; the imported places are published). axe in English and French;
 * screenshots in tests/artifacts/. Needs ../shared/data/osm (skipped with a message without it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlaceDetails } from '@escale/shared';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { signIn } from '../support/test-server.ts';
import { TestSocket } from '../support/ws-client.ts';
import { seriousViolations } from './checks.ts';
import { ConsolePage } from './console-page.ts';

const OPERA_FILE = path.resolve(import.meta.dirname, '../../../shared/data/osm/paris-opera-area-pois-2023-12-09.osm.pbf');
const hasFile = fs.existsSync(OPERA_FILE);
const OPERA = { lat: 48.8719, lon: 2.3316 };

describe.skipIf(!chromiumAvailable() || !hasFile)(`the catalogue in Chromium${hasFile ? '' : ' (skipped: ../shared/data/osm is absent)'}`, () => {
  const suite = serverAndBrowser();

  it('imports an OSM file (dry run, then apply), moves a place on the map, publishes, and a traveller’s feed changes', async () => {
    // The traveller, at the Opéra, before anything is published.
    const lea = await signIn(suite.server, 'lea');
    const socket = await TestSocket.greeted(suite.server.wsUrl, lea.cookie);
    socket.send({ type: 'location', ...OPERA });
    const before = (await socket.nextOfType('feed', 10_000)).items.map((s) => s.item.place);
    const top = before[0]!;

    const context = await suite.browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 1500 } });
    const page = await context.newPage();
    const app = new ConsolePage(page);
    await app.open(suite.server.url, '/agency/catalogue?map-debug');
    await app.signInAsDemo('Sophie Martin');
    await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
    await app.waitForMap();

    const report = await app.dryRun(OPERA_FILE);
    await report.getByRole('heading', { name: 'What this file would do (Paris)' }).waitFor();
    const created = Number((await app.count('New places').innerText()).replace(/\D/g, ''));
    expect(created).toBeGreaterThan(500);
    await report.getByText(/rejected rows?, and why/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-catalogue-dry-run.png'), fullPage: true });
    await report.getByRole('button', { name: /^Apply: write \d+ places$/ }).click();
    await report.getByRole('heading', { name: 'Imported into Paris' }).waitFor({ timeout: 30_000 });

    // The imported places are drafts, in the table.
    await page.getByLabel('Status').selectOption('draft');
    await page.getByLabel('Search by name').fill('Le Grand Café Capucines');
    await page.getByRole('row').filter({ hasText: 'Le Grand Café Capucines' }).getByText('Draft').waitFor();

    // The traveller's first suggestion, moved away on the map: its pin dragged, saved (a change that waits).
    await page.getByLabel('Status').selectOption('published');
    await page.getByLabel('Search by name').fill(top.name);
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: top.name, exact: true }) });
    await row.getByRole('button', { name: top.name, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: top.name }).waitFor();
    await app.waitForMap();
    const latBefore = Number(await page.getByLabel('Latitude').inputValue());
    expect(latBefore).toBeCloseTo(top.lat, 6);
    await app.dragPin(160, 140);
    await expect.poll(async () => Number(await page.getByLabel('Latitude').inputValue())).toBeLessThan(latBefore);
    const latAfter = Number(await page.getByLabel('Latitude').inputValue());
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved as a draft. Publish to show it to travellers.').waitFor();
    await row.getByText('Changes to publish').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-catalogue-edit.png') });

    await page.getByRole('button', { name: /^Publish [\d,]+ changes$/ }).click();
    await page
      .getByRole('status')
      .getByText(/^Published [\d,]+ places: travellers' next suggestions use them\.$/)
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-catalogue-published.png') });

    // The traveller's next suggestions: the moved place is no longer where it was (gone from the feed, or
    // at its new position); the imported places are published.
    socket.send({ type: 'suggest_now' });
    const after = (await socket.nextOfType('suggestions', 10_000)).items.map((s) => s.item.place);
    const again = after.find((p) => p.id === top.id);
    if (again) expect(again.lat).toBeCloseTo(latAfter, 6);
    expect(after.map((p) => `${p.id}@${p.lat}`)).not.toContain(`${top.id}@${top.lat}`);
    const details = async (id: string) => (await fetch(`${suite.server.url}/api/places/${encodeURIComponent(id)}`)).json() as Promise<PlaceDetails>;
    expect((await details(top.id)).lat).toBeCloseTo(latAfter, 6);
    expect((await details('osm:node/1670553014@demo')).name).toBe('Le Grand Café Capucines');
    socket.close();

    // In French, the same screen is free of serious violations.
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
    await page.getByRole('button', { name: 'Importer un fichier' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-catalogue-fr.png') });
    await context.close();
  }, 120_000);
});

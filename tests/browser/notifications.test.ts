/**
 * Notifications and their settings, as a traveller meets them: the app opens on the feed without a
 * notification; after a walk a notification says what sent it, and so do its cards and the Why panel; the Notifications panel opens from the traveller screen, saves quiet hours and a
 * trigger, keeps them across a reload, and shows the server's validation message beside the field. Desktop
 * and phone screenshots go to tests/artifacts/; axe checks each state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderEvidence, type ServerSuggestions } from '@escale/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { openOnPhone, seriousViolations } from './checks.ts';
import { TravellerPage } from './traveller-page.ts';

const ARTIFACTS = path.join(REPO_ROOT, 'tests/artifacts');
const built = fs.existsSync(path.join(REPO_ROOT, 'client/dist/index.html'));

/** Every suggestions push the page receives, parsed, in order. */
function recordPushes(page: Page): ServerSuggestions[] {
  const pushes: ServerSuggestions[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string') return;
      const message = JSON.parse(payload) as { type: string };
      if (message.type === 'suggestions') pushes.push(message as ServerSuggestions);
    }),
  );
  return pushes;
}

describe.skipIf(!chromiumAvailable() || !built)('push triggers and notifications settings in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let app: TravellerPage;
  let pushes: ServerSuggestions[];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('console', (m) => {
      // 401: the signed-out session check, by design. 400: the refused save this file provokes on purpose.
      if (m.type() === 'error' && !/\b(401|400)\b/.test(m.text())) consoleErrors.push(m.text());
    });
    pushes = recordPushes(page);
    app = new TravellerPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens on the feed, with no notification: opening the app is not news', async () => {
    await app.open(server.url);
    await app.pickPersona('Léa');
    await app.waitForMap();
    await app.cards.first().waitFor();
    expect(pushes).toEqual([]);
    expect(await app.cardTriggers()).toEqual([]);
    expect(await app.notification.count()).toBe(0);
  });

  it('after a walk, the cards say the traveller moved or arrived somewhere, and the Why panel says it too', async () => {
    const before = pushes.length;
    await app.moveOnMap(0.15, 0.2); // a few kilometres from the start, in another part of Paris
    await expect.poll(() => pushes.length, { timeout: 10_000 }).toBeGreaterThan(before);
    const moved = pushes.at(-1)!;
    expect(['moved', 'new_area']).toContain(moved.trigger.kind);
    expect(moved.solicited).toBe(false);
    const sentence = renderEvidence(moved.trigger.evidence, 'en');
    expect(sentence).toMatch(/^Sent because you (arrived in|moved) /);
    // The notification says why it came and names its ideas; their cards in the feed say it too.
    await expect.poll(() => app.notification.innerText()).toContain(sentence);
    for (const s of moved.items) expect(await app.notification.innerText()).toContain(s.item.title);
    await expect.poll(() => app.cardTriggers()).toContain(sentence);

    const dialog = await app.openWhy(0);
    const whyNow = dialog.getByRole('region', { name: 'Why now' });
    expect(await whyNow.innerText()).toContain(sentence);
    // Unasked: the panel says so, discreetly, and points to the settings.
    expect(await whyNow.innerText()).toContain('Sent without being asked.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'why-trigger.png') });
    // From there, one step to the settings: the Why panel gives way to the Notifications panel.
    await whyNow.getByRole('button', { name: 'Notification settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Notifications' });
    await settings.getByRole('button', { name: 'Save' }).waitFor();
    expect(await page.getByRole('dialog', { name: 'Why this suggestion?' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'hidden' });
  });

  it('opens the notifications panel from the traveller screen, focus on Close, every setting labelled', async () => {
    const dialog = await app.openNotifications();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    for (const label of [
      'When I have walked some distance',
      'When I arrive in another part of town',
      'At meal times',
      'When my plans leave free time',
      'When my agency publishes an event I may like',
      'Minimum time between two suggestions sent unasked',
      'Allow the same suggestion again on the same day',
      'Nothing unasked during quiet hours',
      'Distance that counts as having moved',
      'Shortest free time worth a suggestion',
    ]) {
      expect(await dialog.getByLabel(label, { exact: true }).count(), label).toBe(1);
    }
    // Léa starts from the defaults: 22:00 to 08:00, every trigger on.
    expect(await dialog.getByLabel('From').inputValue()).toBe('22:00');
    expect(await dialog.getByLabel('At meal times').isChecked()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'notifications.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('saves quiet hours and a trigger, and finds them again after a reload', async () => {
    let dialog = await app.openNotifications();
    await dialog.getByLabel('From').fill('23:15');
    await dialog.getByLabel('Until').fill('07:45');
    await dialog.getByLabel('At meal times').uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'notifications-saved.png') });

    await page.reload();
    dialog = await app.openNotifications();
    expect(await dialog.getByLabel('From').inputValue()).toBe('23:15');
    expect(await dialog.getByLabel('Until').inputValue()).toBe('07:45');
    expect(await dialog.getByLabel('At meal times').isChecked()).toBe(false);
    expect(await dialog.getByLabel('When I have walked some distance').isChecked()).toBe(true);
    // And the server has them: what the panel shows is what the push policy will read.
    const stored = (await (await page.request.get(`${server.url}/api/push-settings`)).json()) as { quietHours: unknown; triggers: { meal_window: boolean } };
    expect(stored.quietHours).toEqual({ enabled: true, from: '23:15', until: '07:45' });
    expect(stored.triggers.meal_window).toBe(false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows the server’s validation message beside the field it is about, and moves focus there', async () => {
    const dialog = await app.openNotifications();
    const distance = dialog.getByLabel('Distance that counts as having moved');
    await distance.fill('10');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Not saved: check the fields marked below.' }).waitFor();
    expect(await distance.getAttribute('aria-invalid')).toBe('true');
    const message = await dialog.locator('#move-threshold-error').innerText();
    expect(message.length).toBeGreaterThan(0);
    expect(await distance.getAttribute('aria-describedby')).toContain('move-threshold-error');
    expect(await distance.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'notifications-invalid.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // Escape closes without saving and gives focus back to the button that opened the panel.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await app.notificationsButton.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('speaks French in the panel after the language switch', async () => {
    await page.getByRole('button', { name: /^FR$/ }).click();
    await page.getByRole('button', { name: /^Notifications$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    await dialog.getByRole('button', { name: 'Enregistrer' }).waitFor();
    expect(await dialog.innerText()).toMatch(/Heures calmes[\s\S]*Aux heures des repas|Aux heures des repas[\s\S]*Heures calmes/);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^EN$/ }).click();
  });

  it('fits a phone: a bottom sheet whose Save stays in view', async () => {
    const { phone, page: p, app: mobile } = await openOnPhone(browser, server.url, 'The Martins');
    await p.screenshot({ path: path.join(ARTIFACTS, 'cards-phone.png') });
    const dialog = await mobile.openNotifications();
    await p.screenshot({ path: path.join(ARTIFACTS, 'notifications-phone.png') });
    const save = await dialog.getByRole('button', { name: 'Save' }).boundingBox();
    expect(save).not.toBeNull();
    expect(save!.y + save!.height).toBeLessThanOrEqual(844);
    expect(save!.x).toBeGreaterThanOrEqual(0);
    // No sideways scrolling inside the sheet.
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
    await dialog.getByLabel('Until').scrollIntoViewIfNeeded();
    await p.screenshot({ path: path.join(ARTIFACTS, 'notifications-phone-scrolled.png') });
    expect(await seriousViolations(p)).toEqual([]);
    await phone.close();
  });

  // The contract says the first location after connecting pushes ('first_position'): a reloaded page,
  // which connects afresh, must not wait for a walk or "Suggest now" to show a feed again.
  it('shows a fresh feed after a reload, and no old notification', async () => {
    const before = pushes.length;
    await page.reload();
    await app.cards.first().waitFor({ timeout: 10_000 });
    expect(pushes.length).toBe(before);
    expect(await app.notification.count()).toBe(0);
  });

  it('logged no unexpected console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});

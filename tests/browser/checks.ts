/** What every browser test checks the same way: axe's serious findings, and a page opened on a phone. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TravellerPage } from './traveller-page.ts';

/** axe's serious and critical violations on the page as it is now, as "rule: help" lines (none expected). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/** A 390 × 844 touch screen, signed in as `persona`, with the map and the first cards shown. */
export async function openOnPhone(browser: Browser, url: string, persona: string): Promise<{ phone: BrowserContext; page: Page; app: TravellerPage }> {
  const phone = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await phone.newPage();
  const app = new TravellerPage(page);
  await app.open(url);
  await app.pickPersona(persona);
  await app.waitForMap();
  await app.cards.first().waitFor();
  return { phone, page, app };
}

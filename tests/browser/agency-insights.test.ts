/**
 * The console's insights in Chromium: a fortnight of demo visitors' feeds, likes, dismissals and bookings,
 * then a viewer opens Insights and sees a chart per action over the period, hidden figures written
 * "fewer than 5 travellers" (never a zero), the same figures as a table, and the categories; then one
 * category over time. Checked with axe and photographed in English and French (tests/artifacts/).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { BOIS_DE_VINCENNES, bookOffer, feedback, HOTEL_DE_VILLE, type OnScreen, spotWithAnOffer, visitorAt } from '../support/insight-visitors.ts';
import { TUESDAY_EVENING } from '../support/test-server.ts';
import { seriousViolations } from './checks.ts';
import { ConsolePage } from './console-page.ts';
import { InsightsConsole } from './insights-page.ts';

/** A week of visits, day by day: travellers at the Hôtel de Ville, how many liked and dismissed, and bookings. */
const WEEK = [
  { day: '2026-11-18', visitors: 3, liked: 0, dismissed: 0, booked: 0 },
  { day: '2026-11-19', visitors: 6, liked: 5, dismissed: 0, booked: 0 },
  { day: '2026-11-20', visitors: 5, liked: 0, dismissed: 5, booked: 0 },
  { day: '2026-11-21', visitors: 8, liked: 6, dismissed: 5, booked: 0 },
  { day: '2026-11-22', visitors: 7, liked: 5, dismissed: 0, booked: 5 },
  { day: '2026-11-23', visitors: 9, liked: 7, dismissed: 6, booked: 0 },
  { day: '2026-11-24', visitors: 6, liked: 0, dismissed: 0, booked: 5 },
];

describe.skipIf(!chromiumAvailable())('the agency’s insights, in Chromium', () => {
  const suite = serverAndBrowser({ env: { DEMO_SIGNINS_PER_HOUR: '1000' } });

  /** What the demo's visitors did that week, through the live channel and the booking route, as the app does. */
  async function aWeekOfVisitors(): Promise<void> {
    const opened: OnScreen[] = [];
    const open = async (spot: typeof HOTEL_DE_VILLE) => {
      const on = await visitorAt(suite.server, spot);
      opened.push(on);
      return on;
    };
    for (const { day, visitors, liked, dismissed, booked } of WEEK) {
      suite.server.clock.set(new Date(`${day}T17:00:00Z`), 0);
      const here = [];
      for (let i = 0; i < visitors; i++) here.push(await open(HOTEL_DE_VILLE));
      const [first, second] = here[0]!.feed.items;
      for (const on of here.slice(0, liked)) await feedback(on, first!.item.place.id, 'liked');
      for (const on of here.slice(0, dismissed)) await feedback(on, second!.item.place.id, 'dismissed');
      if (booked > 0) {
        const spot = await spotWithAnOffer(suite.server, day);
        for (let i = 0; i < booked; i++) {
          const on = await open(spot);
          const offer = on.feed.items.find((s) => s.item.kind === 'offer')!;
          expect(await bookOffer(suite.server, on, offer.item.id, `insights-${day}-${i}`)).toBe(201);
        }
      }
      // Three walkers in the woods: a figure of three, hidden, and in no total.
      if (day === '2026-11-23') for (let i = 0; i < 3; i++) await open(BOIS_DE_VINCENNES);
    }
    for (const on of opened) on.socket.close();
    suite.server.clock.set(TUESDAY_EVENING, 0);
  }

  async function insights(locale: 'en-GB' | 'fr-FR'): Promise<{ page: Page; view: InsightsConsole; close(): Promise<void> }> {
    const context = await suite.browser.newContext({ locale, viewport: { width: 1200, height: 1000 }, timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const app = new ConsolePage(page);
    await app.open(suite.server.url);
    await app.signInAsDemo('Hugo Lefèvre');
    const view = new InsightsConsole(page);
    await view.open();
    await view.charts.first().waitFor();
    return { page, view, close: () => context.close() };
  }

  /** The whole page, from its top (the console's header is sticky: from elsewhere it would cover the middle). */
  const fullPage = async (page: Page, file: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, file), fullPage: true });
  };

  it('a viewer sees a chart per action over the week, hidden figures worded as such, and the categories', async () => {
    await aWeekOfVisitors();
    const { page, view, close } = await insights('en-GB');
    // The last four weeks by default: most days before the visits are hidden.
    expect(await view.charts.count()).toBe(4);
    await view.from('2026-11-18');
    const shown = view.chart(/^Travellers shown a suggestion$/);
    await shown.waitFor();
    for (const title of [/^Travellers who liked a suggestion$/, /^Travellers who said “not interested”$/, /^Travellers who booked a suggestion$/]) await view.chart(title).waitFor();
    // The chart says what it shows in words; the 18th (three travellers) is hidden, not zero.
    await view
      .summary(shown)
      .getByText(/1 of 7 hidden \(fewer than 5 travellers\)\.$/)
      .waitFor();
    const words = (await view.summary(shown).textContent())!;
    expect(words).toMatch(/^Over the period: \d+ travellers\. Most: \d+ travellers \((Sun 22|Mon 23) Nov\)\. /);
    // The chart's text alternative is those words.
    const desc = await shown.getByRole('img', { name: 'Travellers shown a suggestion' }).evaluate((svg) => svg.querySelector('desc')?.textContent);
    expect(desc).toBe(words);
    const table = await view.figuresTable();
    const wed = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Wed 18 Nov' }) });
    expect(await wed.getByRole('cell').allTextContents()).toEqual(['fewer than 5 travellers', 'fewer than 5 travellers', 'fewer than 5 travellers', 'fewer than 5 travellers']);
    const thu = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Thu 19 Nov' }) });
    expect((await thu.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['6', '5']);
    expect(await view.hiddenWording.count()).toBeGreaterThan(3);
    await view.groups.waitFor();
    expect(await view.groups.getByRole('row').count()).toBeGreaterThan(2);
    expect(await seriousViolations(page)).toEqual([]);
    await fullPage(page, 'console-insights.png');

    // One category over time, from its row.
    const first = (await view.groups.getByRole('rowheader').first().textContent())!;
    await view
      .group(first)
      .getByRole('button', { name: `Show ${first} over time` })
      .click();
    await page.getByRole('heading', { level: 2, name: `Over time: ${first}` }).waitFor();
    await view.waitForFigures();
    expect(await seriousViolations(page)).toEqual([]);
    await close();

    // In French, the same week.
    const fr = await insights('fr-FR');
    await fr.view.from('2026-11-18');
    const montrees = fr.view.chart(/^Voyageurs à qui une suggestion a été montrée$/);
    await fr.view
      .summary(montrees)
      .getByText(/1 sur 7 masqués \(moins de 5 voyageurs\)\.$/)
      .waitFor();
    await fr.page.getByText('Hachuré : moins de 5 voyageurs, masqué pour protéger leur vie privée (il peut n’y en avoir aucun).').waitFor();
    await fr.view.groups.waitFor();
    expect(await seriousViolations(fr.page)).toEqual([]);
    await fullPage(fr.page, 'console-insights-fr.png');
    await fr.close();
  });

  it('explains, when no figure reaches five travellers, that insights appear once five have seen something', async () => {
    const { page, view, close } = await insights('en-GB');
    await view.from('2026-10-01');
    await page.getByLabel(/^To$/).fill('2026-10-28');
    await page.getByRole('heading', { name: 'No insights for this period yet' }).waitFor();
    await page.getByText(/^Insights appear once at least 5 travellers have been shown something/).waitFor();
    expect(await view.charts.count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await close();
  });
});

/**
 * "How suggestions are ranked" in Chromium, without signing in (DSA Art. 27): every signal the ranker runs,
 * with the weight the server ranks with, what it reads and the consent it needs, the hard rules and the
 * promotions cap, in English and French (axe), reached from the sign-in screen.
 */
import path from 'node:path';
import { RankingExplained } from '@escale/shared';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { seriousViolations } from './checks.ts';

describe.skipIf(!chromiumAvailable())('the public ranking page in Chromium', () => {
  const suite = serverAndBrowser();

  it('explains every signal with its real weight, the rules and promotions, in English and French, before sign-in', async () => {
    const context = await suite.browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await page.getByRole('link', { name: 'How suggestions are ranked' }).click();
    await page.getByRole('heading', { level: 1, name: 'How suggestions are ranked' }).waitFor();
    const served = RankingExplained.parse(await (await page.request.get(`${suite.server.url}/api/ranking`)).json());
    const signals = page.locator('.explained-signal');
    await signals.first().waitFor();
    expect(await signals.count()).toBe(served.signals.length);
    for (const [i, s] of served.signals.entries()) {
      expect(await signals.nth(i).locator('.contribution-share').innerText()).toContain(`weight ${s.weight} `);
    }
    expect(await page.getByText('Needs your Location consent.').count()).toBe(1);
    expect(await page.getByText('Always on, also in the non-personalised feed.').count()).toBe(3);
    expect(await page.getByText(/^Never a place closed when you would get there\.$/).count()).toBe(1);
    expect(await page.getByText(/A promotion adds at most 0.5 points/).count()).toBe(1);
    expect((await page.request.get(`${suite.server.url}/api/session`)).status()).toBe(401);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'ranking-page-phone.png'), fullPage: true });

    await page.getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { level: 1, name: 'Comment les idées sont classées' }).waitFor();
    expect(await page.getByText('Demande votre consentement « localisation ».').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'ranking-page-fr.png'), fullPage: true });
    await context.close();
  });
});

/**
 * Asking instead of guessing, in Chromium: a traveller who never said anything is invited (never forced) to
 * a short onboarding that asks for the profile consent first, then what they enjoy and dislike, who travels,
 * budget and pace; the answers re-rank the ideas at once and show in My data. "Not now" skips it for good;
 * the profile editor (from My data) changes the answers later. axe in English and French; screenshots go to
 * tests/artifacts/.
 */
import path from 'node:path';
import { MyData, ProfileBody, PushSettings } from '@escale/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { seriousViolations } from './checks.ts';
import { MyDataPage } from './my-data-page.ts';
import { OnboardingPage } from './onboarding-page.ts';
import { TravellerPage } from './traveller-page.ts';

describe.skipIf(!chromiumAvailable())('the onboarding and the profile in Chromium', () => {
  const suite = serverAndBrowser();

  async function signedIn(persona: string, locale: 'en-GB' | 'fr-FR') {
    const context = await suite.browser.newContext({ locale, viewport: { width: 1100, height: 900 }, timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const app = new TravellerPage(page);
    await app.open(suite.server.url);
    await app.pickPersona(persona);
    await app.cards.first().waitFor();
    return { context, page, app, onboarding: new OnboardingPage(page), mine: new MyDataPage(page) };
  }
  /** The cards of a category, as each card names it first ("Bar · 350 m"). */
  const ofCategory = (app: TravellerPage, name: string) => app.cards.filter({ has: app.page.locator('.card-category', { hasText: new RegExp(`^\\s*${name}(\\s|$)`) }) });
  const api = async <T>(page: Page, path: string, schema: { parse(v: unknown): T }): Promise<T> => schema.parse(await (await page.request.get(`${suite.server.url}${path}`)).json());

  it('invites, asks for the consent first, and its answers re-rank the ideas at once', async () => {
    const { context, page, app, onboarding } = await signedIn('Marc', 'en-GB');
    await onboarding.invitation.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'onboarding-invitation.png') });
    expect(await ofCategory(app, 'Café').count()).toBeGreaterThan(0); // before: cafés are suggested

    await onboarding.invitation.getByRole('link', { name: 'Start' }).click();
    await onboarding.stepHeading(/^First, may Escale keep your answers\?$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'onboarding-consent.png') });
    await onboarding.button(/^Allow and continue$/).click();

    await onboarding.stepHeading(/^What do you enjoy\?$/);
    await page.getByText('Step 1 of 3').waitFor();
    await onboarding.tick(/^Places you like/, 'Cinema');
    await onboarding.tick(/^Food you like/, 'Japanese food');
    await onboarding.tick(/^Music and shows you like/, 'Jazz');
    await onboarding.tick(/^Places you would rather not be suggested/, 'Café');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'onboarding-enjoy.png'), fullPage: true });
    await onboarding.button(/^Next$/).click();

    await onboarding.stepHeading(/^Who is travelling\?$/);
    await page.getByRole('spinbutton', { name: 'Adults' }).fill('2');
    await page.getByRole('combobox', { name: 'Age of a child' }).selectOption({ label: '8 years old' });
    await onboarding.button(/^Add a child$/).click();
    await page.getByText('1 child:').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await onboarding.button(/^Next$/).click();

    await onboarding.stepHeading(/^Budget and pace$/);
    await page.getByRole('radio', { name: /^€€ Moderate$/ }).check();
    await page.getByRole('radio', { name: /^Calm/ }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'onboarding-budget.png'), fullPage: true });
    await onboarding.button(/^Save my answers$/).click();

    // Back on the ideas, no longer invited, and the feed follows the answers without being asked.
    await app.cards.first().waitFor();
    expect(await onboarding.invitation.count()).toBe(0);
    await expect.poll(() => ofCategory(app, 'Café').count()).toBe(0);
    await expect.poll(() => ofCategory(app, 'Cinema').count()).toBeGreaterThan(0);
    const mine = await api(page, '/api/my-data', MyData);
    expect(mine.profile).toEqual({
      likes: [
        { kind: 'category', id: 'cinema' },
        { kind: 'tag', id: 'cuisine:japanese' },
        { kind: 'tag', id: 'jazz' },
      ],
      dislikes: [{ kind: 'category', id: 'cafe' }],
      party: { adults: 2, childrenAges: [8], accessibility: [] },
      budget: 2,
    });
    expect(mine.onboardedAt).not.toBeNull();
    expect((await api(page, '/api/push-settings', PushSettings)).minMinutesBetweenPushes).toBe(60);
    // The Why panel of a cinema says which answer drove it.
    const cinema = ofCategory(app, 'Cinema').first();
    await cinema.getByRole('button', { name: /^Why\?/ }).click();
    await page.getByRole('dialog').getByText('you said you like cinema').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'onboarding-after.png') });
    await context.close();
  });

  it('in French: "Plus tard" skips it for good; the profile page asks for the consent, then saves', async () => {
    const { context, page, onboarding, mine } = await signedIn('Marc', 'fr-FR');
    await onboarding.invitation.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await onboarding.invitation.getByRole('button', { name: 'Plus tard' }).click();
    await expect.poll(() => onboarding.invitation.count()).toBe(0);
    expect((await api(page, '/api/profile', ProfileBody)).onboarded).toBe(true);
    await page.reload();
    await page.locator('.card').first().waitFor();
    expect(await onboarding.invitation.count()).toBe(0);

    await mine.open();
    await page.getByRole('link', { name: 'Voir ou modifier ce que vous avez dit à Escale' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ce que vous avez dit à Escale' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'D’abord, Escale peut-il garder vos réponses ?' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await onboarding.button(/^Autoriser et continuer$/).click();
    await page.getByRole('heading', { level: 2, name: 'Qu’aimez-vous ?' }).waitFor();
    await onboarding.tick(/^Les lieux que vous aimez/, 'Musée');
    await page.getByRole('checkbox', { name: 'Quelqu’un se déplace en fauteuil roulant' }).check();
    await onboarding.button(/^Enregistrer$/).click();
    await page.getByRole('status').getByText('Enregistré. Vos idées sont classées à nouveau.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'profile-fr.png') });
    const body = await api(page, '/api/profile', ProfileBody);
    expect(body.profile).toEqual({ likes: [{ kind: 'category', id: 'museum' }], dislikes: [], party: { adults: 1, childrenAges: [], accessibility: ['wheelchair'] }, budget: null });
    await context.close();
  });

  it('the profile editor shows what was said, kept likes the city does not offer as chips included', async () => {
    const { context, page, onboarding, mine } = await signedIn('Léa', 'en-GB');
    expect(await onboarding.invitation.count()).toBe(0); // she answered long ago
    await mine.open();
    await page.getByRole('link', { name: 'See or change what you told Escale' }).click();
    await page.getByRole('heading', { level: 1, name: 'What you told Escale' }).waitFor();
    expect(await onboarding.chip(/^Places you like/, 'Climbing').isChecked()).toBe(true);
    expect(await onboarding.chip(/^Food you like/, 'Ramen').isChecked()).toBe(true);
    expect(await onboarding.chip(/^Other things you said you like/, 'Natural wine').isChecked()).toBe(true);
    await onboarding.tick(/^Other things you said you like/, 'Natural wine');
    await onboarding.button(/^Save$/).click();
    await page.getByRole('status').getByText('Saved. Your ideas are ranked again.').waitFor();
    // Unticked, it stays on screen to tick again, and is no longer held.
    expect(await onboarding.chip(/^Other things you said you like/, 'Natural wine').isChecked()).toBe(false);
    expect((await api(page, '/api/profile', ProfileBody)).profile!.likes).not.toContainEqual({ kind: 'tag', id: 'natural-wine' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'profile-en.png') });
    await context.close();
  });
});

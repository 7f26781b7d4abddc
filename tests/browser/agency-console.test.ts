/**
 * The agency console in Chromium: sign in with a demo account, see the agency's counts, add a staff member
 * (their one-time link shown once), who chooses a password from it and signs in with the rights of their
 * role; a viewer in French, signing out everywhere; a wrong password said plainly. axe in English and
 * French; screenshots go to tests/artifacts/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { seriousViolations } from './checks.ts';
import { ConsolePage } from './console-page.ts';

describe.skipIf(!chromiumAvailable())('the agency console in Chromium', () => {
  const suite = serverAndBrowser();
  const newPage = async (locale: 'en-GB' | 'fr-FR') => {
    const context = await suite.browser.newContext({ locale, viewport: { width: 1200, height: 860 } });
    const page = await context.newPage();
    return { context, page, console: new ConsolePage(page) };
  };

  it('signs an admin in, shows the counts, adds a member whose link sets their password, with the rights of their role', async () => {
    const { context, page, console: app } = await newPage('en-GB');
    await app.open(suite.server.url);
    await page.getByRole('heading', { level: 1, name: 'Sign in to the agency console' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Demo accounts' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-sign-in.png') });

    // A wrong password first: one plain message, nothing about whether the account exists.
    await app.signIn('claire@escale-demo.example', 'not the password');
    await page.getByRole('alert').getByText('The e-mail address or the password is wrong.').waitFor();

    await app.signInAsDemo('Claire Dubois');
    await page.getByRole('heading', { level: 1, name: 'Escale Demo Travel' }).waitFor();
    expect(Number((await app.count('Places').innerText()).replace(/\D/g, ''))).toBeGreaterThan(500);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-overview.png') });

    await app.nav(/^Staff$/).click();
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'sophie@escale-demo.example' }).getByRole('combobox', { name: 'Role of Sophie Martin' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Role of Sophie Martin' }).inputValue()).toBe('editor');
    await page.getByLabel('Name').fill('Inès Moreau');
    await page.getByLabel('E-mail address').fill('ines@escale-demo.example');
    await page.getByLabel('Role', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const link = page.getByRole('textbox', { name: 'The link for Inès Moreau' });
    await link.waitFor();
    await page.getByRole('row').filter({ hasText: 'ines@escale-demo.example' }).getByText('Waiting for their password').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-staff.png'), fullPage: true });
    const url = await link.inputValue();
    expect(url).toMatch(/\/agency\/set-password#[\w-]{40,}$/);

    // Inès, in a browser of her own: the link, her password, then the console as an editor (no Staff page).
    const ines = await newPage('en-GB');
    await ines.page.goto(url.replace(/^https?:\/\/[^/]+/, suite.server.url));
    await ines.page.getByLabel('New password').fill('ines-chooses-this');
    await ines.page.getByLabel('The same password again').fill('ines-chooses-this');
    await ines.page.getByRole('button', { name: 'Save the password' }).click();
    await ines.page.getByRole('status').getByText('Your password is saved').waitFor();
    expect(ines.page.url()).not.toContain('#'); // the used token left the address bar
    await ines.console.open(suite.server.url);
    await ines.console.signIn('ines@escale-demo.example', 'ines-chooses-this');
    await ines.page.getByRole('heading', { level: 1, name: 'Escale Demo Travel' }).waitFor();
    await ines.page.getByText('Inès Moreau · editor').waitFor();
    expect(await ines.console.nav(/^Staff$/).count()).toBe(0);
    expect((await ines.page.request.get(`${suite.server.url}/api/agency/staff`)).status()).toBe(403);
    await ines.context.close();
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'ines@escale-demo.example' }).getByText('Active').waitFor();
    await context.close();
  });

  it('in French: a viewer signs in, and signing out everywhere ends every session', async () => {
    const { context, page, console: app } = await newPage('fr-FR');
    await app.open(suite.server.url);
    await page.getByRole('heading', { level: 1, name: 'Connexion à la console agence' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.signIn('hugo@escale-demo.example', DEMO_STAFF_PASSWORD);
    await page.getByRole('heading', { level: 2, name: 'Ce que contient votre agence' }).waitFor();
    await page.getByText('Hugo Lefèvre · lecture').waitFor();
    expect(await app.nav(/^Équipe$/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-overview-fr.png') });

    // A second device of Hugo's; "sign out everywhere" on the first ends both.
    const other = await newPage('fr-FR');
    await other.console.open(suite.server.url);
    await other.console.signIn('hugo@escale-demo.example', DEMO_STAFF_PASSWORD);
    await other.page.getByRole('heading', { level: 2, name: 'Ce que contient votre agence' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter partout' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion à la console agence' }).waitFor();
    expect((await other.page.request.get(`${suite.server.url}/api/agency/session`)).status()).toBe(401);
    await other.context.close();
    await context.close();
  });

  it('an editor invites a client, who makes their account from the link (in French) and signs in with it later', async () => {
    const { context, page, console: app } = await newPage('en-GB');
    await app.open(suite.server.url);
    await app.signInAsDemo('Sophie Martin');
    await app.nav(/^Clients$/).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.getByLabel('Note for your team').fill('Marie Dupont, Lisbon in May');
    await page.getByRole('button', { name: 'Make an invitation link' }).click();
    const link = page.getByRole('textbox', { name: 'The invitation link' });
    await link.waitFor();
    const url = (await link.inputValue()).replace(/^https?:\/\/[^/]+/, suite.server.url);
    expect(url).toMatch(/\/join#[\w-]{40,}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-clients.png') });

    const client = await newPage('fr-FR');
    await client.page.goto(url);
    await client.page.getByRole('heading', { level: 1, name: 'Rejoindre Escale Demo Travel sur Escale' }).waitFor();
    await client.page.getByLabel('Votre nom').fill('Marie Dupont');
    await client.page.getByLabel('Adresse e-mail').fill('marie.dupont@example.com');
    await client.page.getByLabel('Nouveau mot de passe').fill('marie-choisit-ceci');
    await client.page.getByLabel('Le même mot de passe, à nouveau').fill('marie-choisit-ceci');
    expect(await seriousViolations(client.page)).toEqual([]);
    await client.page.screenshot({ path: path.join(ARTIFACTS, 'join-fr.png') });
    await client.page.getByRole('button', { name: 'Créer mon compte' }).click();
    // In: nothing allowed yet, so the onboarding invites her (every consent starts off).
    await client.page.getByRole('region', { name: 'Dites à Escale ce que vous aimez' }).waitFor();
    expect(new URL(client.page.url()).hash).toBe('');

    await client.page.getByRole('button', { name: 'Déconnexion' }).click();
    await client.page.getByRole('heading', { level: 2, name: 'Vous avez un compte ?' }).waitFor();
    expect(await seriousViolations(client.page)).toEqual([]);
    // "Forgot my password" is one tap away, and answers without saying whether the address has an account.
    await client.page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await client.page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }).waitFor();
    await client.page.getByLabel('Adresse e-mail').fill('marie.dupont@example.com');
    await client.page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await client.page.getByRole('status').getByText('Si cette adresse a un compte').waitFor();
    expect(await seriousViolations(client.page)).toEqual([]);
    await client.page.screenshot({ path: path.join(ARTIFACTS, 'forgot-password-fr.png') });
    await client.page.getByRole('link', { name: 'Retour à la connexion' }).click();
    await client.page.getByRole('heading', { level: 2, name: 'Vous avez un compte ?' }).waitFor();
    await client.page.getByLabel('Adresse e-mail').fill('marie.dupont@example.com');
    await client.page.getByLabel('Mot de passe', { exact: true }).fill('marie-choisit-ceci');
    await client.page.getByRole('button', { name: 'Se connecter' }).click();
    await client.page.getByRole('region', { name: 'Dites à Escale ce que vous aimez' }).waitFor();
    await client.context.close();

    await page.reload();
    await page
      .getByRole('row')
      .filter({ hasText: 'Marie Dupont, Lisbon in May' })
      .getByText(/^Used /)
      .waitFor();
    await context.close();
  });

  it('an admin tunes the ranking within bounds; a viewer reads it', async () => {
    const { context, page, console: app } = await newPage('en-GB');
    await app.open(suite.server.url);
    await app.signInAsDemo('Claire Dubois');
    await app.nav(/^Ranking$/).click();
    await page.getByRole('heading', { level: 1, name: 'Ranking' }).waitFor();
    const proximity = page.getByRole('spinbutton', { name: 'Proximity' });
    expect(await proximity.inputValue()).toBe('3');
    await proximity.fill('4.5');
    await page.getByRole('slider', { name: 'Most a promotion may add' }).fill('0.1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved: your travellers’ next ideas use it.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-ranking.png'), fullPage: true });
    const stored = (await (await page.request.get(`${suite.server.url}/api/agency/ranking`)).json()) as { settings: { weights: { proximity: number }; promotionLift: number } };
    expect(stored.settings).toMatchObject({ weights: { proximity: 4.5 }, promotionLift: 0.1 });
    await context.close();

    const viewer = await newPage('fr-FR');
    await viewer.console.open(suite.server.url);
    await viewer.console.signIn('hugo@escale-demo.example', DEMO_STAFF_PASSWORD);
    await viewer.console.nav(/^Classement$/).click();
    await viewer.page.getByText('Seule l’administration de votre agence peut les modifier.').waitFor();
    expect(
      await viewer.page
        .getByRole('spinbutton', { name: 'Proximity' })
        .or(viewer.page.getByRole('spinbutton', { name: 'Proximité' }))
        .first()
        .isDisabled(),
    ).toBe(true);
    expect(await seriousViolations(viewer.page)).toEqual([]);
    await viewer.context.close();
  });

  it('previews what a persona would be suggested at a place and time, with why, in English and French', async () => {
    const { context, page, console: app } = await newPage('en-GB');
    await app.open(suite.server.url);
    await app.signInAsDemo('Hugo Lefèvre');
    await app.nav(/^Preview$/).click();
    await page.getByRole('heading', { level: 1, name: 'Preview' }).waitFor();
    await page.getByLabel('Traveller').selectOption({ label: 'Léa' });
    await page.getByLabel('At this place').fill('Maison de Victor Hugo');
    await page.getByLabel('Date').fill('2026-11-24');
    await page.getByLabel('Time (city’s clock)').fill('19:00');
    await page.getByRole('button', { name: 'Show the ideas' }).click();
    await page.getByRole('heading', { level: 2, name: /^\d+ ideas?$/ }).waitFor();
    const first = page.locator('.preview-list > li').first();
    expect(await first.getByRole('rowheader', { name: 'proximity' }).count()).toBe(1);
    expect(await first.innerText()).toMatch(/your location at 19:00/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-preview.png') });
    await page.getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aperçu' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

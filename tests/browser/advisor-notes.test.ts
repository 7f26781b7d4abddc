/**
 * What the client told their advisor, in Chromium: an editor finds a client in the console and notes that
 * they like jazz (a client without the profile permission cannot be noted, and the form says why); the
 * client sees the note in My data with who noted it and when, corrects it, then erases it. The Clients
 * screen and the My data section are checked with axe and photographed in English and French
 * (tests/artifacts/).
 */
import path from 'node:path';
import type { InvitationCreated, MyData } from '@escale/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, serverAndBrowser } from '../support/browser-suite.ts';
import { chromiumAvailable } from '../support/browser.ts';
import { callApi as call } from '../support/test-server.ts';
import { AdvisorNotesSection, ClientsConsole } from './advisor-notes-page.ts';
import { seriousViolations } from './checks.ts';
import { ConsolePage } from './console-page.ts';
import { MyDataPage } from './my-data-page.ts';

const PASSWORD = 'marie-has-a-password';

describe.skipIf(!chromiumAvailable())('what the client told their advisor, in Chromium', () => {
  const suite = serverAndBrowser();

  /** A client of the demo agency (from an invitation, as anyone new), with the consents given. */
  async function client(name: string, email: string, consents: string[]): Promise<void> {
    const staff = await call(suite.server.url, '', 'POST', '/api/agency/session', { email: 'claire@escale-demo.example', password: 'escale-demo-console' });
    const cookie = staff.headers.get('set-cookie')!.split(';')[0]!;
    const invitation = (await (await call(suite.server.url, cookie, 'POST', '/api/agency/invitations', { note: name })).json()) as InvitationCreated;
    const joined = await call(suite.server.url, '', 'POST', '/api/signup', { token: new URL(invitation.url).hash.slice(1), name, email, password: PASSWORD, locale: 'en' });
    expect(joined.status).toBe(201);
    const session = joined.headers.get('set-cookie')!.split(';')[0]!;
    for (const category of consents) expect((await call(suite.server.url, session, 'PUT', `/api/consents/${category}`, { granted: true })).status).toBe(200);
  }

  async function console(locale: 'en-GB' | 'fr-FR', who: string): Promise<{ page: Page; clients: ClientsConsole; close(): Promise<void> }> {
    const context = await suite.browser.newContext({ locale, viewport: { width: 1200, height: 1000 }, timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const app = new ConsolePage(page);
    await app.open(suite.server.url);
    await app.signInAsDemo(who);
    const clients = new ClientsConsole(page);
    await clients.open();
    return { page, clients, close: () => context.close() };
  }

  async function traveller(locale: 'en-GB' | 'fr-FR'): Promise<{ page: Page; notes: AdvisorNotesSection; close(): Promise<void> }> {
    const context = await suite.browser.newContext({ locale, viewport: { width: 1100, height: 1000 }, timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await page.getByLabel(/^(E-mail address|Adresse e-mail)$/).fill('marie.lefevre@example.com');
    await page.getByLabel(/^(Password|Mot de passe)$/, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
    await new MyDataPage(page).open();
    const notes = new AdvisorNotesSection(page);
    await notes.section.waitFor();
    return { page, notes, close: () => context.close() };
  }

  /** The whole page, from its top (the console's header is sticky: from elsewhere it would cover the middle). */
  const fullPage = async (page: Page, file: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, file), fullPage: true });
  };
  const held = async (page: Page) => ((await (await page.request.get(`${suite.server.url}/api/my-data`)).json()) as MyData).advisorNotes;

  it('an editor notes that a client likes jazz; without the profile permission the form says why it cannot', async () => {
    await client('Marie Lefèvre', 'marie.lefevre@example.com', ['profile']);
    await client('Paul Girard', 'paul.girard@example.com', []);
    const { page, clients, close } = await console('en-GB', 'Sophie Martin');

    const paul = clients.client('Paul Girard');
    await paul.getByText('Profile permission off').waitFor();
    expect(await paul.getByRole('button', { name: 'Note what Paul Girard said' }).isDisabled()).toBe(true);
    await paul.getByText('Paul Girard has not turned on their profile permission').waitFor();

    const marie = clients.client('Marie Lefèvre');
    await marie.getByText('Profile permission on').waitFor();
    const form = await clients.startNote('Marie Lefèvre');
    await clients.tick(form, /^Music and shows they like$/, 'Jazz');
    await clients.tick(form, /^Places they would rather not be suggested$/, 'Museum');
    await form.getByLabel(/^What they said/).fill('Loves small jazz clubs; big museums tire her.');
    expect(await seriousViolations(page)).toEqual([]);
    await fullPage(page, 'console-client-note-form.png');
    await form.getByRole('button', { name: 'Save the note' }).click();

    await marie.getByText('Noted by Sophie Martin on 24 November 2026').waitFor();
    await marie.getByText('“Loves small jazz clubs; big museums tire her.”').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await fullPage(page, 'console-clients-notes.png');
    await close();

    // In French, a viewer reads the same screen and cannot write.
    const fr = await console('fr-FR', 'Hugo Lefèvre');
    const marieFr = fr.clients.client('Marie Lefèvre');
    await marieFr.getByText('Noté par Sophie Martin le 24 novembre 2026').waitFor();
    await marieFr.getByText('Autorisation « profil » activée').waitFor();
    expect(await marieFr.getByRole('button').count()).toBe(0);
    expect(await seriousViolations(fr.page)).toEqual([]);
    await fullPage(fr.page, 'console-clients-notes-fr.png');
    await fr.close();
  });

  it('the client sees the note in My data, corrects it, then erases it', async () => {
    const { page, notes, close } = await traveller('en-GB');
    await notes.notes.first().getByText('Noted by Sophie Martin on 24 November 2026').waitFor();
    await notes.notes.first().getByText('Jazz', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await notes.section.screenshot({ path: path.join(ARTIFACTS, 'my-data-advisor-notes.png') });

    // Corrected: she does like jazz, but museums are fine; the note says she corrected it.
    const form = await notes.correct();
    await form.getByRole('group', { name: 'Places you would rather not be suggested' }).getByRole('checkbox', { name: 'Museum', exact: true }).uncheck();
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save my correction' }).click();
    await notes.notes.first().getByText('corrected by you on 24 November 2026').waitFor();
    expect((await held(page))[0]).toMatchObject({ likes: [{ kind: 'tag', id: 'jazz' }], dislikes: [], correctedAt: expect.any(String) });

    // In French, the same section.
    const fr = await traveller('fr-FR');
    await fr.notes.notes.first().getByText('Noté par Sophie Martin le 24 novembre 2026').waitFor();
    await fr.notes.notes.first().getByText('corrigé par vous le 24 novembre 2026').waitFor();
    expect(await seriousViolations(fr.page)).toEqual([]);
    await fr.notes.section.screenshot({ path: path.join(ARTIFACTS, 'my-data-advisor-notes-fr.png') });
    await fr.close();

    await notes.erase();
    await notes.section.getByText('Nothing has been noted.').waitFor();
    expect(await held(page)).toEqual([]);
    await close();
  });
});

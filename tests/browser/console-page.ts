/** A page object for the agency console, named as its staff would say it (English and French). */
import type { Locator, Page } from 'playwright-core';

export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(url: string, path = '/agency'): Promise<void> {
    await this.page.goto(`${url}${path}`);
  }

  get email(): Locator {
    return this.page.getByLabel(/^(E-mail address|Adresse e-mail)$/);
  }

  get password(): Locator {
    return this.page.getByLabel(/^(Password|Mot de passe)$/);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.page.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
  }

  /** The demo account list's "Use" button for a person, then sign in. */
  async signInAsDemo(name: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^(Use ${name}’s account|Utiliser le compte de ${name})$`) }).click();
    await this.page.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
  }

  nav(name: RegExp): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name });
  }

  count(label: string): Locator {
    return this.page
      .locator('.console-counts div')
      .filter({ has: this.page.locator('dt', { hasText: label }) })
      .locator('dd');
  }

  /** The catalogue's import: pick the file, run the dry run, and wait for its report. */
  async dryRun(file: string): Promise<Locator> {
    await this.page.getByRole('button', { name: /^(Import a file|Importer un fichier)$/ }).click();
    await this.page.getByLabel(/^(File|Fichier)$/).setInputFiles(file);
    await this.page.getByRole('button', { name: /^(Dry run|Essai à blanc)$/ }).click();
    const report = this.page.getByTestId('import-report');
    await report.waitFor({ timeout: 30_000 });
    return report;
  }

  /** The place being edited: its pin on the map, dragged by (dx, dy) pixels, as a mouse would. */
  async dragPin(dx: number, dy: number): Promise<void> {
    const pin = this.page.getByTestId('catalogue-pin');
    await pin.waitFor();
    const box = (await pin.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 10; i++) await this.page.mouse.move(x + (dx * i) / 10, y + (dy * i) / 10);
    await this.page.mouse.up();
  }

  async waitForMap(): Promise<void> {
    await this.page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
  }

  /** A catalogue tab: Places, Events, Offers, Promotions. */
  async tab(name: RegExp): Promise<void> {
    await this.page
      .getByRole('navigation', { name: /^(Catalogue tables|Tables du catalogue)$/ })
      .getByRole('link', { name })
      .click();
  }

  /** What an item refers to: a few letters typed in the picker's search, then the match with that name. */
  async pick(label: RegExp, search: string, name: string): Promise<void> {
    const field = this.page.locator('.picker').filter({ has: this.page.getByText(label) });
    await field.getByRole('searchbox').fill(search);
    await field.getByRole('list').getByRole('button', { name, exact: true }).click();
    await field.locator('.picker-current', { hasText: name }).waitFor();
  }
}

/** A page object for the wallet screens: the timeline, a booking, the form, the import, named as a traveller would say them. */
import type { Locator, Page } from 'playwright-core';

export class WalletPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: /^(Wallet|Portefeuille)$/ })
      .click();
    await this.page.getByRole('heading', { level: 1, name: /^(Your wallet|Votre portefeuille)$/ }).waitFor();
  }

  get rows(): Locator {
    return this.page.getByTestId('booking-row');
  }

  row(title: string | RegExp): Locator {
    return this.rows.filter({ hasText: title });
  }

  /** Import → choose the file → the preview (nothing saved yet). */
  async preview(file: string): Promise<Locator> {
    await this.page.getByRole('link', { name: /^(Import a file|Importer un fichier)$/ }).click();
    await this.page.locator('input[type=file]').setInputFiles(file);
    const preview = this.page.getByTestId('import-preview');
    await preview.waitFor();
    return preview;
  }

  /** Keeps what the preview ticked, then back to the timeline. */
  async addFromPreview(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Add|Ajouter) \d+ / }).click();
    await this.page.getByRole('link', { name: /^(See my wallet|Voir mon portefeuille)$/ }).click();
  }

  async openBooking(title: string | RegExp): Promise<void> {
    await this.row(title).first().click();
    await this.page.locator('#booking-title').waitFor();
  }

  /** The scannable code drawn on the booking's page. */
  get code(): Locator {
    return this.page.locator('canvas.barcode-canvas').first();
  }

  async editTitle(title: string): Promise<void> {
    await this.page.getByRole('link', { name: /^(Edit|Modifier)$/ }).click();
    await this.page.getByLabel(/^(Name|Nom)/).fill(title);
    await this.page.getByRole('button', { name: /^(Save changes|Enregistrer)$/ }).click();
  }

  get waitingBadges(): Locator {
    return this.page.locator('.badge-queued');
  }
}

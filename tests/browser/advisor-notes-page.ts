/**
 * Page objects for what a client told their advisor: the console's Clients screen, as an advisor says it,
 * and the "What your advisor noted" part of My data, as the traveller says it (English and French).
 */
import type { Locator, Page } from 'playwright-core';

export class ClientsConsole {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: /^Clients$/ })
      .click();
    await this.page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
  }

  /** A client's card, by their name. */
  client(name: string): Locator {
    return this.page.getByRole('listitem', { name, exact: true });
  }

  /** Opens the form to note what the client said. */
  async startNote(name: string): Promise<Locator> {
    await this.client(name)
      .getByRole('button', { name: new RegExp(`^(Note what ${name} said|Noter ce que ${name} a dit)$`) })
      .click();
    const form = this.page.getByRole('form', { name: /^(New note|Nouvelle note)$/ });
    await form.waitFor();
    return form;
  }

  /** Ticks a chip (a category, a cuisine, a kind of music) in the group named `legend`. */
  async tick(form: Locator, legend: RegExp, chip: string): Promise<void> {
    await form.getByRole('group', { name: legend }).getByRole('checkbox', { name: chip, exact: true }).check();
  }
}

export class AdvisorNotesSection {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: /^(What your advisor noted|Ce que votre agence a noté)$/ });
  }

  /** The notes, each a list item named after who noted it. */
  get notes(): Locator {
    return this.section.getByRole('listitem').filter({ has: this.page.locator('.note-by') });
  }

  async erase(index = 0): Promise<void> {
    await this.notes
      .nth(index)
      .getByRole('button', { name: /^(Erase|Effacer) / })
      .click();
  }

  async correct(index = 0): Promise<Locator> {
    await this.notes
      .nth(index)
      .getByRole('button', { name: /^(Correct|Corriger) / })
      .click();
    const form = this.section.getByRole('form', { name: /^(Correct this note|Corriger cette note)$/ });
    await form.waitFor();
    return form;
  }
}

/** A page object for My data and the feed's controls on the ideas screen, named as a traveller would say them. */
import type { Locator, Page } from 'playwright-core';

export class MyDataPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: /^(My data|Mes données)$/ })
      .click();
    await this.page.getByRole('heading', { level: 1, name: /^(My data|Mes données)$/ }).waitFor();
    await this.page.getByRole('heading', { level: 2, name: /^(Everything we hold about you|Tout ce que nous gardons sur vous)$/ }).waitFor();
  }

  consentSwitch(category: RegExp): Locator {
    return this.page.locator('.consent-list').getByRole('switch', { name: category });
  }

  /** Flips a consent and answers the question it asks (`yes`: allow / turn off); returns what it said. */
  async flipConsent(category: RegExp, yes = true): Promise<string> {
    await this.consentSwitch(category).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    const said = await dialog.innerText();
    await dialog.getByRole('button', { name: yes ? /^(Allow|Turn off|Autoriser|Désactiver)$/ : /^(Not now|Keep it on|Pas maintenant|Laisser activé)$/ }).click();
    return said;
  }

  get nonProfiledSwitch(): Locator {
    return this.page.getByRole('switch', { name: /^(Not personalised|Non personnalisé)/ });
  }

  /** The ideas screen's own switch. */
  get personalisedSwitch(): Locator {
    return this.page.getByTestId('feed-mode').getByRole('switch', { name: /^(Personalised ideas|Idées personnalisées)/ });
  }

  get anchor(): Locator {
    return this.page.getByRole('combobox', { name: /^(Without a position, ideas around|Sans position, idées autour de)$/ });
  }

  get undoBar(): Locator {
    return this.page.getByTestId('undo-bar');
  }
}

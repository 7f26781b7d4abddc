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
}

/** A page object for the onboarding and the profile editor, named as a traveller would say them (English and French). */
import type { Locator, Page } from 'playwright-core';

export class OnboardingPage {
  constructor(readonly page: Page) {}

  /** The card on the ideas screen that invites to the onboarding. */
  get invitation(): Locator {
    return this.page.getByRole('region', { name: /^(Tell Escale what you enjoy|Dites à Escale ce que vous aimez)$/ });
  }

  async stepHeading(name: RegExp): Promise<void> {
    await this.page.getByRole('heading', { level: 2, name }).waitFor();
  }

  /** A chip in the group of that name ("Places you like"): ticks or unticks it. */
  async tick(group: RegExp, chip: string): Promise<void> {
    await this.page.getByRole('group', { name: group }).getByRole('checkbox', { name: chip, exact: true }).click();
  }

  chip(group: RegExp, chip: string): Locator {
    return this.page.getByRole('group', { name: group }).getByRole('checkbox', { name: chip, exact: true });
  }

  button(name: RegExp): Locator {
    return this.page.getByRole('button', { name });
  }
}

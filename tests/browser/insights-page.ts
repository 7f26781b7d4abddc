/** A page object for the console's insights, named as its staff would say it (English and French). */
import type { Locator, Page } from 'playwright-core';

export class InsightsConsole {
  constructor(readonly page: Page) {}

  /** From the console's bar. */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: /^(Insights|Statistiques)$/ })
      .click();
    await this.page.getByRole('heading', { level: 1, name: /^(Insights|Statistiques)$/ }).waitFor();
  }

  /** An action's chart, by its title ("Travellers shown a suggestion"…). */
  chart(title: RegExp): Locator {
    return this.page.getByRole('figure', { name: title });
  }

  /** What a chart says in words, under it (its text alternative says the same). */
  summary(chart: Locator): Locator {
    return chart.locator('.insight-chart-summary');
  }

  get charts(): Locator {
    return this.page.locator('.insight-chart');
  }

  /** The period's first day, typed as a date field takes it ("2026-11-18"). */
  async from(day: string): Promise<void> {
    await this.page.getByLabel(/^(From|Du)$/).fill(day);
    await this.waitForFigures();
  }

  async countBy(option: RegExp): Promise<void> {
    const select = this.page.getByLabel(/^(Count by|Compter par)$/);
    const label = (await select.locator('option').allTextContents()).find((t) => option.test(t))!;
    await select.selectOption({ label });
    await this.waitForFigures();
  }

  /** The table of groups over the period. */
  get groups(): Locator {
    return this.page.locator('table.insights-groups');
  }

  group(name: string): Locator {
    return this.groups.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The charts' figures as a table, opened. */
  async figuresTable(): Promise<Locator> {
    const details = this.page.locator('details.insights-table');
    await details.locator('summary').click();
    return details.getByRole('table');
  }

  /** Everything a hidden figure is written as. */
  get hiddenWording(): Locator {
    return this.page.getByText(/fewer than 5 travellers|moins de 5 voyageurs/);
  }

  /** Until no answer is pending. */
  async waitForFigures(): Promise<void> {
    await this.page
      .locator('.insights-status')
      .filter({ hasText: /\S/ })
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await this.page.waitForFunction(() => !document.querySelector('.insights-status')?.textContent?.trim());
  }
}

/** A page object for the demo: the trip picker and the player, named the way a presenter would say it. */
import type { Locator, Page } from 'playwright-core';

export class DemoPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(`${url}/demo`);
  }

  /** Plays the trip whose card has this title: a new visitor of its persona is signed in. */
  async pickTrip(title: RegExp): Promise<void> {
    await this.page
      .locator('.demo-trip')
      .filter({ has: this.page.getByRole('heading', { name: title }) })
      .getByRole('button')
      .click();
    await this.waitUntilReady();
  }

  get playButton(): Locator {
    return this.page.locator('.demo-play');
  }

  /** The player caught up with the moment (imports and feedback done): its controls answer again. */
  async waitUntilReady(): Promise<void> {
    await this.page.locator('.demo-play:not([disabled])').waitFor({ timeout: 30_000 });
  }

  async setSpeed(speed: number): Promise<void> {
    await this.page.locator('.demo-controls select').first().selectOption(String(speed));
  }

  /** The trip's moment the player is at. */
  async moment(): Promise<number> {
    return Date.parse((await this.page.getByTestId('demo-clock').getAttribute('data-t'))!);
  }

  /** Space, as a presenter presses it: play when paused, pause when playing. */
  async pressSpace(): Promise<void> {
    await this.key(' ');
  }

  /** A key pressed with nothing focused, as on a slide: a focused control keeps its own keys. */
  private async key(name: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(name);
  }

  /** The right arrow: on to the persona's next move (what falls in between is done on the way). */
  async nextStep(): Promise<void> {
    await this.key('ArrowRight');
    await this.waitUntilReady();
  }

  async playing(): Promise<boolean> {
    return (await this.playButton.textContent())!.trim() === 'Pause';
  }

  /** The personal signals that have driven a suggestion so far, as the log shows them. */
  async signalsSeen(): Promise<string[]> {
    return this.page.locator('[data-testid="demo-signals"] li[data-seen="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-signal')!));
  }

  pushes(): Locator {
    return this.page.getByTestId('demo-log-push');
  }

  bookings(): Locator {
    return this.page.getByTestId('demo-booking');
  }

  async compareWith(label: string): Promise<void> {
    await this.page.locator('.demo-controls select').nth(1).selectOption({ label });
  }

  get comparison(): Locator {
    return this.page.locator('.demo-compare .compare');
  }

  /** "Look inside" on the first idea only one side of the comparison has. */
  async lookInside(): Promise<Locator> {
    await this.page.locator('.compare-row-only .compare-row-actions button').nth(1).click();
    const graph = this.page.locator('.demo-graph-overlay');
    await graph.locator('svg.graph-svg').waitFor();
    return graph;
  }

  async waitForMap(): Promise<void> {
    await this.page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
  }
}

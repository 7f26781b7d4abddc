/** A page object for the traveller screen: what a person sees and does, named the way they would say it. */
import type { Locator, Page } from 'playwright-core';

export class TravellerPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async pickPersona(name: string): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(name) })
      .first()
      .click();
  }

  get map(): Locator {
    return this.page.getByTestId('map');
  }

  async waitForMap(): Promise<void> {
    await this.page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
  }

  /** Taps the map at a fraction of its size: on a place, that opens its details; it never moves the traveller. */
  async tapMap(fx = 0.5, fy = 0.5): Promise<void> {
    const box = await this.map.boundingBox();
    if (!box) throw new Error('the map has no size');
    await this.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  }

  get movePositionButton(): Locator {
    return this.page.getByRole('button', { name: /^(Move my position|Changer ma position)$/ });
  }

  /** "Move my position", then a tap on the map at a fraction of its size: the simulated position is there. */
  async moveOnMap(fx = 0.5, fy = 0.5): Promise<void> {
    await this.movePositionButton.click();
    await this.tapMap(fx, fy);
  }

  /** Taps where a place is drawn (needs `?map-debug`, to ask the map where that is on screen). */
  async tapPlaceAt(lon: number, lat: number): Promise<void> {
    const point = await this.page.evaluate(([x, y]) => (window as unknown as { escaleMap: { project(p: [number, number]): { x: number; y: number } } }).escaleMap.project([x!, y!]), [lon, lat]);
    const box = await this.map.boundingBox();
    if (!box) throw new Error('the map has no size');
    await this.page.mouse.click(box.x + point.x, box.y + point.y);
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: /^(Search places|Chercher un lieu)$/ });
  }

  async chooseCategory(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /^(Category|Catégorie)$/ }).selectOption({ label });
  }

  get searchResults(): Locator {
    return this.page.getByTestId('place-results').getByRole('button');
  }

  /** A place's details sheet (a dialog named after the place). */
  get placeDetails(): Locator {
    return this.page.getByTestId('place-details');
  }

  /** The latest notification, shown above the feed until closed. */
  get notification(): Locator {
    return this.page.getByTestId('notification');
  }

  /** Why no notification is coming now (quiet hours, the interval), when one is held. */
  get notificationStatus(): Locator {
    return this.page.getByTestId('notification-status');
  }

  get cards(): Locator {
    return this.page.getByTestId('suggestion-card');
  }

  async openWhy(cardIndex = 0): Promise<Locator> {
    await this.cards
      .nth(cardIndex)
      .getByRole('button', { name: /^(Why\?|Pourquoi ?)/ })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    return dialog;
  }

  /** The sentence on each card that says what sent the push ("Sent because you arrived in Paris 4e"). */
  async cardTriggers(): Promise<string[]> {
    return this.cards.locator('.card-trigger').allInnerTexts();
  }

  get notificationsButton(): Locator {
    return this.page.getByRole('button', { name: /^Notifications$/ });
  }

  async openNotifications(): Promise<Locator> {
    await this.notificationsButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'Notifications' });
    // The panel is a lazy chunk and reads the settings first: ready once the form is there.
    await dialog.getByRole('button', { name: /^(Save|Enregistrer)$/ }).waitFor();
    return dialog;
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Sign out|Déconnexion)$/ }).click();
  }

  /** The demo persona picker, shown to whoever is not signed in. */
  personaButton(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(name) }).first();
  }

  /** Waits until the map has stopped moving and drawn every tile of its view (needs `?map-debug`). */
  async waitForMapIdle(): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const map = (window as unknown as { escaleMap?: { loaded(): boolean; isMoving(): boolean; areTilesLoaded(): boolean } }).escaleMap;
        return map !== undefined && map.loaded() && !map.isMoving() && map.areTilesLoaded();
      },
      undefined,
      { timeout: 30_000 },
    );
  }

  /** The names drawn on the map now by the style's layers whose id starts with `layerPrefix` (needs `?map-debug`). */
  async renderedNames(layerPrefix: string): Promise<string[]> {
    return this.page.evaluate((prefix) => {
      type Feature = { layer: { id: string }; properties: Record<string, unknown> };
      const map = (window as unknown as { escaleMap: { queryRenderedFeatures(): Feature[] } }).escaleMap;
      return map
        .queryRenderedFeatures()
        .filter((f) => f.layer.id.startsWith(prefix))
        .map((f) => String(f.properties['name:latin'] ?? f.properties.name ?? ''));
    }, layerPrefix);
  }

  /** How many features of the style's layer `layerId` are drawn now (needs `?map-debug`). */
  async renderedCount(layerId: string): Promise<number> {
    return this.page.evaluate((id) => {
      const map = (window as unknown as { escaleMap: { queryRenderedFeatures(options: { layers: string[] }): unknown[] } }).escaleMap;
      return map.queryRenderedFeatures({ layers: [id] }).length;
    }, layerId);
  }
}

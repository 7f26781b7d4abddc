/**
 * The scripted demo trips (data/personas/<trip>.json, built by `npm run demo:trips`), read and validated
 * once at start: a bad file stops the server with its name and reason, as a bad catalogue does. The player
 * in the browser replays a trip against the real routes; the server only hands out the script and the
 * booking files it imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DemoTrip, describeIssues, type DemoTripSummary } from '@escale/shared';
import { StartupError } from '../startup-error.ts';

export class DemoTrips {
  private constructor(
    private readonly dataRoot: string,
    private readonly trips: ReadonlyMap<string, DemoTrip>,
  ) {}

  /**
   * Every `*.json` of `dir`; none (no folder) is no trip. Imports name files under `dataRoot`. A trip through
   * a city whose catalogue is not loaded (`CATALOGUE_DIR`) is left out: it could not be played.
   */
  static load(dir: string, dataRoot: string, loadedCities: readonly string[]): DemoTrips {
    const trips = new Map<string, DemoTrip>();
    const problems: string[] = [];
    const files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
    for (const name of files) {
      const file = path.join(dir, name);
      let parsed;
      try {
        parsed = DemoTrip.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      } catch (err) {
        problems.push(`${file}: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      if (!parsed.success) problems.push(`${file}: ${describeIssues(parsed.error, '(trip)')}`);
      else if (trips.has(parsed.data.id)) problems.push(`${file}: a second trip with the id ${parsed.data.id}`);
      else if (!parsed.data.cities.every((c) => loadedCities.includes(c.id))) continue;
      else {
        for (const step of parsed.data.steps) {
          if (step.kind === 'import' && !fs.existsSync(path.join(dataRoot, step.file))) problems.push(`${file}: ${step.file} is not in ${dataRoot}`);
        }
        trips.set(parsed.data.id, parsed.data);
      }
    }
    if (problems.length > 0) throw new StartupError(`The demo trips have ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    return new DemoTrips(dataRoot, trips);
  }

  list(): DemoTripSummary[] {
    return [...this.trips.values()].map(({ id, personaId, title, summary, cities, timeZone, startsAt, endsAt, steps }) => ({
      id,
      personaId,
      title,
      summary,
      cities,
      timeZone,
      startsAt,
      endsAt,
      steps: steps.length,
    }));
  }

  get(id: string): DemoTrip | undefined {
    return this.trips.get(id);
  }

  /** The bytes and name of the trip's `index`-th step when it is an import; null otherwise. */
  importFile(id: string, index: number): { name: string; bytes: Buffer } | null {
    const step = this.trips.get(id)?.steps[index];
    if (step?.kind !== 'import') return null;
    return { name: path.basename(step.file), bytes: fs.readFileSync(path.join(this.dataRoot, step.file)) };
  }

  /** Each trip's days, so the demo's events are scheduled on them too (catalogue/seed.ts). */
  windows(): Array<{ cityIds: string[]; startsAt: Date; endsAt: Date }> {
    return [...this.trips.values()].map((t) => ({ cityIds: t.cities.map((c) => c.id), startsAt: new Date(t.startsAt), endsAt: new Date(t.endsAt) }));
  }
}

// Re-running the build on the same raw files gives exactly the committed catalogue (skipped without ../shared/data).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildParisCatalogue, DEFAULT_DATA_DIR, REPO_ROOT, toJson } from './build-paris.ts';
import { missingSources } from './sources.ts';

const dataDir = process.env.ESCALE_DATA_DIR ?? DEFAULT_DATA_DIR;
const hasData = existsSync(dataDir) && missingSources(dataDir).length === 0;
const committed = (path: string) => readFileSync(join(REPO_ROOT, 'data', path), 'utf8');

describe.skipIf(!hasData)(`rebuild from ${hasData ? dataDir : 'the raw open data (skipped: ../shared/data is absent)'}`, () => {
  it('gives byte-identical catalogue files', { timeout: 30_000 }, async () => {
    const built = await buildParisCatalogue(dataDir);
    expect(JSON.parse(toJson(built.places))).toEqual(JSON.parse(committed('paris/places.json')));
    expect(toJson(built.places)).toBe(committed('paris/places.json'));
    expect(toJson(built.city)).toBe(committed('paris/city.json'));
    expect(toJson(built.events)).toBe(committed('paris/events.json'));
    expect(toJson(built.offers)).toBe(committed('paris/offers.json'));
    expect(toJson(built.personas)).toBe(committed('personas.json'));
    expect(built.stats.rejectedHours.length).toBeLessThan(built.places.length / 20);
  });
});

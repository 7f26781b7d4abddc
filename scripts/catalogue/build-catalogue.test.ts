// Re-running the build on the same raw files gives exactly the committed catalogue of every city (skipped without ../shared/data).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCityCatalogue, cityFiles, DEFAULT_DATA_DIR, REPO_ROOT } from './build-catalogue.ts';
import { CITY_DEFINITIONS } from './cities/index.ts';
import { missingSources } from './sources.ts';

const dataDir = process.env.ESCALE_DATA_DIR ?? DEFAULT_DATA_DIR;
const committed = (path: string) => readFileSync(join(REPO_ROOT, 'data', path), 'utf8');

for (const def of CITY_DEFINITIONS) {
  const hasData = existsSync(dataDir) && missingSources(dataDir, def.sources).length === 0;
  describe.skipIf(!hasData)(`${def.city.name}: rebuild from ${hasData ? dataDir : 'the raw open data (skipped: ../shared/data is absent)'}`, () => {
    it('gives byte-identical catalogue files', { timeout: 60_000 }, async () => {
      const built = await buildCityCatalogue(def, dataDir);
      for (const [file, text] of cityFiles(built)) expect(text, file).toBe(committed(file));
      expect(built.stats.rejectedHours.length).toBeLessThan(built.places.length / 20);
    });
  });
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReplay } from './replay.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-replay-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Two users around Union Square who mostly go back to their bar and coffee shop; one office check-in. */
function file(): string {
  const venues: Record<string, [string, number, number]> = {
    bar1: ['Bar', 40.7359, -73.9911],
    bar2: ['Bar', 40.7365, -73.9902],
    cafe1: ['Coffee Shop', 40.7351, -73.9905],
    park1: ['Park', 40.7359, -73.9906],
    office: ['Office', 40.7405, -73.9894],
  };
  const visits = [
    ['1', ['bar1', 'cafe1', 'bar1', 'office', 'bar1', 'cafe1', 'bar1', 'park1', 'bar1', 'bar2']],
    ['2', ['cafe1', 'park1', 'cafe1', 'cafe1', 'bar1', 'cafe1', 'park1', 'cafe1', 'cafe1', 'bar2']],
  ] as const;
  const lines: string[] = [];
  for (const [user, seq] of visits) {
    seq.forEach((v, i) => {
      const [category, lat, lon] = venues[v]!;
      const at = new Date(Date.UTC(2012, 4, 1 + i, 22, 0));
      const utc = `${at.toUTCString().slice(0, 3)} ${at.toUTCString().slice(8, 11)} ${String(at.getUTCDate()).padStart(2, '0')} 22:00:00 +0000 2012`;
      lines.push([user, v, 'cat', category, lat, lon, -240, utc].join('\t'));
    });
  }
  lines.push('broken row');
  const f = path.join(dir, 'mini.tsv');
  fs.writeFileSync(f, lines.join('\n') + '\n');
  return f;
}

describe('runReplay', () => {
  it('skips with a clear message when the file is absent', async () => {
    expect(await runReplay({ file: path.join(dir, 'missing.tsv') })).toEqual({ skipped: `no check-in file at ${path.join(dir, 'missing.tsv')}` });
  });

  it('replays a small file end to end: leisure venues, an 80/20 split, every method scored on the same cases', async () => {
    const r = await runReplay({ file: file(), threads: 1 });
    if ('skipped' in r) throw new Error(r.skipped);
    expect(r.rows).toMatchObject({ read: 21, bad: 1 });
    expect(r.users).toBe(2);
    expect(r.venuesKept).toBe(4); // the office is not leisure
    expect(r.leisureCheckins).toBe(19);
    expect(r.testCheckins).toBe(2 + 1); // floor(9 × 0.2) + floor(10 × 0.2)
    expect(r.sample.all).toBe(3);
    expect(r.methods.map((m) => m.id)).toEqual(['escale', 'popular', 'nearest', 'category-proximity', 'frequency', 'transition', 'user-proximity', 'blend']);
    for (const m of r.methods) {
      expect(m.all.n).toBe(3);
      expect(m.all.recall).toBeGreaterThanOrEqual(m.all.mrr);
      // Four venues within 3 km: whatever the order, the true venue is in every top 10.
      expect(m.all.recall).toBe(1);
      expect(m.all.recallInterval).toEqual({ value: 1, low: 1, high: 1 });
    }
    expect(r.methods[0]!.newVenues.n).toBe(r.newVenueTestCheckins);
    // Paired differences: one per baseline and mode, and none can exclude 0 when every method finds every venue.
    expect(r.differences.all.map((d) => d.id)).toEqual(r.methods.slice(1).map((m) => m.id));
    expect(r.differences.all.every((d) => d.recall.value === 0 && !d.recall.excludesZero)).toBe(true);
    expect(r.clock.timezone).toBe('America/New_York');
    expect(r.categories.byMatch['not-leisure']).toBe(1);
  }, 30_000);

  it('replays any city: a header-row file with names for users, Paris offsets and category names outside the table', async () => {
    const venues: Record<string, [string, number, number]> = {
      v1: ['Jazz cellar', 48.8535, 2.3488],
      v2: ['Specialty coffee roaster', 48.8541, 2.3502],
      v3: ['City park', 48.8529, 2.3471],
      v4: ['Tax office', 48.856, 2.352],
    };
    const lines = ['user_id,venue_id,category,latitude,longitude,utc_offset,timestamp'];
    const seqs: Record<string, string[]> = { alice: ['v1', 'v2', 'v4', 'v1', 'v3', 'v1', 'v2', 'v1', 'v3', 'v2'], bob: ['v2', 'v3', 'v2', 'v2', 'v1', 'v4', 'v3', 'v2', 'v2', 'v3'] };
    for (const [user, seq] of Object.entries(seqs)) {
      seq.forEach((v, i) => {
        const [category, lat, lon] = venues[v]!;
        lines.push([user, v, `"${category}"`, lat, lon, 60, new Date(Date.UTC(2023, 1, 1 + i, 18 + (i % 3), 0)).toISOString()].join(','));
      });
    }
    const f = path.join(dir, 'paris-style.csv');
    fs.writeFileSync(f, lines.join('\n') + '\n');
    const r = await runReplay({ file: f, threads: 1 });
    if ('skipped' in r) throw new Error(r.skipped);
    expect(r.users).toBe(2);
    expect(r.clock.timezone).not.toBe('America/New_York');
    expect(r.clock.offsetMinutes).toBe(60);
    // The jazz cellar, the roaster and the park are leisure by keyword; the tax office is not and is reported.
    expect(r.venuesKept).toBe(3);
    expect(r.categories.byMatch.keyword).toBe(3);
    expect(r.categories.unlisted.find((u) => u.name === 'Tax office')?.match).toBe('unknown');
    expect(r.sample.all).toBeGreaterThan(0);
    for (const m of r.methods) expect(m.all.n).toBe(r.sample.all);
  }, 30_000);
});

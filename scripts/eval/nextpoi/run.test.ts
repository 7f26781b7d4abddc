import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNextPoi } from './run.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-nextpoi-run-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const tsmc = (d: Date) => `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00 +0000 ${d.getUTCFullYear()}`;

/** 12 users × 10 days × 3 check-ins (a trajectory a day) at 12 venues around Union Square, in the TSMC2014 form. */
function file(): string {
  const categories = ['Bar', 'Coffee Shop', 'Office', 'Park'];
  const lines: string[] = [];
  for (let u = 0; u < 12; u++) {
    for (let day = 0; day < 10; day++) {
      for (let k = 0; k < 3; k++) {
        const v = (u + day * k + k) % 12;
        const at = new Date(Date.UTC(2012, 4, 1 + day, 12 + 3 * k, u));
        lines.push([u + 1, `venue${v}`, `cat${v % 4}`, categories[v % 4], 40.735 + v * 0.001, -73.99 - v * 0.001, -240, tsmc(at)].join('\t'));
      }
    }
  }
  const f = path.join(dir, 'mini.tsv');
  fs.writeFileSync(f, lines.join('\n') + '\n');
  return f;
}

describe('runNextPoi', () => {
  it('skips with a clear message when the file is absent', async () => {
    expect(await runNextPoi({ file: path.join(dir, 'missing.tsv') })).toEqual({ skipped: `no check-in file at ${path.join(dir, 'missing.tsv')}` });
  });

  it('runs the protocol end to end: every method on every sample of both splits and tasks, with intervals', async () => {
    const r = await runNextPoi({ file: file(), threads: 1, resamples: 50 });
    if ('skipped' in r) throw new Error(r.skipped);
    expect(r.read).toMatchObject({ checkins: 360, bad: 0, format: 'tsmc', users: 12, pois: 12 });
    expect(r.clock.timezone).toBe('America/New_York');
    expect(r.split.train.rows + r.split.validation.rows + r.split.test.rows).toBe(360);
    expect(r.sets.map((s) => `${s.split} ${s.task}`)).toEqual(['validation next', 'validation new', 'test next', 'test new']);
    const testNext = r.sets[2]!;
    expect(testNext.samples).toBe(r.samples.test.next);
    expect(testNext.samples).toBeGreaterThan(0);
    expect(testNext.methods.map((m) => m.id)).toEqual(['escale', 'popular', 'nearest', 'frequency', 'transition', 'user-proximity', 'blend']);
    for (const m of testNext.methods) {
      expect(m.metrics.acc1.value).toBeLessThanOrEqual(m.metrics.acc20.value);
      expect(m.metrics.mrr.low).toBeLessThanOrEqual(m.metrics.mrr.value);
      expect(m.metrics.mrr.value).toBeLessThanOrEqual(m.metrics.mrr.high);
    }
    expect(testNext.differences).toHaveLength(6);
    // Every candidate is within the radius: the ranker returns all of them (the next-place task allows visits).
    expect(r.ranker.queries).toBeGreaterThan(0);
    expect(r.ranker.min).toBeGreaterThan(0);
    expect(r.blends.next.evaluations).toBeGreaterThan(1);
  }, 60_000);
});

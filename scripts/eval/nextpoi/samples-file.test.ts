import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cityClock } from '../checkins-clock.ts';
import { runProtocol } from './protocol.ts';
import { rankedLine, readRanked, readSamples, sampleLine, writeLines } from './samples-file.ts';
import { TINY_OPTIONS, tinyCheckins } from './test-checkins.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-nextpoi-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const checkins = tinyCheckins();
const protocol = runProtocol(checkins, TINY_OPTIONS);
const clock = cityClock(checkins);

describe('next-POI sample files', () => {
  it('write a sample without its target, in a form that reads back as the same query', async () => {
    const sample = protocol.samples.validation[0]!;
    expect(JSON.parse(sampleLine(sample, clock))).toEqual({
      sample_id: 'alice#3',
      user: 'alice',
      prefix: [{ venue: 'p1', cat_id: null, cat: 'Coffee Shop', lat: 40.7, lon: -74, tz_min: -240, utc: '2012-04-06T04:00:00Z' }],
    });
    const file = path.join(dir, 'samples.jsonl');
    writeLines(
      file,
      protocol.samples.validation.map((s) => sampleLine(s, clock)),
    );
    const { items, problems } = await readSamples(file);
    expect(problems).toEqual([]);
    expect(items.map((i) => i.value)).toEqual(
      protocol.samples.validation.map((s) => ({ id: s.id, query: { user: s.user, prefix: s.prefix.map((c) => ({ venueId: c.venueId, lat: c.lat, lon: c.lon, at: c.at })) } })),
    );
  });

  it('report each bad line by number and reason, ignoring unknown fields', async () => {
    const file = path.join(dir, 'bad.jsonl');
    const ok = { venue: 'v1', lat: 40.7, lon: -74, utc: 'Sat Apr 07 17:42:00 +0000 2012', extra: 'ignored' };
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ sample_id: 'a', user: 'u', prefix: [ok], target: 'ignored' }),
        '{"sample_id": "b",',
        JSON.stringify({ sample_id: 'c', user: 'u', prefix: [] }),
        JSON.stringify({ sample_id: 'd', user: 'u', prefix: [{ ...ok, lat: 'north' }] }),
        JSON.stringify({ sample_id: 'e', user: 'u', prefix: [{ ...ok, utc: 'yesterday' }] }),
        JSON.stringify({ sample_id: 'a', user: 'u', prefix: [{ ...ok, utc: 1333820520 }] }),
      ].join('\n'),
    );
    const { items, problems } = await readSamples(file);
    expect(items.map((i) => [i.line, i.value.id, i.value.query.prefix[0]!.at])).toEqual([[1, 'a', new Date('2012-04-07T17:42:00Z')]]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(problems[0]!.reason).toMatch(/^not JSON/);
    expect(problems[1]!.reason).toMatch(/at least one check-in/);
    expect(problems[2]!.reason).toMatch(/^prefix\.0\.lat/);
    expect(problems[3]!.reason).toMatch(/unreadable time "yesterday"/);
    expect(problems[4]!.reason).toMatch(/appears twice/);
  });

  it('write and read rankings', async () => {
    const file = path.join(dir, 'ranked.jsonl');
    writeLines(file, [rankedLine('alice#3', ['p3', 'p1']), '{"sample_id": "x", "ranked": []}']);
    const { items, problems } = await readRanked(file);
    expect(items.map((i) => i.value)).toEqual([{ sample_id: 'alice#3', ranked: ['p3', 'p1'] }]);
    expect(problems.map((p) => p.line)).toEqual([2]);
  });
});

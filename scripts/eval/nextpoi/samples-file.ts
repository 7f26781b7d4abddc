/**
 * The next-POI files (shared/src/nextpoi.ts): samples and rankings, one JSON object a line. Reading stops
 * at nothing: every bad line is reported with its number and the reason, and the caller decides.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { z } from 'zod';
import { NextPoiRanked, NextPoiSample, type NextPoiCheckinInput, type NextPoiSampleInput } from '../../../shared/src/nextpoi.ts';
import { describeIssues } from '../../../shared/src/validation.ts';
import { offsetOf, type CityClock } from '../checkins-clock.ts';
import type { Checkin, RowProblem } from '../checkins-row.ts';
import type { Sample } from './protocol.ts';
import type { Query } from './train-stats.ts';

export interface JsonLines<T> {
  items: { line: number; value: T }[];
  problems: RowProblem[];
}

async function readJsonLines<S extends z.ZodType>(file: string, schema: S): Promise<JsonLines<z.infer<S>>> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const items: JsonLines<z.infer<S>>['items'] = [];
  const problems: RowProblem[] = [];
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      problems.push({ line, reason: `not JSON: ${(e as Error).message}` });
      continue;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) items.push({ line, value: parsed.data });
    else problems.push({ line, reason: describeIssues(parsed.error, '(line)') });
  }
  return { items, problems };
}

/** Samples as queries: the file's check-ins in the form the methods read. */
export async function readSamples(file: string): Promise<JsonLines<{ id: string; query: Query }>> {
  const { items, problems } = await readJsonLines(file, NextPoiSample);
  const seen = new Set<string>();
  const out: JsonLines<{ id: string; query: Query }>['items'] = [];
  for (const { line, value } of items) {
    if (seen.has(value.sample_id)) {
      problems.push({ line, reason: `sample_id ${JSON.stringify(value.sample_id)} appears twice` });
      continue;
    }
    seen.add(value.sample_id);
    const prefix = value.prefix.map((c) => ({ venueId: c.venue, lat: c.lat, lon: c.lon, at: c.utc }));
    out.push({ line, value: { id: value.sample_id, query: { user: value.user, prefix } } });
  }
  return { items: out, problems };
}

export const readRanked = (file: string) => readJsonLines(file, NextPoiRanked);

function checkinOut(c: Checkin, clock: CityClock): NextPoiCheckinInput {
  return { venue: c.venueId, cat_id: c.categoryId, cat: c.categoryName, lat: c.lat, lon: c.lon, tz_min: offsetOf(c, clock), utc: c.at.toISOString().replace('.000Z', 'Z') };
}

/** A sample as the file writes it: no target (that is what is asked). */
export function sampleLine(s: Sample, clock: CityClock): string {
  const out: NextPoiSampleInput = { sample_id: s.id, user: s.user, prefix: s.prefix.map((c) => checkinOut(c, clock)) };
  return JSON.stringify(out);
}

export function rankedLine(sampleId: string, venues: readonly string[]): string {
  return JSON.stringify({ sample_id: sampleId, ranked: [...venues] } satisfies NextPoiRanked);
}

export function writeLines(file: string, lines: Iterable<string>): number {
  const all = [...lines];
  fs.writeFileSync(file, all.length ? all.join('\n') + '\n' : '');
  return all.length;
}

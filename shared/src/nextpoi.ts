/**
 * The files of the next-POI evaluation (`npm run eval:nextpoi`, docs/RANKING.md): a sample is a user and the
 * check-ins of a trajectory so far, one JSON object a line; a ranking answers it with venue ids, best first.
 * Anyone can rank the same samples with their own model and compare. Fields not named here are ignored.
 */
import { z } from 'zod';
import { parseCheckinTime } from './checkin-time.ts';

/** What a ranked list must hold at least: Acc@20 needs 20, and MRR counts a target beyond it as 0. */
export const NEXTPOI_MIN_RANKED = 100;

/** One check-in as the files write it; `utc` is unix seconds, ISO 8601, or "Sat Apr 07 17:42:00 +0000 2012". */
export const NextPoiCheckin = z.object({
  venue: z.string().min(1).max(200),
  cat_id: z.string().max(200).nullish(),
  cat: z.string().max(200).nullish(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** The local clock's offset from UTC at the check-in, in minutes (-240 for New York in summer). */
  tz_min: z.number().int().min(-840).max(840).nullish(),
  utc: z.union([z.number(), z.string()]).transform((value, ctx) => {
    const at = parseCheckinTime(value);
    if (!at) {
      ctx.addIssue({ code: 'custom', message: `unreadable time ${JSON.stringify(value)}; expected unix seconds, ISO 8601 or "Sat Apr 07 17:42:00 +0000 2012"` });
      return z.NEVER;
    }
    return at;
  }),
});
export type NextPoiCheckin = z.infer<typeof NextPoiCheckin>;
export type NextPoiCheckinInput = z.input<typeof NextPoiCheckin>;

/** A trajectory so far: the last check-in of `prefix` is where and when the next place is asked for. */
export const NextPoiSample = z.object({
  sample_id: z.string().min(1).max(200),
  user: z.string().min(1).max(200),
  prefix: z.array(NextPoiCheckin).min(1, 'a sample needs at least one check-in in its prefix'),
});
export type NextPoiSample = z.infer<typeof NextPoiSample>;
export type NextPoiSampleInput = z.input<typeof NextPoiSample>;

/** A method's answer to one sample: venue ids as in the check-in file, best first. */
export const NextPoiRanked = z.object({
  sample_id: z.string().min(1).max(200),
  ranked: z.array(z.string().min(1).max(200)).min(1),
});
export type NextPoiRanked = z.infer<typeof NextPoiRanked>;

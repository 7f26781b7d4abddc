/**
 * The chronological split of the check-in replay: per user, the last 20 % of their leisure check-ins are
 * the test set, the rest is training. Each test check-in keeps the user's check-in just before it (any
 * venue, leisure or not) as the position they asked from, and whether its venue is new to them.
 */
import type { Checkin } from './checkins-reader.ts';

export const TEST_SHARE = 0.2;

export interface TestCase {
  userId: string;
  target: Checkin;
  /** The user's previous check-in, wherever it was: its position is the context's position. */
  previous: Checkin;
  /** The venue appears in none of the user's earlier check-ins. */
  newVenue: boolean;
}

export interface Split {
  /** Leisure check-ins before each user's test period: the only ones the graph and the baselines see. */
  train: Checkin[];
  /**
   * Every check-in of any kind before each user's test period, in time order per user: where the baselines'
   * transitions come from (a test position may be an office or a station).
   */
  history: Checkin[];
  test: TestCase[];
  /** Test check-ins dropped because the user had no earlier check-in to take a position from. */
  withoutPrevious: number;
}

function chronological(a: Checkin, b: Checkin): number {
  return a.at.getTime() - b.at.getTime() || a.line - b.line;
}

export function splitByUser(checkins: readonly Checkin[], isLeisure: (c: Checkin) => boolean, testShare = TEST_SHARE): Split {
  const byUser = new Map<string, Checkin[]>();
  for (const c of checkins) {
    let list = byUser.get(c.userId);
    if (!list) byUser.set(c.userId, (list = []));
    list.push(c);
  }
  const train: Checkin[] = [];
  const history: Checkin[] = [];
  const test: TestCase[] = [];
  let withoutPrevious = 0;
  for (const [userId, all] of [...byUser.entries()].sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b))) {
    all.sort(chronological);
    const leisure = all.filter(isLeisure);
    // Floor: a user with fewer than 5 leisure check-ins has no test check-in rather than a 50 % test set.
    const testCount = Math.floor(leisure.length * testShare);
    const firstTest = leisure.length - testCount;
    train.push(...leisure.slice(0, firstTest));
    const testSet = new Set(leisure.slice(firstTest));
    const testStart = firstTest < leisure.length ? all.indexOf(leisure[firstTest]!) : all.length;
    history.push(...all.slice(0, testStart));
    const seen = new Set<string>();
    all.forEach((c, i) => {
      if (testSet.has(c)) {
        const previous = all[i - 1];
        if (previous) test.push({ userId, target: c, previous, newVenue: !seen.has(c.venueId) });
        else withoutPrevious++;
      }
      seen.add(c.venueId);
    });
  }
  return { train, history, test, withoutPrevious };
}

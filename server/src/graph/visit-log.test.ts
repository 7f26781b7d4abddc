import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPEAT_MS, TRAJECTORY_GAP_MS, VisitLog } from './visit-log.ts';

const H = 3_600_000;

describe('VisitLog', () => {
  it('counts visits, and a second check-in at the same place within the hour is the same visit', () => {
    const log = new VisitLog();
    expect(log.add('t1', 'cafe', 0)).toBe(true);
    expect(log.add('t1', 'cafe', REPEAT_MS - 1)).toBe(false);
    expect(log.add('t1', 'cafe', 5 * H)).toBe(true);
    expect(log.visitCount('t1', 'cafe')).toBe(2);
    expect(log.visitCount('t2', 'cafe')).toBe(0);
  });

  it('counts what follows what within a day, never across a longer gap', () => {
    const log = new VisitLog();
    log.add('t1', 'a', 0);
    log.add('t1', 'b', 2 * H);
    log.add('t1', 'c', 2 * H + TRAJECTORY_GAP_MS + 1); // a new trajectory
    log.add('t2', 'a', 0);
    log.add('t2', 'b', H);
    expect(log.nextFrom('a').get('b')).toBe(2);
    expect(log.nextFrom('b').get('c')).toBeUndefined();
    expect(log.leavingFrom('a')).toBe(2);
    expect(log.ownTransitions('t1', 'a', 'b')).toBe(1);
  });

  it('keeps a private traveller out of the shared transitions, but knows their visits', () => {
    const log = new VisitLog();
    log.add('visitor', 'a', 0, false);
    log.add('visitor', 'b', H, false);
    expect(log.nextFrom('a').size).toBe(0);
    expect(log.visitCount('visitor', 'b')).toBe(1);
  });

  it('takes an erased traveller out of every count', () => {
    const log = new VisitLog();
    log.add('t1', 'a', 0);
    log.add('t1', 'b', H);
    log.add('t2', 'a', 0);
    log.add('t2', 'b', H);
    log.dropTraveller('t1');
    expect(log.nextFrom('a').get('b')).toBe(1);
    log.dropTraveller('t2');
    expect(log.nextFrom('a').size).toBe(0);
    expect(log.leavingFrom('a')).toBe(0);
  });

  it('gives the same counts whatever order the visits arrive in, and removing a place undoes it', () => {
    const visit = fc.record({ place: fc.constantFrom('a', 'b', 'c', 'd'), hour: fc.integer({ min: 0, max: 200 }) });
    fc.assert(
      fc.property(fc.array(visit, { maxLength: 30 }), fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), (visits, keys) => {
        const sorted = [...visits].sort((x, y) => x.hour - y.hour);
        const shuffled = visits
          .map((v, i) => ({ v, k: keys[i]! }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.v);
        const inOrder = new VisitLog();
        const anyOrder = new VisitLog();
        // Distinct hours per place, so the repeat rule cannot depend on arrival order.
        const seen = new Set<string>();
        const distinct = sorted.filter((v) => !seen.has(`${v.place}@${v.hour}`) && seen.add(`${v.place}@${v.hour}`) && true);
        const keep = new Set(distinct);
        for (const v of distinct) inOrder.add('t', v.place, v.hour * H * 2);
        for (const v of shuffled) if (keep.has(v)) anyOrder.add('t', v.place, v.hour * H * 2);
        for (const from of ['a', 'b', 'c', 'd']) expect([...anyOrder.nextFrom(from)].sort()).toEqual([...inOrder.nextFrom(from)].sort());
        anyOrder.removeVisits('t', 'a');
        const without = new VisitLog();
        for (const v of distinct) if (v.place !== 'a') without.add('t', v.place, v.hour * H * 2);
        for (const from of ['a', 'b', 'c', 'd']) expect([...anyOrder.nextFrom(from)].sort()).toEqual([...without.nextFrom(from)].sort());
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { distanceMeters, hasEvidenceTemplate, renderEvidence, walkingMinutes, type Booking } from '@escale/shared';
import type { Candidate } from '../candidate.ts';
import type { Trip } from '../context.ts';
import { rank } from '../rank.ts';
import { booking, context, graphOf, place } from '../../test-support/fixtures.ts';
import { tripAt } from '../trip-context.ts';
import type { RankRun } from './signal.ts';
import { trip } from './trip.ts';

const NOW = new Date('2026-11-24T17:30:00Z'); // Tuesday 18:30 in Paris
const RUN: RankRun = { graph: graphOf({ places: [] }), taste: null, favourites: false };
// Le Petit Journal Saint-Michel, a jazz club of the catalogue.
const CLUB = { name: 'Le Petit Journal Saint-Michel', lat: 48.846344, lon: 2.340575 };
const concert = booking('concert', 'EventReservation', '2026-11-24T19:30:00Z', null, CLUB); // 20:30
const hotel = booking('hotel', 'LodgingReservation', '2026-11-23T14:00:00Z', '2026-11-27T10:00:00Z', { name: 'Hôtel du Petit Moulin', lat: 48.8628, lon: 2.3632 });

function candidate(at: { lat: number; lon: number }, category: Candidate['place']['category'] = 'restaurant', walkFromPosition = 10): Candidate {
  const p = place({ ...at, category });
  return { kind: 'place', id: p.id, place: p, node: -1, meters: null, walkMinutes: walkFromPosition, hours: { kind: 'unknown' }, arrival: new Date(NOW.getTime() + walkFromPosition * 60_000) };
}

/** `c` scored at `now`, the traveller arriving after their walk to it. */
function score(c: Candidate, bookings: Booking[], now = NOW) {
  const arriving = { ...c, arrival: new Date(now.getTime() + (c.walkMinutes ?? 0) * 60_000) };
  return trip.compute(arriving, context({ now, trip: tripAt(bookings, now, () => undefined) }), RUN);
}

describe('trip', () => {
  it('puts dinner near the concert hall before the show first, and names the booking', () => {
    const near = score(candidate({ lat: 48.8468, lon: 2.3415 }), [concert]);
    const far = score(candidate({ lat: 48.8625, lon: 2.3635 }), [concert]);
    expect(near.value).toBeGreaterThan(far.value);
    expect(near.evidence).toMatchObject({ key: 'trip.before_booking_near', params: { time: '20:30', what: 'EventReservation', name: CLUB.name } });
    expect(renderEvidence(near.evidence, 'en')).toMatch(/^fits before your 20:30 event at Le Petit Journal Saint-Michel, \d+ min from it$/);
    expect(near.personalData).toEqual([expect.objectContaining({ category: 'wallet', kind: 'booking', at: concert.startsAt })]);
  });

  it('scores nothing for a place that cannot be visited and still reach the booking in time', () => {
    const lateNow = new Date('2026-11-24T18:50:00Z'); // 19:50: no hour-long dinner before 20:30
    const r = score(candidate({ lat: 48.8468, lon: 2.3415 }, 'restaurant', 2), [concert], lateNow);
    expect(r.value).toBe(0);
    expect(r.evidence.key).toBe('trip.too_late');
    // A coffee still fits.
    expect(score(candidate({ lat: 48.8468, lon: 2.3415 }, 'cafe', 2), [concert], lateNow).value).toBeGreaterThan(0);
  });

  it('counts the walk from the place to the booking in the fit', () => {
    // 19:13: arriving 19:15, an hour's dinner ends at 20:15; a few minutes from the club fits, half an hour does not.
    const at = new Date('2026-11-24T18:13:00Z');
    const near = { lat: 48.8468, lon: 2.3415 };
    const farther = { lat: 48.8625, lon: 2.3635 }; // near the Marais, 2.4 km from the club
    expect(walkingMinutes(distanceMeters(near, CLUB))).toBeLessThan(10);
    expect(walkingMinutes(distanceMeters(farther, CLUB))).toBeGreaterThan(30);
    expect(score(candidate(near, 'restaurant', 2), [concert], at).value).toBeGreaterThan(0);
    expect(score(candidate(farther, 'restaurant', 2), [concert], at).evidence.key).toBe('trip.too_late');
  });

  it('gives food and drink before a show more than other places at the same distance', () => {
    const dinner = score(candidate({ lat: 48.8468, lon: 2.3415 }, 'restaurant'), [concert]);
    const gallery = score(candidate({ lat: 48.8468, lon: 2.3415 }, 'gallery'), [concert]);
    expect(dinner.value).toBeGreaterThan(gallery.value);
  });

  it('with nothing booked next, scores nearness to the hotel and names it', () => {
    const r = score(candidate({ lat: 48.8632, lon: 2.3625 }), [hotel]);
    expect(r.value).toBeGreaterThan(0);
    expect(r.evidence).toEqual({ key: 'trip.near_hotel', params: { minutes: expect.any(Number), name: 'Hôtel du Petit Moulin' } });
    expect(renderEvidence(r.evidence, 'fr')).toMatch(/^à \d+ min de votre hôtel \(Hôtel du Petit Moulin\)$/);
  });

  it('does not let the hotel redeem a place that would make the traveller late', () => {
    const lateNow = new Date('2026-11-24T19:00:00Z');
    expect(score(candidate({ lat: 48.8632, lon: 2.3625 }, 'restaurant', 2), [concert, hotel], lateNow).value).toBe(0);
  });

  it('says nothing is booked, reading no data, when the wallet holds nothing around now', () => {
    const r = score(candidate({ lat: 48.8468, lon: 2.3415 }), []);
    expect(r).toEqual({ value: 0, evidence: { key: 'trip.nothing_booked', params: {} }, personalData: [] });
  });

  it('writes every evidence it gives in both languages', () => {
    for (const key of ['trip.before_booking', 'trip.before_booking_near', 'trip.too_late', 'trip.near_hotel', 'trip.nothing_booked', 'data.booking']) {
      expect(hasEvidenceTemplate(key), key).toBe(true);
    }
  });
});

describe('tripAt', () => {
  it('places a booking at its catalogue place when the booking itself gives no coordinates', () => {
    const club = place({ name: 'Chez Papa', lat: 48.855405, lon: 2.333476 });
    const b = { ...booking('jazz', 'EventReservation', '2026-11-24T19:30:00Z', null), placeId: club.id };
    expect(tripAt([b], NOW, (id) => (id === club.id ? club : undefined))?.next).toMatchObject({ at: { lat: club.lat, lon: club.lon }, name: 'Chez Papa' });
  });

  it('ignores a booking beyond the horizon and one the traveller is busy in', () => {
    const tomorrow = booking('tomorrow', 'EventReservation', '2026-11-25T19:30:00Z', null, CLUB);
    expect(tripAt([tomorrow], NOW, () => undefined)).toBeNull();
    const playing = booking('playing', 'EventReservation', '2026-11-24T17:00:00Z', '2026-11-24T18:00:00Z', CLUB);
    expect(tripAt([playing, concert], NOW, () => undefined)).toBeNull();
  });
});

describe('reach with a booking', () => {
  it('brings the places near the next booking within reach, however far it is from the traveller', () => {
    const nearClub = place({ name: 'By the club', category: 'restaurant', lat: 48.8468, lon: 2.3415, openingHours: 'Mo-Su 12:00-23:00' });
    const graph = graphOf({ places: [nearClub, place({ name: 'Round the corner' }), place({ name: 'Next door', lat: 48.8568 })] });
    const names = (t: Trip | null) => rank(graph, context({ now: NOW, trip: t }), { limit: 10 }).items.map((s) => s.item.title);
    expect(names(null)).not.toContain('By the club'); // 24 min from the Hôtel de Ville, beyond the first tier
    expect(names(tripAt([concert], NOW, () => undefined))).toContain('By the club');
  });
});

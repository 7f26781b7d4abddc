/**
 * The agency's insights without personal data, on both stores: what demo visitors are shown on screen, like,
 * dismiss and book is counted by distinct travellers; a figure of four travellers is hidden and the fifth
 * shows it; the travellers behind a hidden figure are in no total; another agency sees nothing; taking back
 * a like, erasure and the retention purge remove a traveller's events; the query is bounded and validated.
 * Each test works on a day of its own (the server's clock is moved), so their figures never mix.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { type AgencyInsights, type ApiError, INSIGHT_LIMITS, type MyData, type ServerFeed } from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { hashPassword } from '../../server/src/agency/passwords.ts';
import { addStaff } from '../../server/src/agency/staff.ts';
import { writeEvent } from '../../server/src/insights/events.ts';
import { serverForFile } from '../support/server-suite.ts';
import { BOIS_DE_VINCENNES, bookOffer, feedback, HOTEL_DE_VILLE, type OnScreen, visitorAt as openAt, type Spot, spotWithAnOffer } from '../support/insight-visitors.ts';
import { callApi as call, signIn } from '../support/test-server.ts';

const suite = serverForFile({ env: { DEMO_SIGNINS_PER_HOUR: '1000' } });

async function staff(email: string, password = DEMO_STAFF_PASSWORD): Promise<string> {
  const res = await call(suite.server.url, '', 'POST', '/api/agency/session', { email, password });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The insights of the day the test works on, as the viewer (or `cookie`) reads them. */
async function insightsOf(day: string, query: Record<string, string> = {}, cookie?: string): Promise<AgencyInsights> {
  const res = await call(suite.server.url, cookie ?? (await staff('hugo@escale-demo.example')), 'GET', `/api/agency/insights?${new URLSearchParams({ from: day, to: day, ...query })}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AgencyInsights;
}

/** Moves the server's clock to 18:00 in Paris on `day`: the test's figures are that day's. */
function workOn(day: string): string {
  suite.server.clock.set(new Date(`${day}T17:00:00Z`), 0);
  return day;
}

/** A visitor of Léa's persona with the feed on screen at `spot`; their socket closes after the test. */
async function visitorAt(spot: Spot): Promise<OnScreen> {
  const on = await openAt(suite.server, spot);
  onTestFinished(() => on.socket.close());
  return on;
}

async function visitorsAt(n: number, spot: Spot): Promise<OnScreen[]> {
  const all: OnScreen[] = [];
  for (let i = 0; i < n; i++) all.push(await visitorAt(spot));
  return all;
}

const placesOf = (feed: ServerFeed) => new Set(feed.items.map((s) => s.item.place.id));
const HIDDEN = { hidden: true, value: null };
const shown = (value: number) => ({ hidden: false, value });

describe('agency insights', () => {
  it('hide a figure built from four travellers, and show it with the fifth, counting each traveller once', async () => {
    const day = workOn('2026-11-24');
    const four = await visitorsAt(4, HOTEL_DE_VILLE);
    let insights = await insightsOf(day);
    expect(insights.totals.shown).toEqual(HIDDEN);
    expect(insights.series.shown).toEqual([HIDDEN]);
    expect(insights.groups).toEqual([]);

    const fifth = await visitorAt(HOTEL_DE_VILLE);
    insights = await insightsOf(day);
    expect(insights.totals.shown).toEqual(shown(5));
    expect(insights.series.shown).toEqual([shown(5)]);
    // Every visitor had the same feed: each of its categories was shown to the five of them.
    const categories = new Set(fifth.feed.items.map((s) => s.item.place.category));
    expect(new Set(insights.groups.map((g) => g.key))).toEqual(categories);
    for (const g of insights.groups) expect(g.totals.shown).toEqual(shown(5));
    // By place and by the driving signal too.
    const byPlace = await insightsOf(day, { by: 'place' });
    expect(new Set(byPlace.groups.map((g) => g.key))).toEqual(placesOf(fifth.feed));
    expect(byPlace.groups.find((g) => g.key === fifth.feed.items[0]!.item.place.id)?.label).toBe(fifth.feed.items[0]!.item.place.name);
    const bySignal = await insightsOf(day, { by: 'signal' });
    expect(bySignal.groups.map((g) => g.key)).toContain(fifth.feed.items[0]!.driver);

    // A feed asked for again, and the same place on another screen of theirs, count nothing more.
    const rows = () => suite.server.ctx.db.selectFrom('insight_events').select('place_id').where('traveller_id', '=', four[0]!.visitor.travellerId).execute();
    const before = (await rows()).length;
    four[0]!.socket.send({ type: 'refresh' });
    await four[0]!.socket.nextOfType('feed', 10_000);
    await insightsOf(day);
    expect((await rows()).length).toBe(before);
    expect((await insightsOf(day)).totals.shown).toEqual(shown(5));
  });

  it('never let a hidden figure be recovered by subtraction: its travellers are in no total', async () => {
    const day = workOn('2026-11-25');
    const centre = await visitorsAt(5, HOTEL_DE_VILLE);
    const woods = await visitorsAt(3, BOIS_DE_VINCENNES);
    const woodsPlaces = placesOf(woods[0]!.feed);
    expect([...woodsPlaces].filter((p) => placesOf(centre[0]!.feed).has(p))).toEqual([]); // the premise
    // The eight travellers are all stored…
    await suite.server.ctx.insights.flush();
    const stored = await suite.server.ctx.db.selectFrom('insight_events').select('traveller_id').distinct().where('day', '=', day).execute();
    expect(stored).toHaveLength(8);
    // …but the three in the woods make no figure, so no number of the answer includes them: the total is five,
    // not eight, and "total − every place shown" cannot give three.
    const byPlace = await insightsOf(day, { by: 'place' });
    expect(byPlace.totals.shown).toEqual(shown(5));
    expect(byPlace.series.shown).toEqual([shown(5)]);
    expect(byPlace.groups.map((g) => g.key).filter((k) => woodsPlaces.has(k))).toEqual([]);
    expect(JSON.stringify(byPlace)).not.toMatch(/"value":(3|8)\b/);
    // One group's series holds that group's figures only.
    const park = [...woodsPlaces][0]!;
    const woodsOnly = await insightsOf(day, { by: 'place', group: park });
    expect(woodsOnly.group).toMatchObject({ key: park });
    expect(woodsOnly.series.shown).toEqual([HIDDEN]);
    expect(woodsOnly.totals.shown).toEqual(HIDDEN);
  });

  it('count likes, dismissals and bookings of suggestions, and forget a like taken back', async () => {
    const day = workOn('2026-11-26');
    const five = await visitorsAt(5, await spotWithAnOffer(suite.server, day));
    const feed = five[0]!.feed;
    const offer = feed.items.find((s) => s.item.kind === 'offer');
    expect(offer, `an offer in ${feed.items.map((s) => s.item.id).join(', ')}`).toBeDefined();
    const liked = feed.items.find((s) => s.item.place.id !== offer!.item.place.id)!.item.place.id;
    const dismissed = feed.items.find((s) => ![offer!.item.place.id, liked].includes(s.item.place.id))!.item.place.id;
    for (const [i, on] of five.entries()) {
      await feedback(on, liked, 'liked');
      await feedback(on, dismissed, 'dismissed');
      expect(await bookOffer(suite.server, on, offer!.item.id, `insights-booking-${i}`)).toBe(201);
    }
    // A like of a place nobody suggested to them is not a suggestion's like: not counted.
    const unsuggested = (await suite.server.ctx.db.selectFrom('places').select('id').where('status', '=', 'published').orderBy('id').limit(50).execute())
      .map((p) => p.id)
      .find((id) => !placesOf(feed).has(id))!;
    await feedback(five[0]!, unsuggested, 'liked');

    const byPlace = await insightsOf(day, { by: 'place' });
    const group = (key: string) => byPlace.groups.find((g) => g.key === key)!.totals;
    expect(group(liked)).toMatchObject({ shown: shown(5), liked: shown(5), dismissed: HIDDEN, booked: HIDDEN });
    expect(group(dismissed)).toMatchObject({ dismissed: shown(5), liked: HIDDEN });
    expect(group(offer!.item.place.id)).toMatchObject({ booked: shown(5) });
    expect(byPlace.totals).toEqual({ shown: shown(5), liked: shown(5), dismissed: shown(5), booked: shown(5) });
    expect(byPlace.groups.map((g) => g.key)).not.toContain(unsuggested);
    // The like and the booking carry the signal that drove the suggestion.
    const bySignal = await insightsOf(day, { by: 'signal' });
    const drivers = new Map(feed.items.map((s) => [s.item.place.id, s.driver]));
    expect(bySignal.groups.find((g) => g.key === drivers.get(liked))!.totals.liked).toEqual(shown(5));
    expect(bySignal.groups.find((g) => g.key === drivers.get(offer!.item.place.id))!.totals.booked).toEqual(shown(5));

    // One of them takes the like back ("Undo"): four likes, hidden; another takes back a dismissal in My data.
    five[1]!.socket.send({ type: 'feedback_undo', placeId: liked, kind: 'liked' });
    await five[1]!.socket.nextOfType('feedback_ack', 10_000);
    expect((await call(suite.server.url, five[2]!.visitor.cookie, 'DELETE', `/api/my-data/interactions/dismissed/${encodeURIComponent(dismissed)}`)).status).toBe(204);
    const after = await insightsOf(day, { by: 'place' });
    expect(after.totals.liked).toEqual(HIDDEN);
    expect(after.totals.dismissed).toEqual(HIDDEN);
    expect(after.totals.shown).toEqual(shown(5));
  });

  it('lose an erased traveller’s events: erasure and a demo visitor’s sign-out leave none', async () => {
    const day = workOn('2026-11-27');
    const five = await visitorsAt(5, HOTEL_DE_VILLE);
    expect((await insightsOf(day)).totals.shown).toEqual(shown(5));
    const eventsOf = (id: string) => suite.server.ctx.db.selectFrom('insight_events').select('day').where('traveller_id', '=', id).execute();
    expect((await eventsOf(five[0]!.visitor.travellerId)).length).toBeGreaterThan(0);
    // The traveller sees those rows in My data (and its export), with the places' names; staff never do.
    const mine = (await (await call(suite.server.url, five[0]!.visitor.cookie, 'GET', '/api/my-data')).json()) as MyData;
    expect(mine.statistics.map((e) => e.placeId).sort()).toEqual([...placesOf(five[0]!.feed)].sort());
    expect(mine.statistics[0]).toMatchObject({ day, action: 'shown', placeName: expect.any(String) });

    expect((await call(suite.server.url, five[0]!.visitor.cookie, 'DELETE', '/api/my-data')).status).toBe(204);
    expect((await call(suite.server.url, five[1]!.visitor.cookie, 'DELETE', '/api/session')).status).toBe(204);
    expect(await eventsOf(five[0]!.visitor.travellerId)).toEqual([]);
    await expect.poll(async () => (await eventsOf(five[1]!.visitor.travellerId)).length).toBe(0);
    expect((await insightsOf(day)).totals.shown).toEqual(HIDDEN);
  });

  it('are purged past the retention period by the housekeeping', async () => {
    const day = workOn('2026-11-28');
    const { visitor } = await visitorAt(HOTEL_DE_VILLE);
    // Kept: the last 366 days, today included, so from 2025-11-28; the day before goes.
    for (const d of ['2025-11-27', '2025-11-28'])
      await writeEvent(suite.server.ctx.db, { travellerId: visitor.travellerId, action: 'shown', placeId: 'osm:node/1', day: d, category: 'bar', signal: 'timing' });
    await suite.server.ctx.insights.flush(); // today's feed, written
    const report = await suite.server.housekeeping.runOnce();
    expect(report.insightsPurged).toBe(1);
    const days = (await suite.server.ctx.db.selectFrom('insight_events').select('day').distinct().where('traveller_id', '=', visitor.travellerId).orderBy('day').execute()).map((r) => r.day);
    expect(days).toEqual(['2025-11-28', day]);
    expect(INSIGHT_LIMITS.retentionDays).toBe(366);
  });

  it('show another agency nothing of this one’s travellers', async () => {
    const day = workOn('2026-11-29');
    await visitorsAt(5, HOTEL_DE_VILLE);
    expect((await insightsOf(day)).totals.shown).toEqual(shown(5));
    const now = suite.server.clock.now();
    await suite.server.ctx.db.insertInto('agencies').values({ id: 'rival', name: 'Rival Voyages', created_at: now.toISOString() }).execute();
    await addStaff(suite.server.ctx.db, 'rival', { name: 'Rival Viewer', email: 'viewer@rival.example', role: 'viewer', passwordHash: await hashPassword('rival-viewer-password') }, now);
    const rival = await staff('viewer@rival.example', 'rival-viewer-password');
    const theirs = await insightsOf(day, {}, rival);
    expect(theirs.totals).toEqual({ shown: HIDDEN, liked: HIDDEN, dismissed: HIDDEN, booked: HIDDEN });
    expect(theirs.groups).toEqual([]);
    expect((await insightsOf(day, { by: 'signal', group: 'proximity' }, rival)).series.shown).toEqual([HIDDEN]);
  });

  it('are read by any staff role only, and refuse a query out of bounds with a 400 naming it', async () => {
    const viewer = await staff('hugo@escale-demo.example');
    expect((await call(suite.server.url, '', 'GET', '/api/agency/insights')).status).toBe(401);
    const traveller = await signIn(suite.server, 'lea');
    expect((await call(suite.server.url, traveller.cookie, 'GET', '/api/agency/insights')).status).toBe(401);
    const fine = await call(suite.server.url, viewer, 'GET', '/api/agency/insights?bucket=week&by=signal');
    expect(fine.status).toBe(200);
    const weeks = (await fine.json()) as AgencyInsights;
    expect(weeks.buckets.length).toBeGreaterThanOrEqual(4);
    expect(new Date(`${weeks.from}T00:00:00Z`).getUTCDay()).toBe(1); // a Monday
    for (const bad of ['from=2025-01-01&to=2026-11-24', 'from=2026-11-24&to=2026-11-01', 'from=2026-02-30', 'by=traveller', 'bucket=hour', 'traveller=x', 'by=signal&group=museum']) {
      const res = await call(suite.server.url, viewer, 'GET', `/api/agency/insights?${bad}`);
      expect(res.status, bad).toBe(400);
      const body = (await res.json()) as ApiError;
      expect(body.error.code, bad).toBe('bad_request');
      expect(body.error.message, bad).toMatch(/^Invalid query: /);
    }
  });
});

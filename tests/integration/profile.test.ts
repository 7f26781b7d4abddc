/**
 * Asking instead of guessing, on both stores: the onboarding (answered or skipped, offered once) and the
 * profile editor. Nothing is kept without the profile consent (403, nothing stored); what is answered takes
 * effect on the open feed at once (interests, party, budget) and shows in My data; on PostgreSQL, a profile
 * written through one instance re-ranks a feed open on another.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ApiError, MyData, ProfileBody, ProfileEdit, ServerFeed, SessionInfo } from '@escale/shared';
import { startServerProcess } from '../support/server-process.ts';
import { serverForFile } from '../support/server-suite.ts';
import { callApi as call, setSessionClock, signIn, TUESDAY_EVENING } from '../support/test-server.ts';
import { createTestStore, TEST_STORE } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

const suite = serverForFile();

const CINEMA_NO_BARS: ProfileEdit = {
  likes: [{ kind: 'category', id: 'cinema' }],
  dislikes: [{ kind: 'category', id: 'bar' }],
  party: { adults: 2, childrenAges: [10], accessibility: [] },
  budget: 3,
};
const signalsIn = (feed: ServerFeed) => new Set(feed.items.flatMap((s) => s.contributions.map((c) => c.signal)));
const dataKinds = (feed: ServerFeed) => new Set(feed.items.flatMap((s) => s.contributions.flatMap((c) => c.personalData.map((d) => d.kind))));

async function profileOf(url: string, cookie: string): Promise<ProfileBody> {
  return (await (await call(url, cookie, 'GET', '/api/profile')).json()) as ProfileBody;
}
/** What the store holds of the profile, read past the API. */
async function storedRow(travellerId: string) {
  return suite.server.ctx.db.selectFrom('travellers').select(['likes', 'dislikes', 'party', 'budget', 'onboarded_at']).where('id', '=', travellerId).executeTakeFirstOrThrow();
}

describe('the onboarding', () => {
  it('is offered to a traveller who never said anything, with the choices their city has', async () => {
    const marc = await signIn(suite.server, 'marc');
    const session = (await (await call(suite.server.url, marc.cookie, 'GET', '/api/session')).json()) as SessionInfo;
    expect(session.traveller.onboarded).toBe(false);
    const body = await profileOf(suite.server.url, marc.cookie);
    expect(body.profile).toBeNull(); // the profile consent is off: nothing is held
    expect(body.onboarded).toBe(false);
    expect(body.choices.categories).toEqual(expect.arrayContaining(['restaurant', 'museum', 'climbing', 'park']));
    expect(body.choices.cuisines).toEqual(expect.arrayContaining(['cuisine:french', 'cuisine:japanese']));
    expect(body.choices.cuisines.every((t) => t.startsWith('cuisine:'))).toBe(true);
    expect(body.choices.music).toEqual(expect.arrayContaining(['jazz', 'live-music']));
    // Not offered again to someone who answered it (the seeded personas with a profile did).
    const lea = await signIn(suite.server, 'lea');
    expect((await profileOf(suite.server.url, lea.cookie)).onboarded).toBe(true);
  });

  it('refuses answers without the profile consent and stores nothing; skipping is always possible, once', async () => {
    const marc = await signIn(suite.server, 'marc');
    const before = await storedRow(marc.travellerId);
    const answered = await call(suite.server.url, marc.cookie, 'POST', '/api/profile/onboarding', { outcome: 'answered', profile: CINEMA_NO_BARS });
    expect(answered.status).toBe(403);
    expect(((await answered.json()) as ApiError).error.code).toBe('consent_required');
    const put = await call(suite.server.url, marc.cookie, 'PUT', '/api/profile', CINEMA_NO_BARS);
    expect(put.status).toBe(403);
    expect(await storedRow(marc.travellerId)).toEqual(before);
    expect(before).toMatchObject({ likes: '[]', dislikes: '[]', budget: null, onboarded_at: null });

    const skipped = await call(suite.server.url, marc.cookie, 'POST', '/api/profile/onboarding', { outcome: 'skipped' });
    expect(skipped.status).toBe(200);
    expect(((await skipped.json()) as ProfileBody).onboarded).toBe(true);
    const session = (await (await call(suite.server.url, marc.cookie, 'GET', '/api/session')).json()) as SessionInfo;
    expect(session.traveller.onboarded).toBe(true);
    const row = await storedRow(marc.travellerId);
    expect(row).toMatchObject({ likes: '[]', budget: null });
    expect(row.onboarded_at).not.toBeNull();
  });

  it('answers given with the consent re-rank the open feed at once and show in My data', async () => {
    const marc = await signIn(suite.server, 'marc');
    const socket = await TestSocket.greeted(suite.server.wsUrl, marc.cookie);
    onTestFinished(() => socket.close());
    socket.send({ type: 'location', lat: 48.8606, lon: 2.3376 }); // by the Louvre
    const first = await socket.nextOfType('feed');
    expect(signalsIn(first).has('interests')).toBe(false); // no profile consent: the signal is not computed
    expect(first.items.some((s) => s.item.place.category === 'bar')).toBe(true);

    expect((await call(suite.server.url, marc.cookie, 'PUT', '/api/consents/profile', { granted: true })).status).toBe(200);
    await socket.nextOfType('feed'); // the consent alone re-ranks (with an empty profile)
    const res = await call(suite.server.url, marc.cookie, 'POST', '/api/profile/onboarding', { outcome: 'answered', profile: CINEMA_NO_BARS });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ProfileBody;
    expect(body).toMatchObject({ onboarded: true, profile: CINEMA_NO_BARS });

    const reranked = await socket.nextOfType('feed');
    expect(signalsIn(reranked).has('interests')).toBe(true);
    expect([...dataKinds(reranked)]).toEqual(expect.arrayContaining(['stated_like', 'party', 'budget']));
    expect(reranked.items.some((s) => s.item.place.category === 'bar')).toBe(false); // a dislike is obeyed
    expect(reranked.items[0]!.item.place.category).toBe('cinema'); // a stated like counts

    const mine = (await (await call(suite.server.url, marc.cookie, 'GET', '/api/my-data')).json()) as MyData;
    expect(mine.profile).toEqual(CINEMA_NO_BARS);
    expect(mine.onboardedAt).not.toBeNull();
  });

  it('the editor replaces the profile; withdrawing the consent deletes it and refuses the next write', async () => {
    const lea = await signIn(suite.server, 'lea');
    const edited: ProfileEdit = { likes: [{ kind: 'tag', id: 'jazz' }], dislikes: [], party: { adults: 1, childrenAges: [7], accessibility: [] }, budget: null };
    const put = await call(suite.server.url, lea.cookie, 'PUT', '/api/profile', edited);
    expect(put.status).toBe(200);
    expect(((await put.json()) as ProfileBody).profile).toEqual(edited);
    expect(JSON.parse((await storedRow(lea.travellerId)).likes)).toEqual([{ kind: 'tag', id: 'jazz' }]);

    expect((await call(suite.server.url, lea.cookie, 'PUT', '/api/consents/profile', { granted: false })).status).toBe(200);
    expect((await profileOf(suite.server.url, lea.cookie)).profile).toBeNull();
    expect(await storedRow(lea.travellerId)).toMatchObject({ likes: '[]', dislikes: '[]', budget: null });
    expect((await call(suite.server.url, lea.cookie, 'PUT', '/api/profile', edited)).status).toBe(403);
    expect((await storedRow(lea.travellerId)).likes).toBe('[]');
  });

  it('rejects what the ranker could not read, with the field named, and stores nothing', async () => {
    const lea = await signIn(suite.server, 'lea');
    const before = await storedRow(lea.travellerId);
    const bad: [unknown, string][] = [
      [{ ...CINEMA_NO_BARS, likes: [{ kind: 'category', id: 'casino' }] }, 'likes'],
      [{ ...CINEMA_NO_BARS, likes: [{ kind: 'tag', id: '<b>Jazz</b>' }] }, 'likes'],
      [{ ...CINEMA_NO_BARS, dislikes: [{ kind: 'category', id: 'cinema' }] }, 'dislikes'],
      [
        {
          ...CINEMA_NO_BARS,
          likes: [
            { kind: 'category', id: 'museum' },
            { kind: 'category', id: 'museum' },
          ],
        },
        'likes',
      ],
      [{ ...CINEMA_NO_BARS, budget: 5 }, 'budget'],
      [{ ...CINEMA_NO_BARS, party: { adults: 0, childrenAges: [], accessibility: [] } }, 'party'],
      [{ ...CINEMA_NO_BARS, extra: true }, ''],
    ];
    for (const [body, field] of bad) {
      const res = await call(suite.server.url, lea.cookie, 'PUT', '/api/profile', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = ((await res.json()) as ApiError).error;
      expect(error.code).toBe('bad_request');
      expect(error.message).toContain(field);
    }
    expect((await call(suite.server.url, lea.cookie, 'POST', '/api/profile/onboarding', { outcome: 'maybe' })).status).toBe(400);
    expect(await storedRow(lea.travellerId)).toEqual(before);
    expect((await call(suite.server.url, '', 'GET', '/api/profile')).status).toBe(401);
  });
});

describe.skipIf(TEST_STORE !== 'postgres')('across instances (PostgreSQL)', () => {
  it('a profile written through one instance re-ranks the feed open on another', async () => {
    const store = await createTestStore('profile-two');
    onTestFinished(() => store.drop());
    const a = await startServerProcess(store);
    const b = await startServerProcess(store);
    const lea = await signIn(b, 'lea');
    // The processes run on the real clock: the session's is set to an evening, when places are open.
    await setSessionClock(b, lea.cookie, TUESDAY_EVENING);
    const socket = await TestSocket.greeted(b.wsUrl, lea.cookie);
    onTestFinished(() => socket.close());
    socket.send({ type: 'location', lat: 48.8606, lon: 2.3376 });
    const first = await socket.nextOfType('feed');
    // The processes run on the real clock: whatever leads the feed now is what she says she dislikes.
    const leading = first.items[0]!.item.place.category;
    const put = await call(a.url, lea.cookie, 'PUT', '/api/profile', {
      likes: [],
      dislikes: [{ kind: 'category', id: leading }],
      party: { adults: 1, childrenAges: [], accessibility: [] },
      budget: null,
    });
    expect(put.status).toBe(200);
    const reranked = await socket.nextOfType('feed', 10_000);
    expect(reranked.items.length).toBeGreaterThan(0);
    expect(reranked.items.some((s) => s.item.place.category === leading)).toBe(false);
  });
});

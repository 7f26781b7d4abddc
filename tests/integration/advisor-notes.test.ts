/**
 * What the client told their advisor (issue 22), on both stores: the console lists the agency's clients with
 * only their name, their profile consent and the notes; an editor notes what a client said, only with that
 * consent (409 otherwise), a viewer only reads; the note counts in the client's next suggestions like their
 * own answers (their own word wins), and the Why panel says who noted it and when; the client sees it in
 * My data and the export, corrects or erases it; withdrawing the consent or erasing the account deletes it.
 * On PostgreSQL, a note written through one instance re-ranks a feed open on another, and so does its deletion.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  type AdvisorNote,
  type AdvisorNoteContent,
  type AgencyClientList,
  type ApiError,
  type InvitationCreated,
  type MyData,
  renderEvidence,
  type ServerFeed,
  type SessionInfo,
  type Suggestion,
} from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { startServerProcess } from '../support/server-process.ts';
import { serverForFile } from '../support/server-suite.ts';
import { callApi as call, setSessionClock, signIn, TUESDAY_EVENING } from '../support/test-server.ts';
import { createTestStore, TEST_STORE } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

const suite = serverForFile();
const BY_THE_LOUVRE = { lat: 48.8606, lon: 2.3376 };
const LIKES_CINEMA: AdvisorNoteContent = { likes: [{ kind: 'category', id: 'cinema' }], dislikes: [], party: null, budget: null, said: 'Goes to the cinema every week; not one for bars.' };

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
async function staff(url: string, who: 'claire' | 'sophie' | 'hugo'): Promise<string> {
  const res = await call(url, '', 'POST', '/api/agency/session', { email: `${who}@escale-demo.example`, password: DEMO_STAFF_PASSWORD });
  expect(res.status).toBe(200);
  return cookieOf(res);
}

let clients = 0;
/** A client of the demo agency, from an invitation (every consent off, as anyone new); `consents` turned on. */
async function newClient(url: string, editor: string, name: string, consents: ('profile' | 'location')[] = []): Promise<{ cookie: string; id: string }> {
  const invitation = (await (await call(url, editor, 'POST', '/api/agency/invitations', { note: name })).json()) as InvitationCreated;
  const res = await call(url, '', 'POST', '/api/signup', {
    token: new URL(invitation.url).hash.slice(1),
    name,
    email: `client-${++clients}-${Date.now()}@example.com`,
    password: 'a-client-password',
    locale: 'en',
  });
  expect(res.status).toBe(201);
  const client = { cookie: cookieOf(res), id: ((await res.json()) as SessionInfo).traveller.id };
  for (const category of consents) expect((await call(url, client.cookie, 'PUT', `/api/consents/${category}`, { granted: true })).status).toBe(200);
  return client;
}

async function clientList(url: string, cookie: string, q?: string): Promise<AgencyClientList> {
  const res = await call(url, cookie, 'GET', `/api/agency/clients${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AgencyClientList;
}
const notesHeld = (travellerId: string) => suite.server.ctx.db.selectFrom('advisor_notes').select(['id', 'said']).where('traveller_id', '=', travellerId).execute();
/** The interests signal's contribution (absent when it was not computed: the profile consent off). */
const interestsOf = (s: Suggestion) => s.contributions.find((c) => c.signal === 'interests');

describe('the console’s clients', () => {
  it('lists only the agency’s own clients, with their name, their profile consent and their notes, and nothing else', async () => {
    const sophie = await staff(suite.server.url, 'sophie');
    const marie = await newClient(suite.server.url, sophie, 'Marie Lefèvre', ['profile', 'location']);
    // Marie is somewhere, did things and booked something: none of it may reach the console.
    const socket = await TestSocket.greeted(suite.server.wsUrl, marie.cookie);
    onTestFinished(() => socket.close());
    socket.send({ type: 'location', ...BY_THE_LOUVRE });
    await socket.nextOfType('feed');
    const lea = await signIn(suite.server, 'lea'); // a demo visitor: the demo's, not a client

    const list = await clientList(suite.server.url, await staff(suite.server.url, 'hugo')); // a viewer reads
    const listed = list.clients.find((c) => c.id === marie.id)!;
    expect(listed).toEqual({ id: marie.id, name: 'Marie Lefèvre', profileConsent: true, notes: [] });
    expect(list.clients.map((c) => c.id)).not.toContain(lea.travellerId);
    expect(list.clients.map((c) => c.id)).not.toContain('lea');
    expect(list.choices.categories).toContain('cinema');
    expect(list.limits).toEqual({ perTraveller: 50, saidMaxChars: 500, clientsPerPage: 100 });
    // Nothing but these fields, for every client (the contract is strict), and none of Marie's other data.
    for (const c of list.clients) expect(Object.keys(c).sort()).toEqual(['id', 'name', 'notes', 'profileConsent']);
    expect(Object.keys(list).sort()).toEqual(['choices', 'clients', 'limits', 'total']);
    const text = JSON.stringify(list);
    for (const secret of [String(BY_THE_LOUVRE.lat), '"lat"', '"position"', '"interactions"', '"bookings"', '"wallet"', '@example.com']) expect(text).not.toContain(secret);

    // The name filter ignores case and accents; a name nobody has finds nobody.
    expect((await clientList(suite.server.url, sophie, 'lefevre')).clients.map((c) => c.id)).toEqual([marie.id]);
    expect(await clientList(suite.server.url, sophie, 'nobody-is-called-this')).toMatchObject({ clients: [], total: 0 });
  });

  it('refuses a note while the client’s profile consent is off, and stores nothing', async () => {
    const sophie = await staff(suite.server.url, 'sophie');
    const paul = await newClient(suite.server.url, sophie, 'Paul Girard');
    const res = await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${paul.id}/notes`, LIKES_CINEMA);
    expect(res.status).toBe(409);
    const { error } = (await res.json()) as ApiError;
    expect(error.code).toBe('profile_consent_off');
    expect(error.message).toContain('Paul Girard');
    expect(await notesHeld(paul.id)).toEqual([]);
    expect((await clientList(suite.server.url, sophie, 'Paul Girard')).clients[0]).toMatchObject({ profileConsent: false, notes: [] });
  });

  it('lets editors and admins write, viewers only read; another agency’s traveller or a demo visitor is not found', async () => {
    const [sophie, claire, hugo] = [await staff(suite.server.url, 'sophie'), await staff(suite.server.url, 'claire'), await staff(suite.server.url, 'hugo')];
    const anna = await newClient(suite.server.url, sophie, 'Anna Roux', ['profile']);
    const refused = await call(suite.server.url, hugo, 'POST', `/api/agency/clients/${anna.id}/notes`, LIKES_CINEMA);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ApiError).error.code).toBe('forbidden');
    expect(await notesHeld(anna.id)).toEqual([]);

    const added = await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${anna.id}/notes`, LIKES_CINEMA);
    expect(added.status).toBe(201);
    const note = (await added.json()) as AdvisorNote;
    expect(note).toMatchObject({ ...LIKES_CINEMA, notedBy: 'Sophie Martin', notedAt: TUESDAY_EVENING.toISOString(), correctedAt: null });
    expect((await call(suite.server.url, hugo, 'PUT', `/api/agency/clients/${anna.id}/notes/${note.id}`, LIKES_CINEMA)).status).toBe(403);
    expect((await call(suite.server.url, hugo, 'DELETE', `/api/agency/clients/${anna.id}/notes/${note.id}`)).status).toBe(403);

    // An admin rewrites it: the note becomes theirs.
    const edited = await call(suite.server.url, claire, 'PUT', `/api/agency/clients/${anna.id}/notes/${note.id}`, { ...LIKES_CINEMA, budget: 2 });
    expect(edited.status).toBe(200);
    expect((await edited.json()) as AdvisorNote).toMatchObject({ id: note.id, budget: 2, notedBy: 'Claire Dubois' });
    expect((await clientList(suite.server.url, hugo, 'Anna Roux')).clients[0]!.notes).toMatchObject([{ id: note.id, notedBy: 'Claire Dubois', budget: 2 }]);

    const visitor = await signIn(suite.server, 'lea');
    await call(suite.server.url, visitor.cookie, 'PUT', '/api/consents/profile', { granted: true });
    expect((await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${visitor.travellerId}/notes`, LIKES_CINEMA)).status).toBe(404);
    expect((await call(suite.server.url, sophie, 'POST', '/api/agency/clients/no-such-traveller/notes', LIKES_CINEMA)).status).toBe(404);
    expect((await call(suite.server.url, sophie, 'DELETE', `/api/agency/clients/${anna.id}/notes/no-such-note`)).status).toBe(404);
  });

  it('rejects what is not a note, and keeps at most 50 per client', async () => {
    const sophie = await staff(suite.server.url, 'sophie');
    const leo = await newClient(suite.server.url, sophie, 'Léo Caron', ['profile']);
    const bad: [unknown, string][] = [
      [{ likes: [], dislikes: [], party: null, budget: null, said: '  ' }, 'at least one thing'],
      [{ ...LIKES_CINEMA, said: 'x'.repeat(501) }, 'said'],
      [{ ...LIKES_CINEMA, likes: [{ kind: 'category', id: 'casino' }] }, 'likes'],
      [{ ...LIKES_CINEMA, dislikes: [{ kind: 'category', id: 'cinema' }] }, 'both liked and disliked'],
      [{ ...LIKES_CINEMA, budget: 5 }, 'budget'],
      [{ ...LIKES_CINEMA, location: { lat: 48.8, lon: 2.3 } }, ''],
    ];
    for (const [body, words] of bad) {
      const res = await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${leo.id}/notes`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as ApiError).error.message).toContain(words);
    }
    expect(await notesHeld(leo.id)).toEqual([]);

    for (let n = 0; n < 50; n++) expect((await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${leo.id}/notes`, { ...LIKES_CINEMA, said: `Note ${n}` })).status).toBe(201);
    const over = await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${leo.id}/notes`, LIKES_CINEMA);
    expect(over.status).toBe(409);
    expect(((await over.json()) as ApiError).error.message).toContain('50 notes');
    expect(await notesHeld(leo.id)).toHaveLength(50);
  });
});

describe('what the note changes for the client', () => {
  it('counts in their next suggestions like their own answer, and the Why panel says who noted it and when', async () => {
    const sophie = await staff(suite.server.url, 'sophie');
    const emma = await newClient(suite.server.url, sophie, 'Emma Blanc', ['profile', 'location']);
    const socket = await TestSocket.greeted(suite.server.wsUrl, emma.cookie);
    onTestFinished(() => socket.close());
    socket.send({ type: 'location', ...BY_THE_LOUVRE });
    const before = await socket.nextOfType('feed');
    expect(before.items.some((s) => interestsOf(s)?.evidence.key === 'interests.advisor_noted')).toBe(false);
    expect(before.items[0]!.item.place.category).not.toBe('cinema');

    expect((await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${emma.id}/notes`, LIKES_CINEMA)).status).toBe(201);
    const after = await socket.nextOfType('feed'); // the note re-ranks the open feed at once
    const top = after.items[0]!;
    expect(top.item.place.category).toBe('cinema');
    const interests = interestsOf(top)!;
    expect(interests.evidence).toEqual({ key: 'interests.advisor_noted', params: { kind: 'category', id: 'cinema', staff: 'Sophie Martin', date: '2026-11-24' } });
    expect(renderEvidence(interests.evidence, 'en')).toBe('your advisor Sophie Martin noted that you like cinema, on 24 November');
    expect(renderEvidence(interests.evidence, 'fr')).toBe('Sophie Martin, de votre agence, a noté que vous aimez le cinéma, le 24 novembre');
    expect(interests.personalData).toEqual([
      { category: 'profile', kind: 'stated_like', evidence: { key: 'data.advisor_like', params: { kind: 'category', id: 'cinema', staff: 'Sophie Martin', date: '2026-11-24' } }, at: null },
    ]);

    // Her own word wins: she says she does not like cinemas, and no cinema is suggested whatever was noted.
    const own = await call(suite.server.url, emma.cookie, 'PUT', '/api/profile', {
      likes: [],
      dislikes: [{ kind: 'category', id: 'cinema' }],
      party: { adults: 1, childrenAges: [], accessibility: [] },
      budget: null,
    });
    expect(own.status).toBe(200);
    const mine = await socket.nextOfType('feed');
    expect(mine.items.some((s) => s.item.place.category === 'cinema')).toBe(false);
  });

  it('adds a noted budget and party where she said nothing, saying whose they are', async () => {
    const sophie = await staff(suite.server.url, 'sophie');
    const jade = await newClient(suite.server.url, sophie, 'Jade Morel', ['profile', 'location']);
    const socket = await TestSocket.greeted(suite.server.wsUrl, jade.cookie);
    onTestFinished(() => socket.close());
    socket.send({ type: 'location', ...BY_THE_LOUVRE });
    await socket.nextOfType('feed');
    const noted: AdvisorNoteContent = { likes: [], dislikes: [], party: { adults: 2, childrenAges: [7], accessibility: [] }, budget: 1, said: '' };
    expect((await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${jade.id}/notes`, noted)).status).toBe(201);
    const feed: ServerFeed = await socket.nextOfType('feed');
    const data = feed.items.flatMap((s) => s.contributions.flatMap((c) => c.personalData.map((d) => d.evidence)));
    expect(data).toContainEqual({ key: 'data.advisor_budget', params: { budget: 1, staff: 'Sophie Martin', date: '2026-11-24' } });
    expect(data).toContainEqual({ key: 'data.advisor_party', params: { adults: 2, children: 1, staff: 'Sophie Martin', date: '2026-11-24' } });
    expect(feed.items.some((s) => s.item.place.category === 'bar')).toBe(false); // with a child: no bar at all (a hard rule)
  });
});

describe('the client’s control', () => {
  it('shows the notes in My data and the export; the client corrects one (the advisor can no longer rewrite it) and erases another', async () => {
    const sophie = await staff(suite.server.url, 'sophie');
    const lou = await newClient(suite.server.url, sophie, 'Lou Fabre', ['profile']);
    const first = (await (await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${lou.id}/notes`, LIKES_CINEMA)).json()) as AdvisorNote;
    const second = (await (
      await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${lou.id}/notes`, { ...LIKES_CINEMA, likes: [{ kind: 'tag', id: 'jazz' }], said: '' })
    ).json()) as AdvisorNote;

    const mine = (await (await call(suite.server.url, lou.cookie, 'GET', '/api/my-data')).json()) as MyData;
    expect(mine.advisorNotes.map((n) => n.id).sort()).toEqual([first.id, second.id].sort());
    expect(mine.advisorNotes.find((n) => n.id === first.id)).toMatchObject({ notedBy: 'Sophie Martin', said: LIKES_CINEMA.said });
    const exported = (await (await call(suite.server.url, lou.cookie, 'GET', '/api/my-data/export')).json()) as MyData;
    expect(exported.advisorNotes).toHaveLength(2);

    const correction: AdvisorNoteContent = { likes: [], dislikes: [], party: null, budget: null, said: 'Only arthouse films, and rarely.' };
    const corrected = await call(suite.server.url, lou.cookie, 'PUT', `/api/my-data/advisor-notes/${first.id}`, correction);
    expect(corrected.status).toBe(200);
    expect((await corrected.json()) as AdvisorNote).toMatchObject({ ...correction, id: first.id, notedBy: 'Sophie Martin', correctedAt: TUESDAY_EVENING.toISOString() });
    const rewrite = await call(suite.server.url, sophie, 'PUT', `/api/agency/clients/${lou.id}/notes/${first.id}`, LIKES_CINEMA);
    expect(rewrite.status).toBe(409);
    expect(((await rewrite.json()) as ApiError).error.message).toContain('corrected');
    expect((await clientList(suite.server.url, sophie, 'Lou Fabre')).clients[0]!.notes.find((n) => n.id === first.id)).toMatchObject({
      said: correction.said,
      correctedAt: TUESDAY_EVENING.toISOString(),
    });

    expect((await call(suite.server.url, lou.cookie, 'DELETE', `/api/my-data/advisor-notes/${second.id}`)).status).toBe(204);
    expect((await call(suite.server.url, lou.cookie, 'DELETE', `/api/my-data/advisor-notes/${second.id}`)).status).toBe(404);
    expect((await notesHeld(lou.id)).map((n) => n.id)).toEqual([first.id]);
    expect((await clientList(suite.server.url, sophie, 'Lou Fabre')).clients[0]!.notes.map((n) => n.id)).toEqual([first.id]);
  });

  it('deletes every note when the profile consent is withdrawn, and the feed stops reading them', async () => {
    const sophie = await staff(suite.server.url, 'sophie');
    const hugo = await newClient(suite.server.url, sophie, 'Hugo Perrin', ['profile', 'location']);
    expect((await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${hugo.id}/notes`, LIKES_CINEMA)).status).toBe(201);
    const socket = await TestSocket.greeted(suite.server.wsUrl, hugo.cookie);
    onTestFinished(() => socket.close());
    socket.send({ type: 'location', ...BY_THE_LOUVRE });
    expect(interestsOf((await socket.nextOfType('feed')).items[0]!)?.evidence.key).toBe('interests.advisor_noted');

    expect((await call(suite.server.url, hugo.cookie, 'PUT', '/api/consents/profile', { granted: false })).status).toBe(200);
    expect(await notesHeld(hugo.id)).toEqual([]);
    const feed = await socket.nextOfType('feed');
    expect(feed.items.flatMap((s) => s.contributions.map((c) => c.signal))).not.toContain('interests');
    expect(((await (await call(suite.server.url, hugo.cookie, 'GET', '/api/my-data')).json()) as MyData).advisorNotes).toEqual([]);
    expect((await clientList(suite.server.url, sophie, 'Hugo Perrin')).clients[0]).toMatchObject({ profileConsent: false, notes: [] });
    // Turned on again, nothing comes back: what was deleted is gone.
    expect((await call(suite.server.url, hugo.cookie, 'PUT', '/api/consents/profile', { granted: true })).status).toBe(200);
    expect(await notesHeld(hugo.id)).toEqual([]);
  });

  it('erasing the account deletes the notes with it', async () => {
    const sophie = await staff(suite.server.url, 'sophie');
    const zoe = await newClient(suite.server.url, sophie, 'Zoé Marchand', ['profile']);
    expect((await call(suite.server.url, sophie, 'POST', `/api/agency/clients/${zoe.id}/notes`, LIKES_CINEMA)).status).toBe(201);
    expect((await call(suite.server.url, zoe.cookie, 'DELETE', '/api/my-data')).status).toBe(204);
    expect(await notesHeld(zoe.id)).toEqual([]);
    expect((await clientList(suite.server.url, sophie, 'Zoé')).clients).toEqual([]);
  });
});

describe.skipIf(TEST_STORE !== 'postgres')('across instances (PostgreSQL)', () => {
  it('a note written through one instance re-ranks the feed open on another, and so does withdrawing the consent', async () => {
    const store = await createTestStore('advisor-notes-two');
    onTestFinished(() => store.drop());
    const a = await startServerProcess(store);
    const b = await startServerProcess(store);
    const sophie = await staff(a.url, 'sophie');
    const client = await newClient(a.url, sophie, 'Inès Vidal', ['profile', 'location']);
    // The processes run on the real clock: the session's is set to an evening, when places are open.
    await setSessionClock(b, client.cookie, TUESDAY_EVENING);
    const socket = await TestSocket.greeted(b.wsUrl, client.cookie);
    onTestFinished(() => socket.close());
    socket.send({ type: 'location', ...BY_THE_LOUVRE });
    await socket.nextOfType('feed');

    // Instance B may still send a feed ranked before it applied the change (a refresh): the next ones follow it.
    const readsNote = (feed: ServerFeed) => feed.items.some((s) => interestsOf(s)?.evidence.key === 'interests.advisor_noted');
    expect((await call(a.url, sophie, 'POST', `/api/agency/clients/${client.id}/notes`, LIKES_CINEMA)).status).toBe(201);
    expect(readsNote(await feedWhere(socket, readsNote))).toBe(true);

    expect((await call(a.url, client.cookie, 'PUT', '/api/consents/profile', { granted: false })).status).toBe(200);
    const withdrawn = await feedWhere(socket, (feed) => !readsNote(feed));
    expect(withdrawn.items.flatMap((s) => s.contributions.map((c) => c.signal))).not.toContain('interests');
  });
});

/** The first feed that `ok` accepts within 10 s (the ones before it were ranked before the change arrived). */
async function feedWhere(socket: TestSocket, ok: (feed: ServerFeed) => boolean): Promise<ServerFeed> {
  const until = Date.now() + 10_000;
  for (;;) {
    const feed = await socket.nextOfType('feed', Math.max(1, until - Date.now()));
    if (ok(feed)) return feed;
  }
}

/**
 * The console's catalogue over HTTP, on both stores: viewers read, editors write; an import is a dry run,
 * then an all-or-nothing apply of drafts; publishing puts drafts and moved pins in front of travellers,
 * archiving takes a place out of their very next suggestions; on PostgreSQL, what one instance publishes
 * or archives reaches the travel graph of another, without a restart.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { type AdminPlace, type AdminPlaceList, type CatalogueImportReport, ImportProgressLine, type PlaceDetails, type PublishResult } from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { startServerProcess } from '../support/server-process.ts';
import { serverForFile } from '../support/server-suite.ts';
import { callApi as call, setSessionClock, signIn, TUESDAY_EVENING } from '../support/test-server.ts';
import { createTestStore, TEST_STORE } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

const suite = serverForFile();
const HOTEL_DE_VILLE = { lat: 48.8566, lon: 2.3522 };

async function staff(url: string, email: string): Promise<string> {
  const res = await call(url, '', 'POST', '/api/agency/session', { email, password: DEMO_STAFF_PASSWORD });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function upload(url: string, cookie: string, name: string, text: string, query: string): Promise<Response> {
  return fetch(`${url}/api/agency/catalogue/import${query}`, { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream', 'x-file-name': name }, body: text });
}

const placePath = (id: string) => `/api/agency/places/${encodeURIComponent(id)}`;
const publicPlace = (url: string, id: string) => fetch(`${url}/api/places/${encodeURIComponent(id)}`);
const CSV = 'id,name,category,lat,lon,opening_hours\nbar-1,Le Comptoir d’Essai,bar,48.85668,2.35236,Mo-Su 08:00-02:00\n';
const IMPORTED = 'csv:bar-1@demo';

describe('the catalogue in the console', () => {
  it('lets viewers read and only editors write', async () => {
    const viewer = await staff(suite.server.url, 'hugo@escale-demo.example');
    const list = await call(suite.server.url, viewer, 'GET', '/api/agency/places?sort=name&pageSize=5&category=museum');
    expect(list.status).toBe(200);
    const body = (await list.json()) as AdminPlaceList;
    expect(body.places).toHaveLength(5);
    expect(body.places.every((p) => p.category === 'museum' && p.status === 'published')).toBe(true);
    expect(body.total).toBeGreaterThan(5);
    // Sorted both ways, the second page following the first.
    const page = async (query: string) => ((await (await call(suite.server.url, viewer, 'GET', `/api/agency/places?category=museum&${query}`)).json()) as AdminPlaceList).places.map((p) => p.id);
    const all = await page('sort=name&pageSize=200');
    expect(await page('sort=name&dir=desc&pageSize=200')).toEqual([...all].reverse());
    expect([...(await page('sort=name&pageSize=5')), ...(await page('sort=name&pageSize=5&page=2'))]).toEqual(all.slice(0, 10));
    expect((await call(suite.server.url, viewer, 'PUT', placePath(body.places[0]!.id), { name: 'Renamed' })).status).toBe(403);
    expect((await upload(suite.server.url, viewer, 'x.csv', CSV, '?mode=dry-run')).status).toBe(403);
    expect((await call(suite.server.url, viewer, 'GET', '/api/agency/places?pageSize=5000')).status).toBe(400);
  });

  it('imports (dry run, then apply), publishes, moves a pin and publishes again, as travellers then see it', async () => {
    const editor = await staff(suite.server.url, 'sophie@escale-demo.example');
    const dry = await upload(suite.server.url, editor, 'bars.csv', CSV, '?mode=dry-run');
    expect(dry.status).toBe(200);
    const report = (await dry.json()) as CatalogueImportReport;
    expect(report).toMatchObject({ mode: 'dry-run', city: { id: 'paris' }, counts: { created: 1, rejected: 0 } });
    expect((await publicPlace(suite.server.url, IMPORTED)).status).toBe(404);
    const applied = await upload(suite.server.url, editor, 'bars.csv', CSV, `?mode=apply&expect=${report.planDigest}`);
    expect(((await applied.json()) as CatalogueImportReport).mode).toBe('applied');
    // A draft: in the console, not for travellers.
    const pending = (await (await call(suite.server.url, editor, 'GET', '/api/agency/places?status=pending')).json()) as AdminPlaceList;
    expect(pending.places.map((p) => p.id)).toContain(IMPORTED);
    expect((await publicPlace(suite.server.url, IMPORTED)).status).toBe(404);

    const published = (await (await call(suite.server.url, editor, 'POST', '/api/agency/catalogue/publish', {})).json()) as PublishResult;
    expect(published.placeIds).toContain(IMPORTED);
    expect(((await (await publicPlace(suite.server.url, IMPORTED)).json()) as PlaceDetails).name).toBe('Le Comptoir d’Essai');

    // Moving the pin is an edit that waits for publication.
    const moved = (await (await call(suite.server.url, editor, 'PUT', placePath(IMPORTED), { lat: 48.8571, lon: 2.3531 })).json()) as AdminPlace;
    expect(moved).toMatchObject({ lat: 48.8571, pending: ['lat', 'lon'], published: { lat: 48.85668 } });
    expect(((await (await publicPlace(suite.server.url, IMPORTED)).json()) as PlaceDetails).lat).toBe(48.85668);
    await call(suite.server.url, editor, 'POST', '/api/agency/catalogue/publish', { ids: [IMPORTED] });
    expect(((await (await publicPlace(suite.server.url, IMPORTED)).json()) as PlaceDetails).lat).toBe(48.8571);

    // The price level is the agency's to give; a re-import of the file (which has none) keeps it.
    await call(suite.server.url, editor, 'PUT', placePath(IMPORTED), { priceLevel: 2 });
    await call(suite.server.url, editor, 'POST', '/api/agency/catalogue/publish', { ids: [IMPORTED] });
    expect(suite.server.ctx.graph.place(IMPORTED)?.priceLevel).toBe(2); // what the budget signal reads
    const again = (await (await upload(suite.server.url, editor, 'bars.csv', CSV, '?mode=dry-run')).json()) as CatalogueImportReport;
    expect(again.counts).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(again.updated[0]!.changes).toEqual(['lat', 'lon']); // the pin the file still has where it was, not the price

    // Opening hours the evaluator cannot read are refused, with the field named.
    const bad = await call(suite.server.url, editor, 'PUT', placePath(IMPORTED), { openingHours: 'whenever' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_request', issues: [{ path: 'openingHours' }] } });
  });

  it("takes an archived place out of a traveller's very next suggestions, and discards drafts", async () => {
    const editor = await staff(suite.server.url, 'sophie@escale-demo.example');
    const lea = await signIn(suite.server, 'lea');
    const socket = await TestSocket.greeted(suite.server.wsUrl, lea.cookie);
    onTestFinished(() => socket.close());
    socket.send({ type: 'location', ...HOTEL_DE_VILLE });
    const first = await socket.nextOfType('feed', 10_000);
    const top = first.items[0]!.item.place.id;
    const archived = await call(suite.server.url, editor, 'POST', '/api/agency/places/archive', { ids: [top] });
    expect(await archived.json()).toEqual({ changed: [top] });
    socket.send({ type: 'suggest_now' });
    const next = await socket.nextOfType('suggestions', 10_000);
    expect(next.items.map((s) => s.item.place.id)).not.toContain(top);
    expect((await publicPlace(suite.server.url, top)).status).toBe(404);
    expect(await (await call(suite.server.url, editor, 'POST', '/api/agency/places/restore', { ids: [top] })).json()).toEqual({ changed: [top] });
    expect((await publicPlace(suite.server.url, top)).status).toBe(200);

    const draft = (await (await call(suite.server.url, editor, 'POST', '/api/agency/places', { name: 'Brouillon', category: 'cafe', ...HOTEL_DE_VILLE })).json()) as AdminPlace;
    expect(draft.status).toBe('draft');
    expect((await call(suite.server.url, editor, 'DELETE', placePath(draft.id))).status).toBe(204);
    expect((await call(suite.server.url, editor, 'PUT', placePath(draft.id), { name: 'Gone' })).status).toBe(404);
    // A published place with nothing waiting has nothing to discard: it is archived instead.
    expect((await call(suite.server.url, editor, 'DELETE', placePath(top))).status).toBe(409);
  });

  it('streams its progress, then the report, to a client that asks (the console)', async () => {
    const editor = await staff(suite.server.url, 'sophie@escale-demo.example');
    const rows = Array.from({ length: 900 }, (_, i) => `s${i},Stream place ${i},cafe,48.86,2.35`).join('\n');
    const stream = (text: string) =>
      fetch(`${suite.server.url}/api/agency/catalogue/import?mode=apply`, {
        method: 'POST',
        headers: { cookie: editor, accept: 'application/x-ndjson', 'content-type': 'application/octet-stream', 'x-file-name': 'stream.csv' },
        body: text,
      });
    const res = await stream(`id,name,category,lat,lon\n${rows}\n`);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => ImportProgressLine.parse(JSON.parse(l)));
    expect(lines.at(-1)).toMatchObject({ type: 'report', report: { mode: 'applied', counts: { created: 900 } } });
    const phases = lines.filter((l) => l.type === 'progress').map((l) => l.phase);
    expect(phases).toContain('comparing');
    expect(phases.at(-1)).toBe('writing');
    // A refusal comes in the stream too, with its status and reason.
    const far = (await (await stream('id,name,category,lat,lon\nv,Vaduz,cafe,47.14,9.52\n')).text()).trim().split('\n').at(-1)!;
    expect(JSON.parse(far)).toMatchObject({ type: 'error', status: 422, error: { code: 'import_refused', reason: 'city_needed' } });
  });

  it('refuses bad imports whole, with a reason', async () => {
    const editor = await staff(suite.server.url, 'sophie@escale-demo.example');
    const json = await call(suite.server.url, editor, 'POST', '/api/agency/catalogue/import?mode=dry-run', { places: [] });
    expect(json.status).toBe(415);
    expect((await upload(suite.server.url, editor, 'x.csv', CSV, '?mode=maybe')).status).toBe(400);
    const far = await upload(suite.server.url, editor, 'far.csv', 'id,name,category,lat,lon\nv,Vaduz,cafe,47.14,9.52\n', '?mode=dry-run');
    expect(far.status).toBe(422);
    expect(await far.json()).toMatchObject({ error: { code: 'import_refused', reason: 'city_needed' } });
    const changed = await upload(suite.server.url, editor, 'bars.csv', CSV.replace('Essai', 'Essai 2'), '?mode=apply&expect=0123456789abcdef');
    expect(changed.status).toBe(409);
  });
});

describe.skipIf(TEST_STORE !== 'postgres')('across instances (PostgreSQL)', () => {
  it('what one instance publishes or archives reaches the graph and the travellers of another', async () => {
    const store = await createTestStore('catalogue-two');
    onTestFinished(() => store.drop());
    const a = await startServerProcess(store);
    const b = await startServerProcess(store);
    const editor = await staff(a.url, 'sophie@escale-demo.example');
    const report = (await (await upload(a.url, editor, 'bars.csv', CSV, '?mode=apply')).json()) as CatalogueImportReport;
    expect(report.counts.created).toBe(1);
    await call(a.url, editor, 'POST', '/api/agency/catalogue/publish', {});
    await expect.poll(async () => (await publicPlace(b.url, IMPORTED)).status, { timeout: 10_000, interval: 200 }).toBe(200);

    const lea = await signIn(b, 'lea');
    // The processes run on the real clock: the session's is set to an evening, when places are open.
    await setSessionClock(b, lea.cookie, TUESDAY_EVENING);
    const socket = await TestSocket.greeted(b.wsUrl, lea.cookie);
    onTestFinished(() => socket.close());
    socket.send({ type: 'location', ...HOTEL_DE_VILLE });
    const top = (await socket.nextOfType('feed', 10_000)).items[0]!.item.place.id;
    expect((await call(a.url, editor, 'POST', '/api/agency/places/archive', { ids: [top] })).status).toBe(200);
    await expect
      .poll(
        async () => {
          socket.send({ type: 'suggest_now' });
          return (await socket.nextOfType('suggestions', 10_000)).items.map((s) => s.item.place.id).includes(top);
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(false);
  });
});

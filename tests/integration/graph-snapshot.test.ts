/**
 * A restart from the travel graph's snapshot (server/src/graph/snapshots.ts), on SQLite and, in that run,
 * PostgreSQL: a stopped server leaves a snapshot in its data directory; the next start makes its graph from
 * it and gets the very graph the store holds (the digest), also from an older snapshot, which the change log
 * brings up to date. A damaged snapshot, one whose rows do not hold together, or one the log can no longer
 * bring up to date is set aside with its reason logged, and the graph is built from the store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';
import { GRAPH_SNAPSHOT_FILE } from '../../server/src/graph/snapshots.ts';
import { signIn, startTestServer, type TestServer } from '../support/test-server.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

interface Logged {
  msg: string;
  [key: string]: unknown;
}

/** A server on `store`, with what it logs at info and above. */
async function start(store: TestStore): Promise<{ server: TestServer; logged: Logged[] }> {
  const logged: Logged[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line) as Logged) });
  return { server: await startTestServer({ store, logger }), logged };
}

const said = (logged: Logged[], msg: string) => logged.filter((l) => l.msg === msg);

/** A demo visitor's feedback on places of their feed, applied once acknowledged. */
async function feedbackOn(server: TestServer, personaId: string, act: (socket: TestSocket, placeIds: string[]) => Promise<void>): Promise<void> {
  const visitor = await signIn(server, personaId);
  const socket = await TestSocket.greeted(server.wsUrl, visitor.cookie);
  socket.send({ type: 'location', lat: 48.8566, lon: 2.3522 });
  const feed = await socket.nextOfType('feed');
  await act(
    socket,
    feed.items.map((s) => s.item.place.id),
  );
  socket.close();
}

async function liked(socket: TestSocket, placeId: string, undo = false): Promise<void> {
  const before = socket.messages.filter((m) => m.type === 'feedback_ack').length;
  socket.send({ type: undo ? 'feedback_undo' : 'feedback', placeId, kind: 'liked' });
  await expect.poll(() => socket.messages.filter((m) => m.type === 'feedback_ack').length).toBeGreaterThan(before);
}

describe('the travel graph’s snapshot', () => {
  it('restarts from it, brought up to date by the change log, and sets aside one it cannot trust', async () => {
    const store = await createTestStore('graph-snapshot');
    onTestFinished(() => store.drop());
    const file = path.join(store.dataDir, GRAPH_SNAPSHOT_FILE);

    // A first start has no snapshot: the graph comes from the store, and one is written once started.
    const first = await start(store);
    expect(said(first.logged, 'graph built from the store')).toHaveLength(1);
    await expect.poll(() => said(first.logged, 'graph snapshot written').length).toBe(1);
    await feedbackOn(first.server, 'lea', async (socket, places) => {
      await liked(socket, places[0]!);
      await liked(socket, places[1]!);
    });
    const atFirstStop = first.server.ctx.graph.digest();
    await first.server.close();
    expect(said(first.logged, 'graph snapshot written')).toHaveLength(2); // and again at the stop, with the likes
    const older = fs.readFileSync(file);

    // The second start uses it: the same graph, without reading the interactions.
    const second = await start(store);
    expect(said(second.logged, 'graph built from its snapshot')).toHaveLength(1);
    expect(said(second.logged, 'graph built from the store')).toHaveLength(0);
    expect(second.server.ctx.graph.digest()).toBe(atFirstStop);
    // More changes, an undo among them.
    await feedbackOn(second.server, 'marc', async (socket, places) => {
      await liked(socket, places[0]!);
      await liked(socket, places[2]!);
      await liked(socket, places[0]!, true);
    });
    const atSecondStop = second.server.ctx.graph.digest();
    expect(atSecondStop).not.toBe(atFirstStop);
    await second.server.close();

    // From the older snapshot: the change log replays what the second server did on top of it.
    fs.writeFileSync(file, older);
    const third = await start(store);
    expect(said(third.logged, 'graph built from its snapshot')).toHaveLength(1);
    const [caughtUp] = said(third.logged, 'graph snapshot brought up to date from the change log');
    expect(caughtUp?.replayed).toBeGreaterThan(0);
    expect(third.server.ctx.graph.digest()).toBe(atSecondStop);
    await third.server.close();

    // A damaged snapshot is refused, and the graph built from the store is the same graph.
    fs.writeFileSync(file, older.subarray(0, older.byteLength - 64));
    const fourth = await start(store);
    expect(said(fourth.logged, 'graph snapshot refused: building the graph from the store')[0]).toMatchObject({ reason: expect.stringMatching(/truncated/) });
    expect(said(fourth.logged, 'graph built from the store')).toHaveLength(1);
    expect(fourth.server.ctx.graph.digest()).toBe(atSecondStop);
    await fourth.server.close();

    // One whose header is sound but whose rows are not (a kind no version writes) is refused as it is read in.
    const header = JSON.parse(older.toString('utf8', 16, 16 + older.readUInt32LE(12))) as { rows: number; sections: { kindCode: { offset: number } } };
    expect(header.rows).toBeGreaterThan(0);
    const badRows = Buffer.from(older);
    badRows[Math.ceil((16 + older.readUInt32LE(12)) / 8) * 8 + header.sections.kindCode.offset] = 200;
    fs.writeFileSync(file, badRows);
    const rowsRefused = await start(store);
    expect(said(rowsRefused.logged, 'graph snapshot refused: building the graph from the store')[0]).toMatchObject({
      err: { message: expect.stringMatching(/names no known traveller, place or kind/) },
    });
    expect(said(rowsRefused.logged, 'graph snapshot brought up to date from the change log')).toHaveLength(0);
    expect(rowsRefused.server.ctx.graph.digest()).toBe(atSecondStop);
    await rowsRefused.server.close();

    // One whose entry the change log no longer holds (purged after a day) cannot be brought up to date.
    fs.writeFileSync(file, older);
    const { db, close } = await store.connect();
    const mark = (JSON.parse(older.toString('utf8', 16, 16 + older.readUInt32LE(12))) as { mark: { position: number } }).mark.position;
    await db.deleteFrom('change_log').where('position', '<=', mark).execute();
    await close();
    const fifth = await start(store);
    expect(said(fifth.logged, 'graph snapshot not used: building the graph from the store')[0]).toMatchObject({ why: expect.stringMatching(/no longer holds its entry/) });
    expect(fifth.server.ctx.graph.digest()).toBe(atSecondStop);
    await fifth.server.close();
  });
});

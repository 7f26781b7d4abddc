/**
 * A store that fails at runtime is reported, not hidden: with the message log's table gone behind the
 * server's back (as a damaged page or a hand-made change would leave it), every push fails to commit; the
 * traveller is told, the server keeps running, and /api/health answers 503 with the failures counted.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponse } from '@escale/shared';
import { MARAIS } from '../support/positions.ts';
import { signInAs, startTestServer, type TestServer } from '../support/test-server.ts';
import { TEST_STORE } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function health(): Promise<{ status: number; body: HealthResponse }> {
  const res = await fetch(`${server.url}/api/health`);
  return { status: res.status, body: HealthResponse.parse(await res.json()) };
}

/** Another connection to the server's database, as an operator's sqlite3 or psql shell would be. */
async function behindTheServersBack(statement: string): Promise<void> {
  const other = await server.store.connect();
  try {
    await sql.raw(statement).execute(other.db);
  } finally {
    await other.close();
  }
}

/** How each database words a query on a table that is not there (code and message, as health shows it). */
const missingTable = (table: string) => (server.store.kind === 'sqlite' ? `SQLITE_ERROR: no such table: ${table}` : `PG_42P01: relation "${table}" does not exist`);
const INTEGRITY_AT_START = TEST_STORE === 'sqlite' ? 'ok' : 'not_applicable';

describe('a store failing at runtime', () => {
  it('is counted in /api/health, which answers 503 degraded, while the traveller gets an error and the server runs on', async () => {
    const socket = await TestSocket.greeted(server.wsUrl, await signInAs(server, 'lea'));
    socket.send({ type: 'location', ...MARAIS });
    await socket.nextOfType('feed');
    const before = await health();
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: 'ok', store: { kind: TEST_STORE, integrity: INTEGRITY_AT_START, errors: 0, lastErrorAt: null, lastError: null } });

    await behindTheServersBack('ALTER TABLE message_log RENAME TO message_log_aside');
    socket.send({ type: 'suggest_now' });
    expect(await socket.nextOfType('error')).toMatchObject({ code: 'internal' });

    const during = await health();
    expect(during.status).toBe(503);
    expect(during.body.status).toBe('degraded');
    expect(during.body.store.errors).toBeGreaterThanOrEqual(1);
    expect(during.body.store.lastError).toBe(missingTable('message_log'));
    expect(Date.parse(during.body.store.lastErrorAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(during.body.realtime.errors.internal).toBeGreaterThanOrEqual(1);
    // The rest of the report is still there for whoever reads it.
    expect(during.body.catalogue.places).toBeGreaterThanOrEqual(300);

    // Still running, on the same connection: with the table back, pushes go out again.
    await behindTheServersBack('ALTER TABLE message_log_aside RENAME TO message_log');
    socket.send({ type: 'suggest_now' });
    expect(await socket.next((m) => m.type === 'suggestions' && m.trigger.kind === 'suggest_now')).toMatchObject({ seq: 1 });
    expect(socket.closeCode).toBeNull();
    socket.close();
  });

  it("counts a turn's writes that fail after the push went out, though the traveller saw nothing wrong", async () => {
    const socket = await TestSocket.greeted(server.wsUrl, await signInAs(server, 'marc'));
    const counted = (await health()).body.store.errors;
    await behindTheServersBack('ALTER TABLE positions RENAME TO positions_aside');
    try {
      socket.send({ type: 'location', ...MARAIS });
      await socket.nextOfType('feed'); // sent; the position is written at the end of the turn
      await expect.poll(async () => (await health()).body.store.errors).toBe(counted + 1);
      expect((await health()).body.store.lastError).toBe(missingTable('positions'));
    } finally {
      await behindTheServersBack('ALTER TABLE positions_aside RENAME TO positions');
      socket.close();
    }
  });

  it('counts a query that fails in an HTTP handler, which answers the one error shape', async () => {
    const cookie = await signInAs(server, 'martin-family');
    const counted = (await health()).body.store.errors;
    await behindTheServersBack('ALTER TABLE sessions RENAME TO sessions_aside');
    try {
      const res = await fetch(`${server.url}/api/push-settings`, { headers: { cookie } });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
      const after = await health();
      expect(after.body.store.errors).toBe(counted + 1);
      expect(after.body.store.lastError).toBe(missingTable('sessions'));
    } finally {
      await behindTheServersBack('ALTER TABLE sessions_aside RENAME TO sessions');
    }
  });
});

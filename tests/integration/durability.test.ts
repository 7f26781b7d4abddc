/**
 * What an acknowledged write promises (docs/DECISIONS.md, "Durability"): the server process is killed with
 * SIGKILL right after it acknowledged writes (settings saved, pushes logged and sent, the position that caused
 * one), and after a restart on the same database every one of them is there. SQLite runs WAL with
 * synchronous=NORMAL: a commit is in the WAL file before it returns, which is what a process crash needs;
 * PostgreSQL's commit returns once its WAL is flushed.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { ServerMessage } from '@escale/shared';
import { MARAIS } from '../support/positions.ts';
import { killServerProcess, startServerProcess, stopServerProcesses } from '../support/server-process.ts';
import { putPushSettings, signInAs } from '../support/test-server.ts';
import { createTestStore } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

afterEach(stopServerProcesses);

describe('durability', () => {
  it('keeps every acknowledged write when the server process is killed with SIGKILL', async () => {
    const store = await createTestStore('kill');
    onTestFinished(() => store.drop());
    const first = await startServerProcess(store);
    const cookie = await signInAs(first, 'lea');
    expect((await putPushSettings(first, cookie, { moveThresholdMeters: 750, repeatSameDay: true })).status).toBe(200);
    const socket = await TestSocket.greeted(first.wsUrl, cookie);
    socket.send({ type: 'location', ...MARAIS });
    await socket.nextOfType('feed');
    for (let i = 0; i < 5; i++) {
      socket.send({ type: 'suggest_now' });
      await socket.next((m) => m.type === 'suggestions' && m.trigger.kind === 'suggest_now' && m.seq === i + 1);
    }
    const acknowledged = socket.messages.filter((m): m is Extract<ServerMessage, { seq: number }> => 'seq' in m && m.type === 'suggestions');
    await killServerProcess(first.child);
    socket.close();

    const second = await startServerProcess(store);
    // The session, the settings, the position and every logged message survived.
    const settings = await (await fetch(`${second.url}/api/push-settings`, { headers: { cookie } })).json();
    expect(settings).toMatchObject({ moveThresholdMeters: 750, repeatSameDay: true });
    const session = await (await fetch(`${second.url}/api/session`, { headers: { cookie } })).json();
    expect(session.traveller.startPosition).toEqual(MARAIS);
    const back = await TestSocket.greeted(second.wsUrl, cookie, 0);
    const last = acknowledged.at(-1)!;
    await back.next((m) => 'seq' in m && m.seq === last.seq);
    expect(back.welcome?.replay).toBe('replayed');
    const replayed = back.messages.filter((m) => m.type === 'suggestions');
    expect(replayed).toEqual(acknowledged);
    back.close();
  });
});

/**
 * What an acknowledged write promises (docs/DECISIONS.md, "Durability"): the server process is killed with
 * SIGKILL right after it acknowledged writes (settings saved, pushes logged and sent, the position that caused
 * one), and after a restart on the same database every one of them is there. SQLite runs WAL with
 * synchronous=NORMAL: a commit is in the WAL file before it returns, which is what a process crash needs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@escale/shared';
import { freePort, stopProcess, waitForHealth } from '../../scripts/bench/server-process.ts';
import { MARAIS } from '../support/positions.ts';
import { putPushSettings, signInAs } from '../support/test-server.ts';
import { TestSocket } from '../support/ws-client.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const running = new Set<ChildProcess>();

/** The real entry point in a process of its own, so it can be killed like a production server. */
async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; url: string; wsUrl: string }> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), ESCALE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_MODE: 'true' };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], { cwd: ROOT, env, stdio: 'ignore' });
  running.add(child);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { child, url, wsUrl: `ws://127.0.0.1:${port}/ws` };
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  running.delete(child);
}

afterEach(async () => {
  for (const child of running) await stopProcess(child);
  running.clear();
});

describe('durability', () => {
  it('keeps every acknowledged write when the server process is killed with SIGKILL', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-kill-'));
    const first = await startServerProcess(dataDir);
    const cookie = await signInAs(first, 'lea');
    expect((await putPushSettings(first, cookie, { moveThresholdMeters: 750, repeatSameDay: true })).status).toBe(200);
    const socket = await TestSocket.greeted(first.wsUrl, cookie);
    socket.send({ type: 'location', ...MARAIS });
    await socket.nextOfType('suggestions');
    for (let i = 0; i < 5; i++) {
      socket.send({ type: 'suggest_now' });
      await socket.next((m) => m.type === 'suggestions' && m.trigger.kind === 'suggest_now' && m.seq === i + 2);
    }
    const acknowledged = socket.messages.filter((m): m is Extract<ServerMessage, { seq: number }> => 'seq' in m && m.type === 'suggestions');
    await kill(first.child); // no shutdown of any kind: whatever was not committed is gone
    socket.close();

    const second = await startServerProcess(dataDir);
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

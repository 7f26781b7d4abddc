/** The real entry point in a process of its own, for tests that kill it or read its memory like an operator would. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, stopProcess, waitForHealth } from '../../scripts/bench/server-process.ts';
import type { TestStore } from './test-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
}

const running = new Set<ChildProcess>();

/**
 * Starts `server/src/main.ts` on a free port over `store` (test-store.ts); resolves once /api/health
 * answers. `stdout` hears what it writes there (its log lines), when given.
 */
export async function startServerProcess(store: TestStore, env: Record<string, string> = {}, options: { stdout?: (text: string) => void } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent', DEMO_MODE: 'true', ...store.env, ...env },
    stdio: ['ignore', options.stdout ? 'pipe' : 'ignore', 'inherit'],
  });
  const { stdout } = options;
  if (stdout) child.stdout!.on('data', (chunk: Buffer) => stdout(chunk.toString()));
  running.add(child);
  child.once('exit', () => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { child, url, wsUrl: `ws://127.0.0.1:${port}/ws` };
}

/** SIGKILL: no shutdown of any kind, whatever was not committed is gone. */
export async function killServerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Stops every server process a test started (for afterEach). */
export async function stopServerProcesses(): Promise<void> {
  for (const child of [...running]) await stopProcess(child);
}

/** The process's resident memory, in MiB, from /proc (Linux). */
export function residentMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

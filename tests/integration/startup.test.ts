/**
 * The real entry point facing an environment it cannot start in, or only with a doubt: an operator reads a
 * plain sentence saying what and where, never a stack trace, and a misspelt variable is pointed out.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNotADatabase } from '../../server/src/test-support/damaged-database.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs server/src/main.ts to its exit (every case here stops at start). */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('start-up', () => {
  it('stops on a file that is not a database with a plain message naming it and ESCALE_DATA_DIR, and no stack', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-start-'));
    const file = writeNotADatabase(dir);
    const run = await runMain({ ESCALE_DATA_DIR: dir, LOG_LEVEL: 'silent' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`The database ${file} (in ESCALE_DATA_DIR=${dir}) is damaged: file is not a database.`);
    expect(run.stderr).toContain('Restore the file from a backup');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('logs a warning with the likely name for a misspelt variable', async () => {
    // The same unusable database, so that the server stops right after its warnings.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-start-'));
    writeNotADatabase(dir);
    const run = await runMain({ ESCALE_DATA_DIR: dir, LOG_LEVEL: 'warn', ALLOWED_ORIGIN: 'https://escale.example.com' });
    const logged = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(logged).toContainEqual(expect.objectContaining({ level: 40, msg: 'ALLOWED_ORIGIN is not a setting of Escale and is ignored; did you mean ALLOWED_ORIGINS?' }));
  });
});

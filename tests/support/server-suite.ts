/**
 * The set-up most integration test files share: one real server for the file, started before its tests and
 * closed after them, with any server processes a test started (several instances on PostgreSQL).
 */
import { afterAll, beforeAll } from 'vitest';
import { stopServerProcesses } from './server-process.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** Registers the start and stop; read `suite.server` inside the tests. */
export function serverForFile(options: Parameters<typeof startTestServer>[0] = {}): { server: TestServer } {
  const suite = {} as { server: TestServer };
  beforeAll(async () => {
    suite.server = await startTestServer(options);
  });
  afterAll(async () => {
    await suite.server?.close();
    await stopServerProcesses();
  });
  return suite;
}

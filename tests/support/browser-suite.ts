/** The set-up every browser test file shares: a real server and Debian's Chromium, started once per file. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.ts';
import { launchChromium } from './browser.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** Screenshots the browser tests leave for a person to look at (git-ignored). */
export const ARTIFACTS = path.join(REPO_ROOT, 'tests/artifacts');

/** Registers the start and stop of the server and the browser; read the fields inside the tests. `options`: the server's. */
export function serverAndBrowser(options: Parameters<typeof startTestServer>[0] = {}): { server: TestServer; browser: Browser } {
  const suite = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    suite.server = await startTestServer(options);
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

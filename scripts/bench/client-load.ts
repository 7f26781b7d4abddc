/**
 * `npm run bench:client`: what a phone on a slow network lives through. Debian's Chromium opens the built app
 * served by the bundled server (what `npm start` runs) under DevTools' "Slow 4G" network profile and its
 * 4× CPU slowdown, signs in as a demo persona and waits for the first suggestion card and for the map. For
 * a first visit (empty cache) and a returning one (same browser, reload), it reports bytes transferred,
 * time to the first card and time to the map ready; the baseline, in the same run, is the same browser
 * refusing compression (Accept-Encoding: identity), which is what every visit cost before assets were
 * served compressed. Prints a table; --json adds the figures as one JSON object on the last line.
 *
 * Options: --runs N (per configuration, default 5), --persona ID (default lea).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../../tests/support/browser.ts';
import { freePort, stopProcess, waitForHealth } from './server-process.ts';
import { formatTable } from './table.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * DevTools' "Slow 4G" preset (chrome-devtools-frontend, NetworkManager: 1.6 Mbit/s down, 750 kbit/s up, each
 * × 0.9, and 150 ms × 3.75 latency) and its "4× slowdown" CPU throttling, the mid-range phone Lighthouse
 * assumes.
 */
export const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: ((1.6 * 1_000_000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 };
export const CPU_SLOWDOWN = 4;
/** The targets of issue 18, on Slow 4G. */
const TARGETS = { firstCardMs: 2000, mapReadyMs: 6000, firstVisitBytes: 1_000_000 };
/** A phone's screen (an iPhone 13/14's CSS viewport). */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const PAGE_TIMEOUT_MS = 120_000;

interface Visit {
  bytes: number;
  jsBytes: number;
  /** First visit only: the persona buttons are on screen. */
  signInShownMs: number | null;
  /** From the tap on a persona (first visit) or the navigation (returning) to the first card. */
  tapToCardMs: number;
  firstCardMs: number;
  mapReadyMs: number;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ESCALE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { child, url };
}

/**
 * Counts every byte the network delivered (headers included), as DevTools' "transferred", from Playwright's
 * request events: unlike the page's own CDP events they include the map's worker, which fetches the tiles.
 * WebSocket frames are the live channel's data, not page weight; DevTools leaves them out too. With --trace,
 * prints each request (start → end, seconds from the navigation) and the WebSocket's first frames.
 */
function countTransfers(page: Page, cdp: CDPSession): { reset(): void; total(): Promise<{ bytes: number; jsBytes: number }> } {
  const pending: Promise<void>[] = [];
  let bytes = 0;
  let jsBytes = 0;
  let navigationAt = Date.now();
  const trace = process.argv.includes('--trace');
  const log = (line: string) => trace && process.stderr.write(`  ${line}\n`);
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => {
        const received = sizes.responseBodySize + sizes.responseHeadersSize;
        bytes += received;
        if (request.resourceType() === 'script') jsBytes += received;
        const t = request.timing();
        const from = (t.startTime - navigationAt) / 1000;
        log(`${from.toFixed(2)} → ${(from + t.responseEnd / 1000).toFixed(2)} s  ${Math.round(received / 1000)} kB  ${request.url().replace(/^https?:\/\/[^/]+/, '')}`);
      }),
    );
  });
  cdp.on('Network.webSocketFrameReceived', (e) => log(`WebSocket ← ${e.response.payloadData.slice(0, 30)} (${((Date.now() - navigationAt) / 1000).toFixed(2)} s)`));
  return {
    reset() {
      bytes = 0;
      jsBytes = 0;
      pending.length = 0;
      navigationAt = Date.now();
    },
    async total() {
      await Promise.all(pending);
      return { bytes, jsBytes };
    },
  };
}

async function throttle(page: Page, context: BrowserContext, compressed: boolean): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (!compressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  return cdp;
}

/**
 * Records, inside the page, when each milestone enters the DOM (performance.now(): milliseconds since the
 * navigation started). Measured from outside, a check would wait for the page's main thread and count the
 * map library's start-up against the card drawn before it.
 */
const RECORD_MILESTONES = `(() => {
  const seen = (window.__milestones = {});
  const selectors = { signIn: '.personas button', card: '[data-testid="suggestion-card"]', map: '[data-testid="map"][data-map-ready="true"]' };
  const check = () => {
    for (const [name, selector] of Object.entries(selectors)) if (!(name in seen) && document.querySelector(selector)) seen[name] = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  addEventListener('pointerdown', () => { seen.tap ??= performance.now(); }, { capture: true });
})();`;

/**
 * Navigates (or reloads) and reads when the first card and the map ready arrived. On a first visit a person
 * signs in between: the sign-in screen's arrival and the time from the tap on a persona to the first card
 * are reported too (the bench taps as soon as the button is there).
 */
async function visit(page: Page, transfers: ReturnType<typeof countTransfers>, url: string, signIn: boolean, persona: string): Promise<Visit> {
  transfers.reset();
  await page.goto(url, { waitUntil: 'commit', timeout: PAGE_TIMEOUT_MS });
  // The button's accessible name is the persona's name, then its summary.
  if (signIn)
    await page
      .getByRole('button', { name: new RegExp(`^${persona.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) })
      .first()
      .click({ timeout: PAGE_TIMEOUT_MS });
  await page.getByTestId('suggestion-card').first().waitFor({ timeout: PAGE_TIMEOUT_MS });
  await page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: PAGE_TIMEOUT_MS });
  // Let late requests (tiles the map asked for while drawing) finish, so the bytes are the whole visit's.
  await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
  const at = (await page.evaluate('window.__milestones')) as Record<string, number>;
  const ms = (name: string) => {
    if (at[name] === undefined) throw new Error(`the page never recorded "${name}"`);
    return Math.round(at[name]);
  };
  return {
    ...(await transfers.total()),
    signInShownMs: signIn ? ms('signIn') : null,
    tapToCardMs: ms('card') - (signIn ? ms('tap') : 0),
    firstCardMs: ms('card'),
    mapReadyMs: ms('map'),
  };
}

/** The persona's name on its button ("Léa"): the button is found by the name it starts with, not by a guess. */
async function personaName(url: string, id: string): Promise<string> {
  const { personas } = (await (await fetch(`${url}/api/personas`)).json()) as { personas: { id: string; name: { en: string } }[] };
  const persona = personas.find((p) => p.id === id);
  if (!persona) throw new Error(`no persona ${id}: ${personas.map((p) => p.id).join(', ')}`);
  return persona.name.en;
}

async function firstAndReturning(url: string, compressed: boolean, persona: string): Promise<{ first: Visit; returning: Visit }> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    await context.addInitScript({ content: RECORD_MILESTONES });
    const page = await context.newPage();
    const transfers = countTransfers(page, await throttle(page, context, compressed));
    const first = await visit(page, transfers, url, true, persona);
    const returning = await visit(page, transfers, url, false, persona);
    await context.close();
    return { first, returning };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kb = (b: number) => `${Math.round(b / 1000)} kB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Median and range of one figure over the runs (a handful of runs: the range says more than a deviation). */
function spread(xs: number[]): { median: number; min: number; max: number } {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

function summarise(visits: Visit[]) {
  return {
    bytes: spread(visits.map((v) => v.bytes)),
    jsBytes: spread(visits.map((v) => v.jsBytes)),
    signInShownMs: visits[0]?.signInShownMs === null ? null : spread(visits.map((v) => v.signInShownMs ?? 0)),
    tapToCardMs: spread(visits.map((v) => v.tapToCardMs)),
    firstCardMs: spread(visits.map((v) => v.firstCardMs)),
    mapReadyMs: spread(visits.map((v) => v.mapReadyMs)),
  };
}

async function main(): Promise<void> {
  if (!chromiumAvailable()) throw new Error('Chromium is missing: apt-get install -y chromium (or set CHROMIUM_PATH)');
  if (!fs.existsSync(path.join(ROOT, 'client/dist/index.html')) || !fs.existsSync(path.join(ROOT, 'server/dist/main.js'))) {
    throw new Error('build first: npm run build');
  }
  const runs = Number(option('runs', '5'));
  const personaId = option('persona', 'lea');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-bench-client-'));
  const { child, url } = await startServer(dataDir);
  const persona = await personaName(url, personaId);
  const results: Record<'compressed' | 'identity', { first: Visit[]; returning: Visit[] }> = {
    compressed: { first: [], returning: [] },
    identity: { first: [], returning: [] },
  };
  try {
    // Alternate the two configurations so a slow moment of the machine does not fall on one of them only.
    for (let run = 0; run < runs; run++) {
      for (const config of ['compressed', 'identity'] as const) {
        const r = await firstAndReturning(url, config === 'compressed', persona);
        results[config].first.push(r.first);
        results[config].returning.push(r.returning);
        process.stderr.write(`run ${run + 1}/${runs} ${config}: first visit ${kb(r.first.bytes)}, card ${s(r.first.firstCardMs)}, map ${s(r.first.mapReadyMs)}\n`);
      }
    }
  } finally {
    await stopProcess(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const figures = {
    profile: { network: 'Slow 4G (DevTools)', ...SLOW_4G, cpuSlowdown: CPU_SLOWDOWN, viewport: PHONE.viewport },
    runs,
    targets: TARGETS,
    escale: { first: summarise(results.compressed.first), returning: summarise(results.compressed.returning) },
    baselineUncompressed: { first: summarise(results.identity.first), returning: summarise(results.identity.returning) },
  };
  const time = (x: { median: number; min: number; max: number } | null) => (x ? `${s(x.median)} (${s(x.min)}–${s(x.max)})` : '–');
  const row = (name: string, v: ReturnType<typeof summarise>) => [name, kb(v.bytes.median), kb(v.jsBytes.median), time(v.signInShownMs), time(v.tapToCardMs), time(v.firstCardMs), time(v.mapReadyMs)];
  console.log(
    `\nThe app on a phone: DevTools "Slow 4G" (${SLOW_4G.latency} ms, ${Math.round(SLOW_4G.downloadThroughput / 1000)} kB/s down), ` +
      `CPU ${CPU_SLOWDOWN}× slower, ${PHONE.viewport.width}×${PHONE.viewport.height}; ${runs} runs, median (min–max).\n` +
      `Times from the start of the navigation, except "tap → card": from the tap on a persona (first visit) or the navigation (returning).\n`,
  );
  console.log(
    formatTable(
      ['visit', 'transferred', 'of it JS', 'sign-in shown', 'tap → card', 'first card', 'map ready'],
      [
        row('Escale, first visit', figures.escale.first),
        row('Escale, returning', figures.escale.returning),
        row('uncompressed, first visit (baseline)', figures.baselineUncompressed.first),
        row('uncompressed, returning (baseline)', figures.baselineUncompressed.returning),
      ],
    ),
  );
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const { first, returning } = figures.escale;
  console.log(
    `\nTargets: card < ${s(TARGETS.firstCardMs)} after the tap (first visit): ${verdict(first.tapToCardMs.median < TARGETS.firstCardMs)}, ` +
      `after the navigation (returning): ${verdict(returning.firstCardMs.median < TARGETS.firstCardMs)}; ` +
      `map < ${s(TARGETS.mapReadyMs)} (first visit): ${verdict(first.mapReadyMs.median < TARGETS.mapReadyMs)}; ` +
      `first visit < ${kb(TARGETS.firstVisitBytes)}: ${verdict(first.bytes.median < TARGETS.firstVisitBytes)}`,
  );
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
}

await main();

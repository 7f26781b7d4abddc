/**
 * How the built client travels to a phone: precompressed brotli or gzip chosen from Accept-Encoding, hashed
 * assets cached for a year, the page revalidated on every visit and announcing the fetches it will make,
 * API JSON compressed on the fly, byte ranges never compressed. Runs against a small built folder of its own
 * (CLIENT_DIST), compressed the way the Vite build compresses.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BootData } from '@escale/shared';
import { signIn, startTestServer, type TestServer } from '../support/test-server.ts';

const SCRIPT = `console.log(${JSON.stringify('escale '.repeat(400))});\n`;
const PAGE = '<!doctype html><html><head><title>Escale</title></head><body><div id="root"></div></body></html>';

function writeDist(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), PAGE);
  fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const script = path.join(dist, 'assets/index-AbC123.js');
  fs.writeFileSync(script, SCRIPT);
  fs.writeFileSync(`${script}.br`, zlib.brotliCompressSync(SCRIPT));
  fs.writeFileSync(`${script}.gz`, zlib.gzipSync(SCRIPT));
  return dist;
}

/** A raw GET: fetch() would decompress and hide what travelled. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

let server: TestServer;
let dist: string;
beforeAll(async () => {
  dist = writeDist();
  server = await startTestServer({ env: { CLIENT_DIST: dist } });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the built client over the wire', () => {
  it('sends the brotli file to a browser that accepts brotli, and caches a hashed asset for a year', async () => {
    const res = await get(`${server.url}/assets/index-AbC123.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('falls back to gzip, then to the plain file, as the browser accepts', async () => {
    const gz = await get(`${server.url}/assets/index-AbC123.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await get(`${server.url}/assets/index-AbC123.js`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('answers 404 for a hashed file of another release instead of the page', async () => {
    const res = await get(`${server.url}/assets/index-Old999.js`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).not.toMatch(/html/);
  });

  it('makes the page revalidate on every visit and lets an unhashed file be cached a day', async () => {
    const page = await get(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-cache');
    const again = await get(`${server.url}/`, { 'if-none-match': String(page.headers.etag) });
    expect(again.status).toBe(304);
    const icon = await get(`${server.url}/favicon.svg`);
    expect(icon.headers['cache-control']).toBe('public, max-age=86400, must-revalidate');
  });

  it('carries the config and the session as boot data, and preloads the next fetch: personas for a visitor, places for a traveller', async () => {
    const preloads = (html: string) => [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin="anonymous" \/>/g)].map((m) => m[1]);
    const bootData = (html: string) => {
      const json = /<script id="escale-boot" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
      if (!json) throw new Error('the page has no boot data');
      return BootData.parse(JSON.parse(json));
    };
    const visitor = await get(`${server.url}/`);
    expect(preloads(visitor.body.toString())).toEqual(['/api/personas']);
    expect(bootData(visitor.body.toString())).toEqual({ config: await (await fetch(`${server.url}/api/config`)).json(), session: null });

    const { cookie } = await signIn(server, 'lea');
    const traveller = await get(`${server.url}/some/client/route`, { cookie });
    expect(preloads(traveller.body.toString())).toEqual(['/api/places']);
    const session = await (await fetch(`${server.url}/api/session`, { headers: { cookie } })).json();
    expect(bootData(traveller.body.toString()).session).toEqual(session);
    // It names who is signed in: no shared cache may keep it.
    expect(traveller.headers['cache-control']).toBe('private, no-cache');
  });

  it('compresses API JSON on the fly when accepted, and never a byte range', async () => {
    const places = await get(`${server.url}/api/places`, { 'accept-encoding': 'gzip' });
    expect(places.headers['content-encoding']).toBe('gzip');
    const json = zlib.gunzipSync(places.body);
    expect(JSON.parse(json.toString()).features.length).toBeGreaterThan(300);
    expect(places.body.length).toBeLessThan(json.length / 3);
    const ranged = await get(`${server.url}/assets/index-AbC123.js`, { 'accept-encoding': 'identity', range: 'bytes=0-9' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-encoding']).toBeUndefined();
    expect(ranged.body.toString()).toBe(SCRIPT.slice(0, 10));
  });
});

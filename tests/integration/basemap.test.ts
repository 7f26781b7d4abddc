/**
 * The offline basemap as the server sends it: the city's style named by /api/config, tiles and glyphs stored
 * gzip-compressed and sent as such, an empty tile for a place outside the extract, a JSON 404 for a file
 * that does not exist, and no map for a city whose basemap was never built.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, BasemapStyle, ClientConfig } from '@escale/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';

function get(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('the offline basemap over HTTP', () => {
  it('names the Paris style in the config, and the style points only at this server', async () => {
    const config = ClientConfig.parse(await (await fetch(`${server.url}/api/config`)).json());
    expect(config.map.offlineStyleUrl).toBe('/basemap/paris/style.json');
    const style = BasemapStyle.parse(await (await fetch(`${server.url}${config.map.offlineStyleUrl}`)).json());
    expect(Object.keys(style.sources).sort()).toEqual(['buildings', 'openmaptiles']);
    expect(JSON.stringify(style)).toContain('© OpenStreetMap contributors');
  });

  it('sends a tile as stored, gzip-compressed vector data with the Seine in it', async () => {
    // The z14 tile holding the Île de la Cité.
    const res = await get(`${server.url}/basemap/paris/tiles/14/8299/5636.pbf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('application/x-protobuf');
    expect(res.headers['cache-control']).toBe('public, max-age=604800');
    const tile = new VectorTile(new Pbf(zlib.gunzipSync(res.body)));
    expect(tile.layers.water?.length).toBeGreaterThan(0);
    expect(tile.layers.poi).toBeUndefined();
  });

  it('sends glyphs gzip-compressed too', async () => {
    const res = await get(`${server.url}/basemap/fonts/Klokantech%20Noto%20Sans%20Regular/0-255.pbf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.body).length).toBeGreaterThan(res.body.length);
  });

  it('answers an empty tile outside the extract, and a JSON 404 for a file that does not exist', async () => {
    expect((await get(`${server.url}/basemap/paris/tiles/14/1/1.pbf`)).status).toBe(204);
    const missing = await fetch(`${server.url}/basemap/paris/nothing.json`);
    expect(missing.status).toBe(404);
    expect(ApiError.parse(await missing.json()).error.code).toBe('not_found');
  });

  it('gives no offline style for a city whose basemap was never built', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-no-basemap-'));
    const bare = await startTestServer({ env: { BASEMAP_DIR: empty } });
    try {
      const config = ClientConfig.parse(await (await fetch(`${bare.url}/api/config`)).json());
      expect(config.map.offlineStyleUrl).toBeNull();
    } finally {
      await bare.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

/** Reads an OpenMapTiles PMTiles archive from a local file with the `pmtiles` library, tile by tile. */
import fs from 'node:fs';
import { PMTiles, type Header, type RangeResponse, type Source } from 'pmtiles';

/** The library reads through a Source; this one reads byte ranges of a file on disk. */
function fileSource(file: string): Source & { close(): void } {
  const fd = fs.openSync(file, 'r');
  return {
    getKey: () => file,
    async getBytes(offset: number, length: number): Promise<RangeResponse> {
      const buffer = Buffer.alloc(length);
      const read = fs.readSync(fd, buffer, 0, length, offset);
      return { data: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + read) };
    },
    close: () => fs.closeSync(fd),
  };
}

export interface Tile {
  z: number;
  x: number;
  y: number;
  /** The decompressed Mapbox vector tile. */
  data: Buffer;
}

const lonToX = (lon: number, n: number) => Math.floor(((lon + 180) / 360) * n);
function latToY(lat: number, n: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
}

/** Every tile of the archive inside its header's bounds, zoom by zoom, in a stable order. */
export async function* readTiles(file: string): AsyncGenerator<Tile, void, undefined> {
  const source = fileSource(file);
  try {
    const archive = new PMTiles(source);
    const h = await archive.getHeader();
    for (let z = h.minZoom; z <= h.maxZoom; z++) {
      const n = 2 ** z;
      for (let x = lonToX(h.minLon, n); x <= lonToX(h.maxLon, n); x++) {
        for (let y = latToY(h.maxLat, n); y <= latToY(h.minLat, n); y++) {
          const tile = await archive.getZxy(z, x, y);
          if (tile) yield { z, x, y, data: Buffer.from(tile.data) };
        }
      }
    }
  } finally {
    source.close();
  }
}

export async function readHeader(file: string): Promise<Header> {
  const source = fileSource(file);
  try {
    return await new PMTiles(source).getHeader();
  } finally {
    source.close();
  }
}

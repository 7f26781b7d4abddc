/**
 * Reads an import file into rows: the format from its name, checked against its first bytes (a .pbf that
 * is not a PBF is refused, not misread), within CATALOGUE_IMPORT_LIMITS (a bzip2 file is counted as it is
 * unpacked, so a bomb stops at the limit). `onProgress` is told the elements (OSM) decoded so far; the
 * total is not known before the end (0).
 */
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createRequire } from 'node:module';
import { CATALOGUE_IMPORT_LIMITS, type CatalogueFormat } from '@escale/shared';
import { readOsmPbfStream } from '../osm/read-osm-pbf.ts';
import { readOsmXmlStream } from '../osm/read-osm-xml.ts';
import { ImportRefused } from './import-refused.ts';
import { rowsFromCsv } from './rows-from-csv.ts';
import { rowsFromGeojson } from './rows-from-geojson.ts';
import { rowsFromOsm } from './rows-from-osm.ts';
import { emptyRead, type RowsRead } from './rows.ts';

// unbzip2-stream is CommonJS without types: one function that makes a Transform.
const unbzip2 = createRequire(import.meta.url)('unbzip2-stream') as () => Transform;

export interface ImportSource {
  name: string;
  bytes: number;
  /** A fresh stream of the file's bytes. */
  open(): Readable;
}

const MiB = 1024 * 1024;

export function formatOf(name: string): { format: CatalogueFormat; bzip2: boolean } {
  const lower = name.toLowerCase();
  if (/\.pbf$/.test(lower)) return { format: 'osm-pbf', bzip2: false };
  if (/\.(osm|xml)(\.bz2)?$/.test(lower)) return { format: 'osm-xml', bzip2: lower.endsWith('.bz2') };
  if (/\.(geo)?json$/.test(lower)) return { format: 'geojson', bzip2: false };
  if (/\.(csv|txt)$/.test(lower)) return { format: 'csv', bzip2: false };
  throw new ImportRefused('wrong_format', `"${name}" is not a format the importer reads: OpenStreetMap (.osm.pbf, .osm, .osm.bz2), GeoJSON (.geojson) or CSV (.csv).`);
}

/** The first bytes say what the file is; a name that says otherwise is refused. */
function checkMagic(head: Buffer, format: CatalogueFormat, bzip2: boolean, name: string): void {
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  const ok = bzip2
    ? head.subarray(0, 3).toString('latin1') === 'BZh'
    : format === 'osm-pbf'
      ? head.includes('OSMHeader')
      : format === 'osm-xml'
        ? text.startsWith('<')
        : format === 'geojson'
          ? text.startsWith('{')
          : !head.includes(0);
  if (!ok) throw new ImportRefused('wrong_format', `"${name}" does not hold what its name says (${bzip2 ? 'bzip2-compressed ' : ''}${format}).`);
}

/** Counts bytes through a stream; past `limit` it fails with `too_large`. */
class Counter extends Transform {
  bytes = 0;
  constructor(
    private readonly limit: number,
    private readonly what: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return done(new ImportRefused('too_large', `${this.what} is over ${Math.round(this.limit / MiB)} MiB: split it, or import it from the command line in parts.`));
    done(null, chunk);
  }
}

async function readHead(source: ImportSource): Promise<Buffer> {
  const stream = source.open();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= 64) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, 64);
}

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** `limits`: the import's limits (a test lowers one to see it hold without a gigabyte of input). */
export async function readSource(
  source: ImportSource,
  onProgress?: (done: number, total: number) => void,
  limits: Pick<typeof CATALOGUE_IMPORT_LIMITS, 'maxBytes' | 'maxUnpackedBytes'> = CATALOGUE_IMPORT_LIMITS,
): Promise<RowsRead> {
  const { format, bzip2 } = formatOf(source.name);
  if (source.bytes > limits.maxBytes)
    throw new ImportRefused('too_large', `"${source.name}" is ${Math.round(source.bytes / MiB)} MiB; the importer takes files up to ${Math.round(limits.maxBytes / MiB)} MiB.`);
  if (source.bytes === 0) throw new ImportRefused('unreadable', `"${source.name}" is empty.`);
  checkMagic(await readHead(source), format, bzip2, source.name);
  const raw = source.open();
  const counted = raw.pipe(new Counter(limits.maxBytes, `"${source.name}"`));
  raw.once('error', (err) => counted.destroy(err));
  let input: Readable = counted;
  if (bzip2) {
    const unpacked = counted.pipe(unbzip2());
    counted.once('error', (err) => unpacked.destroy(err));
    input = unpacked.pipe(new Counter(limits.maxUnpackedBytes, `"${source.name}" unpacked`));
    unpacked.once('error', (err) => input.destroy(err instanceof ImportRefused ? err : new ImportRefused('unreadable', `"${source.name}" is not a valid bzip2 file: ${err.message}`)));
  }
  try {
    switch (format) {
      case 'osm-pbf':
      case 'osm-xml': {
        const onElements = (n: number) => onProgress?.(n, 0);
        const extract = format === 'osm-pbf' ? await readOsmPbfStream(input, onElements) : await readOsmXmlStream(input, onElements);
        const read = emptyRead(format);
        rowsFromOsm(extract, read);
        return read;
      }
      case 'geojson':
        return rowsFromGeojson(await text(input));
      case 'csv':
        return rowsFromCsv(await text(input));
    }
  } catch (err) {
    if (err instanceof ImportRefused) throw err;
    throw new ImportRefused('unreadable', `"${source.name}" cannot be read as ${format}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Slices an upload is read in, each after a turn of the event loop: handed over in one go, the parser would
 * decode the whole file before the server answered anyone else (a 100,000-place file held every socket of the
 * instance for 20 s). Read this way it is like a file read from disk, and the count of bytes read follows.
 */
const UPLOAD_SLICE_BYTES = 64 * 1024;

/** An upload held in memory. */
export function bufferSource(name: string, bytes: Uint8Array): ImportSource {
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    name,
    bytes: bytes.length,
    open: () =>
      Readable.from(
        (async function* () {
          for (let at = 0; at < whole.length; at += UPLOAD_SLICE_BYTES) {
            if (at > 0) await new Promise((resolve) => setImmediate(resolve));
            yield whole.subarray(at, at + UPLOAD_SLICE_BYTES);
          }
        })(),
        { objectMode: false },
      ),
  };
}

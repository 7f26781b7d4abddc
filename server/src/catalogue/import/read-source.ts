/**
 * Reads an import file into rows: the format from its name, checked against its first bytes (a .pbf that
 * is not a PBF is refused, not misread), within CATALOGUE_IMPORT_LIMITS (a bzip2 file is counted as it is
 * unpacked, so a bomb stops at the limit). `onBytes` reports progress in bytes of the file as read.
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
    private readonly onBytes?: (n: number) => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return done(new ImportRefused('too_large', `${this.what} is over ${Math.round(this.limit / MiB)} MiB: split it, or import it from the command line in parts.`));
    this.onBytes?.(this.bytes);
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
  onBytes?: (read: number, total: number) => void,
  limits: Pick<typeof CATALOGUE_IMPORT_LIMITS, 'maxBytes' | 'maxUnpackedBytes'> = CATALOGUE_IMPORT_LIMITS,
): Promise<RowsRead> {
  const { format, bzip2 } = formatOf(source.name);
  if (source.bytes > limits.maxBytes)
    throw new ImportRefused('too_large', `"${source.name}" is ${Math.round(source.bytes / MiB)} MiB; the importer takes files up to ${Math.round(limits.maxBytes / MiB)} MiB.`);
  if (source.bytes === 0) throw new ImportRefused('unreadable', `"${source.name}" is empty.`);
  checkMagic(await readHead(source), format, bzip2, source.name);
  const raw = source.open();
  const counted = raw.pipe(new Counter(limits.maxBytes, `"${source.name}"`, (n) => onBytes?.(n, source.bytes)));
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
        const extract = format === 'osm-pbf' ? await readOsmPbfStream(input) : await readOsmXmlStream(input);
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

/** An upload held in memory. */
export function bufferSource(name: string, bytes: Uint8Array): ImportSource {
  return { name, bytes: bytes.length, open: () => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)]) };
}

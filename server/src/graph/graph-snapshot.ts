/**
 * The travel graph's interactions on disk, so that a restarted instance is back without reading and
 * looking up every interaction again (ten million at a million places). A snapshot holds what a build
 * spends its time on: the rows as numbers, the place and traveller ids they name, and their share of the
 * graph's digest; and the change-log entry the graph had applied when it was written (its mark). The
 * catalogue is not in it: it is read from the store at every start (graph/snapshots.ts decides whether a
 * snapshot may be used, and the change log replays what came after its mark).
 *
 * The file: a fixed prefix (magic, version, header length), a JSON header validated on reading, then
 * each column's bytes at an offset aligned to 8, so that a column is read as a typed array over the file's
 * buffer. It is written to a temporary file and renamed, so a reader sees a whole snapshot or the previous
 * one, never half of one. Anything that does not add up (another version, a truncated file, a header
 * whose lengths disagree with the file) is refused with its reason: the instance then builds from the store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LogMark } from '../bus/change-log.ts';
import type { IndexRows } from './interaction-index.ts';
import type { InteractionState } from './travel-graph.ts';

const MAGIC = 'ESCGRAPH';
/** Bumped whenever the layout or the meaning of a column changes: a snapshot of another version is refused. */
export const SNAPSHOT_VERSION = 1;
/** magic (8 bytes), version (uint32), header length (uint32). */
const PREFIX_BYTES = 16;
/** A header is a few hundred bytes; a larger one is not ours. */
const MAX_HEADER_BYTES = 64 * 1024;

/** What the header says of a snapshot, read without its body: which change-log entry it was marked with, and when. */
export interface GraphSnapshotHead {
  /** The change-log entry the graph had applied when the snapshot was written. */
  mark: LogMark;
  writtenAt: string;
}

export interface GraphSnapshot extends GraphSnapshotHead {
  state: InteractionState;
}

/** A file that is not a usable snapshot, and why. */
export class SnapshotRefused extends Error {
  override name = 'SnapshotRefused';
}

const COLUMNS = ['travellerOf', 'placeOf', 'kindCode', 'atMs', 'privateFlags', 'travellerIds', 'placeIds'] as const;
type Column = (typeof COLUMNS)[number];

const Section = z.object({ offset: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() });
const Header = z.object({
  mark: z.object({ position: z.number().int().nonnegative(), at: z.string().nullable(), origin: z.string().nullable() }),
  writtenAt: z.string(),
  rows: z.number().int().nonnegative(),
  travellers: z.number().int().nonnegative(),
  places: z.number().int().nonnegative(),
  digest: z.object({ laneA: z.number().int(), laneB: z.number().int(), lines: z.number().int() }),
  sections: z.object(Object.fromEntries(COLUMNS.map((c) => [c, Section])) as Record<Column, typeof Section>),
});
type Header = z.infer<typeof Header>;

const align8 = (n: number) => Math.ceil(n / 8) * 8;
const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/**
 * The place-id column as written last, kept by a caller that writes again and again (the snapshot writer)
 * and reused while the list is the same one, no longer: place numbers are never taken back (PlaceIds), so
 * the graph's list only grows, and serialising a million ids at every write was 50 MB of garbage each time.
 */
export class PlaceIdsText {
  private list: readonly string[] | null = null;
  private count = 0;
  private bytes = Buffer.alloc(0);

  of(ids: readonly string[]): Buffer {
    if (ids !== this.list || ids.length !== this.count) {
      this.bytes = Buffer.from(JSON.stringify(ids));
      this.list = ids;
      this.count = ids.length;
    }
    return this.bytes;
  }
}

/**
 * Writes the snapshot to `file` (through a temporary file and a rename); resolves to its size in bytes. The
 * state is the caller's, taken at one instant; only the file's writing is asynchronous, so the event loop
 * is held while the ids are serialised (and the caller's rows copied), not for the disk. `placeIdsText`
 * keeps the place ids' serialisation for the next write.
 */
export async function writeGraphSnapshot(file: string, mark: LogMark, state: InteractionState, now: Date, placeIdsText = new PlaceIdsText()): Promise<number> {
  const { rows } = state;
  const parts: Record<Column, Buffer> = {
    travellerOf: bytesOf(rows.travellerOf),
    placeOf: bytesOf(rows.placeOf),
    kindCode: bytesOf(rows.kindCode),
    atMs: bytesOf(rows.atMs),
    privateFlags: bytesOf(rows.privateFlags),
    travellerIds: Buffer.from(JSON.stringify(rows.travellerIds)),
    placeIds: placeIdsText.of(state.placeIds),
  };
  // Offsets are from the start of the body, which begins on an 8-byte boundary after the header.
  let offset = 0;
  const sections = {} as Header['sections'];
  for (const column of COLUMNS) {
    sections[column] = { offset, bytes: parts[column].byteLength };
    offset = align8(offset + parts[column].byteLength);
  }
  const header: Header = {
    mark,
    writtenAt: now.toISOString(),
    rows: rows.travellerOf.length,
    travellers: rows.travellerIds.length,
    places: state.placeIds.length,
    digest: state.interactionDigest,
    sections,
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(SNAPSHOT_VERSION, 8);
  prefix.writeUInt32LE(headerBytes.byteLength, 12);
  const bodyStart = align8(PREFIX_BYTES + headerBytes.byteLength);

  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const handle = await fs.promises.open(temporary, 'w');
  try {
    await handle.write(prefix, 0, PREFIX_BYTES, 0);
    await handle.write(headerBytes, 0, headerBytes.byteLength, PREFIX_BYTES);
    // Written at their offsets: the gaps between columns read back as zeros.
    for (const column of COLUMNS) await handle.write(parts[column], 0, parts[column].byteLength, bodyStart + sections[column].offset);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.promises.rm(temporary, { force: true });
    throw err;
  }
  await handle.close();
  await fs.promises.rename(temporary, file);
  return (await fs.promises.stat(file)).size;
}

/** The prefix and the header, checked against the file's size; throws SnapshotRefused when they do not add up. */
function parseHeader(start: Buffer, fileBytes: number): { header: Header; headerLength: number } {
  if (start.byteLength < PREFIX_BYTES || start.toString('latin1', 0, 8) !== MAGIC) throw new SnapshotRefused('not a graph snapshot');
  const version = start.readUInt32LE(8);
  if (version !== SNAPSHOT_VERSION) throw new SnapshotRefused(`written by another version (format ${version}, this one reads ${SNAPSHOT_VERSION})`);
  const headerLength = start.readUInt32LE(12);
  if (headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength > Math.min(fileBytes, start.byteLength)) throw new SnapshotRefused('truncated (its header runs past the end of the file)');
  try {
    return { header: Header.parse(JSON.parse(start.toString('utf8', PREFIX_BYTES, PREFIX_BYTES + headerLength))), headerLength };
  } catch {
    throw new SnapshotRefused('its header is not what this version writes');
  }
}

/**
 * The mark and time of the snapshot in `file`, read from its first bytes alone: at start the mark decides
 * whether the snapshot can be used before its body (153 MB at ten million interactions) is read. Throws
 * SnapshotRefused as readGraphSnapshot does for a prefix or header that does not add up.
 */
export function readGraphSnapshotHead(file: string): GraphSnapshotHead {
  const handle = fs.openSync(file, 'r');
  try {
    const fileBytes = fs.fstatSync(handle).size;
    const start = Buffer.alloc(Math.min(fileBytes, PREFIX_BYTES + MAX_HEADER_BYTES));
    const read = fs.readSync(handle, start, 0, start.byteLength, 0);
    const { header } = parseHeader(start.subarray(0, read), fileBytes);
    return { mark: header.mark, writtenAt: header.writtenAt };
  } finally {
    fs.closeSync(handle);
  }
}

/** Reads a snapshot written by writeGraphSnapshot; throws SnapshotRefused with the reason when it cannot be used. */
export function readGraphSnapshot(file: string): GraphSnapshot {
  const bytes = fs.readFileSync(file);
  const { header, headerLength } = parseHeader(bytes, bytes.byteLength);
  const bodyStart = align8(PREFIX_BYTES + headerLength);
  // Typed arrays over the file's own memory need an aligned start; a copy only if the buffer is not.
  const body = (bytes.byteOffset + bodyStart) % 8 === 0 ? bytes.subarray(bodyStart) : Buffer.from(bytes.subarray(bodyStart));
  const section = (column: Column, elementBytes: number, count: number): Buffer => {
    const { offset, bytes: length } = header.sections[column];
    if (offset % 8 !== 0 || offset + length > body.byteLength) throw new SnapshotRefused(`truncated (column ${column} runs past the end of the file)`);
    if (elementBytes > 0 && length !== elementBytes * count) throw new SnapshotRefused(`column ${column} holds ${length} bytes, not ${elementBytes * count}`);
    return body.subarray(offset, offset + length);
  };
  const typed = <T>(make: new (buffer: ArrayBufferLike, offset: number, length: number) => T, column: Column, elementBytes: number, count: number): T => {
    const b = section(column, elementBytes, count);
    return new make(b.buffer, b.byteOffset, count);
  };
  const ids = (column: Column, count: number): string[] => {
    const text = section(column, 0, 0).toString('utf8');
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch {
      throw new SnapshotRefused(`column ${column} is not a list of ids`);
    }
    if (!Array.isArray(list) || list.length !== count || !list.every((id) => typeof id === 'string')) throw new SnapshotRefused(`column ${column} does not hold ${count} ids`);
    return list as string[];
  };
  const { rows: n, travellers, places } = header;
  const rows: IndexRows = {
    travellerIds: ids('travellerIds', travellers),
    privateFlags: typed(Uint8Array, 'privateFlags', 1, travellers),
    travellerOf: typed(Int32Array, 'travellerOf', 4, n),
    placeOf: typed(Int32Array, 'placeOf', 4, n),
    kindCode: typed(Uint8Array, 'kindCode', 1, n),
    atMs: typed(Float64Array, 'atMs', 8, n),
  };
  return { mark: header.mark, writtenAt: header.writtenAt, state: { placeIds: ids('placeIds', places), rows, interactionDigest: header.digest } };
}

// Reads OSM XML (.osm, or .osm.bz2 unpacked on the way in) into the same extract as the PBF reader, streaming:
// the XML text is never held whole, only the elements it describes.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { addElement, type OsmExtract, type OsmTags, PROGRESS_EVERY_ELEMENTS } from './read-osm-pbf.ts';

interface Pending {
  type: 'node' | 'way' | 'relation';
  id: number;
  lat?: number;
  lon?: number;
  tags: OsmTags;
  refs: number[];
  members: { type: string; ref: number; role: string }[];
}

export async function readOsmXmlStream(input: Readable, onElements?: (count: number) => void): Promise<OsmExtract> {
  let count = 0;
  const extract: OsmExtract = { timestamp: null, nodes: new Map(), ways: new Map(), relations: new Map() };
  const parser = new SaxesParser({ xmlns: false });
  let current: Pending | null = null;
  let sawRoot = false;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const a = tag.attributes;
    switch (tag.name) {
      case 'osm':
        sawRoot = true;
        break;
      case 'node':
      case 'way':
      case 'relation':
        current = { type: tag.name, id: Number(a.id), tags: {}, refs: [], members: [] };
        if (tag.name === 'node') {
          current.lat = Number(a.lat);
          current.lon = Number(a.lon);
        }
        break;
      case 'tag':
        if (current && a.k !== undefined && a.v !== undefined) current.tags[a.k] = a.v;
        break;
      case 'nd':
        current?.refs.push(Number(a.ref));
        break;
      case 'member':
        current?.members.push({ type: a.type ?? '', ref: Number(a.ref), role: a.role ?? '' });
        break;
    }
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (!current || tag.name !== current.type) return;
    const { type, id, lat, lon, tags, refs, members } = current;
    addElement(extract, type === 'node' ? { type, id, lat, lon, tags } : type === 'way' ? { type, id, refs, tags } : { type, id, members, tags });
    current = null;
    if (++count % PROGRESS_EVERY_ELEMENTS === 0) onElements?.(count);
  });
  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) parser.write(chunk);
  parser.close();
  onElements?.(count);
  if (!sawRoot) throw new Error('not an OpenStreetMap XML file (no <osm> element)');
  return extract;
}

// The French open-data CSVs start with a BOM and use ";" and CRLF; the first column name must come out clean.
import { describe, expect, it } from 'vitest';
import { parseCsv } from './read-csv.ts';
import { parseOsmPointGeojson } from '../../server/src/catalogue/osm/read-geojson.ts';

describe('parseCsv', () => {
  it('strips the BOM, splits on ";", handles CRLF and quoted separators', () => {
    const text = '\uFEFFN° auto;nom;adresse\r\n31;UGC NORMANDIE;"116 AVENUE; DES CHAMPS"\r\n204;UGC OPERA;32 BD DES ITALIENS\r\n';
    const rows = parseCsv(text);
    expect(rows).toEqual([
      { 'N° auto': '31', nom: 'UGC NORMANDIE', adresse: '116 AVENUE; DES CHAMPS' },
      { 'N° auto': '204', nom: 'UGC OPERA', adresse: '32 BD DES ITALIENS' },
    ]);
    expect(Object.keys(rows[0]!)[0]).toBe('N° auto');
  });

  it('keeps empty cells as empty strings', () => {
    expect(parseCsv('a;b;c\n1;;3\n')).toEqual([{ a: '1', b: '', c: '3' }]);
  });
});

describe('parseOsmPointGeojson', () => {
  it('turns HOT Export attributes back into OSM keys and drops nulls', () => {
    const doc = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { osm_id: 42, osm_type: 'nodes', amenity: 'cafe', name: 'Marcelle', addr_street: 'Rue de Grenelle', addr_housenumber: '159', shop: null },
          geometry: { type: 'Point', coordinates: [2.3064748, 48.8577289] },
        },
      ],
    });
    expect(parseOsmPointGeojson(doc)).toEqual([
      { type: 'node', id: 42, lat: 48.8577289, lon: 2.3064748, tags: { amenity: 'cafe', name: 'Marcelle', 'addr:street': 'Rue de Grenelle', 'addr:housenumber': '159' } },
    ]);
  });
});

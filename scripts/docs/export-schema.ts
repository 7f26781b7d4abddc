/**
 * The export's JSON Schema (docs/export-schema.json), generated from the contract's `MyData` so the published
 * format is the one the server validates before sending: `npm run docs:export-schema`. A unit test fails
 * when the committed file is not what the contract generates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MyData, MY_DATA_SCHEMA_VERSION } from '@escale/shared';
import { z } from 'zod';

export const EXPORT_SCHEMA_FILE = path.resolve(import.meta.dirname, '../../docs/export-schema.json');

export function exportSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(MyData, { target: 'draft-2020-12', io: 'output' }),
    $id: `https://escale.example/schemas/my-data-v${MY_DATA_SCHEMA_VERSION}.json`,
    title: 'Escale: everything held about a traveller (GET /api/my-data/export)',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  fs.writeFileSync(EXPORT_SCHEMA_FILE, exportSchemaText());
  console.log(`wrote ${path.relative(process.cwd(), EXPORT_SCHEMA_FILE)}`);
}

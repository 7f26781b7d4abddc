import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_SCHEMA_FILE, exportSchemaText } from './export-schema.ts';

describe('the export schema in docs/', () => {
  it('is what the contract generates (npm run docs:export-schema)', () => {
    expect(fs.readFileSync(EXPORT_SCHEMA_FILE, 'utf8')).toBe(exportSchemaText());
  });
});

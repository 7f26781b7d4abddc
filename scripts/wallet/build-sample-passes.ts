/**
 * `npm run wallet:samples`: builds each sample pass (data/samples/<name>.pkpass) from its pass.json
 * (data/samples/pkpass/<name>.pass.json), with a manifest.json of SHA-1s as Apple's format has, and no
 * signature (a sample cannot carry a real issuer's). The zip is deterministic (fixed dates), so a rebuild of
 * an unchanged pass.json gives the same bytes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

const DIR = path.resolve(import.meta.dirname, '../../data/samples');
const FIXED_DATE = new Date('2026-12-01T00:00:00Z');

export function buildPass(passJson: Uint8Array): Uint8Array {
  const manifest = { 'pass.json': createHash('sha1').update(passJson).digest('hex') };
  return zipSync({ 'pass.json': [passJson, { mtime: FIXED_DATE }], 'manifest.json': [new TextEncoder().encode(JSON.stringify(manifest)), { mtime: FIXED_DATE }] }, { level: 6, mtime: FIXED_DATE });
}

if (process.argv[1] === import.meta.filename) {
  for (const file of fs.readdirSync(path.join(DIR, 'pkpass')).filter((f) => f.endsWith('.pass.json'))) {
    const out = path.join(DIR, file.replace(/\.pass\.json$/, '.pkpass'));
    fs.writeFileSync(out, buildPass(fs.readFileSync(path.join(DIR, 'pkpass', file))));
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  }
}

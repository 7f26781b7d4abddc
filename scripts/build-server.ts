/**
 * Bundles the server's own TypeScript (and shared/) into server/dist/main.js for `npm start`. Dependencies
 * stay external in node_modules; bundling only our code saves the per-file transpiling that tsx does at
 * each start, which is most of the start-up time budget (docs/DECISIONS.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const serverPkg = JSON.parse(fs.readFileSync(path.join(root, 'server/package.json'), 'utf8')) as { dependencies: Record<string, string> };
const external = Object.keys(serverPkg.dependencies).filter((d) => d !== '@escale/shared');

const result = await build({
  entryPoints: [path.join(root, 'server/src/main.ts')],
  outfile: path.join(root, 'server/dist/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`server bundled: server/dist/main.js (${Math.round(bytes / 1024)} KiB with source map)`);

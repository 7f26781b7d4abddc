/**
 * `npm run catalogue:import -- --agency ID FILE [--dry-run] [--json]`: the console's importer on the
 * command line, against the store the server uses (ESCALE_DATA_DIR, or DATABASE_URL). A dry run writes
 * nothing; otherwise every place is written or none. Places land as drafts: publish them in the console.
 * City: `--city ID`, or a new one with `--city-name NAME --timezone ZONE [--country cc]`; by default the city
 * within 50 km of the places. Prints a table (the rejected rows with their reasons), the throughput and the
 * peak memory; with --json, the same as one JSON object on the last line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CatalogueImportTarget, type ImportReasonCode, importReasonText } from '@escale/shared';
import { loadConfig } from '../../server/src/config.ts';
import { importCatalogue } from '../../server/src/catalogue/import/import-catalogue.ts';
import { ImportRefused } from '../../server/src/catalogue/import/import-refused.ts';
import { openStore } from '../../server/src/store/open-store.ts';
import { ProgressBar } from './progress-bar.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    agency: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    city: { type: 'string' },
    'city-name': { type: 'string' },
    timezone: { type: 'string' },
    country: { type: 'string' },
  },
});

function fail(message: string): never {
  process.stderr.write(`catalogue:import: ${message}\n`);
  process.exit(2);
}

const file = positionals[0];
if (!values.agency || !file || positionals.length !== 1) fail('usage: npm run catalogue:import -- --agency ID FILE [--dry-run] [--json] [--city ID | --city-name NAME --timezone ZONE [--country cc]]');
if (!fs.existsSync(file)) fail(`no file ${file}`);
const target = CatalogueImportTarget.safeParse({ mode: values['dry-run'] ? 'dry-run' : 'apply', city: values.city, cityName: values['city-name'], timezone: values.timezone, country: values.country });
if (!target.success) fail(target.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));

const { config } = loadConfig(process.env);
const store = await openStore(config.dataDir, { databaseUrl: config.databaseUrl });
try {
  const agency = await store.db.selectFrom('agencies').select(['id', 'name']).where('id', '=', values.agency).executeTakeFirst();
  if (!agency) {
    const known = await store.db.selectFrom('agencies').select('id').execute();
    fail(`no agency "${values.agency}" in this store (agencies: ${known.map((a) => a.id).join(', ') || 'none'})`);
  }
  const bar = new ProgressBar();
  let phase = '';
  const bytes = fs.statSync(file).size;
  const { mode: _mode, ...where } = target.data;
  const report = await importCatalogue(
    store.db,
    { name: path.basename(file), bytes, open: () => fs.createReadStream(file) },
    {
      agencyId: agency.id,
      target: where,
      apply: target.data.mode === 'apply',
      now: new Date(),
      onProgress: (p, done, total) => {
        if (p !== phase) bar.phase((phase = p));
        bar.update(p, done, total, p === 'reading' ? 'elements' : 'places');
      },
    },
  );
  const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const placesPerSecond = Math.round(((report.counts.created + report.counts.updated + report.counts.unchanged) / Math.max(1, report.ms)) * 1000);
  const c = report.counts;
  console.log(`\n${report.file} (${report.format}) → agency ${agency.id}, city ${report.city.name}${report.city.isNew ? ' (new)' : ''}: ${report.mode}`);
  console.table({ read: c.read, created: c.created, updated: c.updated, unchanged: c.unchanged, rejected: c.rejected, ignored: c.ignored, 'kept with a warning': c.warnings });
  for (const [code, n] of Object.entries(report.ignored) as [ImportReasonCode, number][]) console.log(`  ignored, ${importReasonText(code, {}, 'en')}: ${n}`);
  if (report.rejected.length > 0) {
    console.log('Rejected:');
    for (const r of report.rejected.slice(0, 50)) console.log(`  ${r.ref}${r.name ? ` (${r.name})` : ''}: ${r.reason}`);
    if (report.rejected.length > 50) console.log(`  … and ${c.rejected - 50} more (--json lists up to 500)`);
  }
  if (c.warnings > 0) console.log(`Warnings: ${c.warnings} (first: ${report.warnings[0]!.ref}: ${report.warnings[0]!.message})`);
  console.log(`${(bytes / 1048576).toFixed(1)} MiB in ${(report.ms / 1000).toFixed(2)} s: ${placesPerSecond} places/s; peak memory (RSS) ${peakMiB} MiB`);
  if (report.mode === 'applied' && c.created + c.updated > 0) console.log('Written as drafts: publish them in the console (Catalogue → Publish) for travellers to see them.');
  if (values.json) console.log(JSON.stringify({ ...report, placesPerSecond, peakRssMiB: peakMiB, bytes }));
} catch (err) {
  if (err instanceof ImportRefused) fail(`${err.code}: ${err.message}`);
  throw err;
} finally {
  await store.close();
}

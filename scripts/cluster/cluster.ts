/**
 * `npm run cluster [-- --instances N] [--port P]`: N Escale instances (default 3) on PostgreSQL and Redis
 * behind HAProxy, on this machine (docs/SCALING.md). Uses DATABASE_URL and REDIS_URL when set, otherwise
 * the local servers (database `escale_cluster`, created if missing); prints the URL and each instance;
 * Ctrl-C stops everything it started.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createClient } from 'redis';
import { describeDatabaseUrl } from '../../server/src/store/postgres.ts';
import { describeRedisUrl } from '../../server/src/bus/relay.ts';
import { startCluster } from './start-cluster.ts';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '3' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const instances = Number(values.instances);
const port = Number(values.port);
if (!Number.isInteger(instances) || instances < 1 || instances > 16) fail(`--instances must be a whole number from 1 to 16, got ${values.instances}`);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, got ${values.port}`);

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/escale_cluster';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function fail(message: string): never {
  console.error(`cluster: ${message}`);
  process.exit(1);
}

/** Creates the database when it does not exist, through the server's `postgres` database. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`create database ${pg.escapeIdentifier(name)}`);
      console.log(`created the database ${name}`);
    }
  } catch (err) {
    fail(`cannot reach PostgreSQL at DATABASE_URL=${describeDatabaseUrl(url)}: ${(err as Error).message}. Start it, or set DATABASE_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url: string): Promise<void> {
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    fail(`cannot reach Redis at REDIS_URL=${describeRedisUrl(url)}: ${(err as Error).message}. Start it, or set REDIS_URL.`);
  } finally {
    if (client.isOpen) await client.close();
  }
}

await ensureDatabase(databaseUrl);
await checkRedis(redisUrl);
console.log(`starting ${instances} instance(s) on ${describeDatabaseUrl(databaseUrl)} and ${describeRedisUrl(redisUrl)} …`);
const cluster = await startCluster({ instances, databaseUrl, redisUrl, port, host: values.host, entry: 'dist', output: 'ignore' }).catch((err: Error) => fail(err.message));

console.log('');
console.log(`Escale is ready at ${cluster.url} (HAProxy, ${cluster.configFile})`);
console.log('');
console.log('instance   url                      pid');
for (const i of cluster.instances) console.log(`${i.name.padEnd(10)} ${i.url.padEnd(24)} ${i.child.pid}`);
console.log('');
console.log('Each instance answers GET /api/health (bus, change log position, graph digest) and GET /metrics.');
console.log('Ctrl-C stops the balancer and every instance.');

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping …');
  await cluster.stop();
  console.log('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
for (const i of cluster.instances) {
  i.child.once('exit', (code, signal) => {
    if (!stopping) console.error(`${i.name} exited (${signal ?? code}); the balancer routes around it`);
  });
}

/**
 * A fresh, empty store for one test server: an SQLite file in a new temporary directory, or, when the test
 * run is the PostgreSQL one (ESCALE_TEST_STORE=postgres, vitest.config.ts), a new PostgreSQL database of its
 * own on the machine's server, dropped when the test is done. Every integration test runs on both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../server/src/store/db.ts';
import { openSqlite } from '../../server/src/store/db.ts';
import type { StoreKind } from '../../server/src/store/dialect.ts';
import { openPostgres } from '../../server/src/store/postgres.ts';

/** The store this test run uses. */
export const TEST_STORE: StoreKind = process.env.ESCALE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
/** Where new databases are created from (trust auth on this machine and CI's; see .ci/run). */
export const POSTGRES_ADMIN_URL = process.env.ESCALE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore {
  kind: StoreKind;
  /** The variables that point a server at this store (ESCALE_DATA_DIR, and DATABASE_URL on PostgreSQL). */
  env: Record<string, string>;
  dataDir: string;
  /** Another connection to the store, as an operator's shell would be (kysely; closed by the caller). */
  connect(): Promise<{ db: Db; close(): Promise<void> }>;
  /** Drops the PostgreSQL database (its connections first); removes nothing of SQLite's temporary files. */
  drop(): Promise<void>;
}

function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `label` goes into the temporary directory's and the database's names, to tell them apart when debugging. */
export async function createTestStore(label = 'it', kind: StoreKind = TEST_STORE): Promise<TestStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `escale-${label}-`));
  if (kind === 'sqlite') {
    return {
      kind,
      env: { ESCALE_DATA_DIR: dataDir },
      dataDir,
      connect: async () => openSqlite(dataDir),
      drop: async () => undefined,
    };
  }
  const name = `escale_${label.replace(/\W/g, '_')}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await asAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(name);
  let dropped = false;
  return {
    kind,
    env: { ESCALE_DATA_DIR: dataDir, DATABASE_URL: url },
    dataDir,
    connect: () => openPostgres(url, { poolSize: 2 }),
    async drop() {
      if (dropped) return;
      dropped = true;
      await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

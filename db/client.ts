// One drizzle type over two drivers: embedded PGlite (a data directory, or memory:// in tests) when no
// DATABASE_URL is set, Postgres through the `postgres` driver otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { schema } from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
// biome-ignore lint/suspicious/noExplicitAny: the relational-config parameter differs per driver
export type Tx = PgTransaction<PgQueryResultHKT, Schema, any>;
/** Either the database or a transaction on it: repositories take this so callers choose the scope. */
export type Executor = Db | Tx;

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Where the data lives, without credentials, for logs and /healthz. */
  location: string;
  /** Most connections this process opens (PGlite: its one). */
  poolSize: number;
  ping(): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball. */
  dump?: () => Promise<Blob | File>;
}

export class DatabaseUnavailableError extends Error {
  readonly code = 'DB_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite in `dataDir`. */
  url?: string | null;
  /** Directory for PGlite, or `memory://` for a throw-away database. */
  dataDir?: string;
  /** Pool size for Postgres. */
  max?: number;
  connectTimeoutSec?: number;
  /** PGlite only: start from this data directory dump (tests start from a migrated template). */
  pgliteDump?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts) : openPglite(opts.dataDir ?? 'memory://', opts.pgliteDump);
}

async function openPglite(dataDir: string, dump?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      ...(dump ? { loadDataDir: dump } : {}),
    });
  } catch (err) {
    throw new DatabaseUnavailableError(`cannot open the embedded database in ${dataDir}: ${errText(err)}`, {
      cause: err,
    });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    driver: 'pglite',
    location: inMemory ? 'memory' : dataDir,
    poolSize: 1,
    async ping() {
      await client.query('select 1');
    },
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
    dump: () => client.dumpDataDir('none'),
  };
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Database> {
  const location = redact(url);
  const poolSize = opts.max ?? 10;
  const client = postgres(url, {
    max: poolSize,
    connect_timeout: opts.connectTimeoutSec ?? 10,
    onnotice: () => {},
    connection: { application_name: 'shouwang' },
  });
  try {
    await client`select 1`;
  } catch (err) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(`cannot connect to Postgres at ${location}: ${errText(err)}`, {
      cause: err,
    });
  }
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    driver: 'postgres',
    location,
    poolSize,
    async ping() {
      await client`select 1`;
    },
    async migrate() {
      // Two instances starting together must not both migrate: a session advisory lock, held on a
      // connection of its own while the migrator runs on that same connection.
      const conn = postgres(url, {
        max: 1,
        onnotice: () => {},
        connect_timeout: opts.connectTimeoutSec ?? 10,
      });
      try {
        await conn`select pg_advisory_lock(hashtext('shouwang:migrate'))`;
        await migratePostgres(drizzlePostgres(conn, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await conn.end({ timeout: 5 });
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.end({ timeout: 5 });
    },
  };
}

/** Rows of `db.execute(sql)`, which the two drivers shape differently. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

function errText(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return errText(err.errors[0]);
  const e = err as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(' ') || String(err);
}

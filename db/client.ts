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
  /**
   * Takes a lock named `key` for as long as this process holds it (until `release()` or the end of the
   * process or its connection), or null when another holder has it. On Postgres a session advisory lock
   * on a connection of its own, so it spans processes; on PGlite (one process) within this database.
   */
  tryLock(key: string): Promise<HeldLock | null>;
}

export interface HeldLock {
  /**
   * Asks again whether this process holds the lock, taking it back if its connection was lost and nobody
   * took it meanwhile: true (held), false (another holder has it now), null (the database did not answer).
   */
  refresh(): Promise<boolean | null>;
  /** Gives the lock back; safe to call twice. */
  release(): Promise<void>;
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
  /** Postgres only: called with the text of every statement sent (benchmarks count them). */
  onQuery?: (text: string) => void;
  /**
   * PGlite only: wrap this running embedded database instead of opening one; closing the result leaves it
   * running for its owner (the tests hand one database from test to test, emptied in between).
   */
  pglite?: PGlite;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts);
  return opts.pglite
    ? wrapPglite(opts.pglite, 'memory', () => {})
    : openPglite(opts.dataDir ?? 'memory://', opts.pgliteDump);
}

/**
 * PGlite's data directory belongs to one process at a time, and PGlite itself does not say so: a second
 * process (the CLI beside `npm start`) would open it and corrupt it. A lock file beside the directory
 * holds the owner's pid; another live process's lock is refused with a clear message, a dead one's taken.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (owner === process.pid) break;
      if (Number.isInteger(owner) && owner > 0 && alive(owner))
        throw new DatabaseUnavailableError(
          `the embedded database in ${dataDir} is in use by process ${owner} (a running shouwang?): stop it ` +
            `first, or use Postgres (DATABASE_URL) / 内嵌数据库正被进程 ${owner} 使用，请先停止它`,
        );
      fs.rmSync(lockFile, { force: true });
    }
  }
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid))
        fs.rmSync(lockFile, { force: true });
    } catch {
      // gone already
    }
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dataDir: string, dump?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      ...(dump ? { loadDataDir: dump } : {}),
    });
  } catch (err) {
    unlock();
    throw new DatabaseUnavailableError(`cannot open the embedded database in ${dataDir}: ${errText(err)}`, {
      cause: err,
    });
  }
  return wrapPglite(client, inMemory ? 'memory' : dataDir, async () => {
    await client.close();
    unlock();
  });
}

function wrapPglite(client: PGlite, location: string, release: () => void | Promise<void>): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  const held = new Set<string>();
  return {
    db,
    driver: 'pglite',
    location,
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
      await release();
    },
    dump: () => client.dumpDataDir('none'),
    async tryLock(key) {
      if (held.has(key)) return null;
      held.add(key);
      return {
        refresh: async () => held.has(key),
        async release() {
          held.delete(key);
        },
      };
    },
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
    ...(opts.onQuery ? { debug: (_connection: number, text: string) => opts.onQuery?.(text) } : {}),
  });
  try {
    await client`select 1`;
  } catch (err) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(`cannot connect to Postgres at ${location}: ${errText(err)}`, {
      cause: err,
    });
  }
  const db = drizzlePostgres(preparing(client), { schema }) as unknown as Db;
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
    async tryLock(key) {
      // A client of its own with one connection that never retires (a pool connection is recycled after
      // its lifetime, and a session lock would go with it). Ending the session gives the lock back, also
      // when the connection is already gone.
      const conn = postgres(url, {
        max: 1,
        max_lifetime: 0,
        idle_timeout: 0,
        onnotice: () => {},
        connect_timeout: opts.connectTimeoutSec ?? 10,
        connection: { application_name: 'shouwang-lock' },
      });
      try {
        const [row] = await conn`select pg_try_advisory_lock(hashtext(${key})) as ok`;
        if (!row?.ok) {
          await conn.end({ timeout: 1 });
          return null;
        }
      } catch (err) {
        await conn.end({ timeout: 1 }).catch(() => {});
        throw err;
      }
      return {
        // On the same session this only counts the lock again (ending the session drops every count); on a
        // new one (the driver reconnects after a lost connection) it takes the lock back if it is free.
        async refresh() {
          try {
            const [row] = await conn`select pg_try_advisory_lock(hashtext(${key})) as ok`;
            return Boolean(row?.ok);
          } catch {
            return null;
          }
        },
        release: () => conn.end({ timeout: 1 }),
      };
    },
  };
}

/**
 * The client with every query of drizzle's as a named prepared statement. drizzle sends a query unprepared
 * unless it was built with `.prepare(name)`: then Postgres parses and plans it again on every run and the
 * whole text goes over the socket each time. Prepared (the `postgres` driver's own default, one cache
 * per connection keyed by the text), a query is parsed and planned once per connection and later runs
 * send only its parameters. Transactions and savepoints hand out clients of their own: those too.
 * (Behind a transaction-pooling PgBouncer, prepared statements need its `max_prepared_statements`.)
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  type Unsafe = postgres.Sql['unsafe'];
  type Scoped = (inner: postgres.Sql) => unknown;
  return new Proxy(sql, {
    get(target, prop) {
      if (prop === 'unsafe') {
        return ((query: string, args?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, args as never, { ...options, prepare: true })) as Unsafe;
      }
      if (prop === 'begin') {
        return (optionsOrFn: string | Scoped, maybeFn?: Scoped) => {
          const fn = (typeof optionsOrFn === 'function' ? optionsOrFn : maybeFn) as Scoped;
          const scoped = (inner: postgres.Sql) => fn(preparing(inner));
          return typeof optionsOrFn === 'string'
            ? target.begin(optionsOrFn, scoped as never)
            : target.begin(scoped as never);
        };
      }
      if (prop === 'savepoint') {
        const savepoint = (target as unknown as { savepoint: (...a: unknown[]) => unknown }).savepoint;
        return (nameOrFn: string | Scoped, maybeFn?: Scoped) => {
          const fn = (typeof nameOrFn === 'function' ? nameOrFn : maybeFn) as Scoped;
          const scoped = (inner: postgres.Sql) => fn(preparing(inner));
          return typeof nameOrFn === 'string' ? savepoint(nameOrFn, scoped) : savepoint(scoped);
        };
      }
      return Reflect.get(target, prop);
    },
  });
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

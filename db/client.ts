// One drizzle type over two drivers: embedded PGlite (a data directory, or memory:// in tests) when no
// DATABASE_URL is set, Postgres through the `postgres` driver otherwise.
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import {
  type Database,
  DatabaseUnavailableError,
  type Db,
  type Executor,
  errText,
  MIGRATIONS_FOLDER,
} from './database.js';
import { openPglite, wrapPglite } from './pglite.js';
import { schema } from './schema.js';

export {
  type Database,
  DatabaseUnavailableError,
  type Db,
  type Executor,
  type HeldLock,
  MIGRATIONS_FOLDER,
  type Schema,
  type Tx,
} from './database.js';

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
 * Seconds before the driver connects again after a connection failed, by failures in a row. The driver's
 * own grows to 20 s (3^n/100): after an outage of a few seconds the first query then waited up to 20 s
 * for a server that was long back, with every room's messages behind it. The intake and the outbox
 * already back off on their own; this stays short: 50 ms doubling to 2 s, with jitter.
 */
export function reconnectDelaySec(failures: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** Math.min(failures, 10), 2);
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Database> {
  const location = redact(url);
  const poolSize = opts.max ?? 10;
  const client = postgres(url, {
    max: poolSize,
    connect_timeout: opts.connectTimeoutSec ?? 10,
    backoff: reconnectDelaySec,
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

// What the rest of the code sees of the database, whichever driver holds it: the drizzle types, the open
// database (ping, migrate, close, a cross-process lock) and the error every caller can tell apart.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { schema } from './schema.js';

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

/** The first cause's code and message, for a log line and a clear error. */
export function errText(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return errText(err.errors[0]);
  const e = err as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(' ') || String(err);
}

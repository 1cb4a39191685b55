// The database a benchmark runs on: a fresh Postgres database created beside DATABASE_URL (or beside
// postgres://postgres@127.0.0.1:5432/postgres when unset) and dropped afterwards; embedded PGlite when no
// Postgres answers. Says which on stderr.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../db/client.js';

export const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  database: Database;
  /** URL of the fresh database (null on PGlite). */
  url: string | null;
  kind: 'postgres' | 'pglite';
  /** Closes the connections and drops the fresh database. */
  dispose(): Promise<void>;
}

export async function openBenchDatabase(
  label: string,
  opts: { max?: number; keep?: boolean; reuse?: string; onQuery?: (text: string) => void } = {},
): Promise<BenchDatabase> {
  const base = process.env.DATABASE_URL || LOCAL_POSTGRES;
  const admin = postgres(base, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  const name = opts.reuse ?? `shouwang_bench_${label}_${randomBytes(3).toString('hex')}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a database name: ${name}`);
  try {
    if (!opts.reuse) await admin.unsafe(`create database ${name}`);
  } catch (err) {
    await admin.end({ timeout: 1 }).catch(() => {});
    if (process.env.DATABASE_URL) throw err;
    process.stderr.write(`no Postgres at ${LOCAL_POSTGRES} (${(err as Error).message}); using PGlite\n`);
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return { database, url: null, kind: 'pglite', dispose: () => database.close() };
  }
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const fate = opts.keep || opts.reuse ? 'kept' : 'dropped afterwards';
  process.stderr.write(`benchmark database: Postgres ${url.host}/${name} (${fate})\n`);
  const database = await openDatabase({ url: url.toString(), max: opts.max ?? 10, onQuery: opts.onQuery });
  await database.migrate();
  let disposed = false;
  async function dispose() {
    if (disposed) return;
    disposed = true;
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await database.close();
    if (opts.keep || opts.reuse) return;
    const dropper = postgres(base, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists ${name} with (force)`);
    await dropper.end();
  }
  // A run stopped by Ctrl-C or a timeout still drops its database.
  function interrupted(signal: NodeJS.Signals) {
    process.stderr.write(`${signal}: dropping ${name}\n`);
    void dispose().finally(() => process.exit(130));
  }
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  return { database, url: url.toString(), kind: 'postgres', dispose };
}

// A backup of every table of the schema as JSON Lines, the same for PGlite and Postgres (no pg_dump, which
// is not everywhere and cannot read PGlite). Lines:
//   {"format":"shouwang-backup","version":1,"migrations":{"count":8,"last":1795…},"createdAt":…,"tables":[…]}
//   {"table":"sites","rows":2}      then that many lines, each one row as Postgres's row_to_json wrote it
//   …                               (tables in the order they can be inserted: referenced tables first)
//   {"end":true,"rows":123}
// Restoring is in restore.ts. Rows are read through cursors in one read-only snapshot, so a backup of a running Postgres database is
// consistent, and go out in batches: memory stays bounded however large the tables are. Row text is never
// parsed here: Postgres writes it and reads it back (json_populate_recordset), so bigints, timestamps to the
// microsecond and floats come back exactly.
import { getTableName, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { type Db, type Executor, queryRows } from './client.js';
import { schema } from './schema.js';

export const BACKUP_FORMAT = 'shouwang-backup';
export const BACKUP_VERSION = 1;
/** Rows a cursor fetch reads and a restore's insert writes at most. */
export const BATCH_ROWS = 500;

export interface MigrationLevel {
  /** How many migrations the database has applied. */
  count: number;
  /** When the last of them was generated (drizzle's journal `when`): names it across installations. */
  last: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  migrations: MigrationLevel;
  createdAt: string;
  tables: { name: string; columns: string[] }[];
}

export type BackupErrorCode = 'BACKUP_INVALID' | 'BACKUP_MIGRATIONS';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The schema's tables, every table after the tables it references. */
export function tablesInOrder(): PgTable[] {
  const all = Object.values(schema) as PgTable[];
  const byName = new Map(all.map((t) => [getTableName(t), t]));
  const done = new Set<string>();
  const out: PgTable[] = [];
  const visit = (t: PgTable, path: string[]) => {
    const name = getTableName(t);
    if (done.has(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    for (const fk of getTableConfig(t).foreignKeys) {
      const target = getTableName(fk.reference().foreignTable);
      const parent = byName.get(target);
      if (parent && target !== name) visit(parent, [...path, name]);
    }
    done.add(name);
    out.push(t);
  };
  for (const t of all) visit(t, []);
  return out;
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The columns a restore writes: all but generated ones (Postgres computes those again). */
function writableColumns(t: PgTable): string[] {
  return getTableConfig(t)
    .columns.filter((c) => !(c as { generated?: unknown }).generated)
    .map((c) => c.name);
}

function orderBy(t: PgTable): string {
  const config = getTableConfig(t);
  const keys = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
  return keys.length ? ` order by ${keys.map((c) => ident(c.name)).join(', ')}` : '';
}

export async function migrationLevel(db: Executor): Promise<MigrationLevel> {
  const [row] = await queryRows<{ count: number | string; last: string | null }>(
    db,
    sql`select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  return { count: Number(row?.count ?? 0), last: Number(row?.last ?? 0) };
}

/**
 * Reads the whole database in one snapshot and hands its lines to `sink`, which must consume them before
 * it resolves (the snapshot closes then). Returns how many rows were written.
 */
export async function writeBackup(
  db: Db,
  sink: (lines: AsyncIterable<string>) => Promise<void>,
  now: Date,
): Promise<{ tables: number; rows: number; migrations: MigrationLevel }> {
  return db.transaction(
    async (tx) => {
      const tables = tablesInOrder();
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        migrations: await migrationLevel(tx),
        createdAt: now.toISOString(),
        tables: tables.map((t) => ({ name: getTableName(t), columns: writableColumns(t) })),
      };
      let total = 0;
      async function* lines(): AsyncGenerator<string> {
        yield JSON.stringify(header);
        for (const t of tables) {
          const name = getTableName(t);
          const [count] = await queryRows<{ n: number }>(
            tx,
            sql.raw(`select count(*)::int as n from ${ident(name)}`),
          );
          yield JSON.stringify({ table: name, rows: Number(count?.n ?? 0) });
          await tx.execute(
            sql.raw(
              `declare backup_rows no scroll cursor for select row_to_json(t)::text as j from ${ident(name)} as t${orderBy(t)}`,
            ),
          );
          for (;;) {
            const batch = await queryRows<{ j: string }>(
              tx,
              sql.raw(`fetch forward ${BATCH_ROWS} from backup_rows`),
            );
            for (const r of batch) yield r.j;
            total += batch.length;
            if (batch.length < BATCH_ROWS) break;
          }
          await tx.execute(sql.raw('close backup_rows'));
        }
        yield JSON.stringify({ end: true, rows: total });
      }
      await sink(lines());
      return { tables: tables.length, rows: total, migrations: header.migrations };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

// A backup of every table of the schema as JSON Lines, the same for PGlite and Postgres (no pg_dump, which
// is not everywhere and cannot read PGlite). Lines:
//   {"format":"shouwang-backup","version":1,"migrations":{"count":8,"last":1795…},"createdAt":…,"tables":[…]}
//   {"table":"sites","rows":2}      then that many lines, each one row as Postgres's row_to_json wrote it
//   …                               (tables in the order they can be inserted: referenced tables first)
//   {"end":true,"rows":123}
// Rows are read through cursors in one read-only snapshot, so a backup of a running Postgres database is
// consistent, and go out in batches: memory stays bounded however large the tables are. Row text is never
// parsed here: Postgres writes it and reads it back (json_populate_recordset), so bigints, timestamps to the
// microsecond and floats come back exactly.
import { getTableName, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { type Db, type Executor, queryRows } from './client.js';
import { schema } from './schema.js';

export const BACKUP_FORMAT = 'shouwang-backup';
export const BACKUP_VERSION = 1;
const BATCH_ROWS = 500;
const BATCH_BYTES = 1 << 20;

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

export type BackupErrorCode = 'BACKUP_INVALID' | 'BACKUP_MIGRATIONS' | 'DATABASE_NOT_EMPTY';

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

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

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

/** The first table of the schema that has a row, or null when the database holds no data. */
export async function firstNonEmptyTable(db: Executor): Promise<string | null> {
  for (const t of tablesInOrder()) {
    const name = getTableName(t);
    const [row] = await queryRows<{ any: boolean }>(
      db,
      sql.raw(`select exists (select 1 from ${ident(name)}) as any`),
    );
    if (row?.any) return name;
  }
  return null;
}

function parseLine(line: string | undefined, what: string): Record<string, unknown> {
  if (line === undefined) throw new BackupError('BACKUP_INVALID', `the backup ends before ${what}`);
  try {
    const value = JSON.parse(line) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {}
  throw new BackupError('BACKUP_INVALID', `the backup has a bad line where ${what} should be`);
}

/** Reads and checks the header: a backup of this format, of a database at this migration level. */
export function checkHeader(line: string | undefined, current: MigrationLevel): BackupHeader {
  const h = parseLine(line, 'its header');
  if (h.format !== BACKUP_FORMAT) throw new BackupError('BACKUP_INVALID', 'not a shouwang backup');
  if (h.version !== BACKUP_VERSION)
    throw new BackupError(
      'BACKUP_INVALID',
      `backup format version ${h.version} is not known to this shouwang`,
    );
  const header = h as unknown as BackupHeader;
  const m = header.migrations;
  if (m?.count !== current.count || m?.last !== current.last)
    throw new BackupError(
      'BACKUP_MIGRATIONS',
      `the backup was taken at migration ${m?.count} and this shouwang is at ${current.count}: ` +
        'restore it with the version that took it, then upgrade / 备份与当前版本的数据库结构不一致，请用做备份的版本恢复后再升级',
    );
  const expected = tablesInOrder().map((t) => getTableName(t));
  const named = Array.isArray(header.tables) ? header.tables.map((t) => t.name) : [];
  if (named.join() !== expected.join())
    throw new BackupError(
      'BACKUP_INVALID',
      `the backup's tables (${named.join(', ')}) are not this schema's`,
    );
  return header;
}

/**
 * Loads a backup's lines (the header already checked and taken off) into `tx`, which must be empty or
 * emptied. Rows go in batches; afterwards every serial and identity counter continues after the largest
 * id restored. Returns how many rows were restored.
 */
export async function restoreRows(
  tx: Executor,
  header: BackupHeader,
  lines: AsyncIterator<string>,
): Promise<number> {
  const next = async () => {
    const r = await lines.next();
    return r.done ? undefined : r.value;
  };
  let total = 0;
  for (const table of header.tables) {
    const section = parseLine(await next(), `the rows of ${table.name}`);
    if (section.table !== table.name || typeof section.rows !== 'number')
      throw new BackupError('BACKUP_INVALID', `the backup has no section for ${table.name} where expected`);
    const cols = table.columns.map(ident).join(', ');
    const insert = (rows: string[]) =>
      tx.execute(
        sql`insert into ${sql.raw(ident(table.name))} (${sql.raw(cols)}) overriding system value select ${sql.raw(cols)} from json_populate_recordset(null::${sql.raw(ident(table.name))}, ${`[${rows.join(',')}]`}::text::json)`,
      );
    let batch: string[] = [];
    let bytes = 0;
    for (let i = 0; i < section.rows; i++) {
      const row = await next();
      if (row === undefined || !row.startsWith('{'))
        throw new BackupError('BACKUP_INVALID', `the backup ends inside the rows of ${table.name}`);
      batch.push(row);
      bytes += row.length;
      if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
        await insert(batch);
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length) await insert(batch);
    total += section.rows;
  }
  const end = parseLine(await next(), 'its end');
  if (end.end !== true || end.rows !== total)
    throw new BackupError('BACKUP_INVALID', 'the backup does not end where its sections say');
  await resetCounters(tx);
  return total;
}

/** Every serial or identity column's sequence continues after the largest value in its table. */
async function resetCounters(tx: Executor): Promise<void> {
  const names = tablesInOrder().map((t) => getTableName(t));
  const owned = await queryRows<{ table_name: string; column_name: string; seq: string }>(
    tx,
    sql`select table_name::text, column_name::text,
          pg_get_serial_sequence(quote_ident(table_schema) || '.' || quote_ident(table_name), column_name) as seq
        from information_schema.columns
        where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`,
  );
  for (const o of owned) {
    if (!names.includes(o.table_name) || !o.seq) continue;
    await tx.execute(
      sql`select setval(${o.seq}::regclass, coalesce((select max(${sql.raw(ident(o.column_name))}) from ${sql.raw(ident(o.table_name))}), 0) + 1, false)`,
    );
  }
}

/** Empties every table of the schema (and restarts their counters), for a restore with --force. */
export async function emptyAllTables(tx: Executor): Promise<void> {
  const names = tablesInOrder().map((t) => ident(getTableName(t)));
  await tx.execute(sql.raw(`truncate table ${names.join(', ')} restart identity cascade`));
}

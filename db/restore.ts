// Loading a backup (the format is described in backup.ts) into a database: the header checked first, then
// every table's rows in batches inside the caller's transaction, then the serial counters moved past them.
import { getTableName, sql } from 'drizzle-orm';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BATCH_ROWS,
  BackupError,
  type BackupHeader,
  ident,
  type MigrationLevel,
  tablesInOrder,
} from './backup.js';
import { type Executor, queryRows } from './client.js';

/** Most characters of row text one insert carries. */
const BATCH_CHARS = 1 << 20;

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
    let chars = 0;
    for (let i = 0; i < section.rows; i++) {
      const row = await next();
      if (row === undefined || !row.startsWith('{'))
        throw new BackupError('BACKUP_INVALID', `the backup ends inside the rows of ${table.name}`);
      batch.push(row);
      chars += row.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
        await insert(batch);
        batch = [];
        chars = 0;
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

// Many rows in one INSERT whose text does not depend on how many there are: each column travels as one
// text-array parameter and is cast back in the select list (`insert … select … from unnest(…)`). Built in
// constant time (drizzle's VALUES lists cost a good deal of CPU per value), and prepared once per
// connection like any other statement. Rows are inserted, and their serial ids drawn, in the given order.
// The same relation of keys serves lookups for many keys at once (`tupleIn`).
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from './client.js';

/** A column, its SQL type (which the text is cast to), and its value in a row. */
export type BulkColumn<R> = readonly [column: PgColumn, type: string, of: (row: R) => unknown];

/**
 * `select k0::type0, k1::type1, … from unnest($1::text[], $2::text[], …) with ordinality as k(…, n)`: the
 * rows as a relation, each column one text-array parameter cast back to its type (the drizzle driver for
 * `postgres` would pass date and timestamp arrays through unserialised), in the given order.
 */
function unnested<R>(columns: readonly BulkColumn<R>[], rows: readonly R[]): SQL {
  const arrays = sql.join(
    columns.map(([, , of]) => sql`${sql.param(rows.map((r) => asText(of(r))))}::text[]`),
    sql`, `,
  );
  const keys = columns.map((_, i) => `k${i}`).join(', ');
  const picked = sql.raw(columns.map(([, type], i) => `k${i}::${type}`).join(', '));
  return sql`select ${picked} from unnest(${arrays}) with ordinality as k(${sql.raw(keys)}, n)`;
}

const columnList = <R>(columns: readonly BulkColumn<R>[], qualified: boolean): SQL =>
  sql.join(
    columns.map(([column]) => (qualified ? sql`${column}` : sql.identifier(column.name))),
    sql`, `,
  );

/** Inserts `rows` and returns what `returning` (SQL after the insert, e.g. `returning id`) gives. */
export async function insertMany<R, Out>(
  db: Executor,
  table: PgTable,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
  tail: SQL,
): Promise<Out[]> {
  return queryRows<Out>(
    db,
    sql`insert into ${table} (${columnList(columns, false)}) ${unnested(columns, rows)} order by n ${tail}`,
  );
}

/**
 * `(c1, c2, …)` is one of `keys`: one condition for the keys of a batch (db/unit.ts) whose text is the same
 * for any number of keys (prepared once).
 */
export function tupleIn<K>(columns: readonly BulkColumn<K>[], keys: readonly K[]): SQL {
  return sql`(${columnList(columns, true)}) in (${unnested(columns, keys)})`;
}

function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

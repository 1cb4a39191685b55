// Query pieces the admin lists share.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * `at` falls on a local date between `from` and `to` (inclusive, YYYY-MM-DD) in `zone`, an SQL
 * expression (the row's site zone), so each site's days are its own.
 */
export function localDateWithin(at: AnyColumn, zone: SQL, from?: string, to?: string): SQL[] {
  const day = sql`(${at} at time zone ${zone})::date`;
  const out: SQL[] = [];
  if (from) out.push(sql`${day} >= ${from}::date`);
  if (to) out.push(sql`${day} <= ${to}::date`);
  return out;
}

/** Keyset paging on a serial id. */
export interface Keyset {
  afterId?: number;
  /** Rows to fetch: the page size plus one, to know whether another page follows. */
  limit: number;
}

/**
 * `(c1, c2, …)` is one of `keys`: one condition for the keys of a batch (db/unit.ts), sent as one array
 * parameter per column, so the statement's text is the same for any number of keys (prepared once).
 * `types` are the columns' SQL types (`integer`, `text`, `date`…).
 */
export function tupleIn<K>(
  columns: readonly { column: AnyColumn; type: string; of: (key: K) => unknown }[],
  keys: readonly K[],
): SQL {
  const cols = sql.join(
    columns.map((c) => sql`${c.column}`),
    sql`, `,
  );
  // Dates go as text: the drizzle driver for `postgres` passes date arrays through unserialised.
  const sent = (type: string) => (type === 'date' ? 'text' : type);
  const arrays = sql.join(
    columns.map((c) => sql`${sql.param(keys.map(c.of))}::${sql.raw(sent(c.type))}[]`),
    sql`, `,
  );
  const names = columns.map((_, i) => `k${i}`);
  const picked = sql.raw(columns.map((c, i) => `${names[i]}::${c.type}`).join(', '));
  return sql`(${cols}) in (select ${picked} from unnest(${arrays}) as keys(${sql.raw(names.join(', '))}))`;
}

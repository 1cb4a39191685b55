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

// Pieces every admin route's schemas share: ids in paths, paging, date filters, list envelopes.
import { z } from 'zod';
import { isIsoDate } from '../core/time.js';
import { invalidField } from './errors.js';

/** Ids are Postgres `integer`s: larger numbers are a 400, not a database error. */
export const MAX_ID = 2_147_483_647;
/** A record id in a JSON body. */
export const recordId = z.number().int().positive().max(MAX_ID);
/** A record id in a path or query string. */
export const recordIdParam = z.coerce.number().int().positive().max(MAX_ID);

export const IdParams = z.strictObject({ id: recordIdParam.describe('Record id') });

export const isoDate = z
  .string()
  .max(10, 'must be a date YYYY-MM-DD, years 2000–2100')
  .refine(isIsoDate, 'must be a date YYYY-MM-DD, years 2000–2100');

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1–200 (default 50)'),
  cursor: z.string().max(200).optional().describe('Opaque: the nextCursor of the previous page'),
};

export const SiteQuery = {
  site: recordIdParam.optional().describe('Only records of this site (id)'),
};

export const DateQuery = {
  date: isoDate.optional().describe('Only this local day (the site’s zone), YYYY-MM-DD'),
  from: isoDate.optional().describe('From this local day, inclusive'),
  to: isoDate.optional().describe('Up to this local day, inclusive'),
};

/** `{ items, nextCursor }`: a page of a list. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Give as ?cursor= for the next page; null on the last page'),
  });

/** A zoned ISO 8601 instant, e.g. 2020-02-15T07:58:00+08:00. */
export const instant = z.string().describe('ISO 8601 with the site’s UTC offset');

export function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
}

/** The id a cursor stands for; a cursor that is not one of ours is a 400 naming the field. */
export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { id?: unknown };
    if (typeof v.id === 'number' && Number.isSafeInteger(v.id)) return v.id;
  } catch {
    // falls through to the 400
  }
  throw invalidField('querystring.cursor', 'not a cursor from this API');
}

/** Rows fetched with limit + 1 as a page: the extra row only says that another page follows. */
export function toPage<R, T>(rows: R[], limit: number, idOf: (r: R) => number, map: (r: R) => T) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: more && last !== undefined ? encodeCursor(idOf(last)) : null };
}

/** The date range of `date` or `from`/`to`; `date` with either of the others is a 400. */
export function dateRange(q: { date?: string; from?: string; to?: string }): { from?: string; to?: string } {
  if (q.date && (q.from || q.to)) throw invalidField('querystring.date', 'give either date or from/to');
  if (q.date) return { from: q.date, to: q.date };
  if (q.from && q.to && q.from > q.to) throw invalidField('querystring.to', 'is before from');
  return { from: q.from, to: q.to };
}

// Postgres errors the repositories turn into answers, the same on both drivers (drizzle wraps the
// driver's error as `cause`).

function pgCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** A unique constraint was violated (23505). */
export function isUniqueViolation(err: unknown): boolean {
  return pgCode(err) === '23505';
}

// Telling "the database is away for now" from "this query is wrong". The first is worth waiting out
// (messages stay buffered, work is retried); the second will fail the same way every time.

// Socket-level failures (node) and the postgres driver's own connection errors.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

// SQLSTATEs of a server that is going away or not taking connections yet:
// 08xxx connection exceptions, 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now,
// 53300 too_many_connections (https://www.postgresql.org/docs/current/errcodes-appendix.html).
const TRANSIENT_SQLSTATES = /^(08...|57P0[123]|53300)$/;

/** True when `err` (or an error it wraps, as drizzle's DrizzleQueryError does) says the database is unreachable. */
export function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 8; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || TRANSIENT_SQLSTATES.test(code)))
      return true;
    if (e instanceof AggregateError && e.errors.some(isConnectionError)) return true;
    e = cause;
  }
  return false;
}

/**
 * A short description of a database error for logs: the code and message of the innermost cause (what
 * the driver or the socket said), never a query and its parameters (they hold people's messages and
 * health data).
 */
export function describeDbError(err: unknown): string {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e?.cause && depth < 8; depth++) e = e.cause as typeof e;
  // drizzle's wrapper reads "Failed query: <sql> params: <values>".
  const message =
    typeof e?.message === 'string' && !e.message.startsWith('Failed query') ? e.message : undefined;
  const parts = [e?.code, message].filter((p) => typeof p === 'string' && p);
  return parts.length ? parts.join(' ') : 'query failed';
}

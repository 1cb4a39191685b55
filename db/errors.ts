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

/** Exponential backoff for retries: base, 2·base, 4·base … capped at max. Attempt counts from 1. */
export function backoffMs(attempt: number, baseMs = 5_000, maxMs = 30 * 60_000): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 30));
}

// Counts authentication failures per client address in a sliding window. After `max` failures the
// address is refused until its oldest counted failure leaves the window, which makes guessing tokens
// (and flooding the token lookup) pointless. Pure: time is passed in.

export interface FailureLimiterOptions {
  /** Failures allowed within the window; the next request is refused. */
  max: number;
  windowMs: number;
  /** Most addresses remembered; beyond that the least recently failing are forgotten. */
  maxKeys?: number;
}

export function createFailureLimiter(opts: FailureLimiterOptions) {
  const maxKeys = opts.maxKeys ?? 10_000;
  // Insertion order of a Map is kept, so re-inserting on failure keeps the oldest first for eviction.
  const failures = new Map<string, number[]>();

  const recent = (key: string, now: number): number[] => {
    const list = failures.get(key);
    if (!list) return [];
    const kept = list.filter((t) => t > now - opts.windowMs);
    if (kept.length === 0) failures.delete(key);
    else if (kept.length !== list.length) failures.set(key, kept);
    return kept;
  };

  return {
    /** Milliseconds until `key` may try again, or 0 when it may now. */
    retryAfterMs(key: string, now: number): number {
      const list = recent(key, now);
      if (list.length < opts.max) return 0;
      const oldest = list[list.length - opts.max] as number;
      return Math.max(1, oldest + opts.windowMs - now);
    },
    fail(key: string, now: number): void {
      const list = recent(key, now);
      list.push(now);
      // Only the last `max` failures matter for the decision.
      failures.delete(key);
      failures.set(key, list.slice(-opts.max));
      while (failures.size > maxKeys) {
        const first = failures.keys().next().value as string;
        failures.delete(first);
      }
    },
    size: () => failures.size,
  };
}

export type FailureLimiter = ReturnType<typeof createFailureLimiter>;

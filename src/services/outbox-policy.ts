// How the outbox worker paces, caps and retries what the bot sends. WeChat bans accounts that send too
// fast or too much, so the defaults are deliberately slow.
export interface OutboxPolicy {
  /** Minimum pause between two sends of this account. */
  intervalMs: number;
  /** Up to this much random extra pause, so sends do not look machine-timed. */
  jitterMs: number;
  /** Non-urgent messages per group per local day. */
  groupDailyCap: number;
  /** Of the cap, kept for reminders, nudges and notices to a named person: routine answers stop before. */
  groupDailyReserve: number;
  /**
   * A group gets at most `ackBurst` acknowledgement messages per window (each immediate and personal while
   * the group is quiet); those waiting meanwhile are merged into one.
   */
  ackWindowMs: number;
  ackBurst: number;
  /** Merge waiting acknowledgements (default); off, each goes on its own (the design before). */
  mergeAcks: boolean;
  /** Claim by priority (default), or by arrival with urgent first (the design before; benchmarks compare). */
  order: 'priority' | 'arrival';
  /** How long a claim holds before another worker may take the row (a worker that died). */
  claimTtlMs: number;
  maxAttempts: number;
  /** Pause of the whole worker after WeChat says 操作过于频繁. */
  throttlePauseMs: number;
  /** Pause while WeChat is offline (reconnecting); the row waits without losing an attempt. */
  offlinePauseMs: number;
  idlePollMs: number;
  /** First pause after the database failed the worker; doubles up to `errorMaxMs`. */
  errorBaseMs: number;
  errorMaxMs: number;
}

export const DEFAULT_POLICY: OutboxPolicy = {
  intervalMs: 1_500,
  jitterMs: 1_000,
  groupDailyCap: 300,
  groupDailyReserve: 60,
  ackWindowMs: 120_000,
  // Chosen with bench:peak (500 residents, one morning): 1 a window of 2 minutes gives 0.13 messages a
  // report and 115 s to the 95th percentile acknowledgement; 2 a window gives 0.16, 3 gives 0.18.
  ackBurst: 1,
  mergeAcks: true,
  order: 'priority',
  claimTtlMs: 60_000,
  maxAttempts: 8,
  throttlePauseMs: 5 * 60_000,
  offlinePauseMs: 2_000,
  idlePollMs: 500,
  errorBaseMs: 500,
  errorMaxMs: 5_000,
};

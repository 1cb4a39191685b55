// Lanes: work kept in order per key (a room's messages, one after another) while different keys go side by
// side, at most `concurrency` lanes at once. A lane's `drain` works through its entries and may stop to
// wait (`retryIn`); the lane is started again when the wait is over.

export interface Lane<E> {
  key: string;
  entries: E[];
  draining: Promise<void> | null;
  retryTimer: NodeJS.Timeout | null;
  /** Failed tries in a row (for the backoff); the drain resets it. */
  outage: number;
  /** Callers waiting for this lane's work to be done or waiting for a retry. */
  idle: (() => void)[];
}

export interface LanesOptions<E> {
  concurrency: number;
  drain(lane: Lane<E>): Promise<void>;
  /** No more starting of lanes (the owner is stopping). */
  stopping(): boolean;
}

export function createLanes<E>(opts: LanesOptions<E>) {
  const concurrency = Math.max(1, opts.concurrency);
  const lanes = new Map<string, Lane<E>>();
  /** Lanes with work and no drain running, waiting for a free slot, oldest first. */
  const ready: Lane<E>[] = [];
  let running = 0;

  function launch(lane: Lane<E>): void {
    running++;
    lane.draining = opts.drain(lane).finally(() => {
      lane.draining = null;
      running--;
      if (lane.entries.length === 0 && !lane.retryTimer) lanes.delete(lane.key);
      // Work may have arrived for this lane while it finished; then the next lane waiting its turn.
      const more = lane.entries.length > 0 && !lane.retryTimer && !opts.stopping();
      if (more && !ready.includes(lane)) ready.push(lane);
      if (!more) for (const resolve of lane.idle.splice(0)) resolve();
      while (running < concurrency && ready.length > 0) launch(ready.shift() as Lane<E>);
    });
  }

  /** Starts draining the lane when a slot is free; resolves when the lane is done or waiting for a retry. */
  function kick(lane: Lane<E>): Promise<void> {
    if (lane.retryTimer) return Promise.resolve();
    const done = new Promise<void>((resolve) => lane.idle.push(resolve));
    if (!lane.draining) {
      if (running < concurrency) launch(lane);
      else if (!ready.includes(lane)) ready.push(lane);
    }
    return done;
  }

  return {
    kick,
    /** The lane of `key`, made when it has none. */
    laneOf(key: string): Lane<E> {
      let lane = lanes.get(key);
      if (!lane) {
        lane = { key, entries: [], draining: null, retryTimer: null, outage: 0, idle: [] };
        lanes.set(key, lane);
      }
      return lane;
    },
    /** Starts the lane again in `ms` (its drain stops meanwhile). */
    retryIn(lane: Lane<E>, ms: number): void {
      lane.retryTimer = setTimeout(() => {
        lane.retryTimer = null;
        void kick(lane);
      }, ms);
    },
    all: (): Lane<E>[] => [...lanes.values()],
    /** Resolves when no lane is draining (lanes waiting for a retry are not waited for). */
    async settle(): Promise<void> {
      for (;;) {
        const busy = [...lanes.values()].map((l) => l.draining).filter((d) => d !== null);
        if (busy.length === 0) return;
        await Promise.all(busy);
      }
    },
    /** Cancels the waits for retries and lets everyone waiting on a lane go. */
    cancelRetries(): void {
      for (const lane of lanes.values()) {
        if (lane.retryTimer) clearTimeout(lane.retryTimer);
        lane.retryTimer = null;
        for (const resolve of lane.idle.splice(0)) resolve();
      }
    },
  };
}

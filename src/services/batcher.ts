// Group commit for calls made side by side: calls of `add(item)` made while earlier batches are running are
// collected and handed to `run` together, so work that costs a statement per call costs one per batch.
// Under light load a call runs at once (in a batch of its own, after the current event-loop turn); under
// heavy load batches grow up to `maxBatch`. `run` answers each item with its result or an Error of its own.

export interface BatcherOptions<I, O> {
  run(items: I[]): Promise<(O | Error)[]>;
  /** Most items in one batch (default 64). */
  maxBatch?: number;
  /** Batches running at once (default 2: one is built while the other waits for the database). */
  maxInFlight?: number;
}

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

export function createBatcher<I, O>(opts: BatcherOptions<I, O>) {
  const maxBatch = Math.max(1, opts.maxBatch ?? 64);
  const maxInFlight = Math.max(1, opts.maxInFlight ?? 2);
  const queue: Waiting<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule(): void {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    // Calls made in this turn of the event loop join the batch.
    setImmediate(flush);
  }

  function flush(): void {
    scheduled = false;
    if (inFlight >= maxInFlight || queue.length === 0) return;
    const batch = queue.splice(0, maxBatch);
    inFlight++;
    opts
      .run(batch.map((w) => w.item))
      .then(
        (results) => {
          batch.forEach((w, i) => {
            const r = results[i];
            if (r instanceof Error) w.reject(r);
            else if (i >= results.length) w.reject(new Error('batch gave no result for an item'));
            else w.resolve(r as O);
          });
        },
        (err) => {
          for (const w of batch) w.reject(err);
        },
      )
      .finally(() => {
        inFlight--;
        schedule();
      });
    schedule();
  }

  return {
    add(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    /** Items waiting for a batch. */
    waiting: () => queue.length,
  };
}

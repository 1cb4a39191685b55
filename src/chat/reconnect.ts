// Getting back online by ourselves. wechaty-puppet-service's client does not reconnect when its gRPC
// stream breaks (the puppet server restarted, the network dropped): it emits one `error` and goes quiet
// (wechaty/puppet-service#16, #172), and the puppet's own watchdog resets it once, after a minute of
// silence, and never again if that start fails. So the adapter restarts the puppet itself, with a
// bounded backoff, until it is logged in again or WeChat asks a person to scan.
import { backoffMs } from '../core/backoff.js';
import type { Logger } from '../log.js';

export interface ReconnectorOptions {
  log: Logger;
  /** One attempt: resolves true when connected (or waiting for a person), false or throws to try again. */
  attempt(n: number): Promise<boolean>;
  /** Already back (e.g. the puppet's own watchdog reset it): no attempt needed. */
  isBack(): boolean;
  baseMs?: number;
  maxMs?: number;
}

export function createReconnector(opts: ReconnectorOptions) {
  const baseMs = opts.baseMs ?? 1_000;
  const maxMs = opts.maxMs ?? 60_000;
  let running: Promise<void> | null = null;
  let stopper = new AbortController();

  async function loop(signal: AbortSignal): Promise<void> {
    for (let n = 1; !signal.aborted; n++) {
      await pause(backoffMs(n, baseMs, maxMs), signal);
      if (signal.aborted || opts.isBack()) return;
      try {
        if (await opts.attempt(n)) return;
      } catch (err) {
        opts.log.warn({ err: (err as Error).message ?? String(err), attempt: n }, 'WeChat reconnect failed');
      }
    }
  }

  return {
    /** Starts reconnecting unless already at it. */
    trigger(reason: string) {
      if (running) return;
      opts.log.warn({ reason }, 'WeChat connection lost, reconnecting');
      const signal = stopper.signal;
      running = loop(signal).finally(() => {
        running = null;
      });
    },
    active: () => running !== null,
    /** Gives up reconnecting (the transport is stopping) and waits for a running attempt to end. */
    async stop() {
      stopper.abort();
      await running;
      stopper = new AbortController();
    },
  };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

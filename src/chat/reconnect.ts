// Getting back online by ourselves. wechaty-puppet-service's client does not reconnect when its gRPC
// stream breaks (the puppet server restarted, the network dropped): it emits one `error` and goes quiet
// (wechaty/puppet-service#16, #172), and the puppet's own watchdog resets it once, after a minute of
// silence, and never again if that start fails. So the adapter restarts the puppet itself, with a
// bounded backoff, until it is logged in again or WeChat asks a person to scan.
import type { Puppet } from 'wechaty-puppet';
import { backoffMs } from '../core/backoff.js';
import type { Logger } from '../log.js';
import { abortableSleep, withTimeout } from '../services/timers.js';

// What the puppet-service client (gRPC) and the puppet's watchdog say when the connection is gone.
const CONNECTION_LOST =
  /\b(CANCELLED|UNAVAILABLE)\b|Connection dropped|TCP Read failed|WatchdogAgent reset|ECONNREFUSED|ECONNRESET|GOAWAY|No connection established/i;

export const isConnectionLost = (message: string): boolean => CONNECTION_LOST.test(message);

/** Lets a reconnect attempt wait for the puppet's next login (true) or QR code (false). */
export function createLoginSignal() {
  const waiters = new Set<(loggedIn: boolean) => void>();
  return {
    next(timeoutMs: number): Promise<boolean> {
      const next = new Promise<boolean>((resolve) => waiters.add(resolve));
      return withTimeout(next, timeoutMs, 'no login after the puppet restarted');
    },
    notify(loggedIn: boolean) {
      for (const w of waiters) w(loggedIn);
      waiters.clear();
    },
  };
}

/**
 * One attempt: stops and starts the puppet (a fresh gRPC client for the puppet service) and waits for
 * it to log in. A QR code ends the attempts too: the service is back but a person has to scan.
 */
export async function restartPuppet(
  puppet: Puppet,
  login: ReturnType<typeof createLoginSignal>,
  timeoutMs: number,
): Promise<boolean> {
  await puppet.stop();
  const loggedIn = login.next(timeoutMs);
  loggedIn.catch(() => {}); // awaited below unless the start fails first
  await withTimeout(puppet.start(), timeoutMs, 'the puppet did not start');
  await loggedIn;
  return true;
}

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
      await abortableSleep(backoffMs(n, baseMs, maxMs), signal);
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

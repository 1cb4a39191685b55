// How late the event loop runs. One request or message that keeps the loop busy (a loop whose end hangs
// on input, a huge upload) stops intake, the outbox and the jobs alike: this is where it shows, in
// /healthz and /metrics, before anyone has to guess.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface EventLoopLag {
  /** The 99th percentile and the largest delay, in milliseconds: the worse of the window under way and the last. */
  read(): { p99Ms: number; maxMs: number };
  stop(): void;
}

/** Samples every `resolutionMs`; each `windowMs` the window's figures replace the last ones. */
export function watchEventLoop(opts: { resolutionMs?: number; windowMs?: number } = {}): EventLoopLag {
  const histogram = monitorEventLoopDelay({ resolution: opts.resolutionMs ?? 20 });
  histogram.enable();
  // An empty window (nothing sampled yet) reads as no lag, not as NaN.
  const ms = (ns: number) => (Number.isFinite(ns) ? Math.round(ns / 1e5) / 10 : 0);
  const now = () => ({ p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) });
  let last = { p99Ms: 0, maxMs: 0 };
  const roll = () => {
    last = now();
    histogram.reset();
  };
  const timer = setInterval(roll, opts.windowMs ?? 5_000);
  timer.unref();
  return {
    read() {
      const current = now();
      return { p99Ms: Math.max(last.p99Ms, current.p99Ms), maxMs: Math.max(last.maxMs, current.maxMs) };
    },
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}

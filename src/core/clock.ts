// Time is a parameter: code that needs "now" takes a Clock. Live code uses the system clock; tests and
// `shouwang replay` use a simulated clock that they move forward themselves.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface SimulatedClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
}

export function createSimulatedClock(start: Date): SimulatedClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set(at) {
      // A simulated clock never runs backwards: events that arrive out of order keep the later time.
      t = Math.max(t, at.getTime());
    },
    advance(ms) {
      t += ms;
    },
  };
}

// Fakes that override a whole interface, never half of one: every method of `target` goes through
// `around`, which may fail it, delay it, or call it and then fail (an answer lost with the connection).
export type Around = (name: string, args: unknown[], call: () => Promise<unknown>) => Promise<unknown>;

export function intercept<T extends object>(target: T, around: Around): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(target)) {
    out[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => around(name, args, () => Promise.resolve(value.apply(target, args)))
        : value;
  }
  return out as T;
}

export const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

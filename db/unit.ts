// A unit of work: several pieces of work (the handling of a batch of messages) in one transaction, each
// written as if it had the database to itself. While a unit is open, the database handed out by
// openDatabase is the unit's transaction for the code running inside it: its reads see the unit's own
// writes, its `db.transaction(fn)` joins the unit, and it all commits or rolls back together. The caller
// of the unit decides what a failure means (a batch of messages is handled again one by one).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Tx } from './client.js';

interface Unit {
  tx: Tx;
  /** Closed once the transaction ends: timers set inside the unit run on the database again. */
  open: boolean;
  afterCommit: (() => void)[];
  /** Calls waiting to be coalesced, by name. */
  pending: Map<string, Pending>;
}

interface Pending {
  keys: unknown[];
  waiters: { resolve(v: unknown): void; reject(e: unknown): void }[];
  run(keys: unknown[]): Promise<unknown[]>;
}

const units = new AsyncLocalStorage<Unit>();

function activeUnit(): Unit | null {
  const unit = units.getStore();
  return unit?.open ? unit : null;
}

/** True inside an open unit of work. */
export const inUnit = (): boolean => activeUnit() !== null;

/**
 * Runs `fn` as one unit of work on `db` (the database itself, not a transaction): everything it does on
 * the database commits together, then the `afterCommit` callbacks run. Inside a unit, `fn` runs in it.
 */
export async function unitOfWork<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (activeUnit()) return fn();
  const opened: Unit[] = [];
  try {
    const result = await unwrap(db).transaction((tx) => {
      const unit: Unit = { tx: tx as Tx, open: true, afterCommit: [], pending: new Map() };
      opened.push(unit);
      return units.run(unit, fn);
    });
    // Outside the unit now: what the callbacks start runs on the database.
    for (const unit of opened) unit.open = false;
    for (const cb of opened.flatMap((u) => u.afterCommit.splice(0))) cb();
    return result;
  } finally {
    for (const unit of opened) unit.open = false;
  }
}

/** Runs `cb` once the open unit of work has committed (never, if it rolls back); now outside a unit. */
export function afterCommit(cb: () => void): void {
  const unit = activeUnit();
  if (unit) unit.afterCommit.push(cb);
  else cb();
}

/**
 * Inside an open unit, the calls of `name` made in the same turn of the event loop go to `run` together
 * (one statement for the work of many messages); outside a unit, `run` gets the one key. `run` answers
 * for each key, in the order of the keys. The calls of one name must all pass the same `run`.
 */
export function coalesce<K, V>(name: string, key: K, run: (keys: K[]) => Promise<V[]>): Promise<V> {
  const unit = activeUnit();
  if (!unit) return run([key]).then((values) => values[0] as V);
  let pending = unit.pending.get(name);
  if (!pending) {
    const batch: Pending = { keys: [], waiters: [], run: run as Pending['run'] };
    pending = batch;
    unit.pending.set(name, batch);
    setImmediate(() => {
      unit.pending.delete(name);
      batch.run(batch.keys).then(
        (values) => {
          batch.waiters.forEach((w, i) => {
            w.resolve(values[i]);
          });
        },
        (err) => {
          for (const w of batch.waiters) w.reject(err);
        },
      );
    });
  }
  const batch = pending;
  return new Promise<V>((resolve, reject) => {
    batch.keys.push(key);
    batch.waiters.push({ resolve: resolve as (v: unknown) => void, reject });
  });
}

const RAW = Symbol('shouwang.rawDb');

/** The database object that turns into the open unit's transaction for code running inside a unit. */
export function unitAware(db: Db): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === RAW) return target;
      const unit = activeUnit();
      if (!unit) return Reflect.get(target, prop);
      // A transaction asked for inside the unit is the unit: it commits or rolls back with the rest.
      if (prop === 'transaction') return (fn: (tx: Tx) => unknown) => fn(unit.tx);
      const value = Reflect.get(unit.tx, prop);
      return typeof value === 'function' ? value.bind(unit.tx) : value;
    },
  });
}

function unwrap(db: Db): Db {
  return ((db as unknown as Record<symbol, Db>)[RAW] ?? db) as Db;
}

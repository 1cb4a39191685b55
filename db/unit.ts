// A unit of work: the handling of a batch of messages (a batch of one included) in one transaction. The
// transaction is passed explicitly, like every other: the code that runs in the unit is given the unit's
// `tx` and writes through repositories made on it. What the unit adds to a plain transaction travels with
// that `tx` object (a WeakMap, no ambient state):
// - calls of one name made side by side on it are coalesced into one statement (`coalesce`), so a batch
//   of fifty messages looks its residents up once, not fifty times;
// - callbacks wait for the commit (`afterCommit`), so the outbox worker is woken only for rows it can see.
// Outside a unit (a plain database or transaction) both do the obvious thing at once.
import type { Db, Executor, Tx } from './client.js';

interface UnitState {
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

const units = new WeakMap<object, UnitState>();

function stateOf(db: Executor): UnitState | null {
  const unit = units.get(db);
  return unit?.open ? unit : null;
}

/** True when `db` is the transaction of an open unit of work (or a savepoint in one). */
export const inUnit = (db: Executor): boolean => stateOf(db) !== null;

/**
 * Runs `fn` as one unit of work on the database `db`: everything it does through the `tx` it is given
 * commits together, then the `afterCommit` callbacks run. A failure rolls it all back and runs none.
 */
export async function unitOfWork<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const unit: UnitState = { open: true, afterCommit: [], pending: new Map() };
  try {
    const result = await db.transaction((tx) => {
      units.set(tx, unit);
      return fn(tx as Tx);
    });
    unit.open = false;
    for (const cb of unit.afterCommit.splice(0)) cb();
    return result;
  } finally {
    unit.open = false;
  }
}

/**
 * Runs `fn` in a savepoint of `tx`: a failure inside rolls back only its own work and is thrown, and the
 * rest of the transaction goes on. Inside a unit, the savepoint belongs to the unit (its callbacks wait
 * for the unit's commit).
 */
export async function savepoint<T>(tx: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const unit = stateOf(tx);
  return tx.transaction((inner) => {
    if (unit) units.set(inner, unit);
    return fn(inner as Tx);
  });
}

/** Runs `cb` once the unit `db` belongs to has committed (never, if it rolls back); at once outside a unit. */
export function afterCommit(db: Executor, cb: () => void): void {
  const unit = stateOf(db);
  if (unit) unit.afterCommit.push(cb);
  else cb();
}

/**
 * On a unit's transaction, the calls of `name` made in the same turn of the event loop go to `run`
 * together (one statement for the work of many messages); elsewhere `run` gets the one key. `run`
 * answers for each key, in the order of the keys. The calls of one name must all pass the same `run`.
 */
export function coalesce<K, V>(
  db: Executor,
  name: string,
  key: K,
  run: (keys: K[]) => Promise<V[]>,
): Promise<V> {
  const unit = stateOf(db);
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

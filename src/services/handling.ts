// Handling stored messages, each in a unit of work (db/unit.ts) with its outcome. Messages of different
// rooms that wait side by side are handled together as one unit — a batch of one is a batch: each
// message's listeners run as they would alone, their statements share one transaction (coalesced where
// the repositories coalesce), and the outcomes are recorded with one statement. If anything in a batch of
// several fails, it rolls back and its messages are handled one unit each, with every listener in a
// savepoint, so a failure stays with the listener and message that caused it. Order within a room is the
// intake's (a room has one message in hand at a time). A message handed over again while it is still in
// hand (the intake and the stalled-messages job, or a staff "read again", can find it waiting at the same
// moment) joins the handling already under way: its listeners run once.
import type { Db, Tx } from '../../db/client.js';
import { createMessagesRepo } from '../../db/repositories/messages.js';
import { unitOfWork } from '../../db/unit.js';
import type { Clock } from '../core/clock.js';
import type { ChatMessage, MessageState } from '../core/domain.js';
import type { Logger } from '../log.js';
import { createBatcher } from './batcher.js';
import type { Outcome } from './turn.js';

/** What runs a message's listeners in a transaction (the robot). */
export interface Receiver {
  receive(msg: ChatMessage, tx: Tx, opts?: { isolate?: boolean }): Promise<Outcome>;
}

export interface HandlingDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  receiver: Receiver;
  /** Failures worth waiting out (the database is away): the intake retries the message later. */
  isTransient?(err: unknown): boolean;
  /** Told once a unit has committed: its messages' outcomes and how many it handled (metrics, the outbox). */
  committed?(states: MessageState[]): void;
  /** Most messages in one batch (default 64); 1 handles every message on its own. */
  maxBatch?: number;
  /** Units of one message open at the same time (default 2): each holds a connection. */
  soloConcurrency?: number;
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

export function createHandling(deps: HandlingDeps) {
  const { log } = deps;
  const solo = limiter(Math.max(1, deps.soloConcurrency ?? 2));

  /** One unit: the messages still waiting (claimed), their listeners, their outcomes. */
  async function unit(msgs: ChatMessage[], isolate: boolean): Promise<void> {
    const states = await unitOfWork(deps.db, async (tx) => {
      const repo = createMessagesRepo(tx);
      const mine = await repo.claim(msgs.map((m) => m.id));
      // (a message reaches a unit once: `handle` joins a second hand-over to the first)
      const todo = msgs.filter((m) => mine.has(m.id));
      // Settled, not raced: a failure must not end the transaction under listeners still running in it.
      const settled = await Promise.allSettled(todo.map((m) => deps.receiver.receive(m, tx, { isolate })));
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      const rows = todo.map((m, i) => {
        const o = (settled[i] as PromiseFulfilledResult<Outcome>).value;
        return { id: m.id, state: o.state, note: o.note ?? null };
      });
      await repo.finish(rows, deps.clock.now());
      return rows.map((r) => r.state);
    });
    deps.committed?.(states);
  }

  /** A message on its own; a failure that is not the database being away is recorded on it. */
  async function alone(msg: ChatMessage): Promise<Error | undefined> {
    try {
      await solo(() => unit([msg], true));
      return undefined;
    } catch (err) {
      if (deps.isTransient?.(err)) return asError(err);
      log.error({ err, messageId: msg.id }, 'message failed');
      try {
        const note = `${(err as Error).message ?? String(err)}`.slice(0, 500);
        await unitOfWork(deps.db, (tx) =>
          createMessagesRepo(tx).finish([{ id: msg.id, state: 'failed', note }], deps.clock.now()),
        );
        deps.committed?.(['failed']);
        return undefined;
      } catch (err2) {
        return asError(err2);
      }
    }
  }

  const batches = createBatcher<ChatMessage, undefined>({
    maxBatch: deps.maxBatch,
    async run(msgs) {
      if (msgs.length > 1) {
        try {
          await unit(msgs, false);
          return msgs.map(() => undefined);
        } catch (err) {
          // The database went away (maybe during the commit, which may then have gone through): the
          // intake tries these messages again later and first asks whether they were handled meanwhile.
          if (deps.isTransient?.(err)) return msgs.map(() => asError(err));
          log.debug({ err, messages: msgs.length }, 'batch rolled back: handling its messages one by one');
        }
      }
      return Promise.all(msgs.map(alone));
    },
  });

  /** Messages in hand, by id: a message handed over again meanwhile waits for the same handling. */
  const inHand = new Map<number, Promise<void>>();

  return {
    /** Handles a stored message (with others waiting at the same time); resolves once it is committed. */
    handle(msg: ChatMessage): Promise<void> {
      const current = inHand.get(msg.id);
      if (current) return current;
      const handling = batches.add(msg).finally(() => inHand.delete(msg.id));
      inHand.set(msg.id, handling);
      return handling;
    },
  };
}

/** Runs at most `n` of the functions given to it at once. */
function limiter(n: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    // A finishing function hands its place straight to the next one waiting.
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

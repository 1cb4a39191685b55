// Handling stored messages in batches. Messages of different rooms that wait side by side are handled
// together as one unit of work (db/unit.ts): each message's listeners run as they would alone, but their
// statements share one transaction and the outcomes are recorded with one statement — a commit and a
// round of bookkeeping per batch instead of per message. If anything in a batch fails, the batch rolls back
// and its messages are dispatched one by one, each in its own transactions, so a failure stays with the
// message that caused it and is recorded as it always was. Order within a room is the intake's (a room
// has one message in hand at a time).
import type { Db } from '../../db/client.js';
import type { MessagesRepo } from '../../db/repositories/messages.js';
import { unitOfWork } from '../../db/unit.js';
import type { Clock } from '../core/clock.js';
import type { ChatMessage, MessageState } from '../core/domain.js';
import type { Logger } from '../log.js';
import { createBatcher } from './batcher.js';

export interface Outcome {
  state: MessageState;
  note: string | null;
}

export interface Dispatcher {
  /** The listeners' outcome for a message, recorded by nobody; throws on any failure. */
  outcomeOf(msg: ChatMessage): Promise<Outcome | null>;
  /** The one-by-one path: listeners in their own transactions, the outcome recorded. */
  dispatch(msg: ChatMessage): Promise<unknown>;
  /** True for a message that must take the one-by-one path (an interrupted dispatch to carry on). */
  busy(messageId: number): boolean;
}

export interface HandlingDeps {
  db: Db;
  messages: MessagesRepo;
  clock: Clock;
  log: Logger;
  /** What runs the listeners (the robot). */
  dispatcher: Dispatcher;
  /** Failures worth waiting out (the database is away). */
  isTransient?(err: unknown): boolean;
  /** Told of each outcome once it is committed (metrics). */
  finished?(state: MessageState): void;
  /** Told of each batch committed together (metrics). */
  committed?(messages: number): void;
  /** Most messages in one batch (default 64); 1 handles every message on its own. */
  maxBatch?: number;
  /** Messages dispatched one by one at the same time (default 2): each may hold a connection and want another. */
  soloConcurrency?: number;
}

export function createHandling(deps: HandlingDeps) {
  const { log } = deps;
  const solo = limiter(Math.max(1, deps.soloConcurrency ?? 2));

  async function oneByOne(msgs: ChatMessage[]): Promise<(undefined | Error)[]> {
    return Promise.all(
      msgs.map((m) =>
        solo(() => deps.dispatcher.dispatch(m)).then(
          () => undefined,
          (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
        ),
      ),
    );
  }

  async function together(msgs: ChatMessage[]): Promise<void> {
    const outcomes = await unitOfWork(deps.db, async () => {
      const settled = await Promise.allSettled(msgs.map((m) => deps.dispatcher.outcomeOf(m)));
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      const rows = msgs.flatMap((m, i) => {
        const o = (settled[i] as PromiseFulfilledResult<Outcome | null>).value;
        return o ? [{ id: m.id, state: o.state, note: o.note }] : [];
      });
      await deps.messages.finishMany(rows, deps.clock.now());
      return rows;
    });
    deps.committed?.(msgs.length);
    for (const o of outcomes) deps.finished?.(o.state);
  }

  const batches = createBatcher<ChatMessage, undefined>({
    maxBatch: deps.maxBatch,
    async run(msgs) {
      const rest = msgs.filter((m) => !deps.dispatcher.busy(m.id));
      let handled = false;
      if (rest.length > 1) {
        try {
          await together(rest);
          handled = true;
        } catch (err) {
          // The database went away (maybe during the commit, which may then have gone through): the
          // intake tries these messages again later and first asks whether they were handled meanwhile.
          if (deps.isTransient?.(err)) {
            const away = err instanceof Error ? err : new Error(String(err));
            return msgs.map(() => away);
          }
          log.debug({ err, messages: rest.length }, 'batch rolled back: handling its messages one by one');
        }
      }
      const left = handled ? msgs.filter((m) => !rest.includes(m)) : msgs;
      const results = await oneByOne(left);
      return msgs.map((m) => results[left.indexOf(m)]);
    },
  });

  return {
    /** Handles a stored message (with others waiting at the same time); resolves once it is committed. */
    handle: (msg: ChatMessage): Promise<void> => batches.add(msg),
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

// Queueing what the bot says. Callers that write records pass their transaction so the message and the
// records commit together; the worker is woken after the commit.
import type { Executor } from '../../db/client.js';
import { createOutboxRepo, type OutboxItem } from '../../db/repositories/outbox.js';
import type { Clock } from '../core/clock.js';
import type { ChatMessage, Mention } from '../core/domain.js';

export interface OutboxServiceDeps {
  db: Executor;
  clock: Clock;
  /** Wakes the sending worker. */
  notify: () => void;
}

export function createOutboxService(deps: OutboxServiceDeps) {
  return {
    /** Queue a message; within `tx` when given (call `notify()` after the commit then). */
    async enqueue(
      item: Omit<OutboxItem, 'createdAt'> & { createdAt?: Date },
      tx?: Executor,
    ): Promise<number[]> {
      const ids = await createOutboxRepo(tx ?? deps.db).enqueue({
        ...item,
        createdAt: item.createdAt ?? deps.clock.now(),
      });
      if (!tx) deps.notify();
      return ids;
    },
    /** An answer in the group a message came from, optionally @mentioning its sender. */
    async reply(
      msg: ChatMessage,
      text: string,
      opts: { mention?: boolean; urgent?: boolean; kind?: string } = {},
      tx?: Executor,
    ): Promise<number[]> {
      const mentions: Mention[] = opts.mention ? [{ id: msg.talkerId, name: msg.talkerName }] : [];
      return this.enqueue(
        {
          groupId: msg.group?.id ?? null,
          roomId: msg.roomId,
          topic: msg.roomTopic,
          text,
          mentions,
          kind: opts.kind ?? 'reply',
          urgent: opts.urgent ?? false,
          sourceMessageId: msg.id,
        },
        tx,
      );
    },
    notify: deps.notify,
  };
}

export type OutboxService = ReturnType<typeof createOutboxService>;

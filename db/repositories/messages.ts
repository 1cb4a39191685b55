import { and, asc, eq, inArray, is, lt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { IncomingMessage, MessageState } from '../../src/core/domain.js';
import type { Executor } from '../client.js';
import { messages } from '../schema.js';

export function createMessagesRepo(db: Executor) {
  // The two statements every incoming message costs outside a transaction (storing it, recording its
  // outcome) are built once when the repository is on the database itself: drizzle's query building is a
  // good part of a message's CPU. (A prepared query cannot outlive a transaction.)
  const ph = sql.placeholder;
  const prepared = is(db, PgTransaction)
    ? null
    : {
        insert: db
          .insert(messages)
          .values({
            providerId: ph('providerId'),
            roomId: ph('roomId'),
            groupId: ph('groupId'),
            talkerId: ph('talkerId'),
            talkerName: ph('talkerName'),
            kind: ph('kind'),
            text: ph('text'),
            originalLength: ph('originalLength'),
            mentionsSelf: ph('mentionsSelf'),
            sentAt: ph('sentAt'),
            receivedAt: ph('receivedAt'),
          })
          .onConflictDoNothing({ target: messages.providerId })
          .returning({ id: messages.id })
          .prepare('message_insert'),
        finish: db
          .update(messages)
          .set({
            state: sql`${ph('state')}`,
            note: sql`${ph('note')}`,
            processedAt: sql`${ph('processedAt')}`,
            attempts: sql`${messages.attempts} + 1`,
          })
          .where(eq(messages.id, ph('id')))
          .prepare('message_finish'),
      };

  return {
    /**
     * Stores a message once per provider id. Returns the new row's id, or null for a duplicate.
     * `originalLength` is set when `m.text` is only the beginning of a longer message.
     */
    async insertOnce(
      m: IncomingMessage & { originalLength?: number | null },
      groupId: number | null,
      receivedAt: Date,
    ): Promise<number | null> {
      const row = {
        providerId: m.providerId,
        roomId: m.roomId,
        groupId,
        talkerId: m.talkerId,
        talkerName: m.talkerName,
        kind: m.kind,
        text: m.text,
        originalLength: m.originalLength ?? null,
        mentionsSelf: m.mentionsSelf,
        sentAt: m.at,
        receivedAt,
      };
      const rows = prepared
        ? await prepared.insert.execute(row)
        : await db
            .insert(messages)
            .values(row)
            .onConflictDoNothing({ target: messages.providerId })
            .returning({ id: messages.id });
      return rows[0]?.id ?? null;
    },

    async finish(id: number, state: MessageState, at: Date, note: string | null = null) {
      if (prepared) {
        // As drizzle encodes a timestamp column's value: an ISO string.
        await prepared.finish.execute({ id, state, note, processedAt: at.toISOString() });
        return;
      }
      await db
        .update(messages)
        .set({ state, note, processedAt: at, attempts: sql`${messages.attempts} + 1` })
        .where(eq(messages.id, id));
    },

    async byId(id: number) {
      const [r] = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
      return r ?? null;
    },

    async byProviderId(providerId: string) {
      const [r] = await db.select().from(messages).where(eq(messages.providerId, providerId)).limit(1);
      return r ?? null;
    },

    /** Messages stored but never finished (a crash between storing and handling), oldest first. */
    async stalled(receivedBefore: Date, maxAttempts: number, limit: number) {
      return db
        .select()
        .from(messages)
        .where(
          and(
            inArray(messages.state, ['received']),
            lt(messages.receivedAt, receivedBefore),
            lt(messages.attempts, maxAttempts),
          ),
        )
        .orderBy(asc(messages.id))
        .limit(limit);
    },
  };
}

export type MessagesRepo = ReturnType<typeof createMessagesRepo>;

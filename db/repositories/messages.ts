import { and, asc, eq, inArray, is, lt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { IncomingMessage, MessageState } from '../../src/core/domain.js';
import { insertMany } from '../bulk.js';
import type { Executor } from '../client.js';
import { messages } from '../schema.js';
import { inUnit } from '../unit.js';

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
      const rows =
        prepared && !inUnit()
          ? await prepared.insert.execute(row)
          : await db
              .insert(messages)
              .values(row)
              .onConflictDoNothing({ target: messages.providerId })
              .returning({ id: messages.id });
      return rows[0]?.id ?? null;
    },

    async finish(id: number, state: MessageState, at: Date, note: string | null = null) {
      if (prepared && !inUnit()) {
        // As drizzle encodes a timestamp column's value: an ISO string.
        await prepared.finish.execute({ id, state, note, processedAt: at.toISOString() });
        return;
      }
      await db
        .update(messages)
        .set({ state, note, processedAt: at, attempts: sql`${messages.attempts} + 1` })
        .where(eq(messages.id, id));
    },

    /**
     * Stores many messages in one statement, each once per provider id (a provider id given twice is
     * stored for its first row). Returns the new rows' ids by provider id; duplicates are not in it.
     */
    async insertMany(
      rows: readonly {
        message: IncomingMessage & { originalLength?: number | null };
        groupId: number | null;
      }[],
      receivedAt: Date,
    ): Promise<Map<string, number>> {
      if (rows.length === 0) return new Map();
      const inserted = await insertMany<(typeof rows)[number], { id: number | string; provider_id: string }>(
        db,
        messages,
        [
          [messages.providerId, 'text', (r) => r.message.providerId],
          [messages.roomId, 'text', (r) => r.message.roomId],
          [messages.groupId, 'integer', (r) => r.groupId],
          [messages.talkerId, 'text', (r) => r.message.talkerId],
          [messages.talkerName, 'text', (r) => r.message.talkerName],
          [messages.kind, 'text', (r) => r.message.kind],
          [messages.text, 'text', (r) => r.message.text],
          [messages.originalLength, 'integer', (r) => r.message.originalLength ?? null],
          [messages.mentionsSelf, 'boolean', (r) => r.message.mentionsSelf],
          [messages.sentAt, 'timestamptz', (r) => r.message.at],
          [messages.receivedAt, 'timestamptz', () => receivedAt],
        ],
        rows,
        sql`on conflict (${sql.identifier(messages.providerId.name)}) do nothing returning id, provider_id`,
      );
      return new Map(inserted.map((r) => [r.provider_id, Number(r.id)]));
    },

    /** Records the outcomes of many messages in one statement. */
    async finishMany(
      outcomes: readonly { id: number; state: MessageState; note: string | null }[],
      at: Date,
    ): Promise<void> {
      if (outcomes.length === 0) return;
      const ids = sql.param(outcomes.map((o) => String(o.id)));
      const states = sql.param(outcomes.map((o) => o.state));
      const notes = sql.param(outcomes.map((o) => o.note));
      await db.execute(sql`
        update ${messages} set
          state = v.state, note = v.note, processed_at = ${at.toISOString()}::timestamptz,
          attempts = ${messages.attempts} + 1
        from unnest(${ids}::text[], ${states}::text[], ${notes}::text[]) as v(id, state, note)
        where ${messages.id} = v.id::bigint`);
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

import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { IncomingMessage, MessageState } from '../../src/core/domain.js';
import { insertMany } from '../bulk.js';
import type { Executor } from '../client.js';
import { messages } from '../schema.js';

export function createMessagesRepo(db: Executor) {
  return {
    /**
     * Stores messages (one or many: one statement either way), each once per provider id (a provider id
     * given twice is stored for its first row). Returns the new rows' ids by provider id; duplicates are
     * not in it. `originalLength` is set when a text is only the beginning of a longer message.
     */
    async insert(
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

    /**
     * Of these messages, the ones still waiting to be handled, locked for this transaction: a message that
     * another unit is handling (a stalled-message pass, another instance) or has handled is left out.
     */
    async claim(ids: readonly number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: messages.id })
        .from(messages)
        .where(and(inArray(messages.id, [...ids]), eq(messages.state, 'received')))
        .for('update', { skipLocked: true });
      return new Set(rows.map((r) => r.id));
    },

    /** Records the outcomes of messages (one or many) in one statement. */
    async finish(
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

    /**
     * Whether the sender said the same text in the same group since `since` and it was answered (a command
     * repeated: one answer is enough).
     */
    async answeredRepeat(
      m: { id: number; groupId: number; talkerId: string; text: string },
      since: Date,
    ): Promise<boolean> {
      const [r] = await db
        .select({ id: messages.id })
        .from(messages)
        .where(
          and(
            eq(messages.groupId, m.groupId),
            gte(messages.sentAt, since),
            eq(messages.talkerId, m.talkerId),
            eq(messages.text, m.text),
            eq(messages.state, 'handled'),
            lt(messages.id, m.id),
          ),
        )
        .limit(1);
      return r !== undefined;
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

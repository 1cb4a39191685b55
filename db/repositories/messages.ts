import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { IncomingMessage, MessageState } from '../../src/core/domain.js';
import type { Executor } from '../client.js';
import { messages } from '../schema.js';

export function createMessagesRepo(db: Executor) {
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
      const rows = await db
        .insert(messages)
        .values({
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
        })
        .onConflictDoNothing({ target: messages.providerId })
        .returning({ id: messages.id });
      return rows[0]?.id ?? null;
    },

    async finish(id: number, state: MessageState, at: Date, note: string | null = null) {
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

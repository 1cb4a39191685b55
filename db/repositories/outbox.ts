import { and, asc, desc, eq, inArray, isNotNull, lt, ne, notExists, or, sql } from 'drizzle-orm';
import type { Mention } from '../../src/core/domain.js';
import { classOf } from '../../src/core/outgoing.js';
import { splitForWeChat } from '../../src/core/text.js';
import { insertMany } from '../bulk.js';
import type { Executor } from '../client.js';
import { groups, outbox } from '../schema.js';
import { coalesce } from '../unit.js';
import { createOutboxMarks } from './outbox-marks.js';

export interface OutboxItem {
  groupId: number | null;
  topic: string;
  roomId?: string | null;
  /** A private message to this contact instead of a group. */
  contactId?: string | null;
  text: string;
  mentions?: Mention[];
  kind?: string;
  urgent?: boolean;
  /** Makes the enqueue idempotent: a second enqueue with the same key is a no-op. */
  dedupeKey?: string | null;
  sourceMessageId?: number | null;
  createdAt: Date;
  notBefore?: Date;
  /** See src/core/outgoing.ts. Derived from kind and urgency by the outbox service. */
  priority?: number;
  budget?: 'urgent' | 'reserved' | 'routine';
  expiresAt?: Date | null;
  mergeKey?: string | null;
  payload?: Record<string, unknown> | null;
  /** With a merge key: a pending row with the key takes this text instead of a new row (alert updates). */
  replacePending?: boolean;
}

export type OutboxRow = typeof outbox.$inferSelect;

export function createOutboxRepo(db: Executor) {
  /** The row's group belongs to another account than `account` (to any, for null). */
  const ownedByOther = (account: string | null) =>
    db
      .select({ one: sql`1` })
      .from(groups)
      .where(
        and(
          eq(groups.id, outbox.groupId),
          isNotNull(groups.account),
          account === null ? undefined : ne(groups.account, account),
        ),
      );

  return {
    /**
     * Queues a message (split into parts WeChat accepts, mentions on the first part). Returns the new
     * rows' ids; empty when the dedupe key was already used.
     */
    async enqueue(item: OutboxItem): Promise<number[]> {
      const parts = splitForWeChat(item.text);
      if (parts.length === 0) return [];
      const rows = parts.map((text, i) => ({
        groupId: item.groupId,
        topic: item.topic,
        roomId: item.roomId ?? null,
        contactId: item.contactId ?? null,
        text,
        mentions: i === 0 ? (item.mentions ?? []) : [],
        kind: item.kind ?? 'reply',
        urgent: item.urgent ?? false,
        dedupeKey: item.dedupeKey ? (i === 0 ? item.dedupeKey : `${item.dedupeKey}#${i + 1}`) : null,
        sourceMessageId: item.sourceMessageId ?? null,
        createdAt: item.createdAt,
        notBefore: item.notBefore ?? item.createdAt,
        priority: item.priority ?? classOf(item.kind ?? 'reply', item.urgent ?? false).priority,
        budget: item.budget ?? classOf(item.kind ?? 'reply', item.urgent ?? false).budget,
        expiresAt: item.expiresAt ?? null,
        mergeKey: item.mergeKey ?? null,
        payload: item.payload ?? null,
      }));
      if (item.replacePending && item.mergeKey && rows.length === 1) {
        const [row] = rows as [(typeof rows)[number]];
        const updated = await db
          .update(outbox)
          .set({ text: row.text, mentions: row.mentions, sourceMessageId: row.sourceMessageId })
          .where(and(eq(outbox.mergeKey, item.mergeKey), eq(outbox.status, 'pending')))
          .returning({ id: outbox.id });
        if (updated.length) return updated.map((r) => r.id);
      }
      if (item.dedupeKey) {
        const inserted = await db
          .insert(outbox)
          .values(rows)
          .onConflictDoNothing({ target: outbox.dedupeKey })
          .returning({ id: outbox.id });
        return inserted.map((r) => r.id);
      }
      // Replies to a batch of messages: one insert (db/unit.ts). Without a dedupe key nothing conflicts,
      // and the ids are drawn in the order of the values: sorted, they give each item its own.
      return coalesce(db, 'outbox.enqueue', rows, async (items) => {
        type Row = (typeof rows)[number];
        const inserted = await insertMany<Row, { id: number | string }>(
          db,
          outbox,
          [
            [outbox.groupId, 'integer', (r) => r.groupId],
            [outbox.topic, 'text', (r) => r.topic],
            [outbox.roomId, 'text', (r) => r.roomId],
            [outbox.contactId, 'text', (r) => r.contactId],
            [outbox.text, 'text', (r) => r.text],
            [outbox.mentions, 'jsonb', (r) => r.mentions],
            [outbox.kind, 'text', (r) => r.kind],
            [outbox.urgent, 'boolean', (r) => r.urgent],
            [outbox.sourceMessageId, 'bigint', (r) => r.sourceMessageId],
            [outbox.priority, 'smallint', (r) => r.priority],
            [outbox.budget, 'text', (r) => r.budget],
            [outbox.expiresAt, 'timestamptz', (r) => r.expiresAt],
            [outbox.mergeKey, 'text', (r) => r.mergeKey],
            [outbox.payload, 'jsonb', (r) => r.payload],
            [outbox.createdAt, 'timestamptz', (r) => r.createdAt],
            [outbox.notBefore, 'timestamptz', (r) => r.notBefore],
          ],
          items.flat(),
          sql`returning id`,
        );
        const ids = inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
        let next = 0;
        return items.map((its) => {
          const mine = ids.slice(next, next + its.length);
          next += its.length;
          return mine;
        });
      });
    },

    /**
     * Claims the next due row for sending. A row whose claim expired (its worker died) is due again.
     * SKIP LOCKED lets several workers claim side by side without ever taking the same row. With an
     * `account` (the bot user the worker's WeChat is logged in as; null before login), only rows it may
     * send: of groups that account speaks in, of groups no account owns, and of no group.
     */
    async claimNext(
      now: Date,
      claimTtlMs: number,
      account?: string | null,
      order: 'priority' | 'arrival' = 'priority',
    ): Promise<OutboxRow | null> {
      const due = db
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          and(
            or(
              and(eq(outbox.status, 'pending'), lt(outbox.notBefore, new Date(now.getTime() + 1))),
              and(eq(outbox.status, 'sending'), lt(outbox.claimExpiresAt, now)),
            ),
            account === undefined ? undefined : notExists(ownedByOther(account)),
          ),
        )
        // 'arrival': urgent first, else first in first out (the order before priorities; benchmarks compare).
        .orderBy(...(order === 'priority' ? [asc(outbox.priority)] : [desc(outbox.urgent)]), asc(outbox.id))
        .limit(1)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(outbox)
        .set({
          status: 'sending',
          claimExpiresAt: new Date(now.getTime() + claimTtlMs),
          attempts: sql`${outbox.attempts} + 1`,
        })
        .where(inArray(outbox.id, due))
        .returning();
      return rows[0] ?? null;
    },

    /**
     * Claims, with `head` (claimed already), every other pending row of its merge key that is due: they
     * go out as one message. SKIP LOCKED: a row another worker holds stays with it.
     */
    async claimMerged(head: OutboxRow, now: Date, claimTtlMs: number): Promise<OutboxRow[]> {
      if (!head.mergeKey) return [head];
      const due = db
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          and(
            eq(outbox.mergeKey, head.mergeKey),
            eq(outbox.status, 'pending'),
            lt(outbox.notBefore, new Date(now.getTime() + 1)),
          ),
        )
        .orderBy(asc(outbox.id))
        .limit(500)
        .for('update', { skipLocked: true });
      const rest = await db
        .update(outbox)
        .set({
          status: 'sending',
          claimExpiresAt: new Date(now.getTime() + claimTtlMs),
          attempts: sql`${outbox.attempts} + 1`,
        })
        .where(inArray(outbox.id, due))
        .returning();
      return [head, ...rest.sort((a, b) => a.id - b.id)];
    },
    ...createOutboxMarks(db),
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;

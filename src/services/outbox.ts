// Queueing what the bot says. Callers that write records pass their transaction so the message and the
// records commit together; the worker is woken after the commit.

import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { createOutboxRepo, type OutboxItem } from '../../db/repositories/outbox.js';
import { groups, sites } from '../../db/schema.js';
import type { Clock } from '../core/clock.js';
import type { ChatMessage, GroupRole, Mention } from '../core/domain.js';
import { expiryOf, heldByQuietHours } from '../core/outgoing.js';
import type { Slot } from '../core/records.js';
import { afterQuietHours, siteSchedule } from '../core/schedule.js';
import { DEFAULT_ZONE } from '../core/time.js';
import type { Reply } from './turn.js';

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
      item: Omit<OutboxItem, 'createdAt'> & {
        createdAt?: Date;
        /** For a reminder or nudge: the slot it is about, the group's zone and quiet hours (its expiry). */
        slotOf?: { slot: Slot; zone: string; quietStart: string };
      },
      tx?: Executor,
    ): Promise<number[]> {
      const createdAt = item.createdAt ?? deps.clock.now();
      const kind = item.kind ?? 'reply';
      const { slotOf, ...rest } = item;
      const expiresAt =
        item.expiresAt !== undefined
          ? item.expiresAt
          : expiryOf(kind, createdAt, {
              zone: slotOf?.zone ?? DEFAULT_ZONE,
              quietStart: slotOf?.quietStart ?? '22:00',
              slot: slotOf?.slot,
            });
      const ids = await createOutboxRepo(tx ?? deps.db).enqueue({
        ...rest,
        kind,
        createdAt,
        expiresAt,
      });
      if (!tx) deps.notify();
      return ids;
    },
    /** An answer in the group a message came from, optionally @mentioning its sender. */
    async reply(
      msg: ChatMessage,
      text: string,
      opts: {
        mention?: boolean;
        urgent?: boolean;
        kind?: string;
        mergeKey?: string | null;
        payload?: Record<string, unknown> | null;
      } = {},
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
          mergeKey: opts.mergeKey ?? null,
          payload: opts.payload ?? null,
        },
        tx,
      );
    },
    /**
     * The response step of a turn: what the listeners answered one message goes out as one reply, in the
     * turn's transaction. The sender is @mentioned when any answer asks for it; it is urgent when any is.
     */
    async respond(msg: ChatMessage, replies: readonly Reply[], tx: Executor): Promise<number[]> {
      if (replies.length === 0) return [];
      // Only an acknowledgement and nothing else may wait to be merged with others of its group.
      const ack = replies.length === 1 && replies[0]?.kind === 'ack' && msg.group ? replies[0] : null;
      return this.reply(
        msg,
        replies.map((r) => r.text).join('\n'),
        {
          mention: replies.some((r) => r.mention),
          urgent: replies.some((r) => r.urgent),
          kind: ack ? 'ack' : (replies.find((r) => r.kind && r.kind !== 'ack')?.kind ?? 'reply'),
          mergeKey: ack ? `ack:${msg.group?.id}` : null,
          payload: ack
            ? { who: msg.talkerId, label: ack.label ?? null, zone: msg.group?.timeZone ?? DEFAULT_ZONE }
            : null,
        },
        tx,
      );
    },
    /**
     * When a message of this kind to the site's group of `role` queued now would go out at the earliest
     * (quiet hours hold timetable messages and notices to the public groups): what staff are told.
     */
    async noticeTime(siteId: number, role: GroupRole, kind: string, tx?: Executor): Promise<Date> {
      const db = tx ?? deps.db;
      const [g] = await db
        .select({ timeZone: sites.timeZone, schedule: sites.schedule })
        .from(sites)
        .where(eq(sites.id, siteId))
        .limit(1);
      const now = deps.clock.now();
      if (!g) return now;
      const quiet = siteSchedule(g.schedule);
      return heldByQuietHours(role, kind, false)
        ? afterQuietHours(now, g.timeZone, quiet.quietStart, quiet.quietEnd)
        : now;
    },
    /**
     * A message to a site's group of `role` (every such group; none is fine). Nothing goes to a group of
     * another role. Non-urgent timetable messages to the public groups (residents, villagers) wait for the
     * end of the site's quiet hours; replies and urgent messages go at once.
     */
    async toSiteGroup(
      siteId: number,
      role: GroupRole,
      msg: {
        text: string;
        mentions?: Mention[];
        kind: string;
        urgent?: boolean;
        dedupeKey?: string;
        sourceMessageId?: number;
        /** A reminder or nudge: the slot it is about (it expires when the slot is over). */
        slot?: Slot;
        /** Updates of one thing (an alert) wait as one: a pending message with the key takes the new text. */
        mergeKey?: string;
        /** What the message says, as data (a relay the digest lists again). */
        payload?: Record<string, unknown>;
      },
      tx?: Executor,
    ): Promise<number[]> {
      const db = tx ?? deps.db;
      const targets = await db
        .select({
          id: groups.id,
          topic: groups.topic,
          roomId: groups.roomId,
          timeZone: sites.timeZone,
          schedule: sites.schedule,
        })
        .from(groups)
        .innerJoin(sites, eq(sites.id, groups.siteId))
        .where(and(eq(groups.siteId, siteId), eq(groups.role, role)))
        .orderBy(groups.id);
      const now = deps.clock.now();
      const ids: number[] = [];
      for (const g of targets) {
        const quiet = siteSchedule(g.schedule);
        const notBefore = heldByQuietHours(role, msg.kind, msg.urgent ?? false)
          ? afterQuietHours(now, g.timeZone, quiet.quietStart, quiet.quietEnd)
          : now;
        ids.push(
          ...(await this.enqueue(
            {
              slotOf: msg.slot
                ? { slot: msg.slot, zone: g.timeZone, quietStart: quiet.quietStart }
                : undefined,
              mergeKey: msg.mergeKey ? `${msg.mergeKey}@${g.id}` : null,
              replacePending: Boolean(msg.mergeKey),
              groupId: g.id,
              roomId: g.roomId,
              topic: g.topic,
              text: msg.text,
              mentions: msg.mentions ?? [],
              kind: msg.kind,
              urgent: msg.urgent ?? false,
              dedupeKey: msg.dedupeKey
                ? targets.length > 1
                  ? `${msg.dedupeKey}@${g.id}`
                  : msg.dedupeKey
                : null,
              sourceMessageId: msg.sourceMessageId ?? null,
              payload: msg.payload ?? null,
              createdAt: now,
              notBefore,
            },
            db,
          )),
        );
      }
      if (!tx && ids.length) deps.notify();
      return ids;
    },
    notify: deps.notify,
  };
}

export type OutboxService = ReturnType<typeof createOutboxService>;

// The one road every outgoing message takes: rows queued in the outbox are claimed (SKIP LOCKED, so
// several workers never take the same row), sent through the chat transport, and marked sent. Sends are
// paced per bot account and capped per group per day, because WeChat bans accounts that send too fast.
// A claim expires (`claimTtlMs`): a row claimed by a worker that died is sent by another one later.
// Delivery is at least once: a worker that sent a message and then cannot record it keeps trying to
// record it, but if it dies first the message is sent again after the claim expires.
import { describeDbError, isConnectionError } from '../../db/errors.js';
import type { GroupsRepo } from '../../db/repositories/groups.js';
import type { OutboxRepo, OutboxRow } from '../../db/repositories/outbox.js';
import { backoffMs } from '../core/backoff.js';
import type { Clock } from '../core/clock.js';
import type { GroupInfo } from '../core/domain.js';
import { DEFAULT_ZONE } from '../core/time.js';
import type { Logger } from '../log.js';
import { createOutboxBudget, mergedMessage } from './outbox-budget.js';
import { DEFAULT_POLICY, type OutboxPolicy } from './outbox-policy.js';
import { abortableSleep } from './timers.js';

export interface Sender {
  /** The provider's id and time of the sent message, when it tells them. */
  sendText(
    roomId: string,
    text: string,
    mentionIds: string[],
  ): Promise<{ providerId: string | null; at?: Date | null }>;
  /** A private message to one contact (the ladder's private step). */
  sendToContact?(contactId: string, text: string): Promise<{ providerId: string | null; at?: Date | null }>;
  rooms(): Promise<{ id: string; topic: string }[]>;
}

export { DEFAULT_POLICY, type OutboxPolicy } from './outbox-policy.js';

export type SendOutcome = 'sent' | 'held' | 'expired' | 'retry' | 'failed' | 'idle';

export interface OutboxWorkerDeps {
  repo: OutboxRepo;
  groups: GroupsRepo;
  sender: Sender;
  clock: Clock;
  log: Logger;
  policy?: Partial<OutboxPolicy>;
  defaultZone?: string;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  /**
   * The bot user the sender is logged in as (null while it is not): the worker then sends only rows of
   * groups that account speaks in, or that no account owns. Without it, any row.
   */
  account?: () => string | null;
  /** A message was given up for good (staff are told when it was a notice to a person). */
  onGivenUp?(row: OutboxRow): Promise<void>;
  /** A group has sent most of its daily cap (once a day per group): staff are told before answers stop. */
  onCapNear?(facts: { group: GroupInfo; sent: number; cap: number; day: Date }): Promise<void>;
}

export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const policy = { ...DEFAULT_POLICY, ...deps.policy };
  const { repo, clock, log } = deps;
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? abortableSleep;
  let loop: Promise<void> | null = null;
  let stopper = new AbortController();
  let wake = new AbortController();
  let pausedUntil = 0;

  async function roomFor(row: OutboxRow): Promise<string | null> {
    if (row.groupId) {
      const bound = await repo.roomIdForGroup(row.groupId);
      if (bound) return bound;
    }
    if (row.roomId) return row.roomId;
    const room = (await deps.sender.rooms()).find((r) => r.topic === row.topic);
    if (room && row.groupId) await deps.groups.bindRoom(row.groupId, room.id, deps.account?.() ?? null);
    return room?.id ?? null;
  }

  const budget = createOutboxBudget({
    repo,
    groups: deps.groups,
    policy,
    defaultZone: deps.defaultZone,
    onCapNear: deps.onCapNear,
  });
  const { overCap, watchCap, mergeWindow } = budget;

  async function handle(row: OutboxRow): Promise<SendOutcome> {
    const now = clock.now();
    if (row.expiresAt && row.expiresAt <= now) {
      await repo.markExpired(row.id, 'expired before it could be sent');
      return 'expired';
    }
    const capUntil = await overCap(row, now);
    if (capUntil) {
      if (row.expiresAt && row.expiresAt <= capUntil) {
        log.warn({ outboxId: row.id, groupId: row.groupId }, 'daily cap reached, message expired');
        await repo.markExpired(row.id, 'daily cap reached; no longer worth sending tomorrow');
        return 'expired';
      }
      log.warn({ outboxId: row.id, groupId: row.groupId }, 'daily cap reached, holding message');
      await repo.reschedule(row.id, capUntil, 'daily cap reached', false);
      return 'held';
    }
    const windowUntil = await mergeWindow(row, now);
    if (windowUntil) {
      await repo.holdMerged(row, windowUntil, 'waiting to be merged with other acknowledgements');
      return 'held';
    }
    const rows =
      policy.mergeAcks && row.kind === 'ack' ? await repo.claimMerged(row, now, policy.claimTtlMs) : [row];
    const roomId = row.contactId ? null : await roomFor(row);
    if (!roomId && !row.contactId) return retry(row, now, `no WeChat room with topic ${row.topic}`);
    const message =
      rows.length > 1
        ? mergedMessage(rows, row, deps.defaultZone ?? DEFAULT_ZONE)
        : { text: row.text, mentionIds: row.mentions.map((m) => m.id) };
    let providerId: string | null;
    let providerAt: Date | null | undefined;
    try {
      ({ providerId, at: providerAt } = row.contactId
        ? await sendPrivate(row.contactId, message.text)
        : await deps.sender.sendText(roomId as string, message.text, message.mentionIds));
    } catch (err) {
      const e = err as { code?: string; message?: string };
      if (e.code === 'CHAT_OFFLINE') {
        // Not the message's fault: it waits, without using up an attempt, until WeChat is back.
        pausedUntil = Date.now() + policy.offlinePauseMs;
        for (const r of rows) await repo.reschedule(r.id, now, e.message ?? 'WeChat offline', r !== row);
        return 'held';
      }
      if (e.code === 'CHAT_THROTTLED') {
        pausedUntil = Date.now() + policy.throttlePauseMs;
        log.warn({ outboxId: row.id, pauseMs: policy.throttlePauseMs }, 'WeChat throttled us, backing off');
      }
      for (const r of rows.slice(1)) await repo.reschedule(r.id, now, e.message ?? String(err), false);
      return retry(row, now, e.message ?? String(err));
    }
    await recordSent(row, providerId, providerAt ?? null);
    if (rows.length > 1)
      await repo.markMerged(
        rows.slice(1).map((r) => r.id),
        row.id,
        providerAt ?? clock.now(),
      );
    await watchCap(row, now).catch((err) => log.error({ err }, 'could not check the group budget'));
    return 'sent';
  }

  async function sendPrivate(contactId: string, text: string) {
    if (!deps.sender.sendToContact)
      throw Object.assign(new Error('this transport sends no private messages'), {
        code: 'CHAT_SEND_FAILED',
      });
    return deps.sender.sendToContact(contactId, text);
  }

  /**
   * The message is out: record that, waiting out a database that is away (giving up would have it sent
   * again once its claim expires). Only stopping the worker ends the wait.
   */
  async function recordSent(
    row: OutboxRow,
    providerId: string | null,
    providerAt: Date | null,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        // Marked with the provider's time of the message when it says, else our clock's (simulated in replay).
        await repo.markSent(row.id, providerAt ?? clock.now(), providerId);
        return;
      } catch (err) {
        if (!isConnectionError(err) || stopper.signal.aborted) {
          log.error(
            { outboxId: row.id, err: describeDbError(err) },
            'message sent but not recorded; it may be sent again when its claim expires',
          );
          throw err;
        }
        await sleep(backoffMs(attempt, 200, 5_000), stopper.signal);
      }
    }
  }

  async function retry(row: OutboxRow, now: Date, reason: string): Promise<SendOutcome> {
    if (row.attempts >= policy.maxAttempts) {
      log.error({ outboxId: row.id, reason, attempts: row.attempts }, 'outbox message failed for good');
      await repo.markFailed(row.id, reason);
      await deps
        .onGivenUp?.(row)
        .catch((err) => log.error({ err, outboxId: row.id }, 'could not tell staff'));
      return 'failed';
    }
    const wait = backoffMs(row.attempts);
    log.warn(
      { outboxId: row.id, reason, attempts: row.attempts, retryInMs: wait },
      'send failed, will retry',
    );
    await repo.reschedule(row.id, new Date(now.getTime() + wait), reason);
    return 'retry';
  }

  /** Claims and handles one due message. */
  async function sendOne(): Promise<SendOutcome> {
    const row = await repo.claimNext(clock.now(), policy.claimTtlMs, deps.account?.(), policy.order);
    return row ? handle(row) : 'idle';
  }

  async function run(signal: AbortSignal) {
    let errors = 0;
    while (!signal.aborted) {
      let outcome: SendOutcome = 'idle';
      try {
        const pause = pausedUntil - Date.now();
        if (pause > 0) await sleep(pause, signal);
        else outcome = await sendOne();
        errors = 0;
      } catch (err) {
        // Mostly the database being away: back off instead of spinning on it. A new message queued
        // (notify) means the database is back: that ends the pause early.
        errors++;
        const wait = backoffMs(errors, policy.errorBaseMs, policy.errorMaxMs);
        log.error({ err: describeDbError(err), retryInMs: wait }, 'outbox worker error');
        wake = new AbortController();
        await sleep(wait, AbortSignal.any([signal, wake.signal]));
        continue;
      }
      if (signal.aborted) break;
      if (outcome === 'idle') {
        wake = new AbortController();
        await sleep(policy.idlePollMs, AbortSignal.any([signal, wake.signal]));
      } else if (outcome !== 'held' && outcome !== 'expired') {
        await sleep(policy.intervalMs + Math.floor(random() * policy.jitterMs), signal);
      }
    }
  }

  return {
    policy,
    sendOne,
    /** Sends everything due now, without pacing (replay and one-shot CLI use). */
    async drain(max = 10_000): Promise<number> {
      let sent = 0;
      for (let i = 0; i < max; i++) {
        const o = await sendOne();
        if (o === 'idle') break;
        if (o === 'sent') sent++;
      }
      return sent;
    },
    /** Wakes an idle worker at once (after an enqueue). */
    notify() {
      // abort() makes a DOMException on every call, even on a signal already aborted (each enqueue calls).
      if (!wake.signal.aborted) wake.abort();
    },
    start() {
      if (loop) return;
      stopper = new AbortController();
      loop = run(stopper.signal);
    },
    async stop() {
      stopper.abort();
      await loop;
      loop = null;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;

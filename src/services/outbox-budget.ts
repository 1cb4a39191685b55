// A group's sending budget on the outbox road: a daily cap per group (urgent rows spend none, routine answers
// stop short of it), a warning to staff as the cap nears, and the merge window that turns a burst of
// acknowledgements into one message. WeChat bans accounts that send too fast.
import type { GroupsRepo } from '../../db/repositories/groups.js';
import type { OutboxRepo, OutboxRow } from '../../db/repositories/outbox.js';
import type { GroupInfo } from '../core/domain.js';
import { CAP_WARNING_SHARE, mergedAckText } from '../core/outgoing.js';
import { DEFAULT_ZONE, localTime, startOfLocalDay } from '../core/time.js';
import type { OutboxPolicy } from './outbox-policy.js';

export interface OutboxBudgetDeps {
  repo: OutboxRepo;
  groups: GroupsRepo;
  policy: OutboxPolicy;
  defaultZone?: string;
  onCapNear?(facts: { group: GroupInfo; sent: number; cap: number; day: Date }): Promise<void>;
}

export function createOutboxBudget(deps: OutboxBudgetDeps) {
  const { repo, policy } = deps;

  /** The start of the group's local day at `now`, and of the next one. */
  async function dayOf(groupId: number, now: Date) {
    const group = await deps.groups.byId(groupId);
    const zone = group?.timeZone ?? deps.defaultZone ?? DEFAULT_ZONE;
    const start = startOfLocalDay(now, zone);
    return { group, start, next: startOfLocalDay(new Date(start.getTime() + 36 * 3_600_000), zone) };
  }

  /**
   * The group's budget for this row: urgent rows spend none; reminders and notices to a named person may
   * use the whole daily cap; routine answers stop at the cap less the reserve. Null when it may go now,
   * else when the next day's budget starts.
   */
  async function overCap(row: OutboxRow, now: Date): Promise<Date | null> {
    if (row.budget === 'urgent' || row.urgent || !row.groupId) return null;
    const { start, next } = await dayOf(row.groupId, now);
    const limit =
      row.budget === 'routine' ? policy.groupDailyCap - policy.groupDailyReserve : policy.groupDailyCap;
    return (await repo.sentSince(row.groupId, start)) < limit ? null : next;
  }

  /** Tells staff once a day when a group nears its cap (before routine answers stop). */
  async function watchCap(row: OutboxRow, now: Date): Promise<void> {
    if (!row.groupId || row.budget === 'urgent' || !deps.onCapNear) return;
    const { group, start } = await dayOf(row.groupId, now);
    const sent = await repo.sentSince(row.groupId, start);
    if (sent >= Math.floor(policy.groupDailyCap * CAP_WARNING_SHARE) && group)
      await deps.onCapNear({ group, sent, cap: policy.groupDailyCap, day: start });
  }

  /**
   * Acknowledgements of one group: while the group is quiet each goes at once; once `ackBurst` went out
   * within a merge window, the next waits until the window allows another, and those waiting meanwhile go
   * out merged as one.
   */
  async function mergeWindow(row: OutboxRow, now: Date): Promise<Date | null> {
    if (!policy.mergeAcks || row.kind !== 'ack' || !row.mergeKey || !row.groupId) return null;
    const since = new Date(now.getTime() - policy.ackWindowMs);
    const recent = await repo.sentTimesOf(row.groupId, row.mergeKey, since, policy.ackBurst);
    const oldest = recent[policy.ackBurst - 1];
    const until = oldest ? new Date(oldest.getTime() + policy.ackWindowMs) : null;
    return until && until > now ? until : null;
  }

  return { overCap, watchCap, mergeWindow };
}

/** Several acknowledgements as one message, naming the rooms of their senders (no one is @mentioned). */
export function mergedMessage(rows: OutboxRow[], head: OutboxRow, zone: string) {
  const times = rows.map((r) => r.createdAt.getTime());
  const hhmm = (t: number) => localTime(new Date(t), (head.payload?.zone as string | undefined) ?? zone);
  const entries = rows.map((r) => ({
    who: String(r.payload?.who ?? r.id),
    label: typeof r.payload?.label === 'string' ? r.payload.label : null,
  }));
  return {
    text: mergedAckText(entries, hhmm(Math.min(...times)), hhmm(Math.max(...times))),
    mentionIds: [],
  };
}

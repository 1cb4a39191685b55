// Every write through the admin API is recorded with who did it, what, when, and the record before and
// after, in the transaction of the write itself: a write that rolls back leaves no audit row, and no
// write commits without one.

import type { Executor } from '../../../db/client.js';
import { type AuditFilter, createAuditLogRepo } from '../../../db/repositories/audit-log.js';
import type { Principal } from '../../core/auth/permissions.js';
import type { Clock } from '../../core/clock.js';

/** Who acts: a token, or the command line (tokenId null). */
export type Actor = Pick<Principal, 'tokenId' | 'name'>;

export const CLI_ACTOR: Actor = { tokenId: null, name: 'cli' };

export interface AuditChange {
  action: string;
  entity: string;
  entityId: string | number;
  siteId?: number | null;
  before?: object | null;
  after?: object | null;
}

/** Records a change within `tx` (the write's own transaction). */
export async function recordAudit(tx: Executor, clock: Clock, actor: Actor, change: AuditChange) {
  return createAuditLogRepo(tx).insert({
    at: clock.now(),
    actorTokenId: actor.tokenId,
    actorName: actor.name,
    action: change.action,
    entity: change.entity,
    entityId: String(change.entityId),
    siteId: change.siteId ?? null,
    before: snapshot(change.before),
    after: snapshot(change.after),
  });
}

/** A plain JSON copy (dates as ISO strings), so the row shows exactly what was stored. */
function snapshot(value: object | null | undefined): Record<string, unknown> | null {
  return value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : null;
}

export function createAuditService(deps: { db: Executor; clock: Clock }) {
  return {
    list: (filter: AuditFilter) => createAuditLogRepo(deps.db).list(filter),
    /** An action that writes nothing of its own in one transaction (e.g. a message typed into the sandbox). */
    record: (actor: Actor, change: AuditChange) => recordAudit(deps.db, deps.clock, actor, change),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

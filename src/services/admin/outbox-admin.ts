// The outbox through the admin API: what the bot sent or queued, and a retry of a message that failed
// for good (it goes back to the queue, due now, with a fresh count of attempts).
import type { Db } from '../../../db/client.js';
import {
  createOutboxAdminRepo,
  groupBudgets,
  type OutboxAdminRow,
  type OutboxFilter,
} from '../../../db/repositories/outbox-admin.js';
import type { Clock } from '../../core/clock.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { type Actor, recordAudit } from './audit.js';
import type { Guard } from './guard.js';

export function createOutboxAdminService(deps: {
  db: Db;
  clock: Clock;
  defaultZone: string;
  /** Wakes the sending worker after the commit. */
  notify: () => void;
}) {
  const { db, clock } = deps;
  const repo = createOutboxAdminRepo(db);

  return {
    list: (f: Omit<OutboxFilter, 'defaultZone'>) => repo.list({ ...f, defaultZone: deps.defaultZone }),
    /** Every group's use of its day and what waits, within `scope` (site ids; null: all). */
    async budgets(scope: number[] | null) {
      const all = await groupBudgets(db, clock.now(), deps.defaultZone);
      return scope === null ? all : all.filter((b) => b.siteId !== null && scope.includes(b.siteId));
    },
    get: repo.byId,

    async retry(actor: Actor, id: number, guard: Guard): Promise<OutboxAdminRow> {
      const after = await db.transaction(async (tx) => {
        const rows = createOutboxAdminRepo(tx);
        const before = await rows.byId(id);
        if (!before) throw new NotFoundError(`outbox message ${id} not found`);
        guard(before.siteId);
        if (!(await rows.retry(id, clock.now())))
          throw new ConflictError(
            `outbox message ${id} is ${before.status}; only failed messages are retried`,
          );
        const after = (await rows.byId(id)) as OutboxAdminRow;
        await recordAudit(tx, clock, actor, {
          action: 'retry',
          entity: 'outbox',
          entityId: id,
          siteId: before.siteId,
          before,
          after,
        });
        return after;
      });
      deps.notify();
      return after;
    },
  };
}

export type OutboxAdminService = ReturnType<typeof createOutboxAdminService>;

// Health reports, alerts and residents' requests through the admin API. Acknowledging an alert and
// taking or closing a ticket run the same steps as the staff group's #已处理 / #接单 / #完成 (closing
// tells the resident in the residents group with an @mention), audited in the same transaction.
import type { Db, Executor } from '../../../db/client.js';
import {
  type AlertFilter,
  createHealthAdminRepo,
  type ReportFilter,
  type RequestFilter,
} from '../../../db/repositories/health-admin.js';
import type { Clock } from '../../core/clock.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import type { Logger } from '../../log.js';
import type { OutboxService } from '../outbox.js';
import { quarantineSite, reposOf } from '../quarantine/deps.js';
import { ackAlert } from '../quarantine/lifecycle.js';
import { type TicketAction, ticketAction } from '../quarantine/tickets.js';
import { type Actor, recordAudit } from './audit.js';
import type { Guard } from './guard.js';

export interface HealthAdminDeps {
  db: Db;
  clock: Clock;
  outbox: OutboxService;
  log: Logger;
}

export function createHealthAdminService(deps: HealthAdminDeps) {
  const { db, clock, outbox } = deps;
  const repo = createHealthAdminRepo(db);

  /** The observation site of a record, which every alert and request has. */
  const siteOf = async (tx: Executor, siteId: number) => {
    const site = await quarantineSite(tx, siteId);
    if (!site) throw new NotFoundError(`site ${siteId} is no observation site`);
    return site;
  };

  return {
    reports: (f: ReportFilter) => repo.reports(f),
    alerts: (f: AlertFilter) => repo.alerts(f),
    alert: (id: number) => repo.alert(id),
    requests: (f: RequestFilter) => repo.requests(f),
    request: (id: number) => repo.request(id),
    messagesOf: (siteId: number, talkerId: string, limit: number) => repo.messagesOf(siteId, talkerId, limit),

    /** Acknowledges an alert (409 when it already is). */
    async acknowledgeAlert(actor: Actor, id: number, note: string | null, guard: Guard) {
      return db.transaction(async (tx) => {
        const r = createHealthAdminRepo(tx);
        const before = await r.alert(id);
        if (!before) throw new NotFoundError(`alert ${id} not found`);
        guard(before.siteId);
        const site = await siteOf(tx, before.siteId);
        const done = await ackAlert(reposOf(tx), site, before.number, {
          by: actor.name,
          at: clock.now(),
          note,
        });
        if (done.outcome !== 'done') throw new ConflictError(`alert ${id} is already acknowledged`);
        const after = (await r.alert(id)) as NonNullable<typeof before>;
        await recordAudit(tx, clock, actor, {
          action: 'acknowledge',
          entity: 'alert',
          entityId: id,
          siteId: before.siteId,
          before,
          after,
        });
        return after;
      });
    },

    /**
     * Takes (`assign`, to the person named) or closes (`done`, with a note) a ticket. A closed or
     * cancelled ticket is a conflict.
     */
    async ticket(
      actor: Actor,
      id: number,
      action: TicketAction,
      opts: { to?: string; note?: string | null },
      guard: Guard,
    ) {
      const result = await db.transaction(async (tx) => {
        const r = createHealthAdminRepo(tx);
        const before = await r.request(id);
        if (!before) throw new NotFoundError(`request ${id} not found`);
        guard(before.request.siteId);
        const site = await siteOf(tx, before.request.siteId);
        const done = await ticketAction(deps, reposOf(tx), site, before.request.number, action, {
          by: action === 'assign' ? (opts.to as string) : actor.name,
          at: clock.now(),
          note: opts.note ?? null,
        });
        if (done.outcome !== 'done')
          throw new ConflictError(
            `request ${id} is already ${before.request.status === 'cancelled' ? 'cancelled' : 'done'}`,
          );
        const after = (await r.request(id)) as NonNullable<typeof before>;
        await recordAudit(tx, clock, actor, {
          action: action === 'assign' ? 'assign' : 'close',
          entity: 'request',
          entityId: id,
          siteId: before.request.siteId,
          before: before.request,
          after: after.request,
        });
        return after;
      });
      outbox.notify();
      return result;
    },
  };
}

export type HealthAdminService = ReturnType<typeof createHealthAdminService>;

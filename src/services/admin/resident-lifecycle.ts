// The observation period through the admin API, with the same effects as the staff group's commands:
// extend (#延长; the planned end only moves later), release (#解除; congratulated in the residents group),
// transfer to hospital (#转院; nothing said to residents), and leave (left the site otherwise). Each
// audited in its own transaction.
import type { Db, Executor } from '../../../db/client.js';
import { createHealthAdminRepo } from '../../../db/repositories/health-admin.js';
import { createRosterRepo, type ResidentView } from '../../../db/repositories/roster.js';
import type { Clock } from '../../core/clock.js';
import type { ResidentStatus } from '../../core/domain.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { texts } from '../../core/quarantine/texts.js';
import { addDays } from '../../core/time.js';
import type { OutboxService } from '../outbox.js';
import { reposOf } from '../quarantine/deps.js';
import { type Actor, recordAudit } from './audit.js';
import type { Guard } from './guard.js';

export type PeriodEnd = 'released' | 'hospital' | 'left';

const ACTIONS: Record<PeriodEnd, string> = { released: 'release', hospital: 'transfer', left: 'leave' };
const STATUS_NAMES: Record<ResidentStatus, string> = {
  observing: 'under observation',
  released: 'released',
  hospital: 'transferred to hospital',
  left: 'gone',
};

export function createResidentLifecycleService(deps: { db: Db; clock: Clock; outbox: OutboxService }) {
  const { db, clock, outbox } = deps;

  /** The observing resident `id`, checked against the guard; a 409 when not under observation. */
  async function observing(tx: Executor, id: number, guard: Guard) {
    await createHealthAdminRepo(tx).lockResident(id);
    const before = await createRosterRepo(tx).resident(id);
    if (!before) throw new NotFoundError(`resident ${id} not found`);
    guard(before.siteId);
    if (before.status !== 'observing')
      throw new ConflictError(`${before.name} is not under observation (${STATUS_NAMES[before.status]})`);
    return before;
  }

  return {
    /** Moves the planned end `days` later (1–60). */
    async extend(actor: Actor, id: number, input: { days: number; reason?: string | null }, guard: Guard) {
      return db.transaction(async (tx) => {
        const before = await observing(tx, id, guard);
        const end = addDays(before.plannedEndDate, input.days);
        // Never shorter, whatever the input: the end only moves later.
        if (end <= before.plannedEndDate) throw new ConflictError('the planned end only moves later');
        await reposOf(tx).residents.setPlannedEnd(id, end);
        const after = (await createRosterRepo(tx).resident(id)) as ResidentView;
        await recordAudit(tx, clock, actor, {
          action: 'extend',
          entity: 'resident',
          entityId: id,
          siteId: after.siteId,
          before,
          after: { ...after, days: input.days, reason: input.reason ?? null },
        });
        return after;
      });
    },

    /** Ends the observation: released (told in the residents group), to hospital, or left. */
    async end(
      actor: Actor,
      id: number,
      status: PeriodEnd,
      input: { note?: string | null; hospital?: string | null },
      guard: Guard,
    ) {
      const result = await db.transaction(async (tx) => {
        const before = await observing(tx, id, guard);
        const r = reposOf(tx);
        await r.residents.setStatus(id, status, clock.now());
        if (status === 'released') {
          const bound = before.wechatId !== null;
          await outbox.toSiteGroup(
            before.siteId,
            'residents',
            {
              text: texts.released(bound ? '您' : (before.room ?? '您')),
              mentions: bound
                ? [{ id: before.wechatId as string, name: before.wechatName ?? before.name }]
                : [],
              kind: 'release',
            },
            tx,
          );
        }
        const after = (await createRosterRepo(tx).resident(id)) as ResidentView;
        await recordAudit(tx, clock, actor, {
          action: ACTIONS[status],
          entity: 'resident',
          entityId: id,
          siteId: after.siteId,
          before,
          after: {
            ...after,
            note: input.note ?? null,
            ...(status === 'hospital' ? { hospital: input.hospital ?? null } : {}),
          },
        });
        return after;
      });
      outbox.notify();
      return result;
    },
  };
}

export type ResidentLifecycleService = ReturnType<typeof createResidentLifecycleService>;

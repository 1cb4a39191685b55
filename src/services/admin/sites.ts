// Sites through the admin API: list, create, change settings (zone, observation days, fever threshold,
// report times, timetable), and counts. Changes are audited in their own transaction.
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/errors.js';
import type { SiteRow } from '../../../db/repositories/registry.js';
import { createRegistryRepo } from '../../../db/repositories/registry.js';
import { createResidentsRepo } from '../../../db/repositories/residents.js';
import { createSitesRepo } from '../../../db/repositories/sites.js';
import type { Clock } from '../../core/clock.js';
import type { SiteKind, SiteSchedule } from '../../core/domain.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { localDate } from '../../core/time.js';
import { observingOn } from '../quarantine/digest.js';
import { type Actor, recordAudit } from './audit.js';
import type { Guard } from './guard.js';

export interface SiteSettings {
  timezone?: string;
  observationDays?: number;
  feverThreshold?: number;
  reportTimes?: string[];
}

export interface NewSite extends SiteSettings {
  name: string;
  kind: SiteKind;
  schedule?: Partial<SiteSchedule>;
}

export interface SitePatch extends SiteSettings {
  name?: string;
  /** Keys given replace the site's; a null resets that key to the default. */
  schedule?: { [K in keyof SiteSchedule]?: SiteSchedule[K] | null };
}

export function createSitesAdminService(deps: { db: Db; clock: Clock; defaultZone: string }) {
  const { db, clock } = deps;
  const repo = createSitesRepo(db);

  const nameTaken = (err: unknown, name: string | undefined) => {
    if (isUniqueViolation(err)) return new ConflictError(`a site named ${name} exists`);
    return err;
  };

  return {
    list: repo.list,
    /**
     * The counts, and for an observation site who is observing today by the digest's one definition
     * (started, not past the planned end, still there), who is overdue (past the planned end, not yet
     * released) and who has not started yet: together they are the residents with status observing.
     */
    async counts(siteId: number) {
      const counts = await repo.counts(siteId);
      const site = await createRegistryRepo(db).siteById(siteId);
      if (!site || site.kind !== 'quarantine') return counts;
      const zone = site.timeZone;
      const today = localDate(clock.now(), zone);
      const all = await createResidentsRepo(db).ofSite(site.id);
      const observing = all.filter((x) => x.status === 'observing');
      return {
        ...counts,
        residents: {
          ...counts.residents,
          observingToday: all.filter((x) => observingOn(x, today, zone)).length,
          overdue: observing.filter((x) => x.startDate <= today && x.plannedEndDate < today).length,
          upcoming: observing.filter((x) => x.startDate > today).length,
        },
      };
    },
    get: (id: number) => createRegistryRepo(db).siteById(id),

    async create(actor: Actor, input: NewSite): Promise<SiteRow> {
      try {
        return await db.transaction(async (tx) => {
          const row = await createSitesRepo(tx).insert({
            name: input.name,
            kind: input.kind,
            timeZone: input.timezone ?? deps.defaultZone,
            createdAt: clock.now(),
            ...(input.observationDays !== undefined ? { observationDays: input.observationDays } : {}),
            ...(input.feverThreshold !== undefined ? { feverThreshold: input.feverThreshold } : {}),
            ...(input.reportTimes !== undefined ? { reportTimes: input.reportTimes } : {}),
            ...(input.schedule !== undefined ? { schedule: input.schedule } : {}),
          });
          await recordAudit(tx, clock, actor, {
            action: 'create',
            entity: 'site',
            entityId: row.id,
            siteId: row.id,
            after: row,
          });
          return row;
        });
      } catch (err) {
        throw nameTaken(err, input.name);
      }
    },

    async update(actor: Actor, id: number, patch: SitePatch, guard: Guard): Promise<SiteRow> {
      try {
        return await db.transaction(async (tx) => {
          const sites = createSitesRepo(tx);
          const before = await sites.lock(id);
          if (!before) throw new NotFoundError(`site ${id} not found`);
          guard(before.id);
          const schedule = patch.schedule ? mergeSchedule(before.schedule, patch.schedule) : undefined;
          const set = {
            ...(patch.name !== undefined ? { name: patch.name } : {}),
            ...(patch.timezone !== undefined ? { timeZone: patch.timezone } : {}),
            ...(patch.observationDays !== undefined ? { observationDays: patch.observationDays } : {}),
            ...(patch.feverThreshold !== undefined ? { feverThreshold: patch.feverThreshold } : {}),
            ...(patch.reportTimes !== undefined ? { reportTimes: patch.reportTimes } : {}),
            ...(schedule !== undefined ? { schedule } : {}),
          };
          const after = Object.keys(set).length ? ((await sites.update(id, set)) as SiteRow) : before;
          await recordAudit(tx, clock, actor, {
            action: 'update',
            entity: 'site',
            entityId: id,
            siteId: id,
            before,
            after,
          });
          return after;
        });
      } catch (err) {
        throw nameTaken(err, patch.name);
      }
    },
  };
}

function mergeSchedule(
  current: Partial<SiteSchedule>,
  patch: NonNullable<SitePatch['schedule']>,
): Partial<SiteSchedule> {
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out as Partial<SiteSchedule>;
}

export type SitesAdminService = ReturnType<typeof createSitesAdminService>;

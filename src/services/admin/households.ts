// Village households through the admin API: who orders and where goods go.
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { createRosterRepo, type HouseholdRow } from '../../../db/repositories/roster.js';
import type { Clock } from '../../core/clock.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { type Actor, recordAudit } from './audit.js';
import { type Guard, siteOfKind } from './guard.js';

export interface HouseholdFields {
  group?: string | null;
  address?: string | null;
  phone?: string | null;
  wechat?: string | null;
}

export function createHouseholdsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createRosterRepo(db);

  const conflict = (err: unknown, message: string) =>
    isUniqueViolation(err) ? new ConflictError(message) : err;

  return {
    list: repo.households,
    get: repo.household,

    async create(
      actor: Actor,
      input: HouseholdFields & { siteId: number; name: string },
      guard: Guard,
    ): Promise<HouseholdRow> {
      try {
        return await db.transaction(async (tx) => {
          await siteOfKind(tx, input.siteId, 'village', 'household', guard);
          const row = await createRosterRepo(tx).insertHousehold({
            siteId: input.siteId,
            name: input.name,
            ...householdColumns(input),
            createdAt: clock.now(),
          });
          await recordAudit(tx, clock, actor, {
            action: 'create',
            entity: 'household',
            entityId: row.id,
            siteId: row.siteId,
            after: row,
          });
          return row;
        });
      } catch (err) {
        throw conflict(err, `a household named ${input.name} exists in this village`);
      }
    },

    async update(
      actor: Actor,
      id: number,
      patch: HouseholdFields & { name?: string },
      guard: Guard,
    ): Promise<HouseholdRow> {
      try {
        return await db.transaction(async (tx) => {
          const roster = createRosterRepo(tx);
          const before = await roster.household(id);
          if (!before) throw new NotFoundError(`household ${id} not found`);
          guard(before.siteId);
          const set = {
            ...(patch.name !== undefined ? { name: patch.name } : {}),
            ...householdColumns(patch),
          };
          const after = Object.keys(set).length
            ? ((await roster.updateHousehold(id, set)) as HouseholdRow)
            : before;
          await recordAudit(tx, clock, actor, {
            action: 'update',
            entity: 'household',
            entityId: id,
            siteId: after.siteId,
            before,
            after,
          });
          return after;
        });
      } catch (err) {
        throw conflict(err, `a household named ${patch.name} exists in this village`);
      }
    },
  };
}

function householdColumns(f: HouseholdFields) {
  return {
    ...(f.group !== undefined ? { villageGroup: f.group } : {}),
    ...(f.address !== undefined ? { address: f.address } : {}),
    ...(f.phone !== undefined ? { phone: f.phone } : {}),
    ...(f.wechat !== undefined ? { wechatName: f.wechat } : {}),
  };
}

export type HouseholdsService = ReturnType<typeof createHouseholdsService>;

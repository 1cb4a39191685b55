// Rooms and residents through the admin API. Releases, transfers and extensions of the observation
// period belong to the quarantine service; here are the roster's plain facts.
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { createRegistryRepo } from '../../../db/repositories/registry.js';
import { createRosterRepo, type ResidentView, type RoomRow } from '../../../db/repositories/roster.js';
import type { Clock } from '../../core/clock.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { addDays } from '../../core/time.js';
import { type Actor, recordAudit } from './audit.js';
import { type Guard, siteOfKind } from './guard.js';

export interface NewResident {
  siteId: number;
  name: string;
  room: string;
  /** First day of observation, YYYY-MM-DD. */
  start: string;
  /** Observation days; the site's when absent. */
  days?: number;
  phone?: string | null;
  wechat?: string | null;
  /** Year of birth. */
  born?: number | null;
}

export interface ResidentPatch {
  name?: string;
  phone?: string | null;
  wechat?: string | null;
  born?: number | null;
}

export function createResidentsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createRosterRepo(db);

  const conflict = (err: unknown, message: string) =>
    isUniqueViolation(err) ? new ConflictError(message) : err;

  return {
    rooms: repo.rooms,
    residents: repo.residents,
    resident: repo.resident,

    async createRoom(
      actor: Actor,
      input: { siteId: number; number: string },
      guard: Guard,
    ): Promise<RoomRow> {
      try {
        return await db.transaction(async (tx) => {
          await siteOfKind(tx, input.siteId, 'quarantine', 'room', guard);
          const row = await createRosterRepo(tx).insertRoom(input.siteId, input.number);
          await recordAudit(tx, clock, actor, {
            action: 'create',
            entity: 'room',
            entityId: row.id,
            siteId: row.siteId,
            after: row,
          });
          return row;
        });
      } catch (err) {
        throw conflict(err, `room ${input.number} exists at this site`);
      }
    },

    async createResident(actor: Actor, input: NewResident, guard: Guard): Promise<ResidentView> {
      try {
        return await db.transaction(async (tx) => {
          const site = await siteOfKind(tx, input.siteId, 'quarantine', 'resident', guard);
          const registry = createRegistryRepo(tx);
          const roomId = await registry.ensureRoom(site.id, input.room);
          const inserted = await registry.insertResident({
            siteId: site.id,
            roomId,
            name: input.name,
            phone: input.phone ?? null,
            wechatName: input.wechat ?? null,
            birthYear: input.born ?? null,
            startDate: input.start,
            plannedEndDate: addDays(input.start, input.days ?? site.observationDays),
            createdAt: clock.now(),
          });
          const after = (await createRosterRepo(tx).resident(inserted.id)) as ResidentView;
          await recordAudit(tx, clock, actor, {
            action: 'create',
            entity: 'resident',
            entityId: after.id,
            siteId: after.siteId,
            after,
          });
          return after;
        });
      } catch (err) {
        throw conflict(err, `${input.name} is already registered in room ${input.room}`);
      }
    },

    async updateResident(
      actor: Actor,
      id: number,
      patch: ResidentPatch,
      guard: Guard,
    ): Promise<ResidentView> {
      try {
        return await db.transaction(async (tx) => {
          const roster = createRosterRepo(tx);
          const before = await roster.resident(id);
          if (!before) throw new NotFoundError(`resident ${id} not found`);
          guard(before.siteId);
          const set = {
            ...(patch.name !== undefined ? { name: patch.name } : {}),
            ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
            ...(patch.wechat !== undefined ? { wechatName: patch.wechat } : {}),
            ...(patch.born !== undefined ? { birthYear: patch.born } : {}),
          };
          if (Object.keys(set).length) await createRegistryRepo(tx).updateResident(id, set);
          const after = (await roster.resident(id)) as ResidentView;
          await recordAudit(tx, clock, actor, {
            action: 'update',
            entity: 'resident',
            entityId: id,
            siteId: after.siteId,
            before,
            after,
          });
          return after;
        });
      } catch (err) {
        throw conflict(err, `another resident named ${patch.name} is in that room`);
      }
    },
  };
}

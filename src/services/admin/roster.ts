// Rooms, residents and households through the admin API. Releases, transfers and extensions of the
// observation period belong to the quarantine service; here are the roster's plain facts.
import type { Db, Executor } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { createRegistryRepo, type SiteRow } from '../../../db/repositories/registry.js';
import {
  createRosterRepo,
  type HouseholdRow,
  type ResidentView,
  type RoomRow,
} from '../../../db/repositories/roster.js';
import type { Clock } from '../../core/clock.js';
import type { SiteKind } from '../../core/domain.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { addDays } from '../../core/time.js';
import { type Actor, recordAudit } from './audit.js';
import type { Guard } from './guard.js';

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
}

export interface ResidentPatch {
  name?: string;
  phone?: string | null;
  wechat?: string | null;
}

export interface HouseholdFields {
  group?: string | null;
  address?: string | null;
  phone?: string | null;
  wechat?: string | null;
}

const KIND_NAMES: Record<SiteKind, string> = { quarantine: 'an observation site', village: 'a village' };

/** The site `siteId` of `kind`, checked against the guard; problems name the field. */
async function siteFor(tx: Executor, siteId: number, kind: SiteKind, what: string, guard: Guard) {
  const site = await createRegistryRepo(tx).siteById(siteId);
  if (!site) throw new ValidationError(`invalid ${what}`, [`siteId: no site with id ${siteId}`]);
  guard(site.id);
  if (site.kind !== kind)
    throw new ValidationError(`invalid ${what}`, [
      `siteId: ${site.name} is ${KIND_NAMES[site.kind]}; ${what}s belong to ${KIND_NAMES[kind]}`,
    ]);
  return site as SiteRow;
}

export function createRosterService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createRosterRepo(db);

  const conflict = (err: unknown, message: string) =>
    isUniqueViolation(err) ? new ConflictError(message) : err;

  return {
    rooms: repo.rooms,
    residents: repo.residents,
    resident: repo.resident,
    households: repo.households,
    household: repo.household,

    async createRoom(
      actor: Actor,
      input: { siteId: number; number: string },
      guard: Guard,
    ): Promise<RoomRow> {
      try {
        return await db.transaction(async (tx) => {
          await siteFor(tx, input.siteId, 'quarantine', 'room', guard);
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
          const site = await siteFor(tx, input.siteId, 'quarantine', 'resident', guard);
          const registry = createRegistryRepo(tx);
          const roomId = await registry.ensureRoom(site.id, input.room);
          const inserted = await registry.insertResident({
            siteId: site.id,
            roomId,
            name: input.name,
            phone: input.phone ?? null,
            wechatName: input.wechat ?? null,
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

    async createHousehold(
      actor: Actor,
      input: HouseholdFields & { siteId: number; name: string },
      guard: Guard,
    ): Promise<HouseholdRow> {
      try {
        return await db.transaction(async (tx) => {
          await siteFor(tx, input.siteId, 'village', 'household', guard);
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

    async updateHousehold(
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

export type RosterService = ReturnType<typeof createRosterService>;

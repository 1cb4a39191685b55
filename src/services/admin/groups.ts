// WeChat groups bound to a site and a role through the admin API. A group's role must suit its site's
// kind (residents/staff at observation sites, villagers/volunteers in villages), as in the setup file.
import type { Db, Executor } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { createGroupBindingsRepo, type GroupRow } from '../../../db/repositories/group-bindings.js';
import { createRegistryRepo } from '../../../db/repositories/registry.js';
import type { Clock } from '../../core/clock.js';
import type { GroupRole, SiteKind } from '../../core/domain.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { type Actor, recordAudit } from './audit.js';
import type { Guard } from './guard.js';

export const ROLES_BY_KIND: Record<SiteKind, readonly GroupRole[]> = {
  quarantine: ['residents', 'staff'],
  village: ['villagers', 'volunteers'],
};

export interface GroupBinding {
  topic: string;
  siteId: number;
  role: GroupRole;
}

export interface GroupPatch extends Partial<GroupBinding> {
  /** The bot account that speaks in the group; null lets any instance send its messages. */
  account?: string | null;
}

export function createGroupsAdminService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  const topicTaken = (err: unknown, topic: string | undefined) =>
    isUniqueViolation(err) ? new ConflictError(`a group with topic ${topic} exists`) : err;

  /** The site of a binding, checked against the guard and the role. */
  async function checkedSite(tx: Executor, siteId: number, role: GroupRole, guard: Guard) {
    const site = await createRegistryRepo(tx).siteById(siteId);
    if (!site) throw new ValidationError('invalid group', [`siteId: no site with id ${siteId}`]);
    guard(site.id);
    if (!ROLES_BY_KIND[site.kind].includes(role))
      throw new ValidationError('invalid group', [
        `role: a ${site.kind} site has groups of role ${ROLES_BY_KIND[site.kind].join(' or ')}`,
      ]);
    return site;
  }

  return {
    list: createGroupBindingsRepo(db).list,

    async create(actor: Actor, input: GroupBinding, guard: Guard): Promise<GroupRow> {
      try {
        return await db.transaction(async (tx) => {
          await checkedSite(tx, input.siteId, input.role, guard);
          const row = await createGroupBindingsRepo(tx).insert({ ...input, createdAt: clock.now() });
          await recordAudit(tx, clock, actor, {
            action: 'create',
            entity: 'group',
            entityId: row.id,
            siteId: row.siteId,
            after: row,
          });
          return row;
        });
      } catch (err) {
        throw topicTaken(err, input.topic);
      }
    },

    async update(actor: Actor, id: number, patch: GroupPatch, guard: Guard): Promise<GroupRow> {
      try {
        return await db.transaction(async (tx) => {
          const repo = createGroupBindingsRepo(tx);
          const before = await repo.lock(id);
          if (!before) throw new NotFoundError(`group ${id} not found`);
          guard(before.siteId);
          const siteId = patch.siteId ?? before.siteId;
          const role = patch.role ?? before.role;
          if (siteId === null || role === null)
            throw new ValidationError('invalid group', [
              `${siteId === null ? 'siteId' : 'role'}: the group has none; give one`,
            ]);
          await checkedSite(tx, siteId, role, guard);
          const after = Object.keys(patch).length
            ? ((await repo.update(id, { ...patch })) as GroupRow)
            : before;
          await recordAudit(tx, clock, actor, {
            action: 'update',
            entity: 'group',
            entityId: id,
            siteId: after.siteId,
            before,
            after,
          });
          return after;
        });
      } catch (err) {
        throw topicTaken(err, patch.topic);
      }
    },

    /** Removes the binding; the group's stored messages and outbox rows stay, without a group. */
    async remove(actor: Actor, id: number, guard: Guard): Promise<GroupRow> {
      return db.transaction(async (tx) => {
        const repo = createGroupBindingsRepo(tx);
        const before = await repo.lock(id);
        if (!before) throw new NotFoundError(`group ${id} not found`);
        guard(before.siteId);
        await repo.remove(id);
        await recordAudit(tx, clock, actor, {
          action: 'delete',
          entity: 'group',
          entityId: id,
          siteId: before.siteId,
          before,
        });
        return before;
      });
    },
  };
}

export type GroupsAdminService = ReturnType<typeof createGroupsAdminService>;

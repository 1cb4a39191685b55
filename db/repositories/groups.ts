import { and, eq, isNull } from 'drizzle-orm';
import type { GroupInfo } from '../../src/core/domain.js';
import type { Executor } from '../client.js';
import { groups, sites } from '../schema.js';

const DEFAULT_ZONE = 'Asia/Shanghai';

export function createGroupsRepo(db: Executor, defaultZone = DEFAULT_ZONE) {
  const select = () =>
    db
      .select({
        id: groups.id,
        topic: groups.topic,
        roomId: groups.roomId,
        role: groups.role,
        siteId: groups.siteId,
        siteName: sites.name,
        siteKind: sites.kind,
        timeZone: sites.timeZone,
      })
      .from(groups)
      .leftJoin(sites, eq(sites.id, groups.siteId));

  const toInfo = (r: Awaited<ReturnType<typeof select>>[number]): GroupInfo & { roomId: string | null } => ({
    id: r.id,
    topic: r.topic,
    roomId: r.roomId,
    role: r.role,
    siteId: r.siteId,
    siteName: r.siteName,
    siteKind: r.siteKind,
    timeZone: r.timeZone ?? defaultZone,
  });

  return {
    async byRoomId(roomId: string) {
      const [r] = await select().where(eq(groups.roomId, roomId)).limit(1);
      return r ? toInfo(r) : null;
    },
    async byId(id: number) {
      const [r] = await select().where(eq(groups.id, id)).limit(1);
      return r ? toInfo(r) : null;
    },
    async list() {
      return (await select().orderBy(groups.id)).map(toInfo);
    },
    /**
     * The group for a room: by its id, else a configured group with that topic not yet bound to a room
     * (binding it now). Unknown rooms give null.
     */
    async resolve(roomId: string, topic: string) {
      const known = await this.byRoomId(roomId);
      if (known) return known;
      const bound = await db
        .update(groups)
        .set({ roomId })
        .where(and(eq(groups.topic, topic), isNull(groups.roomId)))
        .returning({ id: groups.id });
      return bound[0] ? this.byId(bound[0].id) : null;
    },
    async bindRoom(groupId: number, roomId: string) {
      await db.update(groups).set({ roomId }).where(eq(groups.id, groupId));
    },
  };
}

export type GroupsRepo = ReturnType<typeof createGroupsRepo>;

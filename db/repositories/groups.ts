import { and, eq, inArray, is, isNull, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { GroupInfo } from '../../src/core/domain.js';
import { DEFAULT_ZONE } from '../../src/core/time.js';
import type { Executor } from '../client.js';
import { groups, sites } from '../schema.js';

/** A group bound to a room, and to `account` (the bot user that saw it) when it speaks for none yet. */
const boundTo = (roomId: string, account: string | null) => ({
  roomId,
  ...(account ? { account: sql`coalesce(${groups.account}, ${account})` } : {}),
});

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
        observationDays: sites.observationDays,
        feverThreshold: sites.feverThreshold,
        reportTimes: sites.reportTimes,
        schedule: sites.schedule,
        demo: sites.demo,
        siteCreatedAt: sites.createdAt,
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
    site:
      r.siteId !== null && r.siteName !== null && r.siteKind !== null && r.timeZone !== null
        ? {
            id: r.siteId,
            name: r.siteName,
            kind: r.siteKind,
            timeZone: r.timeZone,
            observationDays: r.observationDays as number,
            feverThreshold: r.feverThreshold as number,
            reportTimes: r.reportTimes as string[],
            schedule: r.schedule ?? {},
            demo: r.demo ?? false,
            createdAt: r.siteCreatedAt as Date,
          }
        : null,
  });

  // Every incoming message looks its group up: built once when the repository is on the database itself
  // (a prepared query cannot outlive a transaction).
  const byRoom = is(db, PgTransaction)
    ? null
    : select()
        .where(eq(groups.roomId, sql.placeholder('roomId')))
        .limit(1)
        .prepare('group_by_room');

  return {
    async byRoomId(roomId: string) {
      const [r] = byRoom
        ? await byRoom.execute({ roomId })
        : await select().where(eq(groups.roomId, roomId)).limit(1);
      return r ? toInfo(r) : null;
    },
    /** The groups of these rooms, by room id (rooms of no group are not in it). */
    async byRoomIds(roomIds: readonly string[]) {
      if (roomIds.length === 0) return new Map<string, GroupInfo>();
      const rows = await select().where(inArray(groups.roomId, [...roomIds]));
      return new Map(rows.map((r) => [r.roomId as string, toInfo(r)]));
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
     * (binding it now, to `account` when given: the bot user that saw the room). Unknown rooms give null.
     */
    async resolve(roomId: string, topic: string, account: string | null = null) {
      const known = await this.byRoomId(roomId);
      if (known) return known;
      const bound = await db
        .update(groups)
        .set(boundTo(roomId, account))
        .where(and(eq(groups.topic, topic), isNull(groups.roomId)))
        .returning({ id: groups.id });
      return bound[0] ? this.byId(bound[0].id) : null;
    },
    /** Binds a group to a WeChat room, and to `account` when it has none yet. */
    async bindRoom(groupId: number, roomId: string, account: string | null = null) {
      await db.update(groups).set(boundTo(roomId, account)).where(eq(groups.id, groupId));
    },
    /**
     * Takes the groups of these rooms that no account speaks in yet for `account` (the rooms it is in,
     * at login). A group another account already speaks in keeps it: moving it is the staff's call.
     */
    async adoptRooms(roomIds: readonly string[], account: string): Promise<number> {
      if (roomIds.length === 0) return 0;
      const rows = await db
        .update(groups)
        .set({ account })
        .where(and(inArray(groups.roomId, [...roomIds]), isNull(groups.account)))
        .returning({ id: groups.id });
      return rows.length;
    },
  };
}

export type GroupsRepo = ReturnType<typeof createGroupsRepo>;

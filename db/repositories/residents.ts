// Residents of observation sites as the bots and digests need them: with their room number, found by the
// WeChat identity they write from, by roster nickname or by room.
import { and, asc, eq } from 'drizzle-orm';
import type { ResidentStatus } from '../../src/core/domain.js';
import { byRoom } from '../../src/core/text.js';
import { tupleIn } from '../bulk.js';
import type { Executor } from '../client.js';
import { residents, rooms } from '../schema.js';
import { coalesce } from '../unit.js';

export interface ResidentView {
  id: number;
  siteId: number;
  name: string;
  room: string | null;
  wechatId: string | null;
  wechatName: string | null;
  startDate: string;
  plannedEndDate: string;
  status: ResidentStatus;
  statusAt: Date | null;
  /** For staff's calls (the roster's 手机号). */
  phone: string | null;
  birthYear: number | null;
}

export function createResidentsRepo(db: Executor) {
  const select = () =>
    db
      .select({
        id: residents.id,
        siteId: residents.siteId,
        name: residents.name,
        room: rooms.number,
        wechatId: residents.wechatId,
        wechatName: residents.wechatName,
        startDate: residents.startDate,
        plannedEndDate: residents.plannedEndDate,
        status: residents.status,
        phone: residents.phone,
        birthYear: residents.birthYear,
        statusAt: residents.statusAt,
      })
      .from(residents)
      // The site condition is implied (a room is at its resident's site) but lets the planner look up a
      // site's rooms by index instead of hashing every room of the district.
      .leftJoin(rooms, and(eq(rooms.id, residents.roomId), eq(rooms.siteId, residents.siteId)));
  const order = [asc(rooms.number), asc(residents.name), asc(residents.id)] as const;

  return {
    /** Everyone ever registered at the site, by room (in human order: 1-101, 1-201, 10-103) and name. */
    async ofSite(siteId: number): Promise<ResidentView[]> {
      const rows = await select()
        .where(eq(residents.siteId, siteId))
        .orderBy(...order);
      return rows.sort(byRoom);
    },
    async byId(id: number): Promise<ResidentView | null> {
      const [r] = await select().where(eq(residents.id, id)).limit(1);
      return r ?? null;
    },
    async byWechatId(siteId: number, wechatId: string): Promise<ResidentView | null> {
      // Asked for every message in a residents group: the asks of a batch go in one query.
      return coalesce(db, 'residents.byWechatId', { siteId, wechatId }, async (keys) => {
        const rows = await select()
          .where(
            tupleIn(
              [
                [residents.siteId, 'integer', (k) => k.siteId],
                [residents.wechatId, 'text', (k) => k.wechatId],
              ],
              keys,
            ),
          )
          .orderBy(asc(residents.id));
        return keys.map((k) => rows.find((r) => r.siteId === k.siteId && r.wechatId === k.wechatId) ?? null);
      });
    },
    /** Everyone in a room, any status. */
    async inRoom(siteId: number, room: string): Promise<ResidentView[]> {
      return select()
        .where(and(eq(residents.siteId, siteId), eq(rooms.number, room)))
        .orderBy(...order);
    },
    /** Binds a WeChat identity to a resident (and to no other resident of the site). */
    async bind(id: number, siteId: number, wechatId: string, wechatName: string | null): Promise<void> {
      await db
        .update(residents)
        .set({ wechatId: null })
        .where(and(eq(residents.siteId, siteId), eq(residents.wechatId, wechatId)));
      await db
        .update(residents)
        .set({ wechatId, ...(wechatName ? { wechatName } : {}) })
        .where(eq(residents.id, id));
    },
    async setStatus(id: number, status: ResidentStatus, at: Date): Promise<void> {
      await db.update(residents).set({ status, statusAt: at }).where(eq(residents.id, id));
    },
    async setPlannedEnd(id: number, plannedEndDate: string): Promise<void> {
      await db.update(residents).set({ plannedEndDate }).where(eq(residents.id, id));
    },
  };
}

export type ResidentsRepo = ReturnType<typeof createResidentsRepo>;

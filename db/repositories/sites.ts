// Sites as the admin API lists, creates and changes them, and the counts per site that every role sees.
import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { queryRows } from '../client.js';
import { sites } from '../schema.js';
import type { Keyset } from './filters.js';
import type { SiteRow } from './registry.js';

export interface SiteCounts {
  residents: { observing: number; released: number; hospital: number; left: number };
  rooms: number;
  households: number;
  openAlerts: number;
  openRequests: number;
  openOrders: number;
  waterBooked: number;
  unplacedMessages: number;
}

export function createSitesRepo(db: Executor) {
  return {
    async list(f: Keyset & { scope: number[] | null; kind?: SiteRow['kind'] }): Promise<SiteRow[]> {
      const where: (SQL | undefined)[] = [];
      if (f.scope !== null) where.push(inArray(sites.id, f.scope.length ? f.scope : [-1]));
      if (f.kind) where.push(eq(sites.kind, f.kind));
      if (f.afterId !== undefined) where.push(gt(sites.id, f.afterId));
      return db
        .select()
        .from(sites)
        .where(and(...where))
        .orderBy(asc(sites.id))
        .limit(f.limit);
    },

    async insert(values: typeof sites.$inferInsert): Promise<SiteRow> {
      const [row] = await db.insert(sites).values(values).returning();
      return row as SiteRow;
    },

    async update(id: number, set: Partial<typeof sites.$inferInsert>): Promise<SiteRow | null> {
      const [row] = await db.update(sites).set(set).where(eq(sites.id, id)).returning();
      return row ?? null;
    },

    /** The site row locked for an update in this transaction. */
    async lock(id: number): Promise<SiteRow | null> {
      const [row] = await db.select().from(sites).where(eq(sites.id, id)).limit(1).for('update');
      return row ?? null;
    },

    async counts(siteId: number): Promise<SiteCounts> {
      const [r] = await queryRows<Record<string, number>>(
        db,
        sql`select
          (select count(*)::int from residents where site_id = ${siteId} and status = 'observing') as observing,
          (select count(*)::int from residents where site_id = ${siteId} and status = 'released') as released,
          (select count(*)::int from residents where site_id = ${siteId} and status = 'hospital') as hospital,
          (select count(*)::int from residents where site_id = ${siteId} and status = 'left') as "left",
          (select count(*)::int from rooms where site_id = ${siteId}) as rooms,
          (select count(*)::int from households where site_id = ${siteId}) as households,
          (select count(*)::int from alerts where site_id = ${siteId} and status = 'open') as open_alerts,
          (select count(*)::int from requests where site_id = ${siteId}
             and status in ('open', 'assigned')) as open_requests,
          (select count(*)::int from orders where site_id = ${siteId} and status in ('open', 'bought')) as open_orders,
          (select count(*)::int from water_bookings where site_id = ${siteId} and status = 'booked') as water_booked,
          (select count(*)::int from messages m join groups g on g.id = m.group_id
             where g.site_id = ${siteId} and m.state = 'unplaced') as unplaced`,
      );
      const n = (k: string) => Number(r?.[k] ?? 0);
      return {
        residents: {
          observing: n('observing'),
          released: n('released'),
          hospital: n('hospital'),
          left: n('left'),
        },
        rooms: n('rooms'),
        households: n('households'),
        openAlerts: n('open_alerts'),
        openRequests: n('open_requests'),
        openOrders: n('open_orders'),
        waterBooked: n('water_booked'),
        unplacedMessages: n('unplaced'),
      };
    },
  };
}

export type SitesRepo = ReturnType<typeof createSitesRepo>;

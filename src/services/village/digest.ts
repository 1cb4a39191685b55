// The village digest for a day: orders, what is still to buy, the day's water, what is undelivered and
// what volunteers advanced. A past day is shown as it stood at its end.
import type { Executor } from '../../../db/client.js';
import { createOutboxAdminRepo } from '../../../db/repositories/outbox-admin.js';
import { NotFoundError } from '../../core/errors.js';
import { addDays, localTime, zonedInstant } from '../../core/time.js';
import type { CareRelay, VillageDigest } from '../../core/village/digest.js';
import { waterNo } from '../../core/village/format.js';
import { CARE_KIND } from './care.js';
import { villageRepos } from './context.js';
import { createVillageLists, waterStop } from './lists.js';

export function createVillageDigest(deps: { db: Executor }) {
  const repos = villageRepos(deps.db);
  const lists = createVillageLists(deps.db);
  const sent = createOutboxAdminRepo(deps.db);
  return {
    async digest(siteId: number, day: string): Promise<VillageDigest> {
      const site = await repos.registry.siteById(siteId);
      if (site?.kind !== 'village') throw new NotFoundError(`no village with id ${siteId}`);
      const start = zonedInstant(day, '00:00', site.timeZone);
      const end = zonedInstant(addDays(day, 1), '00:00', site.timeZone);
      const purchase = await lists.purchase(siteId, end);
      const water = await repos.water.forDay(siteId, day, ['booked', 'delivered']);
      const pending = await repos.reports.pendingAt(siteId, end);
      const owed = await repos.reports.advancedBy(siteId, end);
      const relays = await sent.relayed(siteId, CARE_KIND, start, end);
      return {
        site: site.name,
        date: day,
        orders: await repos.reports.countCreated(siteId, start, end),
        purchaseList: purchase.map((l) => ({ name: l.name, unit: l.unit, qty: l.qty })),
        water: water.map(({ booking: b }) => ({ deliverTo: b.deliverTo, qty: b.qty, part: b.part })),
        undelivered: pending.undelivered,
        toBuy: pending.open,
        toDeliver: pending.bought,
        purchaseDetail: purchase,
        waterBookings: water.map((r) => ({
          ...waterStop(r.booking, r.household),
          booking: waterNo(r.booking.number),
          delivered: r.booking.status === 'delivered',
        })),
        advancedFen: owed.reduce((n, o) => n + o.fen, 0),
        owed: owed.map((o) => ({ household: o.who, fen: o.fen, orders: o.orders })),
        care: relays.map((r) => ({
          time: localTime(r.createdAt, site.timeZone),
          ...careOf(r.payload, r.text, r.urgent),
        })),
      };
    },
  };
}

/** A relay's own words, kept with it (a relay queued before they were kept: its text). */
function careOf(payload: Record<string, unknown> | null, text: string, urgent: boolean): CareRelay {
  const p = payload ?? {};
  if (typeof p.household === 'string' && typeof p.said === 'string' && typeof p.ask === 'string')
    return { household: p.household, said: p.said, ask: p.ask, urgent };
  return { household: '', said: text.replace(/^【村民健康】/, ''), ask: '', urgent };
}

// The volunteers' purchase and delivery lists as data for the admin API and its exports: the same lists
// the bot posts (services/village/lists.ts), for one village.
import type { Db } from '../../../db/client.js';
import { createRegistryRepo, type SiteRow } from '../../../db/repositories/registry.js';
import type { Clock } from '../../core/clock.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { localDate } from '../../core/time.js';
import { deliveryStops } from '../../core/village/stops.js';
import { createVillageLists } from '../village/lists.js';
import type { Guard } from './guard.js';

export function createListsAdminService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const lists = createVillageLists(db);

  /** The village, checked against the guard; an observation site has no such lists (409). */
  async function village(siteId: number, guard: Guard): Promise<SiteRow> {
    const site = await createRegistryRepo(db).siteById(siteId);
    if (!site) throw new NotFoundError(`site ${siteId} not found`);
    guard(site.id);
    if (site.kind !== 'village')
      throw new ConflictError(
        `${site.name} is an observation site; purchase and delivery lists are for villages`,
      );
    return site;
  }

  return {
    village,

    /** Everything not yet bought, summed per item and unit. */
    async purchase(siteId: number, guard: Guard) {
      const site = await village(siteId, guard);
      const asOf = clock.now();
      return { site, asOf, items: await lists.purchase(site.id) };
    },

    /** What to bring to whom: orders bought and not delivered, and the water booked for `day` (today). */
    async delivery(siteId: number, day: string | undefined, guard: Guard) {
      const site = await village(siteId, guard);
      const date = day ?? localDate(clock.now(), site.timeZone);
      const stops = deliveryStops(await lists.orderStops(site.id), await lists.waterStops(site.id, date));
      return { site, date, stops };
    },
  };
}

export type ListsAdminService = ReturnType<typeof createListsAdminService>;

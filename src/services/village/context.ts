// What handling one villager's message needs: the transaction's repositories, the message, its site and
// the sender's household.
import type { Executor } from '../../../db/client.js';
import { createHouseholdsRepo, type HouseholdRow } from '../../../db/repositories/households.js';
import { createJielongsRepo } from '../../../db/repositories/jielongs.js';
import { createOrderReportsRepo } from '../../../db/repositories/order-reports.js';
import { createOrdersRepo, type OrderOwner } from '../../../db/repositories/orders.js';
import { createRegistryRepo } from '../../../db/repositories/registry.js';
import { createWaterRepo } from '../../../db/repositories/water.js';
import type { ChatMessage } from '../../core/domain.js';
import { canonicalItemName } from '../../core/parse/index.js';
import type { Item } from '../../core/records.js';
import { canonicalPlace, householdPlace } from '../../core/village/places.js';

export function villageRepos(db: Executor) {
  return {
    orders: createOrdersRepo(db),
    reports: createOrderReportsRepo(db),
    water: createWaterRepo(db),
    households: createHouseholdsRepo(db),
    jielongs: createJielongsRepo(db),
    registry: createRegistryRepo(db),
  };
}
export type VillageRepos = ReturnType<typeof villageRepos>;

export interface VillagerContext {
  tx: Executor;
  repos: VillageRepos;
  msg: ChatMessage;
  siteId: number;
  zone: string;
  /** The sender's household, when known. */
  household: HouseholdRow | null;
  /** The message asks for more on top of earlier orders (再送, 另外 …): a like order is a new one. */
  more: boolean;
}

/** Whose earlier orders and bookings the sender may withdraw or complete. */
export function ownerOf(ctx: VillagerContext): OrderOwner {
  const names = [ctx.msg.talkerName, ctx.household?.name].filter((n): n is string => Boolean(n));
  return { talkerId: ctx.msg.talkerId, householdId: ctx.household?.id ?? null, names: [...new Set(names)] };
}

/**
 * Who an order or booking is for and where it goes. A name in the text (a 接龙 line, 帮刘婆婆买) is the
 * customer and their household is looked up by it; otherwise the sender's household, else the sender.
 */
export async function customerOf(ctx: VillagerContext, named: string | null, deliverTo: string | null) {
  const household = named ? await ctx.repos.households.byName(ctx.siteId, named) : ctx.household;
  const customer = named ?? household?.name ?? ctx.msg.talkerName;
  return {
    customer,
    householdId: household?.id ?? null,
    deliverTo: canonicalPlace(deliverTo ?? (household ? householdPlace(household) : null)),
  };
}

export const withCanonical = (items: readonly Item[]) =>
  items.map((i) => ({ ...i, canonical: canonicalItemName(i.name) }));

// Orders written as free text, and withdrawals (化肥不要了 / 取消订单) in the villagers' group.

import type { OrderWithItems } from '../../../db/repositories/orders.js';
import { canonicalItemName } from '../../core/parse/index.js';
import type { CancelRecord, OrderRecord } from '../../core/records.js';
import { canonicalPlace } from '../../core/village/places.js';
import {
  alreadyBoughtText,
  cancelledText,
  NOTHING_TO_CANCEL,
  orderDuplicateText,
  orderPlacedText,
  orderRepeatedText,
  waterCancelledText,
} from '../../core/village/replies.js';
import { customerOf, ownerOf, type VillagerContext, withCanonical } from './context.js';

/** The same text from the same sender within this window is one order sent twice. */
const DUPLICATE_WINDOW_MS = 30 * 60_000;

export async function placeOrders(ctx: VillagerContext, records: OrderRecord[]): Promise<string[]> {
  const { msg, repos, siteId } = ctx;
  const dup = await repos.orders.sameTextSince(
    siteId,
    msg.talkerId,
    msg.text,
    new Date(msg.at.getTime() - DUPLICATE_WINDOW_MS),
  );
  if (dup !== null) return [orderDuplicateText(dup)];
  const out: string[] = [];
  // The same goods again, from the same household, within the day and not yet bought: the same order said
  // twice (volunteers would buy it twice), unless the message asks for more.
  const recent = ctx.more
    ? []
    : (await repos.orders.ofOwner(siteId, ownerOf(ctx), ['open'])).filter(
        (o) => o.jielongId === null && o.createdAt.getTime() >= msg.at.getTime() - REPEAT_WINDOW_MS,
      );
  for (const rec of records) {
    const again = recent.find((o) => sameGoods(o.items, withCanonical(rec.items)));
    if (again) {
      // Said again with the place the first one lacked: that is the answer to "送到哪里".
      if (rec.deliverTo && !again.deliverTo)
        await repos.orders.update(again.id, { deliverTo: canonicalPlace(rec.deliverTo) });
      out.push(orderRepeatedText(again.number, rec.items, again.deliverTo ? null : rec.deliverTo));
      continue;
    }
    const who = await customerOf(ctx, rec.customer, rec.deliverTo);
    const number = await repos.registry.nextNumber(siteId, 'O');
    await repos.orders.insert(
      {
        siteId,
        number,
        householdId: who.householdId,
        customer: who.customer,
        talkerId: msg.talkerId,
        talkerName: msg.talkerName,
        deliverTo: who.deliverTo,
        messageId: msg.id,
        createdAt: msg.at,
      },
      withCanonical(rec.items),
    );
    const forOther =
      rec.customer !== null && rec.customer !== msg.talkerName && rec.customer !== ctx.household?.name;
    out.push(
      orderPlacedText({
        number,
        items: rec.items,
        deliverTo: who.deliverTo,
        customer: who.customer,
        forOther,
      }),
    );
  }
  return out;
}

/** An order repeated within this window is the same order. */
const REPEAT_WINDOW_MS = 12 * 3_600_000;

const goodsKey = (
  items: readonly { canonical: string; qty: number | null; unit: string | null; cancelled?: boolean }[],
) =>
  items
    .filter((i) => !i.cancelled)
    .map((i) => `${i.canonical}|${i.qty}|${i.unit}`)
    .sort()
    .join(';');
const sameGoods = (a: Parameters<typeof goodsKey>[0], b: Parameters<typeof goodsKey>[0]) =>
  goodsKey(a) === goodsKey(b);

export const WATER_WORDS: ReadonlySet<string> = new Set([
  '水',
  '送水',
  '桶装水',
  '饮用水',
  '纯净水',
  '山泉水',
  '矿泉水',
]);

/** Does an order item answer to a name the villager used (as written, or after the alias list)? */
const itemMatches = (item: { name: string; canonical: string }, name: string) =>
  item.name === name ||
  item.canonical === canonicalItemName(name) ||
  item.name.includes(name) ||
  name.includes(item.name);

export async function cancel(ctx: VillagerContext, rec: CancelRecord): Promise<string> {
  const { repos, siteId } = ctx;
  const owner = ownerOf(ctx);
  const open = await repos.orders.ofOwner(siteId, owner, ['open']);
  const names = rec.items.map((i) => i.name);
  const goods = names.filter(
    (n) => !WATER_WORDS.has(n) || open.some((o) => o.items.some((i) => itemMatches(i, n))),
  );
  const water = names.length > 0 && goods.length < names.length;

  const out: string[] = [];
  if (water) {
    const [booking] = await repos.water.bookedOf(siteId, owner);
    if (booking) {
      await repos.water.update(booking.id, { status: 'cancelled' });
      out.push(waterCancelledText(booking.number));
    }
  }
  if (names.length === 0) {
    const latest = open[0];
    if (latest) {
      await cancelOrder(ctx, latest);
      return cancelledText(latest.number, null);
    }
    const [done] = await repos.orders.ofOwner(siteId, owner, ['bought', 'delivered']);
    return done ? alreadyBoughtText(done.number, done.status as 'bought' | 'delivered') : NOTHING_TO_CANCEL;
  }
  for (const name of goods) out.push(await cancelItem(ctx, open, name));
  const unique = [...new Set(out)];
  return unique.length ? unique.join('\n') : NOTHING_TO_CANCEL;
}

async function cancelItem(ctx: VillagerContext, open: OrderWithItems[], name: string): Promise<string> {
  for (const order of open) {
    const hits = order.items.filter((i) => !i.cancelled && itemMatches(i, name));
    if (hits.length === 0) continue;
    await ctx.repos.orders.cancelItems(hits.map((i) => i.id));
    for (const h of hits) h.cancelled = true;
    const whole = order.items.every((i) => i.cancelled);
    if (whole) await cancelOrder(ctx, order);
    return `${cancelledText(order.number, hits)}${whole ? '这一单没有别的了，整单取消。' : ''}`;
  }
  const [done] = (await ctx.repos.orders.ofOwner(ctx.siteId, ownerOf(ctx), ['bought', 'delivered'])).filter(
    (o) => o.items.some((i) => !i.cancelled && itemMatches(i, name)),
  );
  return done ? alreadyBoughtText(done.number, done.status as 'bought' | 'delivered') : NOTHING_TO_CANCEL;
}

async function cancelOrder(ctx: VillagerContext, order: OrderWithItems) {
  order.status = 'cancelled';
  await ctx.repos.orders.update(order.id, { status: 'cancelled', cancelledAt: ctx.msg.at });
}

// Everything a villager writes in the villagers' group: orders (free text or a 接龙, also from WeChat's
// 接龙 tool), water bookings, withdrawals, and a place given after an order. The message was understood
// before (core/understand.ts); this acts on it in the turn's transaction and answers once.

import { chaseOf } from '../../core/chase.js';
import type { CancelRecord, OrderRecord, ParsedRecord, WaterRecord } from '../../core/records.js';
import { orderNo, waterNo } from '../../core/village/format.js';
import { canonicalPlace } from '../../core/village/places.js';
import { placeSetText } from '../../core/village/replies.js';
import type { OutboxService } from '../outbox.js';
import { noteReview, REVIEW_NOTES } from '../review-note.js';
import type { Turn } from '../turn.js';
import { relayCare } from './care.js';
import { answerChase } from './chase.js';
import { actionable, answerPending, ask, fixRecentOrder } from './confirm.js';
import { ownerOf, type VillagerContext, villageRepos } from './context.js';
import { applyJielong } from './jielong.js';
import { cancel, placeOrders, WATER_WORDS } from './orders.js';
import { bookWater } from './water.js';

/** A chaser when nothing of the sender's is still to come: kept for the volunteers to look at. */
const NOTHING_TO_COME = '没查到您还没送到的订单或送水。请说一下订的是什么、哪天订的，志愿者会看一下。';
/** A place given later fills orders and bookings of the last day that have none. */
const PLACE_WINDOW_MS = 24 * 3_600_000;

export function createVillagersIntake(deps: { outbox: OutboxService }) {
  return async function handle(turn: Turn): Promise<void> {
    const { message: msg, understood: u } = turn;
    const group = msg.group;
    if (!group?.siteId || group.siteKind !== 'village') return turn.done('ignored', 'not a village group');
    const repos = villageRepos(turn.tx);
    const household = await repos.households.ofSender(group.siteId, msg.talkerId, msg.talkerName);
    const ctx: VillagerContext = {
      tx: turn.tx,
      repos,
      msg,
      siteId: group.siteId,
      zone: group.timeZone,
      household,
      more: u.more,
    };
    if (u.jielong) {
      // (a struck line's withdrawal is the diff's to make: the line orders nothing now)
      const orders = u.records.filter((r): r is OrderRecord => r.type === 'order');
      const reply = await applyJielong(ctx, u.jielong, orders);
      if (reply) turn.reply(reply);
      return turn.done('handled', reply ? null : '接龙 re-posted without changes');
    }
    // An answer to the bot's question, a fix of what it just read, or doubtful records to ask about.
    const answered = await answerPending(ctx, u);
    if (answered.kind === 'dropped') {
      turn.reply({ text: '好的，这条已转给志愿者核对，需要时会联系您。', mention: true });
      return turn.done('unplaced', 'the sender said the bot misread it');
    }
    if (answered.kind === 'none' && u.fix) {
      const fixed = await fixRecentOrder(ctx);
      if (fixed) {
        turn.reply({ text: fixed, mention: true });
        return turn.done('handled', 'a fix of the order before');
      }
    }
    const acting = answered.kind === 'act' ? answered.records : u.records;
    // 老汉今天37.8 咳得凶 村医能来看一下不: the volunteers' group is told at once, whatever else the message asks
    const care = answered.kind === 'none' ? await relayCare(ctx, acting, deps.outbox) : null;
    // 跟上回一样 送三组: the sender's last order again, looked up and asked about (none yet: asked what)
    if (answered.kind === 'none' && !(await copyLastOrder(ctx, acting))) {
      turn.reply({ text: '没找到您上次的订单，请直接说要买什么、要多少。', mention: true });
      return turn.done('unplaced', 'an order like the last, with no order before');
    }
    if (answered.kind === 'none' && acting.some((r) => actionable(r) && r.unsure)) {
      const question = await ask(ctx, acting.filter(actionable));
      turn.reply({ text: care ? `${care}\n${question}` : question, mention: true });
      return turn.done('handled', 'asked the sender to confirm');
    }
    const lines = await handleRecords(ctx, acting);
    if (care) lines.unshift(care);
    if (lines.length) {
      turn.reply({ text: lines.join('\n'), mention: true });
      return turn.done('handled');
    }
    // 今天36.5: a villager's normal reading is heard, not sent to review as unread (no one needs to act on it)
    if (answered.kind === 'none' && acting.some((r) => r.type === 'health')) {
      turn.reply({ text: '收到，谢谢。', mention: true, kind: 'ack' });
      return turn.done('handled', 'a normal reading in the village');
    }
    // 昨天订的化肥咋个还没到: asking after an order not yet come is answered from the orders, not sent to review
    const chase = answered.kind === 'none' && acting.length === 0 && !u.place ? chaseOf(msg.text) : null;
    if (chase) {
      const said = await answerChase(ctx, chase, deps.outbox);
      turn.reply({ text: said ?? NOTHING_TO_COME, mention: true });
      return turn.done(said ? 'handled' : 'unplaced', said ? 'asked after an order' : 'asked after no order');
    }
    const refs = u.place ? await fillPlace(ctx, u.place) : [];
    if (refs.length && u.place) {
      turn.reply({ text: placeSetText(refs, u.place), mention: true });
      return turn.done('handled');
    }
    turn.done(u.leftover.state, u.leftover.note);
    if (u.leftover.state === 'unplaced' && msg.kind !== 'media')
      await noteReview(turn, REVIEW_NOTES.villagers);
  };

  async function handleRecords(ctx: VillagerContext, records: readonly ParsedRecord[]): Promise<string[]> {
    const orders: OrderRecord[] = [];
    const cancels: CancelRecord[] = [];
    const water: WaterRecord[] = [];
    for (const r of records) {
      if (r.type === 'order') orders.push(r);
      else if (r.type === 'cancel') cancels.push(r);
      else if (r.type === 'water') water.push(r);
    }
    // 尿素改成3袋 (an order changed, read as the new order marked changed): the earlier order of those goods is withdrawn
    const changed = orders
      .flatMap((o) => o.changed ?? [])
      .filter((name) => !cancels.some((c) => c.items.some((i) => i.name === name)));
    if (changed.length > 0) cancels.push({ type: 'cancel', items: changed.map((name) => ({ name })) });
    // 水改到后天送 (a booking moved, read as the new booking marked moved): the booked one is withdrawn
    if (water.some((w) => w.moved) && !cancels.some((c) => c.items.some((i) => WATER_WORDS.has(i.name))))
      cancels.push({ type: 'cancel', items: [{ name: '水' }] });
    // …and the new day keeps the amount, part and place of the booking it replaces
    if (water.length > 0 && cancels.some((c) => c.items.some((i) => WATER_WORDS.has(i.name)))) {
      const [moved] = await ctx.repos.water.bookedOf(ctx.siteId, ownerOf(ctx));
      if (moved)
        for (const w of water) {
          if (w.qty === null) {
            w.qty = moved.qty;
            w.unit = moved.unit;
          }
          w.deliverTo ??= moved.deliverTo;
        }
    }
    const lines: string[] = [];
    for (const c of cancels) lines.push(await cancel(ctx, c));
    if (orders.length) lines.push(...(await placeOrders(ctx, orders)));
    for (const w of water) lines.push(await bookWater(ctx, w, deps.outbox));
    return lines;
  }

  /**
   * An order said to be like the last one (items empty, doubt `copied`) takes the goods, and the place when it
   * names none, of the sender's latest order. False when there is none to copy.
   */
  async function copyLastOrder(ctx: VillagerContext, records: readonly ParsedRecord[]): Promise<boolean> {
    const copies = records.filter(
      (r): r is OrderRecord =>
        r.type === 'order' && r.items.length === 0 && (r.doubts ?? []).includes('copied'),
    );
    if (copies.length === 0) return true;
    const [last] = await ctx.repos.orders.ofOwner(ctx.siteId, ownerOf(ctx), ['open', 'bought', 'delivered']);
    const items = (last?.items ?? []).filter((i) => !i.cancelled);
    if (!last || items.length === 0) return false;
    for (const r of copies) {
      r.items = items.map((i) => ({ name: i.name, qty: i.qty, unit: i.unit }));
      r.deliverTo ??= last.deliverTo;
    }
    return true;
  }

  /** Orders and bookings of the sender's last day without a place get this one; their numbers. */
  async function fillPlace(ctx: VillagerContext, place: string): Promise<string[]> {
    const since = new Date(ctx.msg.at.getTime() - PLACE_WINDOW_MS);
    const owner = ownerOf(ctx);
    const orders = (await ctx.repos.orders.ofOwner(ctx.siteId, owner, ['open', 'bought'])).filter(
      (o) => o.deliverTo === null && o.createdAt >= since,
    );
    const water = (await ctx.repos.water.bookedOf(ctx.siteId, owner)).filter(
      (w) => w.deliverTo === null && w.createdAt >= since,
    );
    const where = canonicalPlace(place);
    for (const o of orders) await ctx.repos.orders.update(o.id, { deliverTo: where });
    for (const w of water) await ctx.repos.water.update(w.id, { deliverTo: where });
    return [...orders.map((o) => orderNo(o.number)), ...water.map((w) => waterNo(w.number))];
  }
}

// Everything a villager writes in the villagers' group: orders (free text or a 接龙, also from WeChat's
// 接龙 tool), water bookings, withdrawals, and a place given after an order. One transaction per message,
// one reply per message.
import type { Db } from '../../../db/client.js';
import type { ChatMessage, MessageState } from '../../core/domain.js';
import { parseMessage, readJielong } from '../../core/parse/index.js';
import type { CancelRecord, OrderRecord, ParsedRecord, WaterRecord } from '../../core/records.js';
import { isAppPayload } from '../../core/village/app-message.js';
import { orderNo, waterNo } from '../../core/village/format.js';
import { looksMeant, negatedOrder, placeOnly } from '../../core/village/intent.js';
import { placeSetText } from '../../core/village/replies.js';
import type { OutboxService } from '../outbox.js';
import { ownerOf, type VillagerContext, villageRepos } from './context.js';
import { applyJielong } from './jielong.js';
import { cancel, placeOrders } from './orders.js';
import { villagerText } from './text.js';
import { bookWater } from './water.js';

export interface Outcome {
  state: Extract<MessageState, 'handled' | 'unplaced' | 'ignored'>;
  note: string | null;
}

const outcome = (state: Outcome['state'], note: string | null = null): Outcome => ({ state, note });

/** A place given later fills orders and bookings of the last day that have none. */
const PLACE_WINDOW_MS = 24 * 3_600_000;

export function createVillagersIntake(deps: { db: Db; outbox: OutboxService }) {
  return async function handle(msg: ChatMessage): Promise<Outcome> {
    const group = msg.group;
    if (!group?.siteId || group.siteKind !== 'village') return outcome('ignored', 'not a village group');
    const siteId = group.siteId;
    const text = villagerText(msg.body);
    if (text === null) return outcome('ignored', 'app message without a title');
    const records = parseMessage({ text, at: msg.at, context: 'village', timeZone: group.timeZone });
    const jielong = records.some((r) => r.type === 'command') ? null : readJielong(text);
    if (jielong === null && (msg.kind === 'app' || isAppPayload(msg.body)))
      return outcome('ignored', 'app message that is not a 接龙');
    if (records.length > 0 && records.every((r) => r.type === 'command'))
      return outcome('ignored', 'a command');

    const result = await deps.db.transaction(async (tx) => {
      const repos = villageRepos(tx);
      const household = await repos.households.ofSender(siteId, msg.talkerId, msg.talkerName);
      const ctx: VillagerContext = { tx, repos, msg, siteId, zone: group.timeZone, household };
      if (jielong) {
        const reply = await applyJielong(ctx, jielong, records as OrderRecord[]);
        if (reply) await deps.outbox.reply(msg, reply, {}, tx);
        return outcome('handled', reply ? null : '接龙 re-posted without changes');
      }
      const lines = await handleRecords(ctx, records, text);
      if (lines.length === 0) return placeOrUnplaced(ctx, text);
      await deps.outbox.reply(msg, lines.join('\n'), { mention: true }, tx);
      return outcome('handled');
    });
    deps.outbox.notify();
    return result;
  };

  async function handleRecords(
    ctx: VillagerContext,
    records: ParsedRecord[],
    text: string,
  ): Promise<string[]> {
    const orders: OrderRecord[] = [];
    const cancels: CancelRecord[] = [];
    const water: WaterRecord[] = [];
    for (const r of records) {
      if (r.type === 'order') {
        const withdrawal = negatedOrder(text, r);
        if (withdrawal) cancels.push(withdrawal);
        else if (r.items.length) orders.push(r);
      } else if (r.type === 'cancel') cancels.push(r);
      else if (r.type === 'water') water.push(r);
    }
    const lines: string[] = [];
    for (const c of cancels) lines.push(await cancel(ctx, c));
    if (orders.length) lines.push(...(await placeOrders(ctx, orders)));
    for (const w of water) lines.push(await bookWater(ctx, w, deps.outbox));
    return lines;
  }

  async function placeOrUnplaced(ctx: VillagerContext, text: string): Promise<Outcome> {
    const place = placeOnly(text);
    if (place) {
      const since = new Date(ctx.msg.at.getTime() - PLACE_WINDOW_MS);
      const owner = ownerOf(ctx);
      const orders = (await ctx.repos.orders.ofOwner(ctx.siteId, owner, ['open', 'bought'])).filter(
        (o) => o.deliverTo === null && o.createdAt >= since,
      );
      const water = (await ctx.repos.water.bookedOf(ctx.siteId, owner)).filter(
        (w) => w.deliverTo === null && w.createdAt >= since,
      );
      for (const o of orders) await ctx.repos.orders.update(o.id, { deliverTo: place });
      for (const w of water) await ctx.repos.water.update(w.id, { deliverTo: place });
      const refs = [...orders.map((o) => orderNo(o.number)), ...water.map((w) => waterNo(w.number))];
      if (refs.length) {
        await deps.outbox.reply(ctx.msg, placeSetText(refs, place), { mention: true }, ctx.tx);
        return outcome('handled');
      }
    }
    const meant = looksMeant(text);
    if (meant === 'question') return outcome('unplaced', 'a question for the volunteers');
    if (meant === 'unread')
      return outcome('unplaced', 'looks like an order or booking the bot could not read');
    return outcome('ignored');
  }
}

// A villager asking after an order or a water booking not yet come (昨天订的化肥咋个还没到): the bot says where each
// stands and reminds the volunteers once a day per order, instead of sending the message to review as unread.

import type { Chase } from '../../core/chase.js';
import { localDate } from '../../core/time.js';
import {
  formatDay,
  formatItems,
  formatWater,
  orderNo,
  partLabel,
  waterNo,
} from '../../core/village/format.js';
import type { OutboxService } from '../outbox.js';
import { ownerOf, type VillagerContext } from './context.js';

/** At most this many orders are named in one answer (the rest are the volunteers' to look up). */
const MAX_NAMED = 3;

/** The answer to the villager, or null when nothing of theirs is still to come. */
export async function answerChase(
  ctx: VillagerContext,
  chase: Chase,
  outbox: OutboxService,
): Promise<string | null> {
  const owner = ownerOf(ctx);
  const orders = chase.water ? [] : await ctx.repos.orders.ofOwner(ctx.siteId, owner, ['open', 'bought']);
  const named =
    chase.goods.length === 0
      ? orders
      : orders.filter((o) => o.items.some((i) => !i.cancelled && chase.goods.includes(i.canonical)));
  const water =
    chase.water || (chase.goods.length === 0 && named.length === 0)
      ? await ctx.repos.water.bookedOf(ctx.siteId, owner)
      : [];
  if (named.length === 0 && water.length === 0) return null;
  const day = localDate(ctx.msg.at, ctx.zone);
  const who = ctx.household?.name ?? ctx.msg.talkerName ?? '村民';
  const lines: string[] = [];
  const asked: string[] = [];
  const keys: string[] = [];
  for (const o of named.slice(0, MAX_NAMED)) {
    const items = formatItems(o.items.filter((i) => !i.cancelled));
    const state = o.status === 'bought' ? '志愿者已买好，正在安排送' : '还没买到';
    lines.push(`${orderNo(o.number)} ${items}：${state}`);
    asked.push(`${orderNo(o.number)} ${items}（${o.status === 'bought' ? '已买待送' : '待买'}）`);
    keys.push(orderNo(o.number));
  }
  for (const w of water.slice(0, MAX_NAMED)) {
    const when = `${formatDay(w.day)}${partLabel(w.part)}`;
    lines.push(`${waterNo(w.number)} 送水 ${formatWater(w.qty, w.unit)}（${when}）：还没送到`);
    asked.push(`${waterNo(w.number)} 送水 ${formatWater(w.qty, w.unit)}（${when}）`);
    keys.push(waterNo(w.number));
  }
  // (the same orders chased again the same day are answered, not sent on to the volunteers again)
  await outbox.toSiteGroup(
    ctx.siteId,
    'volunteers',
    {
      text: `【催单】${who}问：${asked.join('；')}，什么时候到。`,
      kind: 'chase',
      dedupeKey: `chase:${ctx.siteId}:${keys.join(',')}:${day}`,
      sourceMessageId: ctx.msg.id,
    },
    ctx.tx,
  );
  return `${lines.join('\n')}\n已提醒志愿者，请稍等。`;
}

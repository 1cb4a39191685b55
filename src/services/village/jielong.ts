// A 接龙 posted in the villagers' group, again and again, one line longer each time. The list has its own
// identity (site, header, local day); each line is one order, counted once however often it is re-posted.
// A re-post answers only what changed, in one message.

import type { JielongRow } from '../../../db/repositories/jielongs.js';
import type { OrderWithItems } from '../../../db/repositories/orders.js';
import { type Jielong, readJielong } from '../../core/parse/index.js';
import type { OrderRecord } from '../../core/records.js';
import { addDays, localDate } from '../../core/time.js';
import { isAppPayload } from '../../core/village/app-message.js';
import { formatItems, orderNo } from '../../core/village/format.js';
import {
  diffJielong,
  fillProductUnit,
  type JielongChange,
  lineBody,
  type PostedLine,
  type StoredLine,
  uniqueSeqs,
} from '../../core/village/jielong-diff.js';
import { canonicalPlace } from '../../core/village/places.js';
import { customerOf, ownerOf, type VillagerContext, withCanonical } from './context.js';
import { villagerText } from './text.js';

/** Header lines trimmed and spaces folded, so a re-post with other spacing is the same list. */
const headerKey = (header: string) =>
  header
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');

async function listOf(
  ctx: VillagerContext,
  header: string,
  product: string | null,
  posted: PostedLine[],
): Promise<JielongRow> {
  const day = localDate(ctx.msg.at, ctx.zone);
  const today = await ctx.repos.jielongs.find(ctx.siteId, header, day);
  if (today) return today;
  // A list started yesterday and re-posted after midnight continues if it still has yesterday's lines.
  const yesterday = await ctx.repos.jielongs.find(ctx.siteId, header, addDays(day, -1));
  if (yesterday) {
    const bodies = new Set(posted.map((p) => lineBody(p.raw)));
    const lines = await ctx.repos.jielongs.lineOrders(yesterday.id);
    if (lines.some((o) => o.jielongLine !== null && bodies.has(lineBody(o.jielongLine)))) return yesterday;
  }
  return ctx.repos.jielongs.create({
    siteId: ctx.siteId,
    groupId: ctx.msg.group?.id ?? null,
    header,
    day,
    product,
    createdAt: ctx.msg.at,
    updatedAt: ctx.msg.at,
  });
}

const sameItems = (o: OrderWithItems, p: PostedLine) =>
  JSON.stringify(o.items.map((i) => [i.name, i.qty, i.unit])) ===
  JSON.stringify(p.items.map((i) => [i.name, i.qty, i.unit]));

/** Applies a posted 接龙; returns the reply (null when nothing changed). */
export async function applyJielong(
  ctx: VillagerContext,
  jl: Jielong,
  records: OrderRecord[],
): Promise<string | null> {
  const { repos, msg, siteId } = ctx;
  const header = headerKey(jl.header);
  // parseMessage gives one order record per line with goods, in line order.
  const perLine = [...records];
  const seqs = uniqueSeqs(jl.lines);
  const posted: PostedLine[] = fillProductUnit(jl.lines, jl.product).map((l, i) => ({
    seq: seqs[i] as number,
    raw: l.raw,
    customer: l.customer,
    items: l.items,
    deliverTo: l.items.length ? (perLine.shift()?.deliverTo ?? null) : null,
  }));
  const list = await listOf(ctx, header, jl.product, posted);
  const rows = await repos.orders.withItems(await repos.jielongs.lineOrders(list.id));
  const byId = new Map(rows.map((o) => [o.id, o]));
  const stored: StoredLine[] = rows.map((o) => ({
    orderId: o.id,
    seq: o.jielongSeq as number,
    line: o.jielongLine ?? '',
    customer: o.customer,
  }));
  const last = await repos.jielongs.lastPostText(list);
  const lastCount = last ? (readJielong(villagerText(last) ?? '')?.lines.length ?? 0) : 0;
  const changes = diffJielong(stored, posted, lastCount);

  // Line numbers move before they are taken again (a re-post may renumber).
  const moving = changes.filter(
    (c): c is Extract<JielongChange, { orderId: number }> =>
      c.kind === 'removed' ||
      ((c.kind === 'same' || c.kind === 'changed') && byId.get(c.orderId)?.jielongSeq !== c.line.seq),
  );
  for (const c of moving) await repos.jielongs.setSeq(c.orderId, null);
  const taken = new Set(stored.map((s) => s.seq));
  for (const c of moving) taken.delete(byId.get(c.orderId)?.jielongSeq as number);
  const place = (seq: number) => {
    let s = seq;
    while (taken.has(s)) s = Math.max(...taken) + 1;
    taken.add(s);
    return s;
  };

  const out: string[] = [];
  const first = rows.length === 0;
  // A line belongs to whoever wrote it (or is named on it): another person's plain-text re-post, often an
  // older copy, neither cancels nor changes it — only its owner does (or the volunteers, in their group).
  // WeChat's 接龙 tool lets each person edit only their own line, so its posts are the list as it is.
  const tool = msg.kind === 'app' || isAppPayload(msg.body);
  const owners = new Set(ownerOf(ctx).names);
  const mine = (o: OrderWithItems) => tool || o.talkerId === msg.talkerId || owners.has(o.customer);
  for (const c of changes) {
    if (c.kind === 'removed') {
      const o = byId.get(c.orderId) as OrderWithItems;
      if (!mine(o)) {
        await repos.jielongs.setSeq(o.id, place(c.stored.seq), o.jielongLine ?? c.stored.line);
        if (o.status === 'open')
          out.push(
            `保留 ${o.customer} ${formatItems(o.items)}（${orderNo(o.number)}）：只有接这一行的人能删。`,
          );
        continue;
      }
      if (o.status === 'open') {
        await repos.orders.update(o.id, { status: 'cancelled', cancelledAt: msg.at });
        out.push(`取消 ${c.stored.seq}. ${o.customer} ${formatItems(o.items)}（${orderNo(o.number)}）`);
      } else if (o.status === 'bought' || o.status === 'delivered') {
        out.push(`${o.customer} 的 ${orderNo(o.number)} 已经买了，不能取消，请联系志愿者。`);
      }
      continue;
    }
    if (c.kind === 'new') {
      const who = await customerOf(ctx, c.line.customer, c.line.deliverTo);
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
          jielongId: list.id,
          jielongSeq: place(c.line.seq),
          jielongLine: c.line.raw,
          createdAt: msg.at,
        },
        withCanonical(c.line.items),
      );
      out.push(
        `${first ? '' : '新增 '}${c.line.seq}. ${who.customer} ${formatItems(c.line.items)}（${orderNo(number)}）`,
      );
      continue;
    }
    const o = byId.get(c.orderId) as OrderWithItems;
    const seq = o.jielongSeq === c.line.seq ? c.line.seq : place(c.line.seq);
    const unchanged =
      c.kind === 'same' || (sameItems(o, c.line) && (c.line.deliverTo ?? o.deliverTo) === o.deliverTo);
    if (!unchanged && !mine(o)) {
      // Someone else's copy shows another version of this person's line: theirs stands.
      await repos.jielongs.setSeq(o.id, seq, o.jielongLine ?? c.line.raw);
      continue;
    }
    await repos.jielongs.setSeq(o.id, seq, c.line.raw);
    if (unchanged) continue;
    const said = await changeLine(ctx, o, c.line);
    if (said) out.push(said);
  }
  await repos.jielongs.touch(list.id, msg.id, msg.at);
  if (out.length === 0) return null;
  return `${first ? `接龙已收到，记下 ${out.length} 单：` : '接龙已更新：'}\n${out.join('\n')}`;
}

/** A person's line with new content: new items (what they withdrew in chat stays withdrawn), or none. */
async function changeLine(ctx: VillagerContext, o: OrderWithItems, line: PostedLine): Promise<string | null> {
  if (o.status === 'bought' || o.status === 'delivered') {
    return `${o.customer} 的 ${orderNo(o.number)} 已经买了，没有改；要改请联系志愿者。`;
  }
  if (line.items.length === 0) {
    if (o.status !== 'open') return null;
    await ctx.repos.orders.update(o.id, { status: 'cancelled', cancelledAt: ctx.msg.at });
    return `取消 ${line.seq}. ${o.customer} ${formatItems(o.items)}（${orderNo(o.number)}）`;
  }
  const withdrawn = new Set(o.items.filter((i) => i.cancelled).map((i) => i.name));
  const items = withCanonical(line.items).map((i) => ({ ...i, cancelled: withdrawn.has(i.name) }));
  if (items.every((i) => i.cancelled)) return null;
  await ctx.repos.orders.replaceItems(o.id, items);
  await ctx.repos.orders.update(o.id, {
    status: 'open',
    cancelledAt: null,
    ...(line.deliverTo ? { deliverTo: canonicalPlace(line.deliverTo) } : {}),
  });
  return `修改 ${line.seq}. ${o.customer} ${formatItems(line.items)}（${orderNo(o.number)}）`;
}

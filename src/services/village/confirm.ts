// What the bot doubts it asks about, and what the sender says back it acts on (issue 16). A message read
// with a doubt (`unsure`: quantities and goods that did not pair up, a place it does not know) is not
// acted on: the bot asks one short question and keeps the records; the sender's 对 places them, a fix
// (不对，醋是两瓶 / 送到石门坎) places them as fixed, a bare 不对 sends the message to the volunteers.
// A fix of an order placed a moment ago (without a question) changes that order.
import { createConfirmationsRepo } from '../../../db/repositories/confirmations.js';
import type { OrderWithItems } from '../../../db/repositories/orders.js';
import { createVocabularyRepo } from '../../../db/repositories/vocabulary.js';
import { readCorrection } from '../../core/parse/correction.js';
import { looksLikeGoods } from '../../core/parse/item-lexicon.js';
import type { OrderRecord, ParsedRecord, WaterRecord } from '../../core/records.js';
import type { Understanding } from '../../core/understand.js';
import { formatItems, orderNo } from '../../core/village/format.js';
import { canonicalPlace } from '../../core/village/places.js';
import { ownerOf, type VillagerContext, withCanonical } from './context.js';

/** How long a question waits for its answer. */
const ASK_TTL_MS = 2 * 3_600_000;
/** An order placed this recently may be fixed by its sender's next words. */
const FIX_WINDOW_MS = 30 * 60_000;

/** A record as acted on: no doubt left (the sender answered it). */
const plain = (r: ParsedRecord): ParsedRecord => {
  const { unsure: _u, doubts: _d, ...rest } = r as ParsedRecord & { unsure?: true; doubts?: string[] };
  return rest as ParsedRecord;
};

/** The question for doubtful records, and the records kept until it is answered. */
export async function ask(ctx: VillagerContext, records: readonly ParsedRecord[]): Promise<string> {
  const group = ctx.msg.group;
  if (group)
    await createConfirmationsRepo(ctx.tx).add({
      groupId: group.id,
      talkerId: ctx.msg.talkerId,
      messageId: ctx.msg.id,
      records: records.map(plain),
      at: ctx.msg.at,
      ttlMs: ASK_TTL_MS,
    });
  return `您是要${records.map(describe).join('；')}，对吗？回复“对”确认，不对请直接说哪里不对。`;
}

function describe(r: ParsedRecord): string {
  if (r.type === 'order') {
    const where = r.deliverTo ? `，送到${r.deliverTo}` : '';
    return `订：${formatItems(r.items)}${where}`;
  }
  if (r.type === 'water') {
    const where = r.deliverTo ? `，送到${r.deliverTo}` : '';
    return `约送水 ${r.qty ?? 1}${r.unit ?? '桶'}${where}`;
  }
  if (r.type === 'cancel') return `取消：${r.items.map((i) => i.name).join('、') || '上一单'}`;
  return '这样';
}

export type Answered = { kind: 'act'; records: ParsedRecord[] } | { kind: 'dropped' } | { kind: 'none' };

/**
 * The sender's answer to the bot's open question, if this message is one: records to act on now (as
 * confirmed or fixed), a 不对 without a fix, or none (a new message; the question stays open).
 */
export async function answerPending(ctx: VillagerContext, u: Understanding): Promise<Answered> {
  const group = ctx.msg.group;
  if (!group) return { kind: 'none' };
  const repo = createConfirmationsRepo(ctx.tx);
  const open = await repo.open(group.id, ctx.msg.talkerId, ctx.msg.at);
  if (!open) return { kind: 'none' };
  if (u.answer === 'yes') {
    await repo.settle(open.id, 'confirmed');
    await learnConfirmed(ctx, open.records);
    return { kind: 'act', records: open.records };
  }
  // A fix is read against what was asked (the text was understood once; what it corrects is known here).
  const fixed = readCorrection({ text: ctx.msg.body, before: open.records });
  if (fixed) {
    await repo.settle(open.id, 'corrected');
    await learnConfirmed(ctx, fixed);
    return { kind: 'act', records: fixed.map(plain) };
  }
  if (u.answer === 'no') {
    await repo.settle(open.id, 'dropped');
    return { kind: 'dropped' };
  }
  return { kind: 'none' };
}

/**
 * What the sender confirmed becomes the site's words: the places it named, and goods named by a word the bot did not
 * know (麸皮), so the next villager naming them is not asked again.
 */
async function learnConfirmed(ctx: VillagerContext, records: readonly ParsedRecord[]) {
  const places = records.flatMap((r) =>
    (r.type === 'order' || r.type === 'water') && r.deliverTo ? [r.deliverTo] : [],
  );
  const goods: Record<string, string> = {};
  for (const r of records)
    if (r.type === 'order') for (const i of r.items) if (!looksLikeGoods(i.name)) goods[i.name] = i.name;
  if (places.length || Object.keys(goods).length)
    await createVocabularyRepo(ctx.tx).learn(ctx.siteId, { places, goods }, ctx.msg.at, ctx.msg.id);
}

/**
 * A fix of the sender's order placed a moment ago (不对，醋是两瓶 / 改成二十斤 / 送到石门坎): the order is
 * changed and the answer says how; null when the message fixes nothing.
 */
export async function fixRecentOrder(ctx: VillagerContext): Promise<string | null> {
  const since = ctx.msg.at.getTime() - FIX_WINDOW_MS;
  const [last] = (await ctx.repos.orders.ofOwner(ctx.siteId, ownerOf(ctx), ['open'])).filter(
    (o) => o.jielongId === null && o.createdAt.getTime() >= since && o.messageId !== ctx.msg.id,
  );
  if (!last) return null;
  const before: OrderRecord = {
    type: 'order',
    items: last.items.filter((i) => !i.cancelled).map((i) => ({ name: i.name, qty: i.qty, unit: i.unit })),
    deliverTo: last.deliverTo,
    customer: null,
    seq: null,
  };
  const fixed = readCorrection({ text: ctx.msg.body, before: [before] });
  const order = fixed?.find((r): r is OrderRecord => r.type === 'order');
  if (!fixed || !order) return fixed && fixed.length === 0 ? cancelWhole(ctx, last) : null;
  await ctx.repos.orders.replaceItems(last.id, withCanonical(order.items));
  if (order.deliverTo !== last.deliverTo)
    await ctx.repos.orders.update(last.id, { deliverTo: canonicalPlace(order.deliverTo) });
  const where = order.deliverTo ? `，送到${canonicalPlace(order.deliverTo)}` : '';
  return `已改好 ${orderNo(last.number)}：${formatItems(order.items)}${where}。`;
}

async function cancelWhole(ctx: VillagerContext, o: OrderWithItems): Promise<string> {
  await ctx.repos.orders.update(o.id, { status: 'cancelled', cancelledAt: ctx.msg.at });
  return `已取消 ${orderNo(o.number)}。`;
}

/** Records of the kinds a villager's message acts on. */
export const actionable = (
  r: ParsedRecord,
): r is OrderRecord | WaterRecord | Extract<ParsedRecord, { type: 'cancel' }> =>
  r.type === 'order' || r.type === 'water' || r.type === 'cancel';

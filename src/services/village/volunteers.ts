// Volunteers report progress in their group: bought (`#已买 O-0031 …` or `#已买 全部`) and delivered
// (`#送达 O-0031 85元`, `#送达 W-0005`), with what they paid. A delivery is told to the villager, with
// an @mention when the bot knows who to mention.
import type { Executor } from '../../../db/client.js';
import { createMessagesRepo } from '../../../db/repositories/messages.js';
import type { OrderWithItems } from '../../../db/repositories/orders.js';
import type { WaterRow } from '../../../db/repositories/water.js';
import type { ChatMessage, Mention } from '../../core/domain.js';
import { whenTold } from '../../core/outgoing.js';
import { DEFAULT_ZONE } from '../../core/time.js';
import { type Delivery, readDeliveries } from '../../core/village/commands.js';
import { formatYuan, orderNo, waterNo } from '../../core/village/format.js';
import { deliveredNoticeText, waterDeliveredNoticeText } from '../../core/village/replies.js';
import type { OutboxService } from '../outbox.js';
import type { Turn } from '../turn.js';
import { type VillageRepos, villageRepos } from './context.js';

const ALL = new Set(['全部', '所有', '全都', 'all']);

export function createVolunteerActions(deps: { outbox: OutboxService }) {
  /** Runs one command in the turn's transaction and answers in the volunteers' group. */
  async function run(
    turn: Turn,
    work: (repos: VillageRepos, siteId: number, tx: Executor) => Promise<string>,
  ) {
    const siteId = turn.message.group?.siteId;
    if (!siteId) return turn.done('ignored', 'not a village group');
    turn.reply({ text: await work(villageRepos(turn.tx), siteId, turn.tx), mention: true });
  }

  return {
    /** `#已买 O-0031 O-0032` or `#已买 全部`. */
    bought: (turn: Turn, args: readonly string[]) =>
      run(turn, async (repos, siteId) => {
        const msg = turn.message;
        const all = args.some((a) => ALL.has(a));
        const problems: string[] = [];
        let targets: { order: OrderWithItems; costFen: number | null }[] = [];
        if (all)
          targets = (await repos.orders.byStatus(siteId, ['open'])).map((order) => ({
            order,
            costFen: null,
          }));
        else {
          // An amount after an order number is what was paid for it (#已买 O-0005 23.5元), not an order.
          const { deliveries, unknown } = readDeliveries(args);
          for (const d of deliveries) {
            const order = d.ref.kind === 'order' ? await repos.orders.byNumber(siteId, d.ref.number) : null;
            if (!order)
              problems.push(`没有 ${(d.ref.kind === 'order' ? orderNo : waterNo)(d.ref.number)} 这一单`);
            else if (order.status === 'open') targets.push({ order, costFen: d.costFen });
            else problems.push(`${orderNo(order.number)} ${STATUS_TEXT[order.status]}`);
          }
          for (const arg of unknown) problems.push(`没看懂“${arg}”`);
        }
        if (args.length === 0) return '请写上单号，如 #已买 O-0031，或 #已买 全部。';
        for (const { order, costFen } of targets)
          await markBought(repos, order, {
            at: msg.at,
            volunteer: msg.talkerName,
            ...(costFen === null ? {} : { costFen }),
          });
        const paid = (t: (typeof targets)[number]) =>
          `${orderNo(t.order.number)}${t.costFen === null ? '' : `（${formatYuan(t.costFen)} 元）`}`;
        const done = targets.length
          ? `已记为买好 ${targets.length} 单：${targets.map(paid).join('、')}。`
          : all
            ? '现在没有待买的订单。'
            : '';
        return [done, ...problems.map((p) => `${p}。`)].filter(Boolean).join('\n');
      }),

    /** `#送达 O-0031 85元 [O-0032 40元 …]`, `#送达 W-0005`. */
    delivered: (turn: Turn, args: readonly string[]) =>
      run(turn, async (repos, siteId, tx) => {
        const msg = turn.message;
        const { deliveries, unknown } = readDeliveries(args);
        if (deliveries.length === 0)
          return '请写上单号和垫付金额，如 #送达 O-0031 85元；送水写 #送达 W-0005。';
        const lines: string[] = [];
        for (const d of deliveries) lines.push(await deliver(repos, siteId, msg, d, tx));
        if (unknown.length) lines.push(`没看懂：${unknown.join(' ')}`);
        return lines.join('\n');
      }),
  };

  async function deliver(repos: VillageRepos, siteId: number, msg: ChatMessage, d: Delivery, tx: Executor) {
    // When the villager hears of it: at once, or after the village's quiet hours.
    const told = async (customer: string) =>
      `${customer}${whenTold(msg.at, await deps.outbox.noticeTime(siteId, 'villagers', 'delivered', tx), msg.group?.timeZone ?? DEFAULT_ZONE)}`;
    if (d.ref.kind === 'water') {
      const w = await repos.water.byNumber(siteId, d.ref.number);
      if (!w) return `没有 ${waterNo(d.ref.number)} 这个送水预约。`;
      if (w.status === 'cancelled') return `${waterNo(w.number)} 已取消，不用送。`;
      if (w.status === 'delivered') return `${waterNo(w.number)} 之前已记为送到。`;
      await deliverWater(deps.outbox, tx, w, { at: msg.at, sourceMessageId: msg.id });
      return `${waterNo(w.number)} 已记为送到，${await told(w.customer)}。`;
    }
    const o = await repos.orders.byNumber(siteId, d.ref.number);
    if (!o) return `没有 ${orderNo(d.ref.number)} 这一单。`;
    if (o.status === 'cancelled') return `${orderNo(o.number)} 已取消，不用送。`;
    if (o.status === 'delivered') {
      if (d.costFen === null || d.costFen === o.costFen) return `${orderNo(o.number)} 之前已记为送到。`;
      await repos.orders.update(o.id, { costFen: d.costFen });
      return `${orderNo(o.number)} 的垫付金额改为 ${formatYuan(d.costFen)} 元。`;
    }
    await deliverOrder(deps.outbox, tx, o, {
      at: msg.at,
      costFen: d.costFen,
      volunteer: msg.talkerName,
      sourceMessageId: msg.id,
    });
    const no = orderNo(o.number);
    return d.costFen === null
      ? `${no} 已记为送到，${await told(o.customer)}。没写垫付金额，如有垫付请再发 #送达 ${no} 金额。`
      : `${no} 已记为送到，垫付 ${formatYuan(d.costFen)} 元，${await told(o.customer)}。`;
  }
}

const STATUS_TEXT: Record<string, string> = {
  bought: '之前已记为买好',
  delivered: '已经送到了',
  cancelled: '已取消',
};

/**
 * Who to @mention about a delivery: the household's WeChat account once the bot knows it, else the
 * sender when they ordered for themselves; null when neither (the notice then names the customer).
 */
async function recipient(
  repos: VillageRepos,
  householdId: number | null,
  talkerId: string,
  talkerName: string | null,
  customer: string,
): Promise<Mention | null> {
  const household = householdId ? await repos.households.byId(householdId) : null;
  if (household?.wechatId) return { id: household.wechatId, name: household.wechatName ?? household.name };
  return talkerName !== null && talkerName === customer ? { id: talkerId, name: talkerName } : null;
}

// The moves themselves, shared by the volunteers' chat commands and the admin API so both behave alike.

/** An open order bought: when, and by whom. */
export async function markBought(
  repos: VillageRepos,
  o: OrderWithItems,
  by: { at: Date; volunteer: string; costFen?: number },
) {
  await repos.orders.update(o.id, {
    status: 'bought',
    boughtAt: by.at,
    volunteer: by.volunteer,
    ...(by.costFen !== undefined ? { costFen: by.costFen } : {}),
  });
}

/** An order delivered (bought then too, if it was not yet), and the villager told in their group. */
export async function deliverOrder(
  outbox: OutboxService,
  tx: Executor,
  o: OrderWithItems,
  by: { at: Date; costFen: number | null; volunteer: string; sourceMessageId?: number },
) {
  const repos = villageRepos(tx);
  await repos.orders.update(o.id, {
    status: 'delivered',
    deliveredAt: by.at,
    boughtAt: o.boughtAt ?? by.at,
    costFen: by.costFen,
    volunteer: o.volunteer ?? by.volunteer,
  });
  const to = await recipient(repos, o.householdId, o.talkerId, o.talkerName, o.customer);
  const notice = deliveredNoticeText({
    number: o.number,
    customer: o.customer,
    addressed: to !== null,
    costFen: by.costFen,
  });
  await notifyVillagers(outbox, tx, o.siteId, notice, to, by.sourceMessageId);
}

/** A water booking delivered, and the villager told in their group. */
export async function deliverWater(
  outbox: OutboxService,
  tx: Executor,
  w: WaterRow,
  by: { at: Date; sourceMessageId?: number },
) {
  const repos = villageRepos(tx);
  await repos.water.update(w.id, { status: 'delivered', deliveredAt: by.at });
  const booker = w.messageId ? await createMessagesRepo(tx).byId(w.messageId) : null;
  const to = await recipient(repos, w.householdId, w.talkerId, booker?.talkerName ?? null, w.customer);
  await notifyVillagers(
    outbox,
    tx,
    w.siteId,
    waterDeliveredNoticeText(w.number, w.customer, to !== null),
    to,
    by.sourceMessageId,
  );
}

async function notifyVillagers(
  outbox: OutboxService,
  tx: Executor,
  siteId: number,
  text: string,
  to: Mention | null,
  sourceMessageId: number | undefined,
) {
  await outbox.toSiteGroup(
    siteId,
    'villagers',
    { text, mentions: to ? [to] : [], kind: 'delivered', sourceMessageId },
    tx,
  );
}

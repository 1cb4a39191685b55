// The volunteers' lists as text: what to buy, what to bring to whom (by village group, then household),
// where water goes. One message each, never one per order.
import type { DayPart, Item } from '../records.js';
import { formatDay, formatItems, formatQty, formatWater, orderNo, partLabel, waterNo } from './format.js';
import { villageGroupOf, villageGroupRank } from './places.js';
import { type PurchaseLine, purchaseLineText } from './purchase.js';

export interface Stop {
  /** Household name, else the customer's name. */
  who: string;
  villageGroup: string | null;
  deliverTo: string | null;
  phone: string | null;
}

export interface OrderStop extends Stop {
  number: number;
  items: Item[];
}

export interface WaterStop extends Stop {
  number: number;
  qty: number | null;
  unit: string | null;
  part: DayPart | null;
}

const NO_GROUP = '没写组的';

function groupLabel(s: Stop): string {
  return villageGroupOf(s.villageGroup) ?? villageGroupOf(s.deliverTo) ?? s.villageGroup ?? NO_GROUP;
}

function whoText(s: Stop, label: string): string {
  const extra =
    s.deliverTo && villageGroupOf(s.deliverTo) !== s.deliverTo && s.deliverTo !== label
      ? ` ${s.deliverTo}`
      : '';
  return `${s.who}${extra}${s.phone ? `（${s.phone}）` : ''}`;
}

const orderPart = (o: OrderStop) => `${formatItems(o.items)} ${orderNo(o.number)}`;
const waterPart = (w: WaterStop) =>
  `送水 ${formatWater(w.qty, w.unit) || '1桶'}${w.part ? ` ${partLabel(w.part)}` : ''} ${waterNo(w.number)}`;

/** Stops grouped by village group (一组, 二组 …, then the rest), one line per household. */
function byGroupAndHousehold(orders: readonly OrderStop[], water: readonly WaterStop[]): string[] {
  const groups = new Map<string, Map<string, { stop: Stop; parts: string[] }>>();
  const add = (s: Stop, part: string) => {
    const label = groupLabel(s);
    const g = groups.get(label) ?? new Map<string, { stop: Stop; parts: string[] }>();
    groups.set(label, g);
    const key = `${s.who}\u0000${s.deliverTo ?? ''}`;
    const h = g.get(key) ?? { stop: s, parts: [] };
    if (!h.stop.phone && s.phone) h.stop = { ...h.stop, phone: s.phone };
    h.parts.push(part);
    g.set(key, h);
  };
  for (const o of orders) add(o, orderPart(o));
  for (const w of water) add(w, waterPart(w));
  const labels = [...groups.keys()].sort(
    (a, b) =>
      villageGroupRank(a) - villageGroupRank(b) ||
      (a === NO_GROUP ? 1 : b === NO_GROUP ? -1 : a.localeCompare(b, 'zh')),
  );
  const out: string[] = [];
  for (const label of labels) {
    out.push(`${label}：`);
    for (const h of groups.get(label)?.values() ?? [])
      out.push(`· ${whoText(h.stop, label)}：${h.parts.join('；')}`);
  }
  return out;
}

export function deliveryListText(
  day: string,
  orders: readonly OrderStop[],
  water: readonly WaterStop[],
): string {
  const head = `【送货单 ${formatDay(day)}】${orders.length ? `货 ${orders.length} 单` : ''}${orders.length && water.length ? '，' : ''}${water.length ? `送水 ${water.length} 家` : ''}`;
  if (orders.length === 0 && water.length === 0) return `【送货单 ${formatDay(day)}】没有要送的东西。`;
  return [head, ...byGroupAndHousehold(orders, water)].join('\n');
}

export function waterListText(day: string, water: readonly WaterStop[]): string {
  if (water.length === 0) return `【送水单 ${formatDay(day)}】没有预约。`;
  const total = water.reduce((n, w) => n + (w.qty ?? 1), 0);
  return [
    `【送水单 ${formatDay(day)}】${water.length} 家，共 ${formatQty(total)} 桶`,
    ...byGroupAndHousehold([], water),
  ].join('\n');
}

export function purchaseListText(lines: readonly PurchaseLine[], title = '采购单'): string {
  if (lines.length === 0) return `【${title}】现在没有要买的东西。`;
  return [`【${title}】共 ${lines.length} 样`, ...lines.map((l) => `· ${purchaseLineText(l)}`)].join('\n');
}

/** The evening message to the volunteers: tomorrow's water and what to buy; null when there is nothing. */
export function eveningListsText(
  tomorrow: string,
  water: readonly WaterStop[],
  lines: readonly PurchaseLine[],
): string | null {
  const parts: string[] = [];
  if (water.length) parts.push(waterListText(tomorrow, water).replace('【送水单', '【明天送水'));
  if (lines.length) parts.push(purchaseListText(lines, '明天要买'));
  return parts.length ? parts.join('\n\n') : null;
}

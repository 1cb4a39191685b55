// What the bot says in the villagers' and volunteers' groups. Short, plain WeChat-group Chinese.
import type { DayPart, Item } from '../records.js';
import { formatDay, formatItems, formatWater, formatYuan, orderNo, partLabel, waterNo } from './format.js';

export interface PlacedOrder {
  number: number;
  items: Item[];
  deliverTo: string | null;
  customer: string;
  /** The customer is someone else than the sender (帮刘婆婆买…). */
  forOther: boolean;
}

export function orderPlacedText(o: PlacedOrder): string {
  const who = o.forOther ? `（${o.customer}）` : '';
  const where = o.deliverTo ? `，送到${o.deliverTo}` : '';
  const ask = o.deliverTo ? '如有不对请直接更正。' : '送到哪里？请回一句，如“送到三组”。';
  return `已下单 ${orderNo(o.number)}${who}：${formatItems(o.items)}${where}。${ask}`;
}

export function orderDuplicateText(number: number): string {
  return `这一单刚才已经记下了（${orderNo(number)}），不重复下单。`;
}

/** The same goods asked for again while the earlier order waits: it is that order, not a second one. */
export function orderRepeatedText(
  number: number,
  items: readonly Item[],
  placeSet: string | null = null,
): string {
  const where = placeSet ? `，送到${placeSet}` : '';
  return `${formatItems(items)} 已经记在 ${orderNo(number)} 里了${where}，不重复下单；要再加一份请说“再买…”。`;
}

/** The same water booking said again: it is the one already booked. */
export function waterRepeatedText(
  number: number,
  day: string,
  part: DayPart | null,
  qty: number,
  unit: string,
): string {
  return `${formatDay(day)}${partLabel(part)} ${formatWater(qty, unit)} 已经约好了（${waterNo(number)}），不重复预约；要多送请说“再送…”。`;
}

export interface BookedWater {
  number: number;
  day: string;
  part: DayPart | null;
  qty: number;
  unit: string;
  deliverTo: string | null;
  /** The message named no day / no amount: say what was assumed. */
  dayAssumed: boolean;
  qtyAssumed: boolean;
}

export function waterBookedText(w: BookedWater): string {
  const where = w.deliverTo ? `，送到${w.deliverTo}` : '';
  const assumed = [
    w.dayAssumed ? '没说哪天，按明天安排' : null,
    w.qtyAssumed ? `没说几桶，先记${formatWater(w.qty, w.unit)}` : null,
  ].filter(Boolean);
  const tail = [
    assumed.length ? `${assumed.join('；')}。` : '',
    w.deliverTo ? '' : '送到哪里？请回一句，如“送到5组”。',
  ].join('');
  return `已预约送水 ${waterNo(w.number)}：${formatDay(w.day)}${partLabel(w.part)} ${formatWater(w.qty, w.unit)}${where}。${tail}`;
}

export function placeSetText(refs: string[], place: string): string {
  return `好的，${refs.join('、')} 送到${place}。`;
}

export function cancelledText(number: number, items: Item[] | null): string {
  return items
    ? `已取消 ${orderNo(number)} 的${items.map((i) => i.name).join('、')}。`
    : `已取消 ${orderNo(number)}。`;
}

export const NOTHING_TO_CANCEL = '没有找到您可以取消的订单。';

export function alreadyBoughtText(number: number, status: 'bought' | 'delivered'): string {
  return status === 'delivered'
    ? `${orderNo(number)} 已经送到了，不能在群里取消，请联系志愿者。`
    : `${orderNo(number)} 志愿者已经买好了，不能在群里取消，请联系志愿者。`;
}

export function waterCancelledText(number: number): string {
  return `已取消送水 ${waterNo(number)}。`;
}

export function deliveredNoticeText(opts: {
  number: number;
  customer: string;
  addressed: boolean;
  costFen: number | null;
}): string {
  const whose = opts.addressed ? '您的订单' : `${opts.customer}的订单`;
  const paid = opts.costFen ? `，垫付 ${formatYuan(opts.costFen)} 元` : '';
  return `${whose} ${orderNo(opts.number)} 已送到${paid}。`;
}

export function waterDeliveredNoticeText(number: number, customer: string, addressed: boolean): string {
  return `${addressed ? '您' : customer}预约的水 ${waterNo(number)} 已送到。`;
}

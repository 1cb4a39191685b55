// The village digest (../shared/CONTRACT.md section 5): the contract's fields exactly as specified, the
// details beside them, and the short Chinese text the bot posts.
import type { DayPart } from '../records.js';
import { formatDay, formatYuan } from './format.js';
import { purchaseListText, type WaterStop, waterListText } from './lists.js';
import type { PurchaseLine } from './purchase.js';

export interface VillageDigest {
  site: string;
  date: string;
  /** Orders placed that day and not cancelled by its end (a 接龙 line is one order). */
  orders: number;
  purchaseList: { name: string; unit: string | null; qty: number | null }[];
  water: { deliverTo: string | null; qty: number | null; part: DayPart | null }[];
  /** Orders placed by the end of the day and neither delivered nor cancelled then. */
  undelivered: number;
  /** Of those, not yet bought / bought and waiting to be delivered. */
  toBuy: number;
  toDeliver: number;
  purchaseDetail: PurchaseLine[];
  waterBookings: (WaterStop & { booking: string; delivered: boolean })[];
  /** Money volunteers advanced for orders delivered by the end of the day, in fen, and per household. */
  advancedFen: number;
  owed: { household: string; fen: number; orders: number }[];
}

export function digestText(d: VillageDigest): string {
  const head = `【${d.site} ${formatDay(d.date)}汇总】`;
  const counts = `当天新订单 ${d.orders} 单；未送达 ${d.undelivered} 单（待买 ${d.toBuy}，已买待送 ${d.toDeliver}）。`;
  const buy = purchaseListText(d.purchaseDetail, '待采购');
  const water = waterListText(d.date, d.waterBookings);
  const money = d.advancedFen
    ? `志愿者垫付共 ${formatYuan(d.advancedFen)} 元：${d.owed.map((o) => `${o.household} ${formatYuan(o.fen)} 元`).join('、')}。`
    : '志愿者垫付：无。';
  return [head, counts, buy, water, money].join('\n');
}

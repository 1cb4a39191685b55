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
  /** The day's fevers, complaints and calls for the village doctor, as relayed to the volunteers, oldest first. */
  care: (CareRelay & { time: string })[];
}

/** One villager's health relayed to the volunteers: who (household and group), what was said, what is asked. */
export interface CareRelay {
  household: string;
  /** 老汉 38.6℃，咳嗽; empty for a call for the doctor with no reading or complaint. */
  said: string;
  /** 请村医尽快上门。 */
  ask: string;
  urgent: boolean;
}

export function digestText(d: VillageDigest): string {
  const head = `【${d.site} ${formatDay(d.date)}汇总】`;
  const counts = `当天新订单 ${d.orders} 单；未送达 ${d.undelivered} 单（待买 ${d.toBuy}，已买待送 ${d.toDeliver}）。`;
  const buy = purchaseListText(d.purchaseDetail, '待采购');
  const water = waterListText(d.date, d.waterBookings);
  const money = d.advancedFen
    ? `志愿者垫付共 ${formatYuan(d.advancedFen)} 元：${d.owed.map((o) => `${o.household} ${formatYuan(o.fen)} 元`).join('、')}。`
    : '志愿者垫付：无。';
  return [head, counts, careText(d.care), buy, water, money].filter((l) => l !== null).join('\n');
}

/** 村民健康 2 条：… (none, no line: the village keeps no roll of readings to miss). */
function careText(care: VillageDigest['care']): string | null {
  if (care.length === 0) return null;
  const lines = care.map(
    (c) =>
      `· ${c.time} ${c.household ? `${c.household}：` : ''}${c.said ? `${c.said}。` : ''}${c.ask}${c.urgent ? '（急）' : ''}`,
  );
  return [`【村民健康】${care.length} 条`, ...lines].join('\n');
}

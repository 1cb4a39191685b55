// The purchase list: everything not yet bought, summed per item (after the alias list) and unit.
// Units are not converted: 斤 and 公斤 stay apart, except spellings of the same unit (kg = 公斤).
import { simplify } from '../parse/traditional.js';
import { formatQty } from './format.js';

const SAME_UNIT: Record<string, string> = {
  kg: '公斤',
  KG: '公斤',
  Kg: '公斤',
  千克: '公斤',
  g: '克',
  L: '升',
  l: '升',
  ml: '毫升',
  ML: '毫升',
};

export function normaliseUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const u = simplify(unit.trim()); // 個 is 个
  if (u.length === 0) return null;
  return SAME_UNIT[u] ?? u;
}

export interface PurchaseEntry {
  orderId: number;
  /** The purchase-list name (canonicalItemName of what was written). */
  canonical: string;
  qty: number | null;
  unit: string | null;
}

export interface PurchaseLine {
  name: string;
  unit: string | null;
  /** The sum of the stated quantities; null when no order stated one. */
  qty: number | null;
  /** Orders asking for this item in this unit. */
  orders: number;
  /** Of those entries, how many stated no quantity. */
  unsized: number;
}

const collator = new Intl.Collator('zh-Hans-CN');

export function purchaseList(entries: readonly PurchaseEntry[]): PurchaseLine[] {
  const lines = new Map<string, PurchaseLine & { orderIds: Set<number> }>();
  for (const e of entries) {
    const unit = normaliseUnit(e.unit);
    const key = `${e.canonical}\u0000${unit ?? ''}`;
    let line = lines.get(key);
    if (!line) {
      line = { name: e.canonical, unit, qty: null, orders: 0, unsized: 0, orderIds: new Set() };
      lines.set(key, line);
    }
    line.orderIds.add(e.orderId);
    if (e.qty === null) line.unsized++;
    else line.qty = Math.round(((line.qty ?? 0) + e.qty) * 1000) / 1000;
  }
  return [...lines.values()]
    .map(({ orderIds, ...l }) => ({ ...l, orders: orderIds.size }))
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.unit ?? '', b.unit ?? ''));
}

/** `化肥 5袋（3单）`, `感冒药 若干（2单）`, `大米 20斤（3单，1单没说数量）`. */
export function purchaseLineText(l: PurchaseLine): string {
  const amount = l.qty === null ? `${l.unit ? `${l.unit}数` : ''}若干` : `${formatQty(l.qty)}${l.unit ?? ''}`;
  const unsized = l.qty !== null && l.unsized > 0 ? `，${l.unsized}单没说数量` : '';
  return `${l.name} ${amount}（${l.orders}单${unsized}）`;
}

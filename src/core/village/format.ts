// How the village side writes numbers, items, money and days in its messages.
import type { DayPart, Item } from '../records.js';

const pad4 = (n: number) => String(n).padStart(4, '0');

/** O-0031: the order number people quote. */
export const orderNo = (n: number) => `O-${pad4(n)}`;
/** W-0005: a water booking's number. */
export const waterNo = (n: number) => `W-${pad4(n)}`;

/** 2, 0.5, 1.25: no trailing zeros, at most two decimals. */
export function formatQty(qty: number): string {
  return String(Math.round(qty * 100) / 100);
}

/** `化肥 2袋`, `感冒药` (no quantity stated). */
export function formatItem(item: Pick<Item, 'name' | 'qty' | 'unit'>): string {
  if (item.qty === null) return item.unit ? `${item.name}（${item.unit}数未说）` : item.name;
  return `${item.name} ${formatQty(item.qty)}${item.unit ?? ''}`;
}

export function formatItems(items: readonly Pick<Item, 'name' | 'qty' | 'unit'>[]): string {
  return items.map(formatItem).join('、');
}

/** Fen to yuan as people say it: 8500 → 85, 8550 → 85.5. */
export function formatYuan(fen: number): string {
  return String(Math.round(fen) / 100);
}

/** 2020-02-16 → 2月16日 */
export function formatDay(day: string): string {
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日`;
}

export const PART_LABEL: Record<DayPart, string> = { am: '上午', pm: '下午', evening: '晚上' };

export const partLabel = (part: DayPart | null) => (part ? PART_LABEL[part] : '');

/** A water amount: `2桶`. */
export function formatWater(qty: number | null, unit: string | null): string {
  return qty === null ? '' : `${formatQty(qty)}${unit ?? '桶'}`;
}

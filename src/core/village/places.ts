// Where goods go: the village group (组) of a household or of an address written in a message, so the
// delivery list can be walked group by group. 3组, 三组, 第三组 and 3社 are the same group.
import { simplify } from '../parse/traditional.js';

const DIGITS = '零一二三四五六七八九';

function toChineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

function fromChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s.length === 0) return null;
  const digit = (c: string | undefined) => (c === '两' ? 2 : c ? DIGITS.indexOf(c) : 0);
  if (!m[2]) return m[3] || !m[1] ? null : digit(m[1]);
  return (m[1] ? digit(m[1]) : 1) * 10 + digit(m[3]);
}

const GROUP_RE = /第?([0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:组|社|队|村民小组)/;

/** The village group a place names, as `三组`; null when it names none. */
export function villageGroupOf(place: string | null | undefined): string | null {
  if (!place) return null;
  const m = GROUP_RE.exec(place);
  if (!m?.[1]) return null;
  const n = fromChineseNumber(m[1]);
  return n === null || n <= 0 ? null : `${toChineseNumber(n)}组`;
}

/** Sort key for group labels: 一组 < 二组 < 十一组 < anything else. */
export function villageGroupRank(label: string): number {
  const m = /^(.+)组$/.exec(label);
  const n = m?.[1] ? fromChineseNumber(m[1]) : null;
  return n ?? 10_000;
}

/** An address from a household: its address, with the group in front when the address lacks it. */
export function householdPlace(h: { villageGroup: string | null; address: string | null }): string | null {
  const group = h.villageGroup?.trim() || null;
  const address = h.address?.trim() || null;
  if (group && address) {
    return villageGroupOf(address) === villageGroupOf(group) ? address : `${group}${address}`;
  }
  return address ?? group;
}

/**
 * A place as it is stored and listed: a place that is only a village group is written one way (3组, 第三组,
 * 3社 → 三组), so one group is one place on every list; anything else stays as written.
 */
export function canonicalPlace(place: string | null | undefined): string | null {
  // 石板溝 is 石板沟: a place written in traditional script is listed with the plain spelling
  const p = place ? simplify(place.trim()) : '';
  if (!p) return null;
  const group = villageGroupOf(p);
  return group && new RegExp(`^${GROUP_RE.source}$`).test(p) ? group : p;
}

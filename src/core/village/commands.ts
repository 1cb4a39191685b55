// Arguments of the volunteers' commands: `#已买 O-0031 O-0032`, `#已买 全部`, `#送达 O-0031 85元`,
// `#送达 W-0005`, `#送水单 明天`. Pure readers; they never throw.
import { addDays, isIsoDate } from '../time.js';

export type Ref = { kind: 'order' | 'water'; number: number };

const REF_RE = /^([OoWw]|订单|水)?[-－—_]?0*(\d{1,6})(?:号)?$/;

/** `O-0031`, `o31`, `0031`, `31` (an order unless W). */
export function readRef(arg: string): Ref | null {
  const m = REF_RE.exec(arg.trim());
  if (!m?.[2]) return null;
  const n = Number(m[2]);
  if (n <= 0) return null;
  const water = m[1] === 'W' || m[1] === 'w' || m[1] === '水';
  return { kind: water ? 'water' : 'order', number: n };
}

const MONEY_RE = /^(?:[¥￥])?(\d{1,6}(?:\.\d{1,2})?)(?:(元|块)(\d)?(?:角|毛)?(?:钱)?)?$/;

/** `85元`, `85`, `85.5`, `¥85`, `85块5` → fen; null when the argument is not an amount. */
export function readYuan(arg: string): number | null {
  const m = MONEY_RE.exec(arg.trim());
  if (!m?.[1]) return null;
  const yuan = Number(m[1]) + (m[3] && !m[1].includes('.') ? Number(m[3]) / 10 : 0);
  return Math.round(yuan * 100);
}

export interface Delivery {
  ref: Ref;
  costFen: number | null;
}

/**
 * `#送达` arguments: references, each order optionally followed by what was paid (`O-0031 85元 O-0032 40`).
 * An argument that is neither is reported back.
 */
export function readDeliveries(args: readonly string[]): { deliveries: Delivery[]; unknown: string[] } {
  const deliveries: Delivery[] = [];
  const unknown: string[] = [];
  for (const arg of splitArgs(args)) {
    const last = deliveries[deliveries.length - 1];
    // A bare number right after an order is what was paid for it (water costs nothing).
    const payable = last?.ref.kind === 'order' && last.costFen === null ? last : null;
    const ref = /^\d+$/.test(arg) && payable ? null : readRef(arg);
    if (ref) {
      deliveries.push({ ref, costFen: null });
      continue;
    }
    const fen = readYuan(arg);
    if (fen !== null && payable) payable.costFen = fen;
    else unknown.push(arg);
  }
  return { deliveries, unknown };
}

/** Splits glued arguments such as `O-0031垫付85元` into `O-0031`, `85元`. */
function splitArgs(args: readonly string[]): string[] {
  return args
    .flatMap((a) => a.replace(/垫付|花了|共|一共|付了|付/g, ' ').split(/\s+/))
    .flatMap((a) => {
      const m = /^([OoWw][-－—_]?\d{1,6})(\D.*)$/.exec(a);
      return m?.[1] && m[2] ? [m[1], m[2]] : [a];
    })
    .filter((a) => a.length > 0);
}

/** `今天`, `明天`, `后天`, `2020-02-16`, `2月16日`, `2月16号`, `2-16`, `2.16`, `2/16` relative to `today`. */
export function readDayArg(arg: string | undefined, today: string): string | null {
  const a = (arg ?? '').trim();
  if (a === '' || a === '今天' || a === '今日') return today;
  if (a === '明天' || a === '明日') return addDays(today, 1);
  if (a === '后天') return addDays(today, 2);
  if (a === '昨天') return addDays(today, -1);
  if (isIsoDate(a)) return a;
  const m = /^(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*(?:日|号)?$/.exec(a);
  if (!m) return null;
  const year = Number(today.slice(0, 4));
  const day = `${year}-${m[1]?.padStart(2, '0')}-${m[2]?.padStart(2, '0')}`;
  return isIsoDate(day) ? day : null;
}

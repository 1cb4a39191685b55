// A bound talked about beside a number (37度以下都算正常, 38.5度以上才食退烧药, 37度3以上就要报, 37.5℃以内不用太紧张,
// 37度都不到): no one's reading, unless it is the sender's own (我38度以上的 先吃了药). temperature-not-readings.ts asks.
import { clauseStart } from './chars.js';
import type { TempHit } from './temperature.js';

const BOUND_ADVICE_RE =
  /^\s*(?:℃|°C|度)?\s*(?:及|或)?以[上下]\s*(?:的话|都|也)?\s*(?:就?(?:先|可以|不用|不需要|物理降温|才(?:吃|食|用|要)|再(?:吃|用))|就?要(?:马上|立即|及时|立刻)?(?:报|上报|报告|打电话|隔离|去|送|跟|告诉|说|找|联系)|(?:马上|立即|及时|立刻)(?:到|去|报|联系|就诊|打|告诉|说))/;

/** The readings left once bounds talked about are dropped. */
export function withoutBoundsTalk(text: string, readings: TempHit[]): TempHit[] {
  let all = readings;
  // 37度以下都算正常吧 / 37.3以上算发烧吗: a bound talked about is no reading
  if (/以上|以下/.test(text))
    all = all.filter(
      (h) =>
        !/^\s*(?:℃|°C|度)?\s*(?:及|或)?以[上下]\s*(?:的话|都|就|才|也)?\s*(?:算|是|属于|叫|正常|中|行|没事|不要紧|莫得事)/.test(
          text.slice(h.end, h.end + 10),
        ) || ownReading(text, h),
    );
  // 38度以下先物理降温 / 38.5度以上才食退烧药 / 37度3以上就要报 / 37.3℃以上及时到发热门诊: what to do above or below a
  // bound, a doctor's advice or a rule
  if (/以上|以下/.test(text)) all = all.filter((h) => !BOUND_ADVICE_RE.test(text.slice(h.end, h.end + 14)));
  // 体温计量起37度都不到: a bound not even reached states no temperature; 37度2还莫得到 但是要注意: nor one not
  // reached yet, said to someone (我37.2还没到 is the sender's)
  if (/不到|没到|莫得到|没得到|没有到/.test(text))
    all = all.filter((h) => {
      const after = text.slice(h.end, h.end + 8);
      if (/^\s*(?:℃|度)?\s*都(?:不到|没到)(?![\d三四])/.test(after)) return false;
      return (
        !/^\s*(?:℃|度)?\s*还(?:不到|没到|莫得到|没得到|没有到)(?![\d三四])/.test(after) || ownReading(text, h)
      );
    });
  // 体温37.3度以上的马上给我打电话 / 谁家要是发烧 37度3以上的 别自己瞎吃药: a rule for whoever reaches the threshold
  if (text.includes('以上的'))
    all = all.filter(
      (h) =>
        !/^\s*(?:℃|°C|度)?\s*(?:及|或)?以上的[\s,，]*(?:人|朋友|住户)?[\s,，]*(?:请|要|马上|立即|及时|赶紧|务必|一定|给我|打|别|不要|莫|嫑|先|就|都)/.test(
          text.slice(h.end, h.end + 14),
        ) ||
        /(?:我|俺|额|量了|测了|烧到)[^，,。\s]{0,4}$/.test(text.slice(clauseStart(text, h.start), h.start)),
    );
  // 宝宝耳温37.5℃以内不用太紧张: a bound within which all is well is no one's reading
  if (text.includes('以内'))
    all = all.filter(
      (h) =>
        !/^\s*(?:℃|°C|度)?\s*以内/.test(text.slice(h.end, h.end + 6)) ||
        /我|量了|测了|刚量|刚测/.test(text.slice(clauseStart(text, h.start), h.start)),
    );
  return all;
}

/** Someone's reading by the words before it (我, 量了, 孩子, 今天 …), whatever is asked about it after. */
export function ownReading(text: string, h: TempHit): boolean {
  const cs = clauseStart(text, h.start);
  // (我想问一哈，三十七度三算不算发烧: the asking is no reading's owner)
  return /我|量|测|体温|烧到|孩子|老人|宝宝|现在|刚才|今天|早上|晚上/.test(
    text.slice(Math.max(0, cs - 12), h.start).replace(/(?:我|俺)?想?(?:问|请教)(?:一下|一哈|下)?|请问/g, ''),
  );
}

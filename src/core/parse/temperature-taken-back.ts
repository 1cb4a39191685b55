// A reading the sender takes back: right after it (37.4不算, 37.6写错了), later in its own clause (37.5那个是我手机打错了),
// or explained away by where the thermometer was (原来放在热水杯边上 重新量36.6).
import type { TempHit } from './temperature.js';

// 37.4不算 (taken back), but not 37.4不算发烧 (a threshold asked about).
const RETRACTED_RE =
  /^[\s?？!！,，。]*(?:[哦噢啊呃嗯哎诶]+[\s,，。!！]*)?(?:不是(?=\s*(?:是)?\s*(?:3[4-9]|三十))|不对|错了|看错|写错|打错|搞错|重新量(?!一次)|重量了|作废|不准|不作数|量错|不算(?![^\s，,。]{0,4}(?:发烧|发热|烧)))/;
/** 37.5那个是我手机打错了: a slip owned up to later in the reading's own clause. */
const SLIP_OWNED_RE =
  /不对(?!劲)|错了|看错|写错|打错|输错|报错|按错|搞错|弄错|发错|量错|手滑|手抖|作废|不作数/;

/** A reading the sender takes back, right after it (37.4不算) or later in its clause, for a later reading. */
const MISPLACED_RE =
  /^[^。]{0,12}(?:原来|因为|是因为)[^。]{0,24}(?:热水|暖气|暖宝宝|太阳|晒|刚喝|刚洗|放在|挨着|靠着|捂|被窝|电热毯)[^。]{0,20}(?:重新量|再量|又量|重量)/;

/** 第一次37.4 … 后来发现体温计没甩 甩了重新量是36.6: the thermometer not shaken down, then measured again. */
const NOT_SHAKEN_RE =
  /^[^。]{0,16}(?:没甩|没有甩|忘了甩|没甩下去)[^。]{0,12}(?:重新量|再量|又量|重量|重新测|再测)/;

const RECHECK_BLAMED_RE =
  /^[^。]{0,12}复测(?:是|了)?\s*(?:3[4-9]|三十)[^。]{0,16}(?:没甩|不准|坏了|搁暖气|放在暖气|挨着暖气)/;

/**
 * 夜来那个37.5估计是体温计没夹好 / 刚才那个37.5可能是刚喝了热水: the reading before, blamed on how it was taken (是不是
 * 坏了, asked, blames nothing).
 */
const BLAMED_AFTER_RE =
  /^\s*(?:℃|度)?[^。，,?？]{0,6}?(?:估计|应该|肯定)是?(?:体温计|温度计)?(?:没夹好|没夹紧|没甩好?)|^\s*(?:℃|度)?(?:可能|估计|应该)是刚(?:喝了?热水|洗(?:完|了)?澡)/;

/** 说是三十七度七 我拿过来一看是三十六度七 他老花眼看错了: the reading looked at again, the first one misread. */
const LOOKED_AGAIN_RE =
  /^[^。]{0,12}(?:一看|再看|仔细看|细看)(?:是|才是)?\s*(?:3[4-9]|三十)[^。]{0,20}(?:看错|看岔|看花)/;

export function retracted(text: string, h: TempHit): boolean {
  if (RETRACTED_RE.test(text.slice(h.end, h.end + 8))) return true;
  if (LOOKED_AGAIN_RE.test(text.slice(h.end, h.end + 44))) return true;
  if (NOT_SHAKEN_RE.test(text.slice(h.end, h.end + 40))) return true;
  // (我刚才没甩 量出来39度 吓死 重新甩了再量36.5: not shaken down, said first)
  if (
    /(?:没甩|没有甩|忘了甩)[^。]{0,8}$/.test(text.slice(Math.max(0, h.start - 14), h.start)) &&
    /^[^。]{0,16}(?:重新|再量|又量)/.test(text.slice(h.end, h.end + 30))
  )
    return true;
  if (BLAMED_AFTER_RE.test(text.slice(h.end, h.end + 20))) return true;
  // 量了个42度吓死我了 原来温度计刚才放在热水杯边上 重新量36.6: a reading explained away by where the thermometer was
  if (MISPLACED_RE.test(text.slice(h.end, h.end + 48))) return true;
  // 体温计是37度3 我们复测是36.9 是体温计没甩: the re-check stands, the first blamed on the thermometer
  if (RECHECK_BLAMED_RE.test(text.slice(h.end, h.end + 40))) return true;
  let clause = text.slice(h.end, h.end + 14).split(/[，,。！!；;？?\n]/)[0] as string;
  // (早上36.5 昨晚那个37是手滑了 应该是36.7: a slip owned after another number is that number's; 36.3 不是 我是36.6
  // 打错了 still owns up to the first, corrected by 是)
  const other = /(?<![\d.])(?<![是系]\s*)(?:\d|三十)/.exec(clause);
  if (other) clause = clause.slice(0, other.index);
  return SLIP_OWNED_RE.test(clause);
}

const SAID_BACK_RE = /[你您](?:刚才|刚刚)?(?:说|讲|报)的?[^，。,\s\d]{0,3}\s*$/;

/**
 * Readings told of rather than reported: a typo or a misreading (有人把37.3打成了73.3 / 二妮是36.7 我看成37.6了), a bound
 * fallen below (退烧了 38度以下了), the reading said back to the one who reported it (你刚才报的37.3 / 你说婆姨37.3).
 */
export function withoutToldOf(text: string, readings: TempHit[]): TempHit[] {
  let all = readings;
  if (text.includes('成'))
    all = all.filter(
      (h) =>
        !(
          (/把\s*$/.test(text.slice(Math.max(0, h.start - 2), h.start)) &&
            /^\s*(?:度|℃)?\s*(?:打|写|发|看|报|输)成/.test(text.slice(h.end, h.end + 5))) ||
          (all.length > 1 &&
            /(?:看|听|打|写|报)成了?\s*$/.test(text.slice(Math.max(0, h.start - 3), h.start)))
        ),
    );
  if (text.includes('以下'))
    all = all.filter((h) => !/^\s*(?:度|℃)?\s*以下了/.test(text.slice(h.end, h.end + 6)));
  if (/[你您]/.test(text))
    all = all.filter((h) => !SAID_BACK_RE.test(text.slice(Math.max(0, h.start - 10), h.start)));
  return all;
}

// Words beside goods that read like goods or counts and are neither (claims.ts calls this with the other masks): a
// shoe size, 一块儿 (together), a surname that is also a measure after a room, a seed variety said as which kind,
// what carries the goods, people counted.
import type { Mask } from './chars.js';
import { maskAll, matchesOf } from './chars.js';
import { isKnownGoods } from './item-lexicon.js';

/** Masks in `text` the words beside goods that are no goods and no count. */
export function maskBesideGoods(mask: Mask, text: string): void {
  // 两双解放鞋 一双42码一双40码: a size (and the pair said with it) is no count
  if (text.includes('码'))
    maskAll(mask, /(?:(?<![换要给拿来买送])[一两][双件条套](?=\d))?\d{2}(?:\.5)?\s*码/g, text);
  // 地膜化肥一块儿接龙: 一块儿 is together, no count of a 块
  if (text.includes('一块')) maskAll(mask, /一块儿|[凑在聚挤]一块|一块(?=[买拉去送走报运带])/g, text);
  // 408包大爷: a room, then a surname that is also a measure (包, 桶) before a title, is no count
  if (/\d[包桶][大老阿]/.test(text))
    maskAll(mask, /(?<=\d{3,4})[包桶](?=大爷|大娘|大姐|大哥|阿姨|奶奶|爷爷|老师|师傅)/g, text);
  // 苞谷种，登海605的，要两袋: a variety said as which kind (its code, then 的) is no goods of its own
  if (text.includes('的') && /\d/.test(text))
    for (const m of matchesOf(/([\u4e00-\u9fa5]{2,3}\d{2,4})的/g, text))
      if (isKnownGoods(m[1] as string)) mask.set(m.index, m.index + m[0].length);
  // 充电器 苹果的那种: the make said as which kind is no goods of its own
  if (text.includes('那种') || text.includes('接口'))
    maskAll(mask, /(?:苹果|华为|安卓|小米|三星|OPPO|oppo|vivo|VIVO|荣耀)的?(?:那种|接口)/g, text);
  // 有糖尿病: a disease is no goods (糖)
  if (text.includes('糖尿病')) maskAll(mask, /糖尿病(?!的?药)/g, text);
  // 米饭吃不惯 / 吃不了米饭: food the sender cannot eat is no food asked for
  if (text.includes('吃不') || text.includes('咽不'))
    maskAll(
      mask,
      /(?:米饭|白饭|面条|馒头|辣椒|辣的)(?=吃不惯|吃不下|咽不下)|(?<=吃不(?:了|惯|下))(?:米饭|白饭|面条|馒头|辣的)/g,
      text,
    );
  // 三袋三轮拉不下: what carries the goods is no goods
  // (一三轮水: a load counted by the three-wheeler is the water's measure)
  if (/三轮|拖拉机|摩托/.test(text))
    maskAll(mask, /(?<![\d一二两三四五六七八九十]|[一二两四五六七八九十]三)三轮车?|拖拉机|摩托车?/g, text);
  // 我一个大男人吃不饱 / 3个返乡的都正常: people counted are no goods
  if (text.includes('个'))
    maskAll(
      mask,
      /[一两二三四五六七八九十\d]{1,2}个(?:大男人|大老爷们|老婆子|老头子|女人家?|返乡的?|回来的|外地回来的|老人家?|孩子|小孩|娃儿?)(?![的用])/g,
      text,
    );
}

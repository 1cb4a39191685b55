// Pack sizes claimed before goods are read, so no size becomes the quantity: 50斤装的, 30个装, 10L一桶的,
// 25公斤的 (before goods), 一桶20升的. The item reader of a message and of a 接龙 line both use it.
import type { Mask } from './chars.js';
import { matchesOf } from './chars.js';

/** A pack size is not the quantity: 50斤装的, 30个装, 10L一桶的, 25公斤的 (before goods), 一桶20升的. */
const NUM = '[\\d.一二两三四五六七八九十百半]+';
const SIZE_UNIT = '(?:公斤|千克|kg|KG|斤|升|L|l|毫升|ml|个|枚|克|g|片|粒|支|卷|包)';
const SIZE_RE = new RegExp(
  `${NUM}\\s*${SIZE_UNIT}\\s*(?:装(?![好完满])的?|那种|一(?:桶|袋|箱|瓶|件|盒|包|壶|提|罐|板)(?:的|那种|(?=$|[\\s,，。)）]))|的(?=[\\u4e00-\\u9fa5]|[\\s,，。)）]|$|[\\d一二两三四五六七八九十]+\\s*[袋桶包瓶箱盒件]))|[一每](?:桶|袋|箱|瓶|件|盒|包|壶|提|罐|板)(?:是|有)?\\s*${NUM}\\s*${SIZE_UNIT}的?(?=$|[\\s,，。)）])`,
  'g',
);

/** A size may be in the text (a cheap test before the full reading). */
export const SIZE_HINT_RE =
  /(?:公斤|千克|kg|KG|斤|升|L|l|毫升|ml|个|枚|克|g|片|粒|支|卷|包)\s*(?:装|一|的)|[一每][桶袋箱瓶件盒包壶提罐](?:是|有)?\s*[\d一二两三四五六七八九十]/;

/** 50斤装的大米 / 一桶20升的: a size beside the quantity; 一袋五十斤的大米 keeps its 一袋 (the quantity). */
export function maskSizes(mask: Mask, text: string): void {
  // (counted elsewhere: not in a price already claimed — 一袋四十斤的 八十块钱一袋 is one bag)
  const seen = mask.apply(text);
  for (const m of matchesOf(SIZE_RE, text)) {
    let start = m.index;
    // 一桶20升的 is the size of a barrel only when the barrels ordered are counted elsewhere (来三桶)
    if (/^[一每]/.test(m[0])) {
      const measure = m[0][1] as string;
      const others = seen.slice(0, m.index) + seen.slice(m.index + m[0].length);
      if (!new RegExp(`[\\d一二两三四五六七八九十几]\\s*${measure}`).test(others)) start += 2;
      // (菜油两桶 不对 一桶 五升的: the count put right is the quantity, the size after it the barrel's)
      else if (/(?:不对|不是|错了|改成|改为)[\s,，]*(?:是|要)?$/.test(text.slice(0, m.index))) start += 2;
    }
    // 一壶5斤装的白酒: right after its quantity a pack size is read with it too
    if (
      /装的?$/.test(m[0]) &&
      /[\u4e00-\u9fa5]/.test(text[m.index + m[0].length] ?? '') &&
      // (那给我来一包 50斤装的复合肥: after a verb's count, a space between changes nothing)
      /(?:[\d一二两三四五六七八九十几半]\s*(?:袋|桶|箱|瓶|件|盒|包|壶|提|罐)|(?:来|要|买|带|拿|订|捎)\s*[\d一二两三四五六七八九十几半]\s*(?:袋|桶|箱|瓶|件|盒|包|壶|提|罐)\s+)$/.test(
        text.slice(0, m.index),
      )
    )
      continue;
    // 复合肥三袋 25公斤一袋: the bag's size after the count; alone (复合肥 25公斤一袋) the bag is the count
    if (/[^的种]一[桶袋箱瓶件盒包壶提罐板]$/.test(m[0]) && !/^[一每]/.test(m[0])) {
      const bag = m.index + m[0].length - 2;
      if (!countedElsewhere(seen, m.index, m[0].length)) {
        mask.set(m.index, bag);
        continue;
      }
    }
    // a size before goods (25公斤的复合肥) is kept only when the goods are counted elsewhere
    if (m[0].endsWith('的') && !/装|一|每/.test(m[0])) {
      // 一袋五十斤的大米: right after its quantity the size is read with it (the item reader's spec)
      // (尿素一袋 二十斤的米线一件: not when the goods after the size are counted on their own)
      if (
        /[\d一二两三四五六七八九十几]\s*(?:袋|桶|箱|瓶|件|盒|包|壶|提|罐)\s*$/.test(text.slice(0, m.index)) &&
        !OWN_COUNT_AFTER_RE.test(text.slice(m.index + m[0].length))
      )
        continue;
      if (!countedElsewhere(seen, m.index, m[0].length)) continue;
    }
    mask.set(start, m.index + m[0].length);
  }
}

const OWN_COUNT_AFTER_RE =
  /^(?:(?!再|要|还|和|跟|买|带)[\u4e00-\u9fa5]){1,5}?[\d一二两三四五六七八九十几]\s*(?:袋|桶|箱|瓶|件|盒|包|壶|提|罐)/;

function countedElsewhere(text: string, at: number, len: number): boolean {
  const rest = text.slice(0, at) + ' '.repeat(len) + text.slice(at + len);
  // (买袋米: a measure word after the verb is one bag)
  return /[\d一二两三四五六七八九十几半]\s*(?:袋|桶|箱|瓶|件|盒|包|壶|提|罐)|[买要来带订拿][袋桶箱]/.test(
    rest,
  );
}

// Prices said beside goods (37块钱一份, 一百二一袋, 复合肥一袋八十五, 菜油两桶 七十五一桶): claimed before goods are read, so
// no number in them becomes a quantity. claims.ts reads them with the rest of what is no goods; a 接龙 line reads them
// (and pack sizes) alone.
import type { Mask } from './chars.js';
import { maskAll, matchesOf } from './chars.js';
import { maskSizes, SIZE_HINT_RE } from './claims-sizes.js';

/** Measure words a price is quoted per (37块钱一份, 120/袋, 一百二一袋). */
const PER = '(?:\\/|每|一)\\s*(?:公斤|[斤袋桶箱瓶包个盒件提罐份支把条只串板卷捆])(?!人)';
/** A Chinese price: 一百二 / 八十五 (with 块 or 元), or any number of hundreds (一百二一袋). */
const CN_HUNDREDS = '[一二两三四五六七八九十]{0,3}[百千][零一二两三四五六七八九十]{0,3}';
const CN_PRICE = `(?:${CN_HUNDREDS}|[一二两三四五六七八九十]{1,3})`;
/** 豆腐 3块, 肥皂 2块: goods counted in pieces (块 after them is no money). */
const BY_PIECE =
  '(?<!(?:豆腐|肥皂|香皂|腊肉|蛋糕|月饼|抹布|砖|砖茶|茶砖|茯茶|茶饼|蜂窝煤|煤饼|豆干|年糕|糍粑|姜|巧克力|电池)\\s*\\d+\\s*)';
export const PRICE_RE = new RegExp(
  `(?<![栋幢#\\-]\\s*\\d{0,3})\\d+(?:\\.\\d+)?\\s*(?:(?:元|块钱|${BY_PIECE}块(?=钱|[左以上/每一]|[^\\u4e00-\\u9fa5]|$)|毛(?=钱|[/每一]))(?:钱)?(?:左右|以内|以下|上下)?(?:\\s*${PER})?|${PER})`,
  'g',
);
export const CN_PRICE_RE = new RegExp(
  `${CN_PRICE}\\s*(?:元|块钱|块(?=钱|[/每一左以上]))(?:钱)?(?:左右|以内|以下|上下)?(?:\\s*${PER})?|${CN_HUNDREDS}\\s*${PER}|(?:${CN_PRICE}|\\d{1,3})\\s*块[一二三四五六七八九\\d]毛?\\s*${PER}`,
  'g',
);
/**
 * 复合肥一袋八十五 / 菜油一桶85 / 一袋要150: the price after its measure word, where the clause ends (一袋五十斤的
 * is a size, 一袋 二十斤的 a description).
 */
export const UNIT_PRICE_RE =
  /[一每](?:公斤|[斤袋桶箱瓶包盒件提罐板])\s*(?:要|是|卖|才|只要|就要)?\s*(?:\d{2,4}(?:\.\d{1,2})?|[一二两三四五六七八九][十百][一二三四五六七八九十]{0,2}|十[一二三四五六七八九]?)\s*(?:元|块钱?)?(?:左右|上下)?(?=[\s,，。!！?？;；]|是吧|吧|哦|呢|对吧|$)/g;
/**
 * 菜油两桶 七十五一桶: a number of ten or more before 一 + a measure that the goods are already counted in is a
 * price, not a second quantity (二十一袋 alone is 21 bags).
 */
const SPOKEN_PRICE_RE =
  /(?<=^|[\s,，(（])([一二两三四五六七八九]?[十百][一二三四五六七八九十]{0,2})\s*([一每])\s*(桶|袋|箱|瓶|件|盒|包|斤|公斤|壶|提|罐)(?=$|[\s,，。)）])/g;
export function maskSpokenPrices(mask: Mask, text: string): void {
  if (!/十|百/.test(text)) return;
  for (const m of matchesOf(SPOKEN_PRICE_RE, text)) {
    const measure = m[3] as string;
    const before = text.slice(0, m.index);
    if (new RegExp(`[\\d一二两三四五六七八九十几]\\s*${measure}`).test(before))
      mask.set(m.index, m.index + m[0].length);
  }
}

/**
 * A price or a pack size beside goods (135一包, 一百二一袋那个, 60块一卷, 50斤装的): what a 接龙 line shares with a
 * message of its own (a line has no room or date left to claim).
 */
export function claimPricesAndSizes(mask: Mask, text: string): void {
  // (红桃粿10块 on a line is ten pieces: a bare 块 is a price only with 元, 钱 or what it is per)
  if (/\d/.test(text) && /[元块毛/每一]/.test(text))
    for (const m of matchesOf(PRICE_RE, text))
      if (/[元钱/每一]/.test(m[0])) mask.set(m.index, m.index + m[0].length);
  if (/[百千块元]/.test(text)) maskAll(mask, CN_PRICE_RE, text);
  if (SIZE_HINT_RE.test(text)) maskSizes(mask, text);
  maskSpokenPrices(mask, text);
}

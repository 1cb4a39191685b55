// Aliases for purchase lists: the records keep names as written; the bot sums a purchase list by canonical name.
// Plain data, one entry per canonical name; staff can extend it without touching code.
import { mendName } from './voice.js';

export interface ItemAlias {
  canonical: string;
  aliases: readonly string[];
}

export const ITEM_ALIASES: readonly ItemAlias[] = [
  { canonical: '菜籽油', aliases: ['菜油', '菜籽油', '菜子油', '清油', '压榨菜籽油', '菜籽清油'] },
  { canonical: '化肥', aliases: ['化肥', '肥料', '化学肥料'] },
  { canonical: '复合肥', aliases: ['复合肥', '复合肥料', '三元复合肥'] },
  { canonical: '尿素', aliases: ['尿素', '尿素肥', '氮肥'] },
  { canonical: '碳铵', aliases: ['碳铵', '碳酸氢铵', '碳氨'] },
  { canonical: '磷肥', aliases: ['磷肥', '过磷酸钙'] },
  { canonical: '有机肥', aliases: ['有机肥', '农家肥', '有机肥料'] },
  { canonical: '大米', aliases: ['大米', '米', '白米', '新米'] },
  { canonical: '面粉', aliases: ['面粉', '灰面', '小麦粉'] },
  { canonical: '玉米种子', aliases: ['玉米种子', '玉米种', '包谷种', '苞谷种', '包谷种子', '苞谷种子'] },
  { canonical: '稻种', aliases: ['稻种', '谷种', '水稻种子', '稻谷种子'] },
  { canonical: '土豆种', aliases: ['土豆种', '洋芋种', '马铃薯种', '洋芋种子'] },
  { canonical: '土豆', aliases: ['土豆', '洋芋', '马铃薯'] },
  { canonical: '红薯', aliases: ['红薯', '红苕', '地瓜', '番薯'] },
  { canonical: '玉米', aliases: ['玉米', '包谷', '苞谷'] },
  { canonical: '地膜', aliases: ['地膜', '农膜', '薄膜', '塑料薄膜'] },
  { canonical: '盐', aliases: ['盐', '盐巴', '食盐'] },
  { canonical: '口罩', aliases: ['口罩', '医用口罩', '一次性口罩', '外科口罩'] },
  { canonical: 'N95口罩', aliases: ['N95', 'N95口罩', 'KN95', 'KN95口罩'] },
  { canonical: '消毒液', aliases: ['消毒液', '84', '84消毒液', '消毒水'] },
  { canonical: '酒精', aliases: ['酒精', '医用酒精', '75%酒精', '消毒酒精'] },
  { canonical: '纸巾', aliases: ['纸巾', '抽纸', '面巾纸'] },
  { canonical: '卫生纸', aliases: ['卫生纸', '卷纸', '手纸', '厕纸', '草纸'] },
  { canonical: '体温计', aliases: ['体温计', '温度计', '水银温度计', '电子体温计'] },
  { canonical: '桶装水', aliases: ['桶装水', '水', '饮用水', '纯净水', '山泉水'] },
  { canonical: '鸡蛋', aliases: ['鸡蛋', '蛋', '土鸡蛋'] },
  { canonical: '香烟', aliases: ['香烟', '烟'] },
  { canonical: '白酒', aliases: ['白酒', '酒'] },
];

const LOOKUP = new Map<string, string>();
for (const { canonical, aliases } of ITEM_ALIASES) {
  LOOKUP.set(canonical.toLowerCase(), canonical);
  for (const a of aliases) LOOKUP.set(a.toLowerCase(), canonical);
}

/**
 * The purchase-list name of an item: its canonical alias, or the name itself, trimmed and folded; written in
 * traditional script or with a slip (雞蛋, 付合肥), it is summed with the plain spelling.
 */
export function canonicalItemName(name: string): string {
  const folded = mendName(name)
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .trim();
  return LOOKUP.get(folded.toLowerCase()) ?? folded;
}

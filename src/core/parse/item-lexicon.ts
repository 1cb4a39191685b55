// Goods the parser knows by name, by request category. Used to tell goods from other words, to split a name
// from a customer in a 接龙 line, and to pick a request's category. Kept as data so staff can extend it.
import type { RequestCategory } from '../records.js';
import { isDrugName } from './drugs.js';
import { englishGoodsWords } from './english-goods.js';
import { FRUITS } from './fruit-words.js';
import { GOODS_BY_CATEGORY } from './goods-words.js';
import { SEED_VEGETABLES } from './name-words.js';
import { isTaughtGoods, recordedName, taughtGoodsAt } from './vocabulary.js';

const CATEGORY_OF = new Map<string, RequestCategory>();
for (const [cat, words] of Object.entries(GOODS_BY_CATEGORY) as [RequestCategory, readonly string[]][]) {
  for (const w of words) if (!CATEGORY_OF.has(w)) CATEGORY_OF.set(w, cat);
}
for (const [w, cat] of englishGoodsWords()) if (!CATEGORY_OF.has(w)) CATEGORY_OF.set(w, cat);
// 苞谷种子 / 菜种子: seed written with its 子 is the same seed, as written
for (const [w, cat] of [...CATEGORY_OF]) if (w.endsWith('种') && w.length > 1) CATEGORY_OF.set(`${w}子`, cat);
// 白菜籽 / 萝卜种 / 辣椒种子: a vegetable's seed, as written
for (const v of SEED_VEGETABLES) {
  for (const s of ['籽', '种', '种子'])
    if (!CATEGORY_OF.has(`${v}${s}`)) CATEGORY_OF.set(`${v}${s}`, 'other');
}
for (const v of [
  ...[
    '菠菜',
    '芹菜',
    '葱',
    '蒜',
    '油菜',
    '青菜',
    '香菜',
    '生菜',
    '花生',
    '谷子',
    '黍子',
    '高粱',
    '小麦',
    '大豆',
  ],
  ...[
    '黄豆',
    '绿豆',
    '红薯',
    '番薯',
    '地瓜',
    '玉米',
    '苞谷',
    '洋芋',
    '土豆',
    '韭菜',
    '冬瓜',
    '丝瓜',
    '苦瓜',
    '豌豆',
    '胡豆',
  ],
]) {
  for (const s of ['籽', '种', '种子'])
    if (!CATEGORY_OF.has(`${v}${s}`)) CATEGORY_OF.set(`${v}${s}`, 'other');
}
/** Vegetables, the kinds of 菜 / 蔬菜 a list names. */
const VEGETABLES = new Set([
  ...SEED_VEGETABLES.filter((v) => v !== '西瓜'),
  ...['菠菜', '芹菜'],
  ...[
    '葱',
    '蒜',
    '大蒜',
    '生姜',
    '姜',
    '油菜',
    '生菜',
    '土豆',
    '洋芋',
    '冬瓜',
    '豆芽',
    '香菇',
    '木耳',
    '莲白',
    '包菜',
  ],
  ...[
    '卷心菜',
    '花菜',
    '西兰花',
    '蒜苗',
    '韭菜',
    '红薯',
    '番薯',
    '地瓜',
    '红苕',
    '山药',
    '藕',
    '莲藕',
    '苦瓜',
    '丝瓜',
    '青椒',
  ],
]);

// Food the village buys is 'meal' when a quarantined resident asks for it.
for (const w of ['大米', '米', '面粉', '挂面', '鸡蛋', '猪肉', '肉', '白菜', '萝卜', '土豆', '豆腐', '鱼']) {
  CATEGORY_OF.set(w, 'meal');
}

/** Known goods, longest first per first character, for greedy matching inside a run of text. */
const BY_FIRST = new Map<string, string[]>();
for (const w of CATEGORY_OF.keys()) {
  const f = w[0] as string;
  const list = BY_FIRST.get(f) ?? [];
  list.push(w);
  BY_FIRST.set(f, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.length - a.length);
/** 1 where a known goods word starts with this UTF-16 code: most characters are passed over with a byte read. */
const FIRST_CODES = new Uint8Array(0x10000);
for (const f of BY_FIRST.keys()) FIRST_CODES[f.charCodeAt(0)] = 1;

const SELLERS = [
  '酒店',
  '酒楼',
  '酒家',
  '酒席',
  '饭店',
  '饭馆',
  '饭堂',
  '茶馆',
  '茶楼',
  '菜市场',
  '菜场',
  '药店',
  '药房',
  '面馆',
];
const SELLS_FIRST = new Set(SELLERS.map((w) => w[0] as string));

export function goodsAt(text: string, i: number): string | null {
  const taught = taughtGoodsAt(text, i);
  // (charCodeAt is NaN past the end, and FIRST_CODES[NaN] undefined: no list either way)
  if (FIRST_CODES[text.charCodeAt(i)] !== 1) return taught;
  const list = BY_FIRST.get(text[i] ?? '');
  if (!list) return taught;
  // (隔壁酒店 / 药店买 / 饭堂: a place named by what it sells is no goods)
  if (SELLS_FIRST.has(text[i] as string) && SELLERS.some((w) => text.startsWith(w, i))) return taught;
  for (const w of list) if (text.startsWith(w, i)) return taught && taught.length > w.length ? taught : w;
  return taught;
}

/** The known goods word that ends `name` (大包抽纸 → 抽纸), or null. */
export function goodsSuffix(name: string): string | null {
  for (let i = 0; i < name.length; i++) {
    const tail = name.slice(i);
    if (CATEGORY_OF.has(tail)) return tail;
  }
  return null;
}

/** Characters that end names of goods even when the whole name is unknown (布洛芬片, 花生油, 玉米苗). */
const GOODS_TAIL = new Set(
  '药片剂膏液水油肥种苗籽膜米面粉菜果奶蛋肉纸巾罩套器机线灯鞋帽衣被袋盐糖酱醋茶烟酒饭包锅铲勺秤凳椅伞'.split(
    '',
  ),
);

export function looksLikeGoods(name: string): boolean {
  if (isTaughtGoods(name)) return true;
  if (CATEGORY_OF.has(name) || goodsSuffix(name) !== null) return true;
  return GOODS_TAIL.has(name[name.length - 1] ?? '');
}

export function categoryOf(name: string): RequestCategory {
  const direct = CATEGORY_OF.get(name) ?? CATEGORY_OF.get(recordedName(name));
  if (direct) return direct;
  const tail = goodsSuffix(name);
  if (tail) return CATEGORY_OF.get(tail) ?? 'other';
  if (name.includes('药') || isDrugName(name)) return 'medical';
  if (name.includes('口罩') || name.includes('消毒')) return 'protective';
  // (畀多张被: the quilt said by its one character, which is no goods word of its own — 被 is passive too)
  return name === '被' ? 'daily' : 'other';
}

export function isKnownGoods(name: string): boolean {
  return CATEGORY_OF.has(name) || isTaughtGoods(name);
}

const CIGARETTES = [
  '红塔山',
  '中华',
  '玉溪',
  '云烟',
  '黄鹤楼',
  '芙蓉王',
  '利群',
  '红河',
  '白沙',
  '红双喜',
  '南京',
  '娇子',
];
const MEAT_CUTS = new Set([
  '五花肉',
  '排骨',
  '瘦肉',
  '肥肉',
  '腊肉',
  '猪蹄',
  '猪脚',
  '里脊',
  '前腿肉',
  '后腿肉',
  '筒子骨',
  '猪肝',
]);
const FERTILISERS = [
  '复合肥',
  '尿素',
  '磷肥',
  '钾肥',
  '碳铵',
  '有机肥',
  '农家肥',
  '二铵',
  '磷酸二铵',
  '叶面肥',
];

/**
 * Is `name` a kind of the general word `general`? (化肥 ⊃ 复合肥, 种子 ⊃ 玉米种, 药 ⊃ 布洛芬, 水果 ⊃ 苹果.) Used so 要买化肥 两袋
 * 复合肥 orders the 复合肥 only.
 */
export function isKindOf(name: string, general: string): boolean {
  if (name === general) return false;
  if (general === '化肥' || general === '肥料') return FERTILISERS.includes(name) || name.endsWith('肥');
  if (general === '种子' || general === '菜种' || general === '菜籽' || general === '菜种子')
    return /(?:种|种子|籽)$/.test(name);
  if (general === '药') return categoryOf(name) === 'medical';
  if (general === '水果') return FRUITS.includes(name);
  // 帮俺买点菜 西红柿 黄瓜 茄子 各二斤: the vegetables named are the 菜
  if (general === '菜' || general === '蔬菜' || general === '青菜') return VEGETABLES.has(name);
  if (general === '烟' || general === '香烟') return CIGARETTES.includes(name);
  // 没得水喝了 送两瓶矿泉水来: the water meant is the kind named
  if (general === '水') return /(?:矿泉|纯净|开|热|温|凉白开|饮用)水$/.test(name);
  // 送点猪肉上来 三斤五花肉 两斤排骨: the cuts named are the meat
  if (general === '猪肉' || general === '肉') return MEAT_CUTS.has(name);
  // 膏药伤湿止痛膏: a plaster named by its proper name is the 膏药
  if (general === '膏药') return name.endsWith('膏') || name.endsWith('贴');
  if (general === '农药') return /剂$|杀虫|除草|杀菌|除虫|敌敌畏|百草枯|草甘膦/.test(name);
  // 降压药 卡托普利: a medicine named by its proper name is a kind of the medicine named by its use
  if (general.endsWith('药') && general.length > 1) return isDrugName(name);
  return false;
}

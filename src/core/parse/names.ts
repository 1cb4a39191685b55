// Reading the name of an item next to a quantity or after a verb: a run of Chinese (or N95-style) characters
// that ends at a stop word (verbs, pronouns, particles, politeness), a quantity, or punctuation.
import { isCjk, isDigit, isLatin } from './chars.js';
import { goodsAt, isKnownGoods, looksLikeGoods } from './item-lexicon.js';

const STOP_WORDS = [
  ...['谢谢', '感谢', '多谢', '辛苦', '麻烦', '拜托', '劳驾', '一下', '一起', '一共', '总共', '共计', '还有'],
  ...['另外', '以及', '或者', '还是', '然后', '加上', '外加', '可以', '可不可以', '能不能', '能否', '是否'],
  ...['有没有', '没有', '有点', '有些', '一点', '一些', '点儿', '这个', '那个', '什么', '多少', '怎么'],
  ...['马上', '尽快', '赶紧', '赶快', '快点', '立刻', '现在', '上来', '上去', '上门', '下来', '下去', '过来'],
  ...['过去', '回来', '回去', '里面', '家里', '屋里', '屋头', '开点', '开药', '用完', '用的', '用来', '就行'],
  ...['就好', '即可', '好吗', '行吗', '好不好', '大家', '各位', '需要', '想要', '代买', '代购', '帮忙'],
  ...['帮我', '送到', '放到', '收到', '知道', '明白', '莫得', '要得', '没得', '啥子', '好多', '好几', '换成'],
  ...['改成', '带到', '带来', '带过来', '带点', '带个', '带一', '带上', '带回', '下单', '报名', '接龙'],
  ...['我', '你', '他', '她', '它', '咱', '俺', '您', '买', '要', '订', '定', '帮', '给', '送', '拿', '来'],
  ...['借', '缺', '想', '换', '取', '领', '吃', '喝', '看', '放', '到', '去', '过', '弄', '搞', '整', '捎'],
  ...['请', '能', '是', '没', '再', '还', '也', '都', '就', '在', '把', '了', '吗', '呢', '吧', '啊', '呀'],
  ...['哈', '嘛', '啦', '哦', '噢', '喔', '哟', '咯', '嘞', '哇', '么', '和', '跟', '与', '及', '或', '每'],
  ...['这', '那', '哪', '些', '不', '别', '莫', '很', '太', '先', '又', '才', '已', '将', '让', '叫', '找'],
  ...['着', '得', '多', '少', '几', '各', '该', '可', '若', '如', '等', '向', '往', '从', '对', '于', '为'],
  ...['啥', '谁', '嗯', '呃', '额', '诶', '欸', '唉', '哎', '喂', '呗', '噻', '撒', '个', '下', '用', '带'],
  ...['加', '有', '说', '讲', '问', '谢', '烦', '好', '行', '点', '组', '村', '元', '钱', '价', '里', '后'],
  ...[
    '打发',
    '留',
    '剩',
    '注意',
    '戴',
    '穿',
    '记得',
    '种',
    '玩',
    '今',
    '明',
    '刚',
    '才',
    '正',
    '快',
    '慢',
    '急',
    '您',
    '咋',
    '怎',
    '能',
    '会',
    '应',
    '必',
    '总',
    '共',
  ],
];
const STOPS_BY_FIRST = new Map<string, string[]>();
for (const w of STOP_WORDS) {
  const list = STOPS_BY_FIRST.get(w[0] as string) ?? [];
  list.push(w);
  STOPS_BY_FIRST.set(w[0] as string, list);
}
for (const list of STOPS_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

/** Goods names that contain a stop character; a stop inside one of these is not a stop. */
const PROTECTED = [
  ...[
    '拖把',
    '扫把',
    '用品',
    '胶带',
    '鞋带',
    '带鱼',
    '腰带',
    '皮带',
    '有机肥',
    '加湿器',
    '可乐',
    '创可贴',
    '点心',
    '行李',
  ],
  ...['下饭菜', '不锈钢', '多肉', '少儿', '过滤', '好丽友', '开水', '来苏', '家用', '农用', '用具', '吃的'],
  ...[
    '喝的',
    '用的',
    '明信片',
    '对讲机',
    '快餐',
    '快递',
    '速效救心丸',
    '急救包',
    '应急灯',
    '总开关',
    '红花油',
  ],
  ...['后腿肉', '里脊', '火腿肠', '明矾', '正气水', '正气液', '藿香正气', '报纸', '能量棒', '给水', '电热毯'],
  ...['充电器', '充电宝', '充电线', '热水袋', '暖宝宝', '洗发水', '洗衣液', '洗手液', '老干妈', '小米'],
  ...[
    '过敏',
    ...['种子', '谷种', '稻种', '玉米种', '包谷种', '苞谷种', '菜种', '洋芋种', '土豆种', '红苕种', '红薯种'],
    ...['麦种', '豆种', '瓜种', '品种'],
    '过滤嘴',
    '小说',
    '说明书',
    '玩具',
    '黑芝麻',
    '麻油',
    '芝麻',
    '麻袋',
    '麻绳',
    '花椒',
    '鸡精',
    '味精',
    '生根粉',
    '营养土',
    '打火机',
    '火柴',
  ],
];
const PROTECT_BY_CHAR = new Map<string, [string, number][]>();
for (const p of PROTECTED) {
  for (let o = 0; o < p.length; o++) {
    const ch = p[o] as string;
    const list = PROTECT_BY_CHAR.get(ch) ?? [];
    list.push([p, o]);
    PROTECT_BY_CHAR.set(ch, list);
  }
}

function protectedAt(text: string, j: number): boolean {
  const list = PROTECT_BY_CHAR.get(text[j] ?? '');
  if (!list) return false;
  for (const [p, o] of list) if (j - o >= 0 && text.startsWith(p, j - o)) return true;
  return false;
}

/** Length of the stop word starting at j, or 0. 的 is a stop only when nothing name-like follows. */
export function stopAt(text: string, j: number): number {
  const ch = text[j] ?? '';
  if (ch === '的') {
    const next = text[j + 1];
    return isCjk(next) && stopAt(text, j + 1) === 0 ? 0 : 1;
  }
  const list = STOPS_BY_FIRST.get(ch);
  if (!list || protectedAt(text, j)) return 0;
  for (const w of list) if (text.startsWith(w, j)) return w.length;
  return 0;
}

export const MAX_NAME = 10;

const NON_GOODS = new Set([
  ...[
    '人',
    '人员',
    '天',
    '次',
    '回',
    '遍',
    '下',
    '些',
    '点',
    '会',
    '样',
    '种',
    '号',
    '楼',
    '组',
    '时间',
    '时候',
  ],
  ...[
    '事',
    '事情',
    '东西',
    '问题',
    '办法',
    '忙',
    '钱',
    '电话',
    '消息',
    '信息',
    '情况',
    '房间',
    '医生',
    '大夫',
  ],
  ...[
    '护士',
    '快递',
    '外卖',
    '儿',
    '心',
    '块钱',
    '人家',
    '家',
    '地方',
    '小时',
    '分钟',
    '周',
    '月',
    '年',
    '岁',
  ],
  ...['位', '趟', '声', '句', '话', '字', '眼', '口', '步', '天气', '体温', '温度', '核酸', '报告', '结果'],
  ...['证明', '名', '名额', '单', '订单', '群', '屋', '屋子', '车', '东东', '货', '物资', '门', '门口', '子'],
  ...['桶', '袋', '箱', '斤', '个', '份', '包', '瓶', '盒', '房', '床位', '层', '栋', '室', '水平', '度'],
  ...['体重', '身高', '年龄', '血压', '血氧', '心率', '电视', '空调', '时间', '位置'],
]);

function cleanName(raw: string): string | null {
  let name = raw;
  while (name.startsWith('的')) name = name.slice(1);
  while (name.endsWith('的') || name.endsWith('儿')) name = name.slice(0, -1);
  if (name.length === 0 || NON_GOODS.has(name)) return null;
  if (/^\d+$/.test(name) && !isKnownGoods(name)) return null;
  return name;
}

/** 象棋打发时间 → 象棋: a known goods word followed by something that is not goods is cut back to the word. */
function trimToGoods(name: string): string {
  if (isKnownGoods(name)) return name;
  const known = goodsAt(name, 0);
  if (known && known.length < name.length && !looksLikeGoods(name.slice(known.length))) return known;
  return name;
}

export interface NameSpan {
  start: number;
  end: number;
  name: string;
}

/** The name starting at i (one leading space allowed), or null. Stops at a quantity start in `qtyStarts`. */
export function readNameForward(text: string, i: number, qtyStarts: ReadonlySet<number>): NameSpan | null {
  let s = i;
  if (text[s] === ' ' && (isCjk(text[s + 1]) || isLatin(text[s + 1]))) s++;
  if (stopAt(text, s) > 0 || qtyStarts.has(s)) return null;
  let j = s;
  while (j < text.length) {
    if (j > s && qtyStarts.has(j)) break;
    const ch = text[j];
    if (isCjk(ch)) {
      if (j > s && stopAt(text, j) > 0) break;
    } else if (isDigit(ch)) {
      const prev = text[j - 1];
      if (!(j === s || isDigit(prev) || isLatin(prev))) break;
      if (qtyStarts.has(j)) break;
    } else if (!isLatin(ch)) break;
    j++;
    if (j - s > MAX_NAME) return null;
  }
  const raw = cleanName(text.slice(s, j));
  if (raw === null) return null;
  const name = trimToGoods(raw);
  const at = text.indexOf(name, s);
  return { start: at, end: at + name.length, name };
}

/** The name ending at e (spaces and a colon allowed in between): the last stop-free segment of the run. */
export function readNameBackward(text: string, e: number): NameSpan | null {
  let end = e;
  let skipped = 0;
  while (end > 0 && skipped < 2 && (text[end - 1] === ' ' || text[end - 1] === ':')) {
    end--;
    skipped++;
  }
  let s = end;
  while (s > 0 && end - s < 14) {
    const ch = text[s - 1];
    if (isCjk(ch) || isLatin(ch) || isDigit(ch)) s--;
    else break;
  }
  let seg = s;
  let k = s;
  while (k < end) {
    const ch = text[k];
    if (isDigit(ch) && !isLatin(text[k + 1]) && !isCjk(text[k + 1]) && !isDigit(text[k + 1])) {
      k++;
      seg = k;
      continue;
    }
    const len = isCjk(ch) ? stopAt(text, k) : 0;
    if (len > 0) {
      k += len;
      seg = k;
    } else k++;
  }
  if (seg >= end || end - seg > MAX_NAME || isDigit(text[end - 1])) return null;
  const raw = cleanName(text.slice(seg, end));
  if (raw === null) return null;
  const name = trimToGoods(raw);
  const at = text.indexOf(name, seg);
  return { start: at, end: at + name.length, name };
}

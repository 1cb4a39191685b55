// Quantity expressions: a number (5, 2.5, 两, 一百二十, 半) with a measure word (袋 斤 公斤 桶 …), inexact forms
// (两三个, 二十多斤, 几个) giving qty null, 一斤半 = 1.5, and the suffix form 化肥x2.
import { CN_DIGIT, isDigit, isLatin } from './chars.js';
import { CN_NUMERAL_CHARS, parseNumber } from './numerals.js';
import { taughtUnitAt } from './vocabulary.js';

export interface QtyHit {
  /** Start of the whole expression (the number, or the x of x2). */
  start: number;
  end: number;
  qty: number | null;
  unit: string | null;
  /** x2 / ×2 / *2 after a name: the name is always before. */
  suffix: boolean;
}

export const UNITS = [
  ...[
    '三轮',
    '公斤',
    '千克',
    '毫升',
    'kg',
    'KG',
    'Kg',
    'ml',
    'ML',
    '斤',
    '袋',
    '桶',
    '箱',
    '瓶',
    '包',
    '个',
    '盒',
    '壶',
  ],
  ...[
    '件',
    '支',
    '把',
    '份',
    '罐',
    '串',
    '提',
    '本',
    '条',
    '床',
    '双',
    '副',
    '块',
    '片',
    '卷',
    '根',
    '张',
    '只',
    // (鱼苗两万尾: fish fry are counted by the tail)
    '尾',
    // (香菇菌棒1000棒: mushroom logs by the log)
    '棒',
  ],
  ...[
    '颗',
    '粒',
    '板',
    '听',
    '套',
    '台',
    '碗',
    '杯',
    '捆',
    '筐',
    '担',
    '驮',
    '挑',
    '罐车',
    '车',
    '吨',
    '升',
    'L',
    '盆',
    '盘',
    '棵',
  ],
  ...[
    '株',
    '管',
    '剂',
    '贴',
    '顶',
    '节',
    '挂',
    '排',
    '封',
    '沓',
    '卷',
    '大袋',
    '小袋',
    '大包',
    '小包',
    '大桶',
  ],
  ...[
    '小桶',
    '大瓶',
    '小瓶',
    '大箱',
    '小箱',
    '斗',
    '坛',
    '篮',
    '兜',
    '克',
    'g',
    'G',
    'l',
    '对',
    '打',
    '扎',
    '樽',
  ],
];
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const u of UNITS) {
  const list = UNITS_BY_FIRST.get(u[0] as string) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u[0] as string, list);
}
for (const list of UNITS_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

export function unitAt(text: string, i: number): string | null {
  const list = UNITS_BY_FIRST.get(text[i] ?? '');
  // 两方水: a cubic metre of water a truck brings (方 is no unit elsewhere: 地方, 方便)
  if (text[i] === '方' && text[i + 1] === '水') return '方';
  // 两背水: water carried in a back basket (背 is no measure elsewhere unless the site teaches it)
  if (text[i] === '背' && text[i + 1] === '水') return '背';
  if (!list) return taughtUnitAt(text, i);
  for (const u of list) {
    if (!text.startsWith(u, i)) continue;
    // Latin units must stand alone: 5kg yes, 5kgs or 2Lemon no.
    if (isLatin(u[0]) && isLatin(text[i + u.length])) continue;
    return u;
  }
  return null;
}

const CN_SET = new Set(CN_NUMERAL_CHARS.split(''));
const CONTAINER_SUFFIX = new Set(['袋', '箱', '盒', '瓶', '桶', '包', '篮', '兜']);
/** Digits next to each other (两三, 七八) or 几 make a number inexact: the qty is null. */
const RANGE_RE = /^[一二两三四五六七八九十几]*[一二两三四五六七八九][一二两三四五六七八九][十百千]?$|几/;

const TIME_AFTER_GE_RE = /^(?:小时|钟头|月|星期|礼拜|工作|半小|多小|多月|人)/;

const TITLE_AFTER_RE = /^(?:老师|大爷|大妈|大娘|阿姨|叔叔|医生|师傅|婆婆|奶奶|爷爷|嬢嬢|姐|哥|总|书记)/;

const CANDIDATE_RE = /[0-9零〇一二两三四五六七八九十百千万几半壹贰叁肆伍陆柒捌玖廿卅xX×*]/g;

export function findQuantities(text: string): QtyHit[] {
  const hits: QtyHit[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i] as string;
    const start = i;
    let numText = '';
    if (isDigit(ch)) {
      if (isDigit(text[i - 1]) || text[i - 1] === '.' || isLatin(text[i - 1]) || text[i - 1] === '第') {
        i++;
        continue;
      }
      let j = i;
      while (j < n && isDigit(text[j])) j++;
      if (text[j] === '.' && isDigit(text[j + 1])) {
        j++;
        while (j < n && isDigit(text[j])) j++;
      }
      if (text[j] === '.' && isDigit(text[j + 1])) {
        // 2020.2.15 and the like: skip the whole run
        while (j < n && (isDigit(text[j]) || text[j] === '.')) j++;
        i = j;
        continue;
      }
      numText = text.slice(i, j);
      // 2十斤 / 1百斤: a digit typed before a Chinese place word is that numeral (not 3千克, a unit)
      if (j - i === 1 && /[十百千]/.test(text[j] ?? '') && unitAt(text, j) === null) {
        let k = j;
        while (k < n && k - j < 4 && CN_SET.has(text[k] as string)) k++;
        numText = `${'〇一二三四五六七八九'[Number(ch)]}${text.slice(j, k)}`;
        j = k;
      }
      i = j;
    } else if (CN_SET.has(ch)) {
      let j = i;
      while (j < n && j - i < 8 && CN_SET.has(text[j] as string)) j++;
      numText = text.slice(i, j);
      // 一三轮水: one load of the three-wheeler (三轮), no 13
      if (text[j] === '轮' && numText.length >= 2 && numText.endsWith('三')) {
        numText = numText.slice(0, -1);
        j--;
      }
      i = j;
      if (text[start - 1] === '第' || /^[万百千拾佰仟]/.test(numText)) continue;
    } else if ((ch === 'x' || ch === 'X' || ch === '×' || ch === '*') && !isLatin(text[i - 1])) {
      let j = i + 1;
      while (text[j] === ' ') j++;
      const ds = j;
      while (j < n && j - ds < 4 && isDigit(text[j])) j++;
      if (j > ds && !isDigit(text[j]) && !isLatin(text[j]) && text[j] !== '.') {
        // 送水 x3桶, 牙膏 x1支: the measure word after the count is its unit
        const unit = unitAt(text, j);
        if (unit) j += unit.length;
        hits.push({
          start,
          end: j,
          qty: Number(text.slice(ds, j - (unit?.length ?? 0))),
          unit,
          suffix: true,
        });
        i = j;
      } else i++;
      continue;
    } else {
      // jump to the next character that can start a quantity (most of a message cannot)
      CANDIDATE_RE.lastIndex = i + 1;
      const next = CANDIDATE_RE.exec(text);
      i = next ? next.index : n;
      continue;
    }
    let inexact = false;
    let k = i;
    if (text[k] === '多' || text[k] === '来' || text[k] === '余') {
      inexact = true;
      k++;
    }
    if (text[k] === ' ') k++;
    const unit = unitAt(text, k);
    if (unit === null) {
      // 斤半猪肉: a 斤 and a half, the one left unsaid
      if (
        numText === '半' &&
        text[start - 1] === '斤' &&
        !CN_SET.has(text[start - 2] ?? '') &&
        !isDigit(text[start - 2])
      ) {
        hits.push({ start: start - 1, end: i, qty: 1.5, unit: '斤', suffix: false });
        continue;
      }
      // 二两花椒 / 三两茶叶: 两 after a digit is the weight (50 g), not the number two
      const liang = /^([一二三四五六七八九十半]{1,2})两$/.exec(numText);
      const weight = liang?.[1] ? parseNumber(liang[1]) : null;
      // (花椒二两: after the goods, closing the clause, too)
      if (weight !== null && !inexact && /[\u4e00-\u9fa5\s,，。、;；]|^$/.test(text[i] ?? '')) {
        hits.push({ start, end: i, qty: weight, unit: '两', suffix: false });
      }
      continue;
    }
    // 38个小时 / 3个月 / 两个人: a span of time or a count of people, not of goods
    if (unit === '个' && TIME_AFTER_GE_RE.test(text.slice(k + 1, k + 3))) continue;
    // 1920 张老师: 张 before a title is a surname, the number a room
    if (unit === '张' && TITLE_AFTER_RE.test(text.slice(k + 1, k + 4))) continue;
    // 手套一对 is a pair; 36.5对吗 / 3对不对 asks whether it is right
    if (unit === '对' && /^(?:吗|么|不|吧|了|啊)/.test(text.slice(k + 1, k + 2))) continue;
    // 一打鸡蛋 is a dozen; 打针, 打药, 打电话 are things done
    if (
      unit === '打' &&
      !/^\s*(?:鸡蛋|蛋|啤酒|袜子|毛巾|口罩|铅笔|$|[\s,，。])/.test(text.slice(k + 1, k + 4))
    )
      continue;
    let end = k + unit.length;
    let value = parseNumber(numText);
    if (value === null) {
      if (!RANGE_RE.test(numText)) continue;
      inexact = true;
    }
    if (text[end] === '半' && value !== null && Number.isInteger(value)) {
      value += 0.5;
      end++;
    } else if (unit === '斤' && value !== null && Number.isInteger(value) && text[end + 1] === '两') {
      // 一斤二两 = 1.2 斤 (ten 两 to the 斤): one plain digit before the 两
      const liang = /[一二三四五六七八九]/.test(text[end] ?? '') ? CN_DIGIT[text[end] as string] : undefined;
      if (liang !== undefined) {
        value = Math.round((value + liang / 10) * 10) / 10;
        end += 2;
      }
    }
    if (text[end] === '子' && CONTAINER_SUFFIX.has(unit)) end++;
    if (text.startsWith('左右', end) || text.startsWith('上下', end) || text[end] === '多') inexact = true;
    if (value === 0) continue;
    hits.push({ start, end, qty: inexact ? null : value, unit, suffix: false });
    i = end;
  }
  return hits;
}

// Small readers for villagers' messages the parser leaves alone: a place given after an order
// (送到三组), whether a message without records was still meant for the volunteers, and orders that are
// really withdrawals (不要化肥了).
import { ITEM_ALIASES } from '../parse/index.js';
import type { CancelRecord, OrderRecord } from '../records.js';
import { villageGroupOf } from './places.js';

const PLACE_ONLY_RE =
  /^(?:请|麻烦)?(?:送到|送去|送给|送|地址(?:是|在)?[:：]?|我(?:家)?(?:在|住在?)|住在?|在)\s*([^，,。!！?？\s]{1,20}?)(?:去|来)?(?:吧|哈|哦|，?谢谢)?[。！!]*$/;
const PLACE_WORD_RE = /[组社队村号湾坡沟院]/;

/** `送到三组`, `地址：五组12号`, `我家在3社` → the place; null otherwise. */
export function placeOnly(text: string): string | null {
  const m = PLACE_ONLY_RE.exec(text.trim());
  const place = m?.[1];
  if (!place) return null;
  return villageGroupOf(place) || PLACE_WORD_RE.test(place) ? place : null;
}

const GOODS_WORDS = [...new Set(ITEM_ALIASES.flatMap((a) => [a.canonical, ...a.aliases]))].filter(
  (w) => w.length >= 2,
);
const MEANT_RE =
  /\d|[一二两三四五六七八九十几半]\s*(?:袋|斤|桶|箱|瓶|包|个|盒|壶|件|支|把|份|罐|提|公斤)|要|买|送|帮|订|代|缺|取消|不用了/;
const QUESTION_RE = /多少钱|价格|价钱|几块|什么时候|啥时候|几点|有没有|哪天|吗[？?]?$|[？?]$/;

/** A message without records that still looks meant for the volunteers (kept for staff review). */
export function looksMeant(text: string): 'question' | 'unread' | null {
  const meant = MEANT_RE.test(text) || GOODS_WORDS.some((w) => text.includes(w));
  if (!meant) return null;
  return QUESTION_RE.test(text) ? 'question' : 'unread';
}

const NEGATED_RE =
  /^(?:我|我家|我们)?(?:就|也|暂时|先)?(?:不要|不用|不需要|不买|别买)再?(?:买|带|送)?(.{1,12}?)了?[。！!~～]*$/;

/**
 * `不要化肥了` read as an order of 化肥 (a parser slip): the withdrawal it is. Null when the order's
 * items are not all inside the negated phrase.
 */
export function negatedOrder(text: string, rec: OrderRecord): CancelRecord | null {
  const m = NEGATED_RE.exec(text.trim());
  const phrase = m?.[1];
  if (!phrase || rec.items.length === 0 || !rec.items.every((i) => phrase.includes(i.name))) return null;
  return { type: 'cancel', items: rec.items.map((i) => ({ name: i.name })) };
}

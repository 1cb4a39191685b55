// Bare numbers that can only be rooms: a 3-4 digit integer joined to a following temperature, one opening or
// closing a site's message, a room glued to the sender's name, and (in a residents' group) the one number that is
// nothing else. Rooms said with a word (2105房, 3栋201, 十二楼三号) are read in rooms.ts.
import { isCjk, isClauseEnd, type Mask } from './chars.js';
import { goodsAt } from './item-lexicon.js';
import { KIN } from './kin-words.js';
import { SURNAMES } from './name-words.js';
import type { NumToken } from './numbers.js';
import { unitAt } from './quantities.js';
import type { RoomHit } from './rooms.js';
import type { SlotHit } from './slots.js';
import type { TempHit } from './temperature.js';

// (1209 妈36.9: a parent said by one character)
const KIN_ALTERNATIVES = [
  ...KIN,
  '幺妹儿',
  '幺妹',
  '小妹',
  '妈',
  '爸',
  '娘',
  '爹',
  '阿姨',
  '叔叔',
  '大姐',
  '大哥',
  '阿婆',
  '阿公',
]
  .sort((a, b) => b.length - a.length)
  .join('|');
const BRIDGE_RE = new RegExp(
  // (1205 小刘36.7 / 1203 我36.5 / 618幺妹 36.5 / 711有点低烧 37.3: who in the room, or its fever, between the room
  // and the reading)
  `^[\\s:：,，、-]*(?:(?:我|[小老][${SURNAMES}]|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}|${KIN_ALTERNATIVES})\\s*)?(?:(?:一家)?[两二三四五六七八九]\\s*(?:口人|个人|口)[\\s:：,，]*)?(?:(?:有点|有些|还是|还在)?(?:低烧|发烧|高烧|发热)[\\s:：,，]*)?(?:(?:今天|今日)?(?:早上|早晨|上午|中午|下午|晚上|早|晚|体温|温度|测温|量了|是)[\\s:：]*)*$`,
);
const PEOPLE_COUNT_RE = /^(?:一家)?[两二三四五六七八九2-9]\s*(?:口人|个人|口)\s*$/;
/** A short name after a room number: 2105高某, 1506李, 2203王先生 (a surname-like first character). */
const GLUED_NAME_RE = new RegExp(`^[${SURNAMES}][\\u4e00-\\u9fa5]{0,2}(?:[^\\u4e00-\\u9fa5]|$)`);
const NOT_ROOM_AFTER = new Set([
  ...[
    '斤',
    '袋',
    '元',
    '块',
    '个',
    '号',
    '年',
    '月',
    '日',
    '楼',
    '层',
    '栋',
    '次',
    '天',
    '人',
    '户',
    '岁',
    '米',
    '克',
  ],
  ...[
    '公',
    '千',
    '桶',
    '箱',
    '瓶',
    '包',
    '件',
    '份',
    '分',
    '点',
    '时',
    '.',
    ':',
    '%',
    '组',
    '/',
    '度',
    '℃',
    '°',
  ],
]);

/**
 * Bare numbers that can only be rooms: a 3-4 digit integer joined to a following temperature by spaces,
 * punctuation or a slot word; or, in a quarantine-like message, one that opens or closes the message.
 */
/** 血压160 / 血糖110 / 心率96: another measure's number. */
const MEASURED_BEFORE_RE = /(?:血压|高压|低压|血糖|心率|脉搏|心跳|血氧)[:：是]?\s*$/;
/** 打120 / 拨110 / 叫119: an emergency line called. */
const HOTLINE_CALLED_RE = /(?:打|拨|叫|喊|联系)\s*(?:110|119|120|122)$/;

export function findBareRooms(
  text: string,
  numbers: readonly NumToken[],
  temps: readonly TempHit[],
  blocked: Mask,
  edgesAllowed: boolean,
  _slots: readonly SlotHit[],
  leftoverAllowed = false,
): RoomHit[] {
  // (快打120 我爸晕倒了: a hotline called is no room)
  const tokens = numbers.filter((t) => !HOTLINE_CALLED_RE.test(text.slice(Math.max(0, t.start - 3), t.end)));
  const hits: RoomHit[] = [];
  for (const t of temps) {
    let tok = lastTokenBefore(tokens, t.start);
    // (710 7:00 36.3℃: the clock time it was taken stands between the room and the reading)
    const clock = /\d{1,2}[:：]\d{2}\s*$/.exec(text.slice(0, t.start));
    if (clock && (!tok || tok.start >= clock.index)) tok = lastTokenBefore(tokens, clock.index);
    // (507 三口人 36.7 36.4 36.8: how many people the readings are, between the room and them)
    let bridgeEnd = clock && tok && tok.end <= clock.index ? clock.index : t.start;
    if (tok && PEOPLE_COUNT_RE.test(text.slice(tok.start, t.start))) {
      bridgeEnd = tok.start;
      tok = lastTokenBefore(tokens, tok.start);
    }
    if (!tok || !isBare(blocked, tok) || tok.start >= t.start) continue;
    // (血压160 体温36.6: a blood pressure, no room)
    if (MEASURED_BEFORE_RE.test(text.slice(Math.max(0, tok.start - 3), tok.start))) continue;
    if (startsAt(temps, tok.start)) continue;
    if (BRIDGE_RE.test(text.slice(tok.end, bridgeEnd)))
      hits.push({ start: tok.start, end: tok.end, room: tok.int });
  }
  if (!edgesAllowed) return hits;
  const first = tokens[0];
  if (first && isBare(blocked, first) && !startsAt(hits, first.start) && !startsAt(temps, first.start)) {
    const lead = text.slice(0, first.start);
    const after = text[first.end];
    // (8803：\n① 纸巾 ×2 — a colon after the room, then the list; 8:30 is a time)
    const labelled = after === ':' && !/\d/.test(text[first.end + 1] ?? '');
    if (
      OPENING_RE.test(lead) &&
      (labelled || !NOT_ROOM_AFTER.has(after ?? '')) &&
      hasContentAfter(text, first.end)
    ) {
      hits.push({ start: first.start, end: first.end, room: first.int });
      // 2010 2011 都是36.5 / 2201 2202 两个房间…: rooms listed one after another open the message together
      let prev = first;
      for (const t of tokens) {
        if (t.start <= prev.start) continue;
        if (!isBare(blocked, t) || startsAt(temps, t.start) || startsAt(hits, t.start)) break;
        if (!/^[\s、,，和]+$/.test(text.slice(prev.end, t.start))) break;
        if (NOT_ROOM_AFTER.has(text[t.end] ?? '')) break;
        hits.push({ start: t.start, end: t.end, room: t.int });
        prev = t;
      }
    }
  }
  // 2105高某: a room glued to the sender's name, as WeChat nicknames and reports are written
  for (const t of tokens) {
    if (!isBare(blocked, t) || startsAt(hits, t.start) || startsAt(temps, t.start)) continue;
    const before = text[t.start - 1];
    const after = text[t.end] ?? '';
    // (408包大爷: 包 is a surname before a title there, no measure)
    const titled = /^[包桶](?:大爷|大娘|大姐|大哥|阿姨|奶奶|爷爷|老师|师傅)/.test(
      text.slice(t.end, t.end + 3),
    );
    const glued =
      isCjk(after) &&
      (titled || (!NOT_ROOM_AFTER.has(after) && GLUED_NAME_RE.test(text.slice(t.end, t.end + 4))));
    if (glued && (before === undefined || before === ' ' || isClauseEnd(text, t.start - 1))) {
      hits.push({ start: t.start, end: t.end, room: t.int });
    }
  }
  const last = tokens[tokens.length - 1];
  // 快来人！！2307我老公晕倒了 / 救命啊 2008有人晕倒了: a room opening a clause, before who is in it (or what
  // it asks: 2210要一包抽纸)
  for (const t of tokens) {
    if (!isBare(blocked, t) || startsAt(hits, t.start) || startsAt(temps, t.start)) continue;
    const before = text[t.start - 1];
    if (
      (before === undefined || before === ' ' || isClauseEnd(text, t.start - 1)) &&
      (WHO_AFTER_RE.test(text.slice(t.end, t.end + 3)) || ASK_AFTER_RE.test(text.slice(t.end, t.end + 2)))
    ) {
      hits.push({ start: t.start, end: t.end, room: t.int });
    }
  }
  // 我量36.6 1605 她说… / 饭还没送来 1804 都一点半了: a 3-4 digit number standing alone between spaces, with no
  // measure after it, is the room (one room a message: only when none is named otherwise)
  if (hits.length === 0)
    for (const t of tokens) {
      if (!isBare(blocked, t) || startsAt(temps, t.start)) continue;
      if (text[t.start - 1] !== ' ' || text[t.end] !== ' ') continue;
      if (NOT_ROOM_BEFORE_RE.test(text.slice(Math.max(0, t.start - 7), t.start))) continue;
      const next = text.slice(t.end).trimStart()[0] ?? '';
      if (
        NOT_ROOM_AFTER.has(next) ||
        /[\d.]/.test(next) ||
        (/\d/.test(text[t.start - 2] ?? '') && !temps.some((x) => x.end === t.start - 1))
      )
        continue;
      hits.push({ start: t.start, end: t.end, room: t.int });
      break;
    }
  if (hits.length === 0 && leftoverAllowed) {
    const left = leftoverRoom(text, tokens, temps, blocked);
    if (left) hits.push(left);
  }
  if (last && isBare(blocked, last) && !startsAt(temps, last.start) && !startsAt(hits, last.start)) {
    const before = text[last.start - 1];
    // …快点叫医生来1402 (voice input runs the room on after the last word): four digits closing the message
    const runOn = last.end - last.start === 4 && isCjk(before) && !/[第共约花用付欠赚]/.test(before ?? '');
    if (
      (before === ' ' || before === '(' || isClauseEnd(text, last.start - 1) || runOn) &&
      CLOSING_RE.test(text.slice(last.end))
    ) {
      if (!startsAt(hits, last.start)) hits.push({ start: last.start, end: last.end, room: last.int });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Words before a number that make it a count, a price, a phone or a code, never a room. */
const NOT_ROOM_BEFORE_RE =
  /(?:第|共|约|花|付|欠|赚|价|¥|￥|\$|尾号|号码|电话|手机|打前台|拨前台|前台(?!\s)|座机|分机|内线|密码|验证码|编号|单号|工号|车牌|身高|体重|血压|高压|低压|心率|心跳|脉搏|血糖|血氧|年龄|今年|出生|No\.?|-|\/|:|：\s*\d)\s*$/;

/**
 * In a residents' group, a 3-4 digit whole number that is nothing else — no reading, no measure or unit after it,
 * no count/price/phone word before it, no digits glued to it — is the sender's room wherever it stands
 * (阿拉1207，今朝37度1 / 8301报到 / 36.7，1210，都没有咳嗽). Only when it is the one such number (or the same
 * number repeated): two different ones leave the room unread rather than guessed.
 */
function leftoverRoom(
  text: string,
  tokens: readonly NumToken[],
  temps: readonly TempHit[],
  blocked: Mask,
): RoomHit | undefined {
  let found: RoomHit | undefined;
  for (const t of tokens) {
    if (!isBare(blocked, t) || temps.some((x) => x.start <= t.start && t.start < x.end)) continue;
    const after = text.slice(t.end).trimStart();
    const next = after[0] ?? '';
    if (NOT_ROOM_AFTER.has(next) || /[\dA-Za-z.,，]\d/.test(after.slice(0, 2)) || unitAt(after, 0) !== null)
      continue;
    // (1506 mom 36.6: a word in Latin letters after a space is no part of the number)
    if (/[A-Za-z\d]/.test(text[t.end] ?? '') || /\d/.test(next) || /[A-Za-z]/.test(text[t.start - 1] ?? ''))
      continue;
    // 999感冒灵 / 361度: a number glued to the goods' name is the brand, no room
    if (goodsAt(text, t.end) !== null) continue;
    if (NOT_ROOM_BEFORE_RE.test(text.slice(Math.max(0, t.start - 6), t.start))) continue;
    if (found && found.room !== t.int) return undefined;
    found ??= { start: t.start, end: t.end, room: t.int };
  }
  return found;
}

/** Who is in a room named right before: 2307我老公…, 2008有人…, 1806家里… */
const WHO_AFTER_RE = /^(?:我|有人|家里|屋里|房里)/;
/** A floor volunteer's clause for one room: 2210要一包抽纸, 2118说嗓子有点疼. */
const ASK_AFTER_RE = /^(?:要|需要|想要|还要|再要|说)/;
/** What may close a message after its room: punctuation, thanks and the like (…故事书 我们是1102谢谢谢谢). */
const CLOSING_RE =
  /^[\s\p{P}\p{S}]*(?:(?:谢谢|多谢|感谢|辛苦|麻烦|不急|了|啦|哈|呀|啊|哦|你们|您|大家)[\s\p{P}\p{S}]*)*$/u;

/** What may come before a room that opens a message: a greeting, then 我是/我住. */
// (白医生：212 复测36.3 / 小马：306娃娃复测36.9: the sender's name or role and a colon before the room)
const OPENING_RE =
  /^[\s(（【[]*(?:(?![\u4e00-\u9fa5]{0,3}(?:体温|温度|测温|时间|日期))[\u4e00-\u9fa5]{1,5}[:：]\s*)?(?:(?:你好|您好|你们好|医生好|护士好|老师好|打扰了|打扰一下|麻烦了?|请问|hello|hi|喂|更正一下|更正|纠正一下|纠正|补报|补一下|不好意思)[\s,，!！~。:：]*)?(?:我是|我在|我住|刚才)?$/i;

function isBare(blocked: Mask, t: NumToken): boolean {
  return (
    t.frac === null &&
    t.groups === 1 &&
    t.int.length >= 3 &&
    t.int.length <= 4 &&
    !blocked.any(t.start, t.end)
  );
}

function startsAt(spans: readonly { start: number }[], pos: number): boolean {
  for (const s of spans) if (s.start === pos) return true;
  return false;
}

function lastTokenBefore(tokens: readonly NumToken[], pos: number): NumToken | undefined {
  let found: NumToken | undefined;
  for (const t of tokens) {
    if (t.end <= pos) found = t;
    else break;
  }
  return found;
}

function hasContentAfter(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (isCjk(text[i])) return true;
  return false;
}

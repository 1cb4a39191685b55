// Room numbers the sender names: 2105房, 房间2105, 我是2210的, 3栋201 → 3-201, 8-305, a bare 3-4 digit number
// right before a temperature (2105 36.6), or one that opens a message in a quarantine-like group (1203 能…).
import { isCjk, isClauseEnd, MAX_HITS, type Mask } from './chars.js';
import { goodsAt } from './item-lexicon.js';
import { SURNAMES } from './name-words.js';
import type { NumToken } from './numbers.js';
import { chineseToNumber } from './numerals.js';
import { unitAt } from './quantities.js';
import type { SlotHit } from './slots.js';
import type { TempHit } from './temperature.js';

export interface RoomHit {
  start: number;
  end: number;
  room: string;
}

const CN_SEQ = '[零〇一二三四五六七八九幺]';
const ROOM_RE = new RegExp(
  [
    // building + room: 8栋305, 3号楼201, A座1205, 8#305, 8-305, 8栋3楼305
    '(?<![\\dA-Za-z])(\\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,3})\\s*(?:栋|幢|号楼|座|#|-)\\s*(?:\\d{1,2}(?:楼|层)\\s*)?(\\d{3,4})(?![\\d.])(?:号房间|号房|房间|房|室|号)?',
    // A1203 36.5: a building letter glued to the room, before a space or 房
    '(?<![\\dA-Za-z])([A-H])(\\d{3,4})(?=\\s|房|室|号|$)',
    // 2105房 / 2105房间 / 2105室 / 2105号
    '(?<![\\d.])(\\d{3,4})\\s*(?:号房间|号房|房间|房|室|号|住户|的住户|房客)(?![楼床线码院门机栋])',
    // 房间2105 / 房号:2105 / 房间号 2105
    '(?:房间号|房号|房间|房)\\s*(?:号)?\\s*(?:是)?\\s*[:：]?\\s*(\\d{3,4})(?![\\d.])',
    // 我是2210的 / 我住2210 / 我在2210
    '我(?:是|在|住在|住的|住)\\s*(?:那个|这个)?\\s*(\\d{3,4})(?![\\d.])',
    // 送到2105 / 给2105送
    '(?:送到|送至|送去|放到|拿到|到|给)\\s*(\\d{3,4})(?![\\d.])(?!\\s*(?:元|块|斤|个|号|年|月|日|点|:|%|组|人|次|天))',
    // voice input spells digits out: 二一零五房间, 我是二一零五的
    `(${CN_SEQ}{3,4})(?:号房间|号房|房间|房|室)`,
    `我(?:是|在|住)(${CN_SEQ}{3,4})(?=的|号|房|[^一-龥]|$)`,
    // 我是十二楼零六的: floor, then the room on it, as spoken
    '我(?:是|在|住在|住)([一二三四五六七八九十]{1,3})楼(零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)(?=的|号|房|[^一-龥]|$)',
    // 帮隔壁2306的刘爷爷报一下: the room of the person reported for
    `(?<![\\d.])(\\d{3,4})的(?=[${SURNAMES}老]?(?:爷爷|奶奶|婆婆|大爷|大娘|阿姨|叔叔|伯伯|老人|孩子|小孩|住户|老师))`,
    // 她是1408的 / 我奶奶在2010 / 他在1910 / 我们是2104 / 给我们1603送: where the person reported for lives
    '(?:她|他|我们|我家|咱们|(?<![牛酸羊豆椰炼办])[爷奶婆公妈爸姐哥弟妹娘叔姨])(?:是|在|住在|住)?\\s*(\\d{3,4})(?![\\d.])(?!\\s*(?:元|块|斤|个|号楼|年|月|日|点|:|%|组|人|次|天|岁|度|℃|斤|袋|桶|箱|瓶|包|盒|件|份|克|米))',
  ].join('|'),
  'g',
);

const ENGLISH_ROOM_RE = /\b(?:[Rr]oom|ROOM)\s*(?:[Nn]o\.?)?\s*[:：]?\s*(\d{3,4})(?!\d|\.\d)/g;
const FLOOR_NUMBER_RE =
  /(?<![\d一二三四五六七八九十])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*楼\s*(\d{1,2}|[零一二三四五六七八九十]{1,3})\s*号(?:房间|房)?(?!楼)/g;
const FLOOR_ROOM_RE = /(?<![\d.])(\d{1,2})\s*楼\s*(\d{2})(?![\d.])(?:号房间|号房|房间|房|室|号)?/g;

function cnDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const v = ch === '幺' ? 1 : chineseToNumber(ch === '〇' ? '零' : ch);
    out += String(v ?? 0);
  }
  return out;
}

function spokenRoom(floor: string, rest: string): string | undefined {
  const f = chineseToNumber(floor);
  const r = chineseToNumber(rest.replace('零', ''));
  if (f === null || r === null || f < 1 || f > 99 || r < 1 || r > 99) return undefined;
  return String(f * 100 + r);
}

function buildingNumber(s: string): string {
  if (/^\d+$/.test(s)) return String(Number(s));
  if (/^[A-Za-z]$/.test(s)) return s.toUpperCase();
  const v = chineseToNumber(s);
  return v === null ? s : String(v);
}

export function findExplicitRooms(text: string): RoomHit[] {
  if (
    !/\d{3}|[零〇一二三四五六七八九幺]{3}|楼[零一二三四五六七八九十]/.test(text) &&
    !/\d\s*楼\s*\d/.test(text)
  )
    return [];
  const hits: RoomHit[] = [];
  for (const m of text.matchAll(ROOM_RE)) {
    if (hits.length >= MAX_HITS) break;
    const start = m.index;
    const end = start + m[0].length;
    let room: string | undefined;
    if (m[1] !== undefined && m[2] !== undefined) room = `${buildingNumber(m[1])}-${m[2]}`;
    else if (m[3] !== undefined && m[4] !== undefined) room = `${m[3]}-${m[4]}`;
    else if (m[11] !== undefined && m[12] !== undefined) room = spokenRoom(m[11], m[12]);
    else
      room =
        m[13] ??
        m[14] ??
        m[5] ??
        m[6] ??
        m[7] ??
        m[8] ??
        (m[9] ? cnDigits(m[9]) : m[10] ? cnDigits(m[10]) : undefined);
    if (room !== undefined) hits.push({ start, end, room });
  }
  // Room 8311. / room 2310, as a foreign resident writes it; 12楼05: the floor, then the room's two digits
  if (text.includes('oom') || text.includes('OOM'))
    for (const m of text.matchAll(ENGLISH_ROOM_RE))
      hits.push({ start: m.index, end: m.index + m[0].length, room: m[1] as string });
  if (text.includes('楼')) {
    for (const m of text.matchAll(FLOOR_ROOM_RE)) {
      if (hits.some((h) => m.index < h.end && m.index + m[0].length > h.start)) continue;
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        room: String(Number(m[1]) * 100 + Number(m[2])),
      });
    }
    // 十二楼三号 / 12楼3号: the floor, then the room's number on it, as said
    for (const m of text.matchAll(FLOOR_NUMBER_RE)) {
      if (hits.some((h) => m.index < h.end && m.index + m[0].length > h.start)) continue;
      const floor = /^\d+$/.test(m[1] as string) ? Number(m[1]) : chineseToNumber(m[1] as string);
      const n = /^\d+$/.test(m[2] as string)
        ? Number(m[2])
        : chineseToNumber((m[2] as string).replace(/^零/, ''));
      if (floor === null || n === null || floor < 1 || floor > 99 || n < 1 || n > 99) continue;
      hits.push({ start: m.index, end: m.index + m[0].length, room: String(floor * 100 + n) });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  return hits;
}

const BRIDGE_RE =
  /^[\s:：,，、-]*(?:(?:今天|今日)?(?:早上|早晨|上午|中午|下午|晚上|早|晚|体温|温度|测温|量了|是)[\s:：]*)*$/;
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
export function findBareRooms(
  text: string,
  tokens: readonly NumToken[],
  temps: readonly TempHit[],
  blocked: Mask,
  edgesAllowed: boolean,
  _slots: readonly SlotHit[],
  leftoverAllowed = false,
): RoomHit[] {
  const hits: RoomHit[] = [];
  for (const t of temps) {
    const tok = lastTokenBefore(tokens, t.start);
    if (!tok || !isBare(blocked, tok) || tok.start >= t.start) continue;
    if (startsAt(temps, tok.start)) continue;
    if (BRIDGE_RE.test(text.slice(tok.end, t.start)))
      hits.push({ start: tok.start, end: tok.end, room: tok.int });
  }
  if (!edgesAllowed) return hits;
  const first = tokens[0];
  if (first && isBare(blocked, first) && !startsAt(hits, first.start) && !startsAt(temps, first.start)) {
    const lead = text.slice(0, first.start);
    const after = text[first.end];
    if (OPENING_RE.test(lead) && !NOT_ROOM_AFTER.has(after ?? '') && hasContentAfter(text, first.end)) {
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
    const glued =
      isCjk(after) && !NOT_ROOM_AFTER.has(after) && GLUED_NAME_RE.test(text.slice(t.end, t.end + 4));
    if (glued && (before === undefined || before === ' ' || isClauseEnd(text, t.start - 1))) {
      hits.push({ start: t.start, end: t.end, room: t.int });
    }
  }
  const last = tokens[tokens.length - 1];
  // 快来人！！2307我老公晕倒了 / 救命啊 2008有人晕倒了: a room opening a clause, before who is in it
  for (const t of tokens) {
    if (!isBare(blocked, t) || startsAt(hits, t.start) || startsAt(temps, t.start)) continue;
    const before = text[t.start - 1];
    if (
      (before === undefined || before === ' ' || isClauseEnd(text, t.start - 1)) &&
      WHO_AFTER_RE.test(text.slice(t.end, t.end + 3))
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
  /(?:第|共|约|花|付|欠|赚|价|¥|￥|\$|尾号|号码|电话|手机|密码|验证码|编号|单号|工号|车牌|身高|体重|血压|高压|低压|心率|心跳|脉搏|血糖|血氧|年龄|今年|出生|No\.?|-|\/|:|：\s*\d)\s*$/;

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
    if (/[A-Za-z\d]/.test(next) || /[A-Za-z]/.test(text[t.start - 1] ?? '')) continue;
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
/** What may close a message after its room: punctuation, thanks and the like (…故事书 我们是1102谢谢谢谢). */
const CLOSING_RE =
  /^[\s\p{P}\p{S}]*(?:(?:谢谢|多谢|感谢|辛苦|麻烦|不急|了|啦|哈|呀|啊|哦|你们|您|大家)[\s\p{P}\p{S}]*)*$/u;

/** What may come before a room that opens a message: a greeting, then 我是/我住. */
const OPENING_RE =
  /^[\s(（【[]*(?:(?:你好|您好|你们好|医生好|护士好|老师好|打扰了|打扰一下|麻烦了?|请问|hello|hi|喂|更正一下|更正|纠正一下|纠正|补报|补一下|不好意思)[\s,，!！~。:：]*)?(?:我是|我在|我住|刚才)?$/i;

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

/**
 * Voice typing spells a room out digit by digit: 一二零三, 二二零五的, 八八一三. A run of three or four spoken digits
 * standing on its own (no 十/百/点/度 or measure beside it) is no quantity, price or reading in words: it is
 * written as digits, so the room readers above see it wherever a typed room would stand.
 */
const SPELLED_RE =
  /(?<![零〇一二三四五六七八九幺十百千万点度两几第])([一二三四五六七八九幺][零〇一二三四五六七八九幺]{2,3})(?![零〇一二三四五六七八九幺十百千万点度两几个斤袋桶包瓶箱盒块元岁年月日号楼层栋次天人遍趟])/g;

export function spellRoomDigits(text: string): string {
  if (!/[零〇一二三四五六七八九幺]{3}/.test(text)) return text;
  return text.replace(SPELLED_RE, (run) => cnDigits(run));
}

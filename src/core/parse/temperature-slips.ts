// What makes a slip (365, 3.65) a reading when no temperature word or slot stands before it: the words beside it.
import { matchesOf } from './chars.js';
import { KIN } from './kin-words.js';
import type { NumToken } from './numbers.js';

/** 我365 婆姨364 娃37.0: a slip right after one of a family's words, beside another's reading. */
const KIN_WORDS = [...KIN, '我', '俺', '额'].sort((a, b) => b.length - a.length).join('|');
const KIN_BEFORE_RE = new RegExp(`(?:${KIN_WORDS})\\s?$`);
const KIN_READING_RE = new RegExp(`(?:${KIN_WORDS})\\s?(?:\\d|[三四]十)`, 'g');

const KIN_AFTER_ROOM_RE = new RegExp(`(?<=^\\d{3,4})\\s*(?:${KIN_WORDS})$`);
const FULL_READING_RE = /(?<![\d.])3[4-9](?:\.\d|度\d)|三十[四五六七八九]度[一二三四五六七八九]/;

const KIN_READING_NEXT_RE = new RegExp(`^\\s+(?:${KIN_WORDS})\\s?(?:\\d|[三四]十)`);

function kinListSlip(text: string, tok: NumToken): boolean {
  // 刘洋 365 老婆 36.4: a slip right before the next of a family's readings
  if (KIN_READING_NEXT_RE.test(text.slice(tok.end, tok.end + 8))) return true;
  if (!KIN_BEFORE_RE.test(text.slice(Math.max(0, tok.start - 5), tok.start))) return false;
  // (老周早上36度4老伴365: or after kin beside a reading written out in full)
  // (杨德明 365 老汉 364: or after a slip of the family's before it)
  return (
    matchesOf(KIN_READING_RE, text).length >= 2 ||
    FULL_READING_RE.test(text) ||
    /(?:^|\s)3[5-9]\d\s/.test(text.slice(0, tok.start))
  );
}

const DAY_BEFORE_SLIP_RE = /(?:今天|今早|今晚|昨晚|今日)(?:的)?(?:体温|温度)?\s*$/;
const SLIP_FEVER_RE = /^\s*(?:度|℃)?\s*(?:有点|有些|还是|还|也)?(?:低烧|发烧|发热)/;

/** 3.65 1710 / 1710 3.65: a slip and a room, nothing else — a report. */
function roomBeside(text: string, tok: NumToken): boolean {
  const rest = `${text.slice(0, tok.start)} ${text.slice(tok.end)}`.trim();
  // (0921 娃娃365: the room, then whose the slip is)
  const bare = rest.replace(KIN_AFTER_ROOM_RE, '');
  return /^\d{3,4}$/.test(bare) && bare !== tok.int;
}

/** A slip (365, 3.65) backed by what stands beside it: a room alone, a family's list, the day, a fever said. */
export function slipBeside(text: string, tok: NumToken, end: number): boolean {
  return (
    roomBeside(text, tok) ||
    kinListSlip(text, tok) ||
    // 马阿舅 今天3.65: the day said right before the slip, as before a reading
    DAY_BEFORE_SLIP_RE.test(text.slice(Math.max(0, tok.start - 6), tok.start)) ||
    // 375 有点低烧: a fever said right after the slip
    SLIP_FEVER_RE.test(text.slice(end, end + 8)) ||
    // 365 1210 麻烦…: a slip opening the message, its room right after
    (tok.start === 0 && /^\s+\d{4}(?![\d.])/.test(text.slice(end, end + 6)))
  );
}

/** 3. 373 36.4: a line of a list opening with the room, its reading right after — the room is no slip. */
export function roomOpeningListLine(text: string, tok: NumToken): boolean {
  return (
    /(?:^|\n)\s*(?:早上|上午|中午|下午|晚上|早|晚)?\s*(?:\d{1,2}\s*[.、．)]\s*)?$/.test(
      text.slice(Math.max(0, tok.start - 9), tok.start),
    ) && /^\s+(?:3[4-9]|4[0-2])(?:\.\d|度\d)/.test(text.slice(tok.end, tok.end + 8))
  );
}

const BARE_NUMBERS_RE = /(?<![\d.])\d{3,4}(?![\d.])/g;

/**
 * 题温三十六度四 405: a reading written in full stands in the message, so a bare three digits with no family word
 * before it is a room; 还有216 365 373没报: three bare numbers or more in one message are rooms, not slips.
 */
export function slipAmongRooms(text: string, tok: NumToken): boolean {
  if (kinListSlip(text, tok)) return false;
  // (一次365一次36.6: one measuring of two, said in parallel)
  if (
    /(?:一次|一回|第一次|第一回|头一次|头回|先是|开始是)\s*$/.test(
      text.slice(Math.max(0, tok.start - 4), tok.start),
    )
  )
    return false;
  if (FULL_READING_RE.test(text)) return true;
  return (text.match(BARE_NUMBERS_RE)?.length ?? 0) >= 3;
}

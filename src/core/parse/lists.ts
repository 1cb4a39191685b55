// Lists pasted into a group that are no numbered 接龙: a table of orders (姓名 物品 数量 地点, or 赵婆婆 面粉 10斤 6组 a
// line) read like 接龙 lines with no number, and readings a line under a heading (今早全组体温：\n张强 36.5), each
// given the name on its line and the heading's part of the day.
import type { HealthRecord } from '../records.js';
import { type Jielong, type JielongLine, MAX_JIELONG_LINES } from './jielong.js';
import { readLine } from './jielong-line.js';
import { SURNAMES } from './name-words.js';

/** Endings of hamlets in a roster row (as places.ts reads them, kept short here). */
const PLACE_END = '沟|湾|塆|坝|坪|坎|垭|岭|嘴|坡|岩|口|寨|屯|庄|冲|畈|垅|院子|屋基|村';

/** A part of the day in a roster's heading (or on its line). */
const HEADING_SLOT_RE = /今早|今晚|早上|上午|中午|下午|晚上|早晨|傍晚/;

/** A resident's name standing alone on a temperature line (1. 1203 张伟 36.5 / 张强 36.5). */
const ROSTER_NAME_RE = new RegExp(
  `(?:^|\\s)([${SURNAMES}][\\u4e00-\\u9fa5]{1,2})\\s*[:：]?\\s*(?=\\d{2}(?:\\.\\d)?\\s*(?:度|℃)?(?:\\s*$|\\s+[\\u4e00-\\u9fa5]))`,
);

/** 刘洋 石板沟 36.5 / 李光荣家儿子 36.9: the name, its hamlet between it and the reading (a name's kin after 家). */
const NAME_THEN_PLACE_RE = new RegExp(
  `(?:^|\\s)([${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?(?:家(?:儿子|女儿|孩子|老人|媳妇|老婆|娃|闺女))?)\\s+(?:[\\u4e00-\\u9fa5]{1,4}(?:${PLACE_END})|(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[组社队])\\s*[:：]?\\s*(?=\\d{2}(?:\\.\\d)?(?![\\d.])|三十[四五六七八九])`,
);
/** 李光荣家儿子 36.9: a named household's child or elder on the row. */
const KIN_OF_NAME_RE = new RegExp(
  `(?:^|\\s)([${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?家(?:儿子|女儿|孩子|老人|媳妇|老婆|娃|闺女))\\s*[:：]?\\s*(?=\\d{2}(?:\\.\\d)?(?![\\d.])|三十[四五六七八九])`,
);
/** A row's name is no hamlet (石板沟 is no 石 surname). */
const PLACE_NAME_RE = new RegExp(`(?:${PLACE_END})$`);

/**
 * 1201 王 36.5 / 1205 张姐 37.6 有点咳 / 1206 Mike 36.6: a room, the resident's name (a surname alone, a foreign
 * name as written), then the reading.
 */
const ROOM_NAME_RE =
  /^\s*(?:\d{1,2}\s*(?:-|栋|号楼|幢)\s*)?\d{3,4}\s+(?!早|晚|中午|上午|下午|今|昨|体温|温度|报|正常)([\u4e00-\u9fa5]{1,3}|[A-Z][a-z]{1,11}(?: [A-Z][a-z]{0,11})?)\s*[:：]?\s*(?=\d{2}(?:\.\d)?(?![\d.])|三十[五六七八九])/;
/** 1206 ___ / 孙倩 ___ / 1206: a row of a roster left blank. */
const BLANK_ROW_RE =
  /^\s*(?:\d{3,4}|[\u4e00-\u9fa5]{1,4}|\d{3,4}\s+[\u4e00-\u9fa5]{1,4})\s*[_＿\-—.。…？?]*\s*$/;

function isRosterRow(line: string): boolean {
  return ROSTER_NAME_RE.test(line) || ROOM_NAME_RE.test(line);
}

/** A table's header row: the column names a volunteer types or pastes (姓名 物品 数量 地点). */
const TABLE_HEADER_RE =
  /^(?:姓名|名字|户主|物品|品名|商品|东西|数量|地点|地址|送到|组别|备注|[\s\t|/、,，])+$/;
/** 赵婆婆 面粉 10斤 6组: a name, then goods with a count, in columns. */
const TABLE_ROW_RE =
  /^(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[组社队][\s\t]*|[\u4e00-\u9fa5]{2,5}[\s\t]+)?[\u4e00-\u9fa5]{2,4}(?:[\s\t]+|\s*[:：]\s*)\S/;
/** 今天接到几户电话 我统一报一下： / 代报三户: a volunteer's heading over the households' rows. */
const RELAY_HEADING_RE = /[:：]\s*$|代报|统一报|帮[\u4e00-\u9fa5]{0,4}报|电话/;
/** 麻烦志愿队明天一起带上来: a closing line with no count, after the rows. */
const COUNTED_RE = /\d|[一二两三四五六七八九十半]\s*[袋桶包斤瓶箱盒件卷把支个罐壶提板]/;
/** Whom a row is for: a surname and a given name or a title (赵婆婆, 张德明, 老杨), never a day or a place. */
/** 1208 纸巾两包 / 2-205 拖鞋一双 / 3栋201 牙膏一支: a row opening with a room. */
const ROOM_ROW_RE = /^(?:\d{1,2}\s*[-栋]\s*)?\d{3,4}(?:房|室)?\s+[\u4e00-\u9fa5]/;
const PERSON_NAME_RE = new RegExp(`^(?:[${SURNAMES}][\\u4e00-\\u9fa5]{1,3}|[老小][${SURNAMES}])$`);

/**
 * A list pasted as a table, one household a row with no numbers (赵婆婆 面粉 10斤 6组 / 刘大爷 盐 2包 5组, or tab-
 * separated under 姓名 物品 数量 地点): read as a 接龙 whose lines have no number. Null unless every row after an
 * optional header names someone, then goods with a count.
 */
export function readTable(said: string): Jielong | null {
  // 今天统计的：老屋基 陈婆婆 盐两包；王家院子 王大爷 尿素两袋: rows parted by semicolons, a heading before a colon
  const input = said.includes('\n') || !/[；;]/.test(said) ? said : semicolonRows(said);
  if (!input.includes('\n')) return null;
  const rows = input
    .split('\n', MAX_JIELONG_LINES + 2)
    .map((r) => r.replace(/\t/g, ' ').trim())
    .filter((r) => r.length > 0);
  const first = rows[0];
  const header =
    first !== undefined && (TABLE_HEADER_RE.test(first) || RELAY_HEADING_RE.test(first))
      ? (rows.shift() as string)
      : '';
  // (都送岩脚: a closing line with no count; where it sends them all is every row's place)
  const closing =
    header && rows.length > 2 && !COUNTED_RE.test(rows[rows.length - 1] as string) ? rows.pop() : undefined;
  if (rows.length < 2) return null;
  const lines: JielongLine[] = [];
  for (const [k, raw] of rows.entries()) {
    // (1208 纸巾两包 / 2-205 拖鞋一双: a row may open with the room it is for)
    const roomRow = ROOM_ROW_RE.test(raw);
    if (!roomRow && !TABLE_ROW_RE.test(raw)) return null;
    const line = readLine(k + 1, raw, raw, null, null);
    if (!roomRow && (line.customer === null || !PERSON_NAME_RE.test(line.customer))) return null;
    if (line.items.length === 0 || line.items.some((i) => i.qty === null)) return null;
    lines.push(line);
  }
  return {
    header: closing?.includes('送') ? `${header}\n${closing}` : header,
    product: null,
    lines,
    unnumbered: true,
  };
}

function semicolonRows(text: string): string {
  const rows = text.replace(/\s*[；;]\s*/g, '\n');
  const heading = /^([^:：\n]{2,12}[:：])\s*/.exec(rows);
  return heading ? `${heading[1]}\n${rows.slice(heading[0].length)}` : rows;
}

/** Lines of `name reading` (after an optional heading), two or more; null when the text is not laid out so. */
export function rosterRows(text: string): string[] | null {
  if (!text.includes('\n')) return null;
  const lines = text
    .split('\n', 60)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length > 0 && !isRosterRow(lines[0] as string)) lines.shift();
  // 1206 ___: a row left blank is nobody's reading yet
  const rows = lines.filter((l) => !BLANK_ROW_RE.test(l));
  if (rows.length < 2 || !rows.every(isRosterRow)) return null;
  return rows;
}

/**
 * The readings of one line of a roster or temperature 接龙 (1. 1203 张伟 36.5): the heading's part of the day
 * (2月5日晚上体温) where the line names none, and the name on the line as each reading's person.
 */
export function namedReadings(
  line: string,
  heading: string,
  read: (text: string) => HealthRecord[],
): HealthRecord[] {
  const slot = HEADING_SLOT_RE.exec(heading)?.[0];
  const text = slot && !HEADING_SLOT_RE.test(line) ? `${slot} ${line}` : line;
  const rostered = ROSTER_NAME_RE.exec(text)?.[1];
  const name =
    NAME_THEN_PLACE_RE.exec(text)?.[1] ??
    KIN_OF_NAME_RE.exec(text)?.[1] ??
    (rostered && !PLACE_NAME_RE.test(rostered) ? rostered : undefined) ??
    ROOM_NAME_RE.exec(line)?.[1];
  // (龙阿婆 36.3: the row's name holds the kin word found in it)
  return read(text).map((h) =>
    name && (h.person === undefined || (name !== h.person && name.endsWith(h.person ?? '')))
      ? { ...h, person: name }
      : h,
  );
}

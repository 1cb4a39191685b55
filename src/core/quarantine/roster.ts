// A resident roster (CSV or a spreadsheet's first sheet) to resident rows: headers in Chinese or English,
// dates as people and Excel write them, every bad row reported by its row number with the reason.
import { ValidationError } from '../errors.js';
import { normalise } from '../parse/normalise.js';
import { FORMULA_START } from '../sheet.js';
import { daysBetween, isIsoDate } from '../time.js';
import { normaliseRoom } from './observation.js';

export type Cell = string | number | boolean | Date | null | undefined;

export interface RosterRow {
  /** 1-based row number in the file (the header is usually row 1). */
  row: number;
  name: string;
  room: string;
  start: string;
  days?: number;
  phone?: string;
  wechat?: string;
  /** Year of birth, from an age, a birth date or year, or the birth date in an ID card number. */
  born?: number;
}

type Field = 'name' | 'room' | 'start' | 'days' | 'phone' | 'wechat' | 'age' | 'born' | 'idCard';

/** Most data rows one roster may hold (a site's residents, many times over). */
export const MAX_ROSTER_ROWS = 5_000;

const HEADERS: Record<Field, readonly string[]> = {
  name: ['姓名', '名字', 'name'],
  room: ['房间号', '房号', '房间', 'room'],
  start: ['入住日期', '入住时间', '开始日期', '观察开始日期', 'start', 'startdate'],
  days: ['观察天数', '天数', 'days'],
  phone: ['手机号', '手机号码', '手机', '电话', '联系电话', 'phone', 'mobile'],
  wechat: ['微信昵称', '微信名', '群昵称', '微信', 'wechat'],
  age: ['年龄', '岁数', 'age'],
  born: [
    '出生日期',
    '出生年月',
    '出生年份',
    '出生年',
    '生日',
    'born',
    'birthyear',
    'birthdate',
    'dateofbirth',
  ],
  idCard: ['身份证号', '身份证号码', '身份证', '证件号码', '证件号', 'idcard'],
};
const LABEL: Record<Field, string> = {
  name: '姓名',
  room: '房间号',
  start: '入住日期',
  days: '观察天数',
  phone: '手机号',
  wechat: '微信昵称',
  age: '年龄',
  born: '出生日期',
  idCard: '身份证号',
};

const REQUIRED = ['name', 'room', 'start'] as const;

function headerColumns(cells: readonly Cell[]): Map<Field, number> {
  const columns = new Map<Field, number>();
  cells.forEach((c, i) => {
    const key = headerKey(cellText(c));
    for (const [field, names] of Object.entries(HEADERS) as [Field, readonly string[]][])
      if (names.includes(key) && !columns.has(field)) columns.set(field, i);
  });
  return columns;
}

const headerKey = (s: string) =>
  normalise(s)
    .toLowerCase()
    .replace(/[\s_*]|[(（][^)）]*[)）]/g, '');

export interface RosterCheck {
  /** The site's local today and observation days: rows whose dates look wrong are warned about. */
  today: string;
  observationDays: number;
}

/** A start this many days ahead is probably a typing slip (a year or a month off). */
const FUTURE_WARN_DAYS = 30;

export function readRoster(
  rows: readonly (readonly Cell[])[],
  check?: RosterCheck,
): { rows: RosterRow[]; problems: string[]; warnings: string[] } {
  const filled = rows.flatMap((r, i) => (r.some((c) => cellText(c) !== '') ? [i] : []));
  if (filled.length === 0) throw new ValidationError('the roster is empty', ['文件里没有内容']);
  if (filled.length > MAX_ROSTER_ROWS + 1)
    throw new ValidationError('the roster has too many rows', [
      `名单最多 ${MAX_ROSTER_ROWS} 行，这个文件有 ${filled.length - 1} 行：请分成几个文件导入`,
    ]);
  // The header is the first row naming the required columns; a title row above it (“五指山观察点名单”) is fine.
  const headers = filled
    .slice(0, 5)
    .map((i) => ({ index: i, columns: headerColumns(rows[i] as readonly Cell[]) }));
  const found = headers.find((h) => REQUIRED.every((f) => h.columns.has(f)));
  if (!found) {
    const first = headers[0] as { index: number; columns: Map<Field, number> };
    const lacking = REQUIRED.filter((f) => !first.columns.has(f));
    throw new ValidationError('the roster header lacks columns', [
      `第${first.index + 1}行表头缺少“${lacking.map((f) => LABEL[f]).join('”“')}”列（可用：姓名、房间号、入住日期、观察天数、手机号、微信昵称、年龄或出生日期）`,
    ]);
  }
  const headerIndex = found.index;
  const columns = found.columns;

  const out: RosterRow[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i] as readonly Cell[];
    if (!cells.some((c) => cellText(c) !== '')) continue;
    const rowNo = i + 1;
    const get = (f: Field) => {
      const idx = columns.get(f);
      return idx === undefined ? undefined : cells[idx];
    };
    const why: string[] = [];
    const name = cellText(get('name'));
    if (!name) why.push('缺少姓名');
    else if (FORMULA_START.test(name)) why.push(`姓名“${name}”以 = + - @ 开头，像表格公式，请改正`);
    else if (name.length > 20) why.push(`姓名“${name}”太长`);
    const roomText = cellText(get('room'));
    const room = roomText ? normaliseRoom(roomText) : '';
    if (!room) why.push('缺少房间号');
    else if (room.length > 12) why.push(`房间号“${roomText}”不像房间号`);
    const startCell = get('start');
    const start = rosterDate(startCell);
    if (cellText(startCell) === '') why.push('缺少入住日期');
    else if (!start) why.push(`入住日期“${cellText(startCell)}”不是有效日期`);
    const daysText = cellText(get('days'));
    const days = daysText === '' ? undefined : Number(daysText);
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 60))
      why.push(`观察天数“${daysText}”应为 1 到 60 的整数`);
    const phone = cellText(get('phone'));
    if (phone && !/^\+?[\d\s-]{5,20}$/.test(phone)) why.push(`手机号“${phone}”不像电话号码`);
    const wechat = cellText(get('wechat'));
    if (wechat && FORMULA_START.test(wechat))
      why.push(`微信昵称“${wechat}”以 = + - @ 开头，像表格公式，请改正`);
    else if (wechat.length > 100) why.push('微信昵称太长');
    const born = birthYear(get('age'), get('born'), get('idCard'), start);
    if (born === 'bad') why.push('年龄或出生日期不对（年龄 0–120，出生日期如 1950-03-02，或 18 位身份证号）');
    if (why.length === 0) {
      const key = `${room}\u0000${name}`;
      const first = seen.get(key);
      if (first !== undefined) why.push(`与第${first}行重复（${room} ${name}）`);
      else seen.set(key, rowNo);
    }
    if (why.length) {
      problems.push(`第${rowNo}行：${why.join('；')}`);
      continue;
    }
    out.push({
      row: rowNo,
      name,
      room,
      start: start as string,
      ...(days !== undefined ? { days } : {}),
      ...(phone ? { phone } : {}),
      ...(wechat ? { wechat } : {}),
      ...(typeof born === 'number' ? { born } : {}),
    });
    if (check && start) {
      const ago = daysBetween(start, check.today);
      if (ago >= check.observationDays)
        warnings.push(
          `第${rowNo}行：入住日期 ${start} 在 ${ago} 天前，${days ?? check.observationDays} 天的观察期已过，导入后算作到期未解除，请核对`,
        );
      else if (-ago > FUTURE_WARN_DAYS)
        warnings.push(`第${rowNo}行：入住日期 ${start} 在 ${-ago} 天后，请核对`);
    }
  }
  return { rows: out, problems, warnings };
}

/**
 * The year of birth a row gives: an age (counted in the start's year), a birth date or year, or the birth
 * date inside an 18-digit ID card number (only the year is kept). undefined: none given; 'bad': unreadable.
 */
function birthYear(age: Cell, born: Cell, idCard: Cell, start: string | null): number | 'bad' | undefined {
  const thisYear = Number((start ?? '2020').slice(0, 4));
  const ok = (y: number) => (y >= 1900 && y <= thisYear ? y : 'bad');
  const a = cellText(age).replace(/岁$/, '');
  if (a) return /^\d{1,3}$/.test(a) && Number(a) <= 120 ? thisYear - Number(a) : 'bad';
  if (born instanceof Date || (typeof born === 'number' && born > 20000)) {
    const d = rosterDate(born);
    return d ? ok(Number(d.slice(0, 4))) : 'bad';
  }
  const b = cellText(born);
  if (b) {
    const y = /^(\d{4})(?:$|[-/.年]|\d{4}$)/.exec(b)?.[1];
    return y ? ok(Number(y)) : 'bad';
  }
  const id = cellText(idCard).replace(/\s/g, '');
  if (id) return /^\d{17}[\dXx]$/.test(id) ? ok(Number(id.slice(6, 10))) : 'bad';
  return undefined;
}

export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
  return normalise(String(c)).trim();
}

// Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); 20000–80000 is 1954–2119.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const fromSerial = (n: number) =>
  new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);

/**
 * A start date as rosters write it: 2020-02-07, 2020/2/7, 2020.2.7, 2020年2月7日, 20200207, an Excel date
 * cell (a Date at UTC midnight of the wall date, as exceljs reads it) or an Excel serial number.
 */
export function rosterDate(c: Cell): string | null {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  if (typeof c === 'number') return c > 20000 && c < 80000 ? fromSerial(c) : null;
  const s = cellText(c).replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  if (/^\d{5}(\.\d+)?$/.test(s)) return rosterDate(Number(s));
  const m = /^(\d{4})(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${(m[2] ?? m[4] ?? '').padStart(2, '0')}-${(m[3] ?? m[5] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

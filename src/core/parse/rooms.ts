// Room numbers the sender names with a word: 2105房, 房间2105, 我是2210的, 3栋201 → 3-201, 8-305, 十二楼三号,
// Room 8311, and rooms spelled out by voice input. Bare numbers that can only be rooms are in bare-rooms.ts.
import type { Vocabulary } from '../records.js';
import { MAX_HITS, type Mask, matchesOf } from './chars.js';
import { SURNAMES } from './name-words.js';
import type { NumToken } from './numbers.js';
import { chineseToNumber } from './numerals.js';

export interface RoomHit {
  start: number;
  end: number;
  room: string;
}

const CN_SEQ = '[零〇一二三四五六七八九幺]';
const ROOM_RE = new RegExp(
  [
    // building + room: 8栋305, 3号楼201, A座1205, 8#305, 8-305, 8栋3楼305
    // (B座八楼806: the floor said in words; 一号楼一零五三十六度五: the room spelt out by voice, a reading after it)
    `(?:(?:房间号|房号|房间)\\s*(?:是)?\\s*[:：]?\\s*)?(?<![\\dA-Za-z])(\\d{1,2}|[A-Za-z]|[一二三四五六七八九十幺]{1,3})\\s*(?:(?:栋|幢|号楼|座|区)\\s*-?|#\\s*楼?|-)\\s*(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})(?:楼|层)\\s*)?(\\d{3,4}(?![\\d.])|${CN_SEQ}{3}(?=[三四]十)|${CN_SEQ}{3,4}(?![十百点度零〇一二三四五六七八九幺]))(?:号房间|号房|房间|房|室|号)?`,
    // A1203 36.5 / Room A1509, 36.6: a building letter glued to the room, before a space, a comma or 房
    // (B108陈婆婆: a name glued after it)
    `(?<![\\dA-Za-z])([A-H])(\\d{3,4})(?=\\s|房|室|号|$|[,，.。;；:：]|早|晚|上午|下午|中午|体温|[${SURNAMES}](?:[\\u4e00-\\u9fa5]{1,2}|先生|女士|阿姨|婆婆|伯))`,
    // 2105房 / 2105房间 / 2105室 / 2105号
    '(?<![\\d.])(\\d{3,4})\\s*(?!(?:号房间|号房|房间|房号|房|室|号)[:：]?\\d{3,4}(?![\\d.]))(?:号房间|号房|房间|房|室|号|住户|的住户|房客)(?![楼床线码院门机栋])',
    // 房间2105 / 房号:2105 / 房间号 2105
    '(?<!换个?|调个?)(?:房间号|房号|房间|房)\\s*(?:号)?\\s*(?:是)?\\s*[:：]?\\s*(\\d{3,4})(?![\\d.])',
    // 我是2210的 / 我住2210 / 我在2210
    // (1108 我是1107的老娘: the kin of the one in another room, writing from the room named first)
    '我(?:是|在|住在|住的|住)\\s*(?:那个|这个)?\\s*(\\d{3,4})(?![\\d.])(?!的?(?:妈妈|妈|爸爸|爸|老娘|娘|爹|儿子|女儿|孙子|孙女|老婆|老公|家属|亲戚|邻居|姐姐|哥哥|弟弟|妹妹))',
    // 送到2105 / 给2105送
    '(?:送到|送至|送去|放到|拿到|到|给)\\s*(?!1[12][09](?!\\d))(\\d{3,4})(?![\\d.])(?!\\s*(?:元|块|斤|个|号|年|月|日|点|:|%|组|人|次|天))',
    // voice input spells digits out: 二一零五房间, 我是二一零五的
    `(${CN_SEQ}{3,4})(?:号房间|号房|房间|房|室)`,
    `我(?:是|在|住)(${CN_SEQ}{3,4})(?=的|号|房|[^一-龥]|$)`,
    // 我是十二楼零六的: floor, then the room on it, as spoken
    '我(?:是|在|住在|住)([一二三四五六七八九十]{1,3})楼(零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)(?=的|号|房|[^一-龥]|$)',
    // 帮隔壁2306的刘爷爷报一下: the room of the person reported for
    `(?<![\\d.])(\\d{3,4})的?(?=[${SURNAMES}老]?(?:爷爷|奶奶|婆婆|阿婆|阿公|阿伯|爹爹|大爷|大娘|大姐|大哥|大嫂|阿姨|叔叔|伯伯|老人|孩子|小孩|住户|老师))`,
    // 她是1408的 / 我奶奶在2010 / 他在1910 / 我们是2104 / 给我们1603送: where the person reported for lives
    // (老婆365: a reading with its point slipped, not a room)
    '(?:她|他|我们|我家|咱们|(?<![牛酸羊豆椰炼办干])[爷奶婆公妈爸姐哥弟妹娘叔姨])(?:是|在|住在|住)?\\s*(?!(?:3[5-9]|4[0-2])\\d(?![\\d.]))(\\d{3,4})(?![\\d.])(?!\\s*(?:元|块|斤|个|号楼|年|月|日|点|:|%|组|人|次|天|岁|度|℃|斤|袋|桶|箱|瓶|包|盒|件|份|克|米))',
    // 西楼702 / 东楼311 / 副楼105: a building named by its side or role keeps its name (rooms 702 stand in both)
    // (裙楼2-05 / 副楼3号: its floor and room, or a small annex's room by number, kept as written)
    '(?:(?<![\\u4e00-\\u9fa5])|(?<=[在住是到给]))([东西南北中前后](?:楼|栋|座|区)|[东西南北]?[副主新老附裙后前侗配侧翼]楼|(?:贵宾|综合|行政|办公|住院|门诊|宿舍|学生|教学|接待|培训|专家|职工)楼|别墅|(?:[前后东西南北]院)?平房|窑洞)\\s*(\\d{3,4}(?![\\d.])|\\d-\\d{1,2}(?![\\d.])|(?:\\d{1,2}|[一二三四五六七八九十]{1,2})[楼层](?:\\d{1,2}|[一二三四五六七八九十]{1,3})号|\\d{1,2}[楼层]\\d{2}(?![\\d.])|\\d{1,2}号(?![楼床\\d]))(?:号房间|号房|房间|房|室|(?<!号)号)?',
    // 隔壁8504是我爸 / 隔壁1206手机没电了 让我帮报: the room next door, whose reading is relayed
    '隔壁的?\\s*(\\d{3,4})(?![\\d.])(?=是|手机|让我|叫我|托我|[的个]?[\\u4e00-\\u9fa5]{1,3}(?:报一下|手机|让我|叫我|托我|喊我)|\\s*(?:3[4-9]|三十))',
  ].join('|'),
  'g',
);

const LETTER_ROOM_RE =
  /^\s*([A-H]\d{2})(?=\s|房|室|号|$|[,，.。;；:：]|回来|早|晚|上午|下午|中午|体温|能|要|帮|又|(?:3[4-9]|4[0-2])(?:\.\d|度))/;
/** 3栋2楼05 / A座3层12: a building, its floor and a two-digit room (3-205). */
const BUILDING_FLOOR_ROOM_RE =
  /(?<![\dA-Za-z])(\d{1,2}|[A-Za-z])\s*(?:栋|幢|号楼|座)\s*(\d{1,2})\s*(?:楼|层)\s*(\d{2})(?![\d.])(?:号房间|号房|房间|房|室|号)?/g;
/** A座6-12 / 3号楼6-12 / B区5-06: a building, then its floor and room with a dash, kept as written after the building (A-6-12). */
const BUILDING_DASH_ROOM_RE =
  /(?<![\dA-Za-z])(\d{1,2}|[A-Za-z])\s*(?:栋|幢|号楼|座|区)\s*(\d{1,2})\s*-\s*(\d{1,2})(?![\d.])(?:号房间|号房|房间|房|室|号)?/g;
const SUFFIXED_ROOM_RE = /(?<![\dA-Za-z.])(\d{3,4})([A-Ha-h])(?![A-Za-z\d])/g;
const UNIT_ROOM_RE =
  /(?<![\d.-])(\d{1,2})\s*(?:栋|幢|号楼|-)\s*(\d{1,2})\s*(?:单元|-)\s*(\d{3,4})(?![\d.-])(?:号房间|号房|房间|房|室|号)?/g;
const WARD_ROOM_RE = /(?:^\s*|病区\s*)(\d{1,2}-\d{2})(?![\d.-])(?=\s|复测|[\u4e00-\u9fa5]|$)/;
const ENGLISH_ROOM_RE = /\b(?:[Rr]oom|ROOM)\s*(?:[Nn]o\.?)?\s*[:：]?\s*(\d{3,4})(?!\d|\.\d)/g;
const FLOOR_NUMBER_RE =
  /(?<![\d一二三四五六七八九十])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*楼\s*(\d{1,2}|[零一二三四五六七八九十]{1,3})(?:\s*号(?:房间|房)?(?!楼)|(?<=楼零[一二三四五六七八九])(?=[\s,，]|$)|(?<=楼[零一二三四五六七八九十]{1,3})(?=\s+(?:早上|晚上|上午|下午|中午|体温)?\s*(?:三十[四五六七八九]|3[4-9](?:\.\d)?(?![\d.]))))/g;
const FLOOR_ROOM_RE =
  /(?<![\d.一二三四五六七八九十])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*楼\s*(\d{2})(?![\d.])(?:号房间|号房|房间|房|室|号)?/g;

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
  const v = chineseToNumber(s.replace(/幺/g, '一'));
  return v === null ? s : String(v);
}

export function findExplicitRooms(text: string): RoomHit[] {
  // B12 36.7 / A06 房间马桶堵了: a wing's letter and a two-digit room, opening the message
  // (病区2-11 / 2-11复测37.6: a ward's floor and two-digit room, after 病区 or opening the message)
  const lettered = LETTER_ROOM_RE.exec(text) ?? WARD_ROOM_RE.exec(text);
  const first: RoomHit[] = lettered
    ? [{ start: lettered.index, end: lettered.index + lettered[0].length, room: lettered[1] as string }]
    : [];
  if (
    !/\d{3}|[零〇一二三四五六七八九幺]{3}|楼[零一二三四五六七八九十]|[楼座栋幢区]\s*\d|(?:别墅|平房|窑洞)\s*\d/.test(
      text,
    ) &&
    !(text.includes('楼') && /\d\s*楼\s*\d/.test(text))
  )
    return first;
  const hits: RoomHit[] = first;
  if (text.includes('楼') || text.includes('层'))
    for (const m of matchesOf(BUILDING_FLOOR_ROOM_RE, text))
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        room: `${buildingNumber(m[1] as string)}-${Number(m[2])}${m[3]}`,
      });
  // 1108A / 1206a: a room with its letter after (a suite's side)
  if (/\d[A-Ha-h]/.test(text))
    for (const m of matchesOf(SUFFIXED_ROOM_RE, text))
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        room: `${m[1]}${(m[2] as string).toUpperCase()}`,
      });
  // 6号楼1单元302 / 6-1-302: a building, its stairway and the room (6-1-302)
  if (/单元|\d-\d{1,2}-\d{3}/.test(text))
    for (const m of matchesOf(UNIT_ROOM_RE, text))
      hits.push({ start: m.index, end: m.index + m[0].length, room: `${m[1]}-${Number(m[2])}-${m[3]}` });
  if (/[座栋幢楼区]\s*\d{1,2}\s*-/.test(text))
    for (const m of matchesOf(BUILDING_DASH_ROOM_RE, text))
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        room: `${buildingNumber(m[1] as string)}-${m[2]}-${m[3]}`,
      });
  for (const m of matchesOf(ROOM_RE, text)) {
    if (hits.some((h) => m.index < h.end && m.index + m[0].length > h.start)) continue;
    if (hits.length >= MAX_HITS) break;
    const start = m.index;
    const end = start + m[0].length;
    let room: string | undefined;
    if (m[1] !== undefined && m[2] !== undefined)
      room = `${buildingNumber(m[1])}-${/^\d+$/.test(m[2]) ? m[2] : cnDigits(m[2])}`;
    else if (m[3] !== undefined && m[4] !== undefined) room = `${m[3].toUpperCase()}${m[4]}`;
    else if (m[11] !== undefined && m[12] !== undefined) room = spokenRoom(m[11], m[12]);
    else if (m[15] !== undefined && m[16] !== undefined) {
      // (西楼3楼12号 / 南楼2层06: a floor and a room in digits are the building's room, 西楼-312, as 3栋201 is
      // 3-201; said in words, 综合楼四楼8号, it is kept as written)
      const floorRoom = /^(\d{1,2})[楼层](\d{2})号?$/.exec(m[16]);
      room = floorRoom ? `${m[15]}-${floorRoom[1]}${floorRoom[2]}` : `${m[15]}${m[16]}`;
    } else
      room =
        m[13] ??
        m[14] ??
        m[17] ??
        m[5] ??
        m[6] ??
        m[7] ??
        m[8] ??
        (m[9] ? cnDigits(m[9]) : m[10] ? cnDigits(m[10]) : undefined);
    if (room !== undefined) hits.push({ start, end, room });
  }
  // Room 8311. / room 2310, as a foreign resident writes it; 12楼05: the floor, then the room's two digits
  if (text.includes('oom') || text.includes('OOM'))
    for (const m of matchesOf(ENGLISH_ROOM_RE, text))
      hits.push({ start: m.index, end: m.index + m[0].length, room: m[1] as string });
  if (text.includes('楼')) {
    for (const m of matchesOf(FLOOR_ROOM_RE, text)) {
      if (hits.some((h) => m.index < h.end && m.index + m[0].length > h.start)) continue;
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        room: String(
          (/^\d+$/.test(m[1] as string) ? Number(m[1]) : (chineseToNumber(m[1] as string) ?? 0)) * 100 +
            Number(m[2]),
        ),
      });
    }
    // 十二楼三号 / 12楼3号 / 四楼十二 三十六点五: the floor, then the room's number on it, as said
    for (const m of matchesOf(FLOOR_NUMBER_RE, text)) {
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

/**
 * Voice typing spells a room out digit by digit: 一二零三, 二二零五的, 八八一三. A run of three or four spoken digits
 * standing on its own (no 十/百/点/度 or measure beside it) is no quantity, price or reading in words: it is
 * written as digits, so the room readers above see it wherever a typed room would stand. Voice input runs the
 * room into the reading said next (幺二零八三十六度五, 八幺二三十六度三): a run right before 三十…度/点 is the room.
 */
const SPELLED_RE =
  /(?<![零〇一二三四五六七八九幺十百千万点度两几第])([一二三四五六七八九幺][零〇一二三四五六七八九幺]{2,3})(?:(?![零〇一二三四五六七八九幺十百千万点度两几个斤袋桶包瓶箱盒块元岁年月日号楼层栋次天人遍趟])|(?=(?:三十[四五六七八九]|四十[一二]?)(?:度|点))|(?=[两三四五六七八九](?:个人|口人|个都)))/g;

export function spellRoomDigits(text: string): string {
  // 十二零三，三十六度八: a room said as floor then number (十二 then 零三) opening the message
  const said = text.includes('零')
    ? text.replace(FLOOR_THEN_ROOM_RE, (_m, f: string, r: string) => `1${cnDigits(f)}0${cnDigits(r)}`)
    : text;
  // (三零要的 / 四零要 三十六度似: voice input writes the room's 幺 as 要, after a floor and 零)
  const yao = said.includes('要') ? said.replace(SPOKEN_YAO_RE, '幺') : said;
  if (!/[零〇一二三四五六七八九幺]{3}/.test(yao)) return yao;
  return yao.replace(SPELLED_RE, (run) => cnDigits(run));
}

const SPOKEN_YAO_RE =
  /(?<=(?:^|[^零〇一二三四五六七八九幺十百千万点度两几第])[一二三四五六七八九][零〇])要(?=的|\s|$|[,，]|房|号|三十[四五六七八九](?:度|点))|(?<=(?:^|[^零〇一二三四五六七八九幺十百千万点度两几第])[一二三四五六七八九])要(?=[零〇一二三四五六七八九](?:的|房|号))/g;
const FLOOR_THEN_ROOM_RE = /^十([一二三四五六七八九])零([一二三四五六七八九])(?=[,，\s])/;

/** A room the group knows, written bare anywhere (要根数据线 1907 谢谢): the number can only be that room. */
export function knownRooms(text: string, tokens: readonly NumToken[], mask: Mask, v?: Vocabulary): RoomHit[] {
  const rooms = v?.rooms;
  if (!Array.isArray(rooms) || rooms.length === 0) return [];
  const out: RoomHit[] = [];
  for (const t of tokens) {
    if (t.frac !== null || mask.any(t.start, t.end) || !rooms.includes(t.int)) continue;
    if (/^\s*(?:元|块|斤|个|袋|桶|号|年|月|日|点|:|%|组|人|次|天)/.test(text.slice(t.end, t.end + 2)))
      continue;
    out.push({ start: t.start, end: t.end, room: t.int });
  }
  return out;
}

const SENTENCE_END_RE = /[。；;！!？?\n]/;

/**
 * 312刘淑芬36.5，314赵大爷36.4。另：314房的热水壶坏了 / 另：赵大爷…代购两盒: the one room said in the sentence at `at`,
 * or the room written before the person the sentence names; null in a message of one sentence, or when it says
 * neither.
 */
export function sentenceRoom(text: string, rooms: readonly RoomHit[], at: number): string | null {
  let s = Math.min(at, text.length);
  while (s > 0 && !SENTENCE_END_RE.test(text[s - 1] as string)) s--;
  let e = Math.min(at, text.length);
  while (e < text.length && !SENTENCE_END_RE.test(text[e] as string)) e++;
  if (s === 0) return null;
  const inside = rooms.filter((r) => r.start >= s && r.end <= e);
  if (inside.length > 0) return inside.length === 1 ? (inside[0] as RoomHit).room : null;
  const sentence = text.slice(s, e);
  for (const r of rooms) {
    const who = /^[\u4e00-\u9fa5]{2,4}?(?=\s*[，,:：]?\s*(?:早上|晚上|晚间)?\s*(?:3[4-9]|三十))/.exec(
      text.slice(r.end, r.end + 8),
    );
    if (who && sentence.includes(who[0])) return r.room;
  }
  return null;
}

/**
 * 值班记录 早 3栋 201 36.4 203 36.6 205 36.5: the rooms listed after one said with its building (3栋 201, 3-201) are
 * that building's — the building heads the list — as long as no other building is said.
 */
export function inBuildingSaid(text: string, rooms: readonly RoomHit[]): RoomHit[] {
  const head = rooms[0];
  const building = head ? /^(\d{1,2})-\d{3,4}$/.exec(head.room) : null;
  if (!head || !building || !/(?:栋|幢|号楼)\s+\d/.test(text.slice(head.start, head.end))) return [...rooms];
  if (rooms.some((r) => r !== head && r.room.includes('-'))) return [...rooms];
  return rooms.map((r) =>
    r === head || !/^\d{3,4}$/.test(r.room) ? r : { ...r, room: `${building[1]}-${r.room}` },
  );
}

export function roomFor(rooms: readonly RoomHit[], pos: number): string | null {
  let best: RoomHit | undefined;
  for (const r of rooms) if (r.end <= pos) best = r;
  return (best ?? rooms[0])?.room ?? null;
}

/** Where the last room said between two readings starts, if one is. */
export function roomBetween(rooms: readonly RoomHit[], from: number, to: number): number | null {
  let at: number | null = null;
  for (const r of rooms) if (r.start >= from && r.end <= to) at = r.start;
  return at;
}

/** 我妈37.5 说有点胸闷 她在1403: the room said of the one measured, after the reading and before the next. */
export function roomTold(text: string, rooms: readonly RoomHit[], from: number, to: number): string | null {
  const m = /(?:她|他)(?:住)?在\s*(\d{3,4})/.exec(text.slice(from, to));
  if (!m) return null;
  const at = from + m.index + m[0].length - (m[1] as string).length;
  return rooms.find((r) => r.start === at)?.room ?? (m[1] as string);
}

/** The room a reading (start..end) is for: said of the one measured after it, else the last said before it. */
export function roomOfReading(
  text: string,
  rooms: readonly RoomHit[],
  t: { start: number; end: number },
  next: number,
): string | null {
  return roomTold(text, rooms, t.end, next) ?? roomFor(rooms, t.start);
}

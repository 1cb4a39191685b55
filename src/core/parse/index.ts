// Message understanding: a WeChat group message to the records of CONTRACT.md section 2.
// Pure: no clock (time comes in as `at`), no I/O, and total — any string gives an array, never an exception.
import type { HealthRecord, ParsedRecord, ParseInput, Vocabulary } from '../records.js';
import { asWritten } from './as-written.js';
import { readCallReply } from './call-reply.js';
import { isJielongHeader, parseCommand } from './commands.js';
import { doubtStrangeGoods, undoubt } from './doubts.js';
import { drugNames } from './drugs.js';
import { householdParts, perDestination, perEach, perHousehold } from './households.js';
import { type Jielong, jielongOrders, readJielong as readJielongNormalised } from './jielong.js';
import { readListMessage } from './list-message.js';
import { namedReadings, rosterRows } from './lists.js';
import { localMoment } from './local-time.js';
import {
  dropGreetings,
  joinSpacedLetters,
  normalise,
  quotedWords,
  splitMorningEvening,
  stripMentions,
  stripQuote,
  tightenDecimals,
} from './normalise.js';
import { bestPlace, findPlaces } from './places.js';
import { parsePlain } from './plain.js';
import { findQuantities } from './quantities.js';
import { spellRoomDigits } from './rooms.js';
import { answersNamedComing, isStaffTalk } from './staff-talk.js';
import { glueGoodsToVerb } from './verb-items.js';
import { cleanVocabulary, recordedName, withVocabulary } from './vocabulary.js';
import { fixMeasureHomophones } from './voice.js';

export { canonicalItemName, ITEM_ALIASES } from './item-aliases.js';
export type { Jielong, JielongLine } from './jielong.js';
export { measuredAgain } from './measures.js';

const FORWARDED_NOTICE_RE =
  /^\s*(?:【转发?】|【转发?\s*[\u4e00-\u9fa5]{1,10}】|\[转发?\]|［转发?］|转发(?:一下)?(?:群公告|公告|通知)?\s*[:：【[]|转(?:发)?(?:一下)?[\u4e00-\u9fa5]{1,8}?(?:发|说)的(?:通知|消息|话)?\s*[:：【[]|转发(?:一下)?[\u4e00-\u9fa5]{1,8}?的\s*[:：【[]|转发(?:一下)?(?:村委会?|居委会|社区|镇上|镇政府|指挥部|医生|护士|工作人员|志愿队|志愿者)\s*[:：【[]|【(?:重要|紧急)?通知】|【[\u4e00-\u9fa5]{1,10}(?:通知|公告|通告)】|通知[:：]|【(?:温馨)?提示】|【[\u4e00-\u9fa5]{0,6}(?:卫生室|卫生院|卫生所|村委会?|居委会?|镇政府|指挥部|防控办|防控组|工作组)】|温馨提示[:：]|【公告】|【提醒】|(?:温馨)?提醒[:：]|转(?:发)?[:：]|转发[\u4e00-\u9fa5]{2,16}?(?:通知|公告|通告|提醒)[:：\s]|[\u4e00-\u9fa5]{0,8}请注意[:：])/;

const FORMAT_EXAMPLE_RE = /例[:：]|例如|比如|举例|如[:：]/;
/** 房间号+体温 / 名字+要啥: the fields of a report, joined by a plus. */
const FORMAT_SPEC_RE = /[\u4e00-\u9fa5]{2,4}\s*[+＋]\s*[\u4e00-\u9fa5]{2,4}/;
/** Gate for FORMAT_SPEC_RE: its fields are joined by a plus, so a message with no plus holds none. */
function hasFormatSpec(text: string): boolean {
  return (text.includes('+') || text.includes('＋')) && FORMAT_SPEC_RE.test(text);
}
const NUMBERED_LINE_RE = /\n\s*\d{1,3}\s*[.、．)]/;

/** Longest ordinary (non-接龙) message read. */
export const PLAIN_MAX = 3_000;

export function parseMessage(input: ParseInput): ParsedRecord[] {
  const vocabulary = withDrugNames(cleanVocabulary(input?.vocabulary), input?.text);
  const raw = typeof input?.text === 'string' ? input.text : '';
  if (!vocabulary) return callsAfterReports(asWritten(read(input, undefined).map(doubtStrangeGoods), raw));
  return callsAfterReports(
    asWritten(
      withVocabulary(vocabulary, () => read(input, vocabulary).map(doubtStrangeGoods).map(taughtNames)),
      raw,
    ),
  );
}

/**
 * Records in the order said (`感冒药帮我带一盒，家里娃娃有点流鼻涕` is the order, then the report), except that a call for
 * help naming nothing (`快来人 我老汉喘不上气`, `救命 1206 胸闷`) follows the report it is about, as staff and every
 * labeller list them.
 */
function callsAfterReports(records: ParsedRecord[]): ParsedRecord[] {
  const firstHealth = records.findIndex((r) => r.type === 'health');
  if (firstHealth <= 0 || !records.slice(0, firstHealth).some(isBareCall)) return records;
  let end = firstHealth;
  while (records[end]?.type === 'health') end++;
  const before = records.slice(0, firstHealth);
  return [
    ...before.filter((r) => !isBareCall(r)),
    ...records.slice(firstHealth, end),
    ...before.filter(isBareCall),
    ...records.slice(end),
  ];
}

function isBareCall(r: ParsedRecord): boolean {
  return r.type === 'request' && r.items.length === 0;
}

/** 奥美拉唑, 硝苯地平缓释片: medicines named by their endings are goods of this message, as if taught. */
function withDrugNames(v: Vocabulary | undefined, text: unknown): Vocabulary | undefined {
  const drugs =
    typeof text === 'string' ? drugNames(text.length > PLAIN_MAX ? text.slice(0, PLAIN_MAX) : text) : [];
  if (drugs.length === 0) return v;
  const goods: Record<string, string> = {};
  for (const d of drugs) goods[d] = d;
  if (!v) return { places: [], names: [], rooms: [], goods, units: [] };
  return { ...v, goods: { ...goods, ...v.goods } };
}

/** 苞米 taught as 玉米: goods the group taught are recorded under the name staff gave them. */
function taughtNames(r: ParsedRecord): ParsedRecord {
  if (r.type === 'order' || r.type === 'request') {
    for (const i of r.items) i.name = recordedName(i.name);
  } else if (r.type === 'cancel') for (const i of r.items) i.name = recordedName(i.name);
  return r;
}

const STAFF_ROLE_OPENING_RE =
  /^\s*(?:【(?:医护|医生|护士|值班|工作人员)[^】]{0,6}】|[\u4e00-\u9fa5]{0,3}(?:医生|护士|大夫)\s*[:：])/;

function read(input: ParseInput, vocabulary: Vocabulary | undefined): ParsedRecord[] {
  const raw = typeof input?.text === 'string' ? input.text : '';
  const whole = stripMentions(normalise(raw)).trim();
  const reply = stripQuote(whole);
  // (#已处理 3 4 5: a command's arguments keep their spaces)
  const text = /^[#＃]/.test(reply) ? reply : joinSpacedLetters(reply);
  if (text.length === 0) return [];
  if (text.startsWith('#') && !isJielongHeader(text)) {
    const cmd = parseCommand(text);
    return cmd ? [cmd] : [];
  }
  // 【转发】各位…请立即报告: a forwarded notice to everyone is nobody's report, request or order
  // (normalising drops a bracketed tag such as [转发] with WeChat's [微笑], so the raw text is looked at too)
  if (
    (FORWARDED_NOTICE_RE.test(text) || FORWARDED_NOTICE_RE.test(raw)) &&
    /各位|各村|各组|各户|通知|公告|通告|一律|规定|注意|提醒|及时|请|须|务必|应当?立即|严格|落实|不得|格式|例如|比如|例[:：]|者[,，]?可|可解除|报给|需要的|电话|热线/.test(
      text,
    )
  )
    return [];
  // 各位住户请注意：…请立即报告 / 4-202阿姨，37.1还在正常范围，多喝点热水: staff's notice or advice is nobody's report
  if (isStaffTalk(text) || (/^\s*@\S/.test(raw) && answersNamedComing(text))) return [];
  // 请大家按格式报体温：房号+体温，例：3栋201 36.5 / 发房间号+体温就行 比如…: the format shown by an example is
  // nobody's report (a 接龙 whose header shows the format still has its lines)
  if (
    (text.includes('格式') || hasFormatSpec(text) || /写上|写清|注明/.test(text)) &&
    FORMAT_EXAMPLE_RE.test(text) &&
    !isJielongHeader(text) &&
    !NUMBERED_LINE_RE.test(text)
  )
    return [];
  // #接龙 alone (or with its title) starts a list: nothing is ordered yet
  if (isJielongHeader(text) && !text.includes('\n')) return [];
  const jielong = readListMessage(text, input.context);
  if (jielong) {
    const opts = {
      at: input.at,
      context: input.context ?? ('quarantine' as const),
      timeZone: input.timeZone,
    };
    const readings = (line: string) => parsePlain(tightenDecimals(line), opts).filter(isHealth);
    // (a village's 体温接龙 of those back from Hubei is read as a residents' one)
    const healthOf = (line: string) => namedReadings(line, jielong.header, readings);
    return jielongOrders(jielong, localMoment(input.at, input.timeZone), healthOf, {
      quarantine: input.context === 'quarantine',
    });
  }
  // 今早全组返乡人员体温：\n张强 36.5\n李娟 36.7: a roster of readings, one resident a line
  const roster = rosterRows(text);
  if (roster) {
    const opts = { at: input.at, context: input.context, timeZone: input.timeZone };
    const heading = text.split('\n', 1)[0] as string;
    return roster.flatMap((row) =>
      namedReadings(row, heading, (line) => parsePlain(tightenDecimals(line), opts).filter(isHealth)),
    );
  }
  // An ordinary message is read up to PLAIN_MAX characters: far more than any report or request, and it keeps
  // the work on a pasted essay bounded. (A 接龙 above is read line by line up to its own limit.)
  const plain = glueGoodsToVerb(
    spellRoomDigits(
      fixMeasureHomophones(
        dropGreetings(
          splitMorningEvening(tightenDecimals(text.length > PLAIN_MAX ? text.slice(0, PLAIN_MAX) : text)),
        ),
      ),
    ),
  );
  const opts = { at: input.at, context: input.context, timeZone: input.timeZone, vocabulary };
  let records = parsePlain(plain, opts);
  // 白医生：212 复测36.3 润喉片一会儿送上来 / 白医生：302老人刚复测37.5 我马上过去: a doctor or nurse posting under
  // their role asks the site for nothing (what they bring or do is no resident's request)
  if (STAFF_ROLE_OPENING_RE.test(text)) records = records.filter((r) => r.type !== 'request');
  // 我家要米一袋 老李家要油一桶 都送到岩口: each household's clause is its own order
  const households = input.context === 'quarantine' ? null : householdParts(plain);
  if (households) records = perHousehold(records, households, (t) => parsePlain(t, opts)) ?? records;
  // 帮王婆婆和李大爷各带一袋米: the same goods for each person named
  if (input.context !== 'quarantine' && plain.includes('各')) records = perEach(records, plain) ?? records;
  // 两箱牛奶，一箱送三组我妈家，一箱送五组我家: one order shared between places
  if (input.context !== 'quarantine' && (plain.match(/送/g)?.length ?? 0) >= 2)
    records =
      perDestination(records, plain, (said) =>
        bestPlace(findPlaces(said.replace(/(?:我|你|他|她|俺)[\u4e00-\u9fa5]{0,2}家$/, ''))),
      ) ?? records;
  // 「2105王：体温计坏了」 能帮她送一个吗: a reply asking for what the quoted message named is read with it
  // (only what is asked: the quoted message's own reports were read when it was posted)
  const quoted = text === whole ? null : quotedWords(whole);
  // 「王医生：1803的 现在再量一下」 38度1 头更疼了: staff asking a room to measure again, the reply is that room's
  const askedRoom = quoted && input.context !== 'village' ? staffAskedRoom(whole) : null;
  if (askedRoom)
    for (const r of records)
      if ((r.type === 'health' && r.person === undefined) || r.type === 'request')
        if (r.room === null) r.room = askedRoom;
  // 「明天上午送水的在群里报一下」 我要两桶 送到白果湾: a reply to a volunteer's call books what was called for
  if (quoted && input.context !== 'quarantine') {
    const replied = readCallReply(quoted, plain, records, (t) => parsePlain(t, opts));
    if (replied) return [...records.filter((r) => r.type !== 'water' && r.type !== 'order'), ...replied];
  }
  // 我也要一桶 一样的: the same goods as the quoted message's, whatever the reply alone would read
  const same = quoted !== null && SAME_RE.test(text);
  if (quoted && ASKS_RE.test(text) && ASKS_FOR_RE.test(text) && (same || !records.some(asks))) {
    if (same)
      for (let k = records.length - 1; k >= 0; k--)
        if (asks(records[k] as ParsedRecord)) records.splice(k, 1);
    let joint = parsePlain(fixMeasureHomophones(tightenDecimals(`${quoted}，${plain}`)), opts);
    // (「周三送水两桶 五组」 我也要三桶 送到一组: the quoted booking and the reply's read apart; the reply's is the one)
    if (same && joint.filter((r) => r.type === 'water').length > 1)
      joint = joint.filter(
        (r, i) => r.type !== 'water' || joint.findLastIndex((x) => x.type === 'water') === i,
      );
    // 我也要两斤 一样的 送陈家沟: the goods are the quoted message's, the place the reply's own
    const own = bestPlace(findPlaces(plain));
    // 「李桂香：复合肥3袋」 帮我改成两袋: the quoted order changed — withdrawn, and ordered again at the new count
    const changes = CHANGE_RE.test(plain);
    for (const r of joint) {
      if (changes && r.type === 'cancel' && !records.some((x) => x.type === 'cancel')) {
        records.push(r);
        continue;
      }
      if (!asks(r)) continue;
      if (changes && r.type === 'order') r.customer = null;
      if (own && (r.type === 'order' || r.type === 'water')) r.deliverTo = own;
      // 我也要两桶: the reply's own barrels, on the quoted booking's day
      if (same && r.type === 'water') {
        const qs = findQuantities(plain).filter(
          (q) => q.qty !== null && (q.unit === '桶' || q.unit === '壶'),
        );
        if (qs.length === 1) {
          r.qty = (qs[0] as { qty: number }).qty;
          r.unit = (qs[0] as { unit: string }).unit;
        }
      }
      // 「1206 刘芳：能给我带本书吗」 我也想要一本，1209: the reply's own room, not the quoted person's
      if (same && r.type === 'request') {
        const ownRoom = OWN_ROOM_RE.exec(plain)?.[1];
        if (ownRoom) r.room = ownRoom;
      }
      // …the sender's own order, not the quoted person's
      if (same && r.type === 'order') r.customer = null;
      if (same && (r.type === 'order' || r.type === 'request')) {
        // 我也要两斤: the reply's own quantity of the one quoted goods is the order's (no loose end)
        const qs = findQuantities(plain).filter((q) => q.qty !== null && q.unit !== null);
        const only = r.items.length === 1 ? r.items[0] : undefined;
        if (only && qs.length === 1) {
          only.qty = (qs[0] as { qty: number }).qty;
          only.unit = (qs[0] as { unit: string }).unit;
          undoubt(r, 'pairing');
        }
      }
      records.push(r);
    }
  }
  return records;
}

/** 「王医生：1803的 现在再量一下」: staff (a title in the name) asking one room to measure or report. */
const STAFF_QUOTE_RE =
  /^「[^：:」]{0,8}(?:医生|护士|大夫|工作人员|值班|老师|助手)[^：:」]{0,4}[：:]\s*(?:(?:\d{1,2}[-栋])?(\d{3,4})(?![\d.])[^」]{0,20}(?:量|测|报)[^」]*|(\d{3,4})的[^」]*)」/;

function staffAskedRoom(whole: string): string | null {
  const m = STAFF_QUOTE_RE.exec(whole);
  const staff = m?.[1] ?? m?.[2];
  if (staff) return staff;
  // 「2208：2208 晚上 三十七度三」 我跟她一个房间的，我也量了 36.6: the quoted roommate's room
  return ROOMMATE_RE.test(stripQuote(whole)) ? (QUOTED_ROOM_RE.exec(whole)?.[1] ?? null) : null;
}

const ROOMMATE_RE = /一个房间|同一个房间|同一间|同屋|住一起|一起住/;
const QUOTED_ROOM_RE = /^「[^」]{0,12}?(?<![\d.])(\d{3,4})(?![\d.])/;

const ASKS_RE = /送|给|拿|带|要|买|换|借|改成|改为/;
const CHANGE_RE = /改成|改为/;
/**
 * The reply asks on its own or the quoted person's behalf (能帮她送一个吗, 我也要两斤); a reply that offers or
 * answers (我这里有一个多的 可以…拿过去, 今天卖完了 明天给你带) asks for nothing.
 */
const SAME_RE = /一样的|同样的|也要|也想要|也来/;
const OWN_ROOM_RE = /(?:^|[\s,，])(\d{3,4})(?=$|[\s,，。!！])/;
const ASKS_FOR_RE = /我也要|也要|也想要|我要|帮我|给我|帮她|帮他|给她|给他|能帮|能不能|能否|可以帮|麻烦/;

function asks(r: ParsedRecord): boolean {
  return r.type === 'request' || r.type === 'order' || r.type === 'water';
}

function isHealth(r: ParsedRecord): r is HealthRecord {
  return r.type === 'health';
}

/** The structure of a 接龙 (header, product, numbered lines), or null when the text is not one. */
export function readJielong(text: string): Jielong | null {
  if (typeof text !== 'string') return null;
  return readJielongNormalised(stripMentions(normalise(text)).trim());
}

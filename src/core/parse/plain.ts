// One ordinary message (not a command, not a 接龙) to records. Extractors run from the most certain to the
// least, each claiming its span in a mask so later ones never re-read it: rooms, temperatures, dates and
// times, symptoms, cancellations, places, then items.
import type { GroupContext, Item, ParsedRecord, Vocabulary } from '../records.js';
import { bareGoodsList, keepAskedFor } from './asked.js';
import { chasesEarlier, receivedOnly } from './asked-before.js';
import { findBareRooms } from './bare-rooms.js';
import { cancelRecord, findCancels } from './cancel.js';
import { blank, Mask, maskAll } from './chars.js';
import { claimNotGoods } from './claims.js';
import { inferContext } from './context.js';
import { customerBeside } from './customer-beside.js';
import { type DateHit, findDates } from './dates.js';
import { doubt } from './doubts.js';
import {
  changedGoods,
  namedMedicine,
  saidOnce,
  stillAskedFor,
  withdrawnHere,
  withoutAlternatives,
  withoutGeneral,
  withoutParcelContents,
} from './goods-choice.js';
import { type Anchored, buildHealth } from './health.js';
import { extractItems, type ItemHit } from './items.js';
import { asksAboutOnly, spentAlready, withoutMeasuringDevice } from './items-tidy.js';
import { type LocalDate, localMoment } from './local-time.js';
import { isNotAnOrder, withoutWithdrawals } from './not-an-order.js';
import { scanNumbers } from './numbers.js';
import { buildOrder } from './orders.js';
import { correctedQuantity, unpaired } from './pairing.js';
import { countPerHead, mayCountPerHead } from './per-head.js';
import { findPersons } from './persons.js';
import { bestPlace, findPlaces } from './places.js';
import { customerAsPlace, framedPlace, freeStandingPlace, waterOwnerPlace } from './places-free.js';
import { newPlace, readWater } from './plain-water.js';
import { bareCounted, plusCounted } from './plus-counts.js';
import { requestRoom } from './request-rooms.js';
import { asksForHelp, buildRequests, FEVER_C, helpRequest, parcelErrand } from './requests.js';
import { findExplicitRooms, inBuildingSaid, knownRooms, type RoomHit } from './rooms.js';
import { findSlots } from './slots.js';
import { findNormal, findSymptoms } from './symptoms.js';
import { findTemperatures, type TempHit } from './temperature.js';
import { villageDoctorCall } from './village-calls.js';
import { withdrawnDelivery } from './water-moves.js';
import { spreadWater } from './water-spread.js';

export interface PlainOptions {
  at?: Date;
  context?: GroupContext;
  timeZone?: string;
  vocabulary?: Vocabulary;
}

const PRESSURE_RE = /(?<!\d)\d{2,3}\s*\/\s*\d{2,3}(?![\d.])/g;
const NUMBERING_RE = /^[ \t]*(?:\d{1,2}[.、)](?![\d.])|[①-⑳]|\(\d{1,2}\))/gm;
const BUY_RE = /买|代购|代买|订|捎|带/;
const EITHER_COUNT_RE =
  /[\d一二两三四五六七八九十]+\s*[袋桶包斤瓶箱盒件板把个卷提支块壶罐]\s*还是\s*[\d一二两三四五六七八九十]+\s*[袋桶包斤瓶箱盒件板把个卷提支块壶罐]/;
const ORDER_VERB_RE = /买|要|订|带|捎|来|整|需要|送|拿/;
function byAt(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}

function byAnchor(a: Anchored<ParsedRecord>, b: Anchored<ParsedRecord>): number {
  return a.at - b.at;
}

function claim(mask: Mask, spans: readonly { start: number; end: number }[]): void {
  for (const s of spans) mask.set(s.start, s.end);
}

export function parsePlain(text: string, opts: PlainOptions): ParsedRecord[] {
  const mask = new Mask(text.length);
  if (text.includes('\n') || /^\s*(?:\d|[①-⑳(])/.test(text)) maskAll(mask, NUMBERING_RE, text);
  // 血压 160/100: a blood pressure is no room and no reading
  if (text.includes('/')) maskAll(mask, PRESSURE_RE, text);
  const local: LocalDate | null = localMoment(opts.at, opts.timeZone);
  const explicitRooms = findExplicitRooms(text);
  claim(mask, explicitRooms);
  const tokens = scanNumbers(text);
  const slots = findSlots(text);
  const temps = findTemperatures(text, tokens, mask, slots);
  claim(mask, temps);
  const bare = findBareRooms(
    text,
    tokens,
    temps,
    mask,
    opts.context !== 'village',
    slots,
    explicitRooms.length === 0 &&
      (opts.context === 'quarantine' || (opts.context == null && temps.length > 0)),
  );
  claim(mask, bare);
  const known = knownRooms(text, tokens, mask, opts.vocabulary);
  claim(mask, known);
  const found = [...bare, ...known];
  let rooms: RoomHit[] =
    found.length === 0 ? explicitRooms : inBuildingSaid(text, [...explicitRooms, ...found].sort(byAt));
  // 房号说错了，是2栋305不是2栋503: a room said not to be is none
  if (rooms.length > 1 && text.includes('不是'))
    rooms = rooms.filter((r) => !/不是\s*$/.test(text.slice(Math.max(0, r.start - 3), r.start)));
  const symptoms = findSymptoms(text);
  let positive = 0;
  for (const s of symptoms) if (!s.negated) positive++;
  const context =
    opts.context ?? inferContext(text, { rooms: rooms.length, temps: temps.length, symptoms: positive });
  const dates: DateHit[] = [];
  for (const d of findDates(text)) if (!mask.any(d.start, d.end)) dates.push(d);
  claim(mask, dates);
  claim(mask, symptoms);
  const normals = findNormal(text);
  claim(mask, normals);
  claimNotGoods(mask, text);

  const persons = temps.length > 0 || positive > 0 ? findPersons(text) : [];
  const out: Anchored<ParsedRecord>[] = buildHealth({
    text,
    temps,
    symptoms,
    normals,
    slots,
    rooms,
    local,
    context,
    persons,
  });
  // (the masked text is made again only after a claim: claiming nothing leaves it as it was)
  const unclaimed = mask.apply(text);
  // 伢退了 / 莫拉了 / 手机莫电了 beside readings: the fever went, the runs stopped; nothing named is withdrawn
  const said = findCancels(unclaimed);
  const cancels = out.length > 0 && said.every((h) => h.names.length === 0) ? [] : said;
  claim(mask, cancels);
  if (cancels[0]) {
    const record = cancelRecord(cancels);
    if (context !== 'quarantine') withdrawnDelivery(record, cancels[0], text);
    out.push({ at: cancels[0].start, record });
  }
  const beforePlaces = cancels.length > 0 ? mask.apply(text) : unclaimed;
  const places = findPlaces(beforePlaces, opts.vocabulary?.places);
  claim(mask, places);
  const masked = places.length > 0 ? mask.apply(text) : beforePlaces;
  let items: ItemHit[] = extractItems(masked, { verbs: true, original: text });
  // 要两袋化肥 哦不对 三袋: the corrected quantity is the goods', no loose end
  const fixed = correctedQuantity(masked, items);
  const looseEnds = unpaired(
    fixed
      ? masked.slice(0, fixed.start) + '|'.repeat(fixed.end - fixed.start) + masked.slice(fixed.end)
      : masked,
    items,
    context !== 'quarantine',
  );

  // 后洋 阮要两包尿素: where nothing else names a place, a word standing alone that nothing has read
  if (context === 'village' && places.length === 0 && (items.length > 0 || /[水桶车方]/.test(masked))) {
    const customer = customerBeside(text, places, opts.vocabulary);
    const free =
      customerAsPlace(text, customer) ??
      framedPlace(text, customer) ??
      freeStandingPlace(text, masked, items, customer) ??
      waterOwnerPlace(text, customer, masked, items);
    if (free) places.push(free);
  }
  // (水 三桶 大米 一袋: the water booked is read, no leftover beside the goods)
  let asked = masked;
  if (context !== 'quarantine') {
    const all = items;
    items = readWater({ text, masked, items, cancels, places, dates, local, out });
    for (const h of all) if (!items.includes(h)) asked = blank(asked, h.start, h.end);
  }
  if (items.length > 0) items = keepAskedFor(text, asked, items, hasClock(dates), context === 'quarantine');
  else if (context === 'quarantine' && cancels.length === 0) items = bareGoodsList(masked);
  else if (cancels.length === 0) {
    items = plusCounted(masked);
    if (items.length === 0 && context === 'village') items = bareCounted(masked, true);
  }
  const maxTemp = temps.reduce<number | null>(maxValue, null);
  const asOrder = context === 'village' || (context === null && BUY_RE.test(text));
  if (spentAlready(text)) items = [];
  items = namedMedicine(masked, withoutGeneral(items));
  items = withoutParcelContents(masked, withoutAlternatives(masked, items));
  if (temps.length > 0) items = withoutMeasuringDevice(text, items);
  // 我们船上下来的三个 阿强36.5: a person a reading is for is never goods
  if (persons.length > 0) items = items.filter((h) => !persons.some((p) => p.person === h.item.name));
  items = stillAskedFor(masked, items, cancels.length > 0);
  // 尿素要一袋 算了尿素不要了: goods withdrawn later in the same message are not ordered, nor withdrawn from before
  if (asOrder && cancels.length > 0) items = withdrawnHere(items, cancels, out);
  // 尿素要两袋还是三袋: a count in two minds is no count (the second is a loose end, so the bot asks)
  const either = masked.includes('还是') ? EITHER_COUNT_RE.exec(masked) : null;
  for (const h of items) if (either && h.start <= either.index && h.end > either.index) h.item.qty = null;
  // 口罩用完了 能给俩不: 俩 or 仨 (read as 两, 三) said alone after the one goods named is its count
  const few = items.length === 1 && items[0]?.item.qty === null ? FEW_RE.exec(masked) : null;
  if (few && items[0]) items[0].item.qty = few[1] === '三' ? 3 : 2;
  const goods: Item[] = [];
  for (const h of items) goods.push(h.item);
  // 我们一家三口 口罩每人要三个: nine masks
  if (mayCountPerHead(text)) countPerHead(text, goods);
  // 帮我捎个快递回来: a parcel fetched from town is on the volunteers' list
  if (asOrder && goods.length === 0 && cancels.length === 0 && text.includes('快递')) {
    const parcel = parcelErrand(text);
    if (parcel) goods.push(parcel);
  }
  const anchor = items[0]?.start ?? 0;
  if (asOrder) {
    if (
      goods.length > 0 &&
      !isNotAnOrder(withoutWithdrawals(text, cancels), ORDER_VERB_RE.test(text), goods)
    ) {
      // 大米改成20斤: the earlier order of these goods gives way to this one (marked, not withdrawn beside it)
      const changed = cancels.length === 0 ? changedGoods(masked, anchor, goods) : [];
      const order = buildOrder(goods, bestPlace(places), customerBeside(text, places, opts.vocabulary));
      if (changed.length > 0) order.changed = changed.map((c) => c.name);
      const placeDoubt = newPlace(places);
      if (placeDoubt) doubt(order, placeDoubt);
      if (looseEnds) doubt(order, 'pairing');
      out.push({ at: anchor, record: order });
    } else if (goods.length === 0 && context === 'village') {
      const call = villageDoctorCall(text, maxTemp);
      if (call) out.push(call);
      // 帮我买跟上回一样的，送三组 / 老规矩: the last order again; the bot looks it up and asks
      else if (
        cancels.length === 0 &&
        !out.some((a) => a.record.type === 'water') &&
        SAME_AS_LAST_RE.test(text)
      ) {
        const order = buildOrder([], bestPlace(places), customerBeside(text, places, opts.vocabulary));
        out.push({ at: 0, record: doubt(order, 'copied') });
      }
    }
  } else if (
    !asksAboutOnly(text) &&
    (goods.length > 0 || cancels.length === 0) &&
    !receivedOnly(text) &&
    !chasesEarlier(text) &&
    // 今天中午的回锅肉巴适 给厨房点个赞: praise for a meal asks for nothing
    !(PRAISE_RE.test(text) && !PRAISE_ASKS_RE.test(text))
  ) {
    // 胸口闷 喘不上气 叫个医生: breathlessness the sender has makes a call for the doctor urgent
    const acute = symptoms.some(
      (s) =>
        !s.negated && s.code === 'shortness_of_breath' && ACUTE_SYMPTOM_RE.test(text.slice(s.start, s.end)),
    );
    // 不对，口罩要两个: the request before gives way to this one
    const changed = cancels.length === 0 ? changedGoods(masked, anchor, goods) : [];
    if (changed.length > 0) out.push({ at: -1, record: { type: 'cancel', items: changed } });
    const room = requestRoom(text, rooms, anchor, items.length === 0);
    const reqs = buildRequests(masked, items, room, maxTemp, acute);
    for (const req of reqs) {
      if (looseEnds && req.record.items.length > 0) doubt(req.record, 'pairing');
      out.push(req);
    }
    // 孩子烧到三十九度了 怎么办 急: a fever or symptom with a cry for help asks for the doctor
    const ill = positive > 0 || (maxTemp !== null && maxTemp >= FEVER_C);
    if (reqs.length === 0 && ill && context === 'quarantine' && asksForHelp(text)) {
      out.push(helpRequest(rooms[0]?.room ?? null, text.length));
    }
  }
  if (out.length > 1) out.sort(byAnchor);
  const records: ParsedRecord[] = [];
  for (const a of out) records.push(a.record);
  for (const r of records) {
    if (r.type !== 'order' && r.type !== 'request') continue;
    if (r.items.length > 1) saidOnce(r.items);
    // 煤气罐空了 换一罐: counted in 罐, the goods are 煤气
    for (const i of r.items) {
      if (i.unit === '罐' && i.name.length > 2 && i.name.endsWith('罐')) i.name = i.name.slice(0, -1);
      // 有没有苹果数据线 借一根: the brand of a charger or cable is part of what is asked for
      const at = text.indexOf(i.name);
      const brand = at > 0 && CABLE_RE.test(i.name) ? BRAND_RE.exec(text.slice(0, at))?.[0] : undefined;
      if (brand) i.name = `${brand}${i.name}`;
    }
  }
  return context === 'quarantine' ? records : spreadWater(text, records);
}

/** 跟上回一样 / 和上次的一样 / 老规矩: what was ordered last time, again. */
const SAME_AS_LAST_RE =
  /(?:跟|和|同|照)(?:上回|上次|上周|上礼拜|上个礼拜|上个星期|上一次|上一回|前几天|前两天)(?:的|那样|那些)?(?:一样|一个样|同样|买|来)?|老规矩|照旧|老样子/;

const CABLE_RE = /(?:线|头|器|宝|耳机)$/;
const BRAND_RE = /(?:苹果|华为|安卓|小米|三星|OPPO|oppo|vivo|VIVO|荣耀)$/;
// (汤圆yyds / 红烧肉绝绝子: the young's praise)
const PRAISE_RE =
  /点个?赞|巴适|美得很|好吃得很|香得很|太好吃|味道(?:不错|很好|真好)|yyds|YYDS|绝绝子|绝了|好评|👍|[^a-zA-Z]nb(?![a-zA-Z])|[^a-zA-Z]NB(?![a-zA-Z])|牛[逼啊哇]|真香/;
const PRAISE_ASKS_RE = /能|可以|麻烦|帮|给我|再来|再要|多给|还要|加/;
const FEW_RE = /(?:给|要|来|拿|送|带|借)(两|三)(?=$|[\s,，。!！?？不吗呗哈呀啊])/;

/** Breathlessness (not a tight chest alone) is acute. */
const ACUTE_SYMPTOM_RE = /喘|呼吸困难|气促|憋气|出气不赢|上不来气|接不上/;

function hasClock(dates: readonly DateHit[]): boolean {
  for (const d of dates) if (d.clock) return true;
  return false;
}

function maxValue(m: number | null, t: TempHit): number | null {
  return m === null || t.value > m ? t.value : m;
}

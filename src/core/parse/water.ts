// Drinking-water bookings (the villages' 预约送水): 明天下午送两桶水到5组. Only outside quarantine groups,
// where hot or drinking water is a daily request instead.
import type { DayPart, Item, WaterRecord } from '../records.js';
import { matchesOf } from './chars.js';
import { clockPart, type DateHit, resolveDay } from './dates.js';
import type { ItemHit } from './items.js';
import { addDays, type LocalDate } from './local-time.js';
import { parseNumber } from './numerals.js';

const WATER_NAMES = new Set([
  '水',
  '桶装水',
  '饮用水',
  '纯净水',
  '山泉水',
  '矿泉水',
  '开水',
  '井水',
  '自来水',
]);
const WATER_RE =
  /(?<=[\d一二两三四五六七八九十]\s*)桶(?=\s*(?:改到|推到|挪到))|(?<=(?:改到|推到|挪到|改(?=明天|后天|周|星期|礼拜))[^。]{0,8}?还是\s*[\d一二两三四五六七八九十]\s*)桶|桶装水|饮用水|纯净水|山泉水|罐车|拉水车|蓄水池|矿泉水(?=\s*[\d一二两三四五六七八九十几]?\s*(?:大)?桶|$)|送水(?!口)|订水|约水|要水(?!口)|(?<!(?:从|在|去|到|回)天)水(?!(?<=[^今明后昨每当两几三前]天水)(?:回来|市|县|那边))/g;
const NOT_BEFORE = new Set(
  '热开冷温凉汽茶果消毒香洗药口泥雨井河墨露胶薪自来山纯净矿泉风淡咸白喝放烧气精发肤妆潲泔糖盐碱卤污废根阿'.split(
    '',
  ),
);
// (徐水莲, 胡水生, 郑根水, 林阿水: 水 in a person's name)
const NOT_AFTER = new Set(
  '果泥管费电杯壶瓶稻田龙库井缸池表泵头盆箱槽平准分份利运瓢银莲生英妹仙娣秀口原'.split(''),
);
const BOOK_RE =
  /送|订|约|要|来|拿|拉(?=\s*[\d一二两三四五六七八九十]+\s*(?:[吨车方桶罐驮担挑]|三轮))|(?:能不能|可不可以|麻烦|帮忙)(?:再)?拉(?:点|些)?水|需要|缺|没了|喝完了|没有了|莫得了|没得了|快没了|[\d一二两三四五六七八九十几]\s*桶|[\d一二两三四五六七八九十几]\s*(?:罐车|[车方担驮罐挑吨壶背])水|水\s*[\d一二两三四五六七八九十]{1,2}\s*[车方担驮罐挑]|[\d一二两三四五六七八九十]\s*(?:吨|罐车)|水车[^，,。]{0,6}[\d一二两三四五六七八九十]\s*车/;
const QUESTION_RE =
  /送不了|送不成|没送成|出发了|(?:点|点钟)(?:左右|前后)到|晚(?:一)?点到|在修|顺路|还送不(?!\s*[\d一二两三四五六七八九十])|来不来|送不送|(?:还|照常)送水(?:吗|么)|送水不(?![^。]*[\d一二两三四五六七八九十]\s*桶)|还没到|没到呢|够不够|会(?:不会)?送水[^，,。\s]{0,3}(?:么子|么|吗|不|没)|水\s?没来|咋个?还没|怎么还没|阿么(?:还)?(?:没|不)(?:来|到|送)|还没送|没送来|还不来|还没来|咋没来|怎么没来|(?:多少|好多|几多)钱|(?:好多|多少|几)(?:升|斤|公斤)|要水的|需要水的|送水车(?![^，,。]{0,3}[\d一二两三四五六七八九十]+\s*[方吨车])|多重|多大|要钱|(?<!不)收钱(?!的话)|(?<!不)收费(?!的话)|免费(?!的话)|价格|送到没|到了没|来了没|还(?:没|冇|未)订|要不要提前约|送了没|到没到|送来没(?:得|有)?|送了没得|几块|什么时候|啥子?时候|好久|多久|几点|哪天|几时|有没有人|谁|送水的时候顺便|问一下|还是(?:今天|明天|后天|上午|下午)|(?:照常|照样|照旧|还是)(?:送|要)(?!\s*[\d一二两三四五六七八九十])|送水的(?!话|时候|师傅)(?!\s*(?:能|可以|麻烦|帮|请|(?:明天|后天|今天|明早)(?:上午|下午|早上|晚上)?(?:能|可以)))(?![\s,，]+[^，,。\s]{1,6}?(?:也)?要\s*[\d一二两三四五六七八九十]+\s*[桶挑担])(?![^，,。]{0,8}(?:给我|帮我)送)|注意|大家|各位|通知|统一送水|每户(?:每次)?最多|继续(?:代购)?送水|(?:冇|没)看到送来|(?:缺水|要水)的也报|(?:就|马上|这就|等下)送(?:过去|上去)|要的[^，,。]{0,4}报名/;
const PAST_RE =
  /送到了|(?:水|桶)送到[，,。!！]|(?<!帮我|给我|帮忙)挑了(?!\s*[\d一二两三四五六七八九十]+\s*[挑担桶][^，,。]{0,6}(?:明天|后天|送))|收到了|(?:挑|送|拉|抬)上去了|(?<![桶壶]\s?)(?:拉|带|买|拿|挑|捎)回来(?:了)?(?!\s*[\d一二两三四五六七八九十]+\s*桶[^，,。]*(?:明天|后天|送))|水收到(?=$|[\s,，。!！]|谢|多谢|喇|啦|咗|[\d一二两三四五六七八九十]+\s*[桶担挑])|已收到|已送|已经送|送来了|送过了|送过去了|拉过去了|送上去了|拿到了|送了|拉了|运了|送完了|(?:上次|上回|之前|那天)(?:送|拿|拉|运)(?:来)?的|送来的水|送咗|收咗|到咗|(?:水|桶)\s?到了(?![没吗么不]|[\s,，]*(?:没|吗))|送得(?:快|及时|准时|好)/;
/** 上次送的水喝完了 明天再送两桶: a new booking after talk of the last one. */
const AGAIN_RE = /再(?:送|要|来|订|拿)|还要|又要/;
/** 上午两桶到了: a clause telling of water delivered, asking for none again. */
export const receivedOnly = (clause: string): boolean => PAST_RE.test(clause) && !AGAIN_RE.test(clause);
/** 水还有一桶 / 够喝: water in hand, not water asked for. */
const HAVE_SOME_RE =
  /(?:还有|还剩|剩下?|只有)[\d一二两三四五六七八九十几半]*\s*桶|(?<!不)够喝|(?<!不)够用|水还够|还够(?:喝|用)?|不用送|没喝完|没用完|还没喝/;
const ASKS_BARRELS_RE = /(?:送|要|订|来|拿|带)\s*[\d一二两三四五六七八九十]+\s*[桶挑担]/;
const POLITE_ASK_RE =
  /能|可以|可不可以|麻烦|帮|请|要|订|需要|得来|好吗|好没|行吗|好不好|行不行|成吗|中不中|得不得/;

/** 前天订的水还没来 今天下午能送不 岩脚两桶: beside a chaser or a question, a day and barrels of their own book again. */
function newBookingBeside(text: string): boolean {
  // (今天送水20桶，辛苦大家: a volunteer's word to everyone books nothing)
  if (/大家|各位|通知|注意|谁|有没有人/.test(text)) return false;
  const rest = text
    .split(CLAUSES_RE)
    // (上午就订了两桶水: the booking chased, said again, is no new one)
    .filter((c) => !QUESTION_RE.test(c) && !/就订了|订的|订了|约的|约了|说好的|就说/.test(c))
    .join(' ');
  // (问一下明天送水不 要两桶 三组: the barrels asked for in a clause of their own book the day asked about)
  // (我们要2方: loads asked for in so many words; a rule's 一次3吨 or 一方水30元 is no booking)
  return (BARRELS_COUNT_RE.test(rest) && NEW_DAY_RE.test(rest)) || OWN_BARRELS_RE.test(rest);
}

const OWN_BARRELS_RE =
  /(?:^|\s)(?:(?:我|俺|咱)们?|我家)?[^\s，,。?？]{0,4}?水?(?:也)?(?:要|订)\s*[\d一二两三四五六七八九十]{1,2}\s*[桶方吨担挑]/;
/** 明天送水不？两桶 三组: barrels said right after the question answer it with a booking. */
const ANSWERED_RE = /[?？]\s*(?:我|俺|我家)?(?:要|订)?\s*[\d一二两三四五六七八九十]{1,2}\s*桶/;

/**
 * 昨天约的水还没送来 明天上午能送不: the day of the booking chased is not the new booking's. Days standing in a
 * chasing clause give way when another day is named.
 */
const EITHER_PART_RE =
  /(?:上午|早上)还是(?:下午|晚上)(?![^，,。]{0,3}[?？吗])|(?:上午|早上)(?:和|或者?|跟)?(?:下午|晚上)(?:都|也)(?:可以|行|要得|方便|得|成|中)|(?:上午|早上)(?:下午|晚上)?随便/;

const WITHDRAWN_AFTER_RE = /不要了|取消了?|别送了|不用送了|莫送了|嫑送了/;
export function bookedDays(text: string, said: readonly DateHit[]): DateHit[] {
  // 上午下午都可以: either part of the day will do, so neither is the booking's
  const either = EITHER_PART_RE.exec(text);
  const dates = either
    ? said.filter((d) => d.end <= either.index || d.start >= either.index + either[0].length)
    : said;
  const days = dates.filter((d) => d.day !== null);
  if (days.length < 2) return [...dates];
  const chased = (d: DateHit) => {
    let s = d.start;
    while (s > 0 && !CLAUSES_RE.test(text[s - 1] as string)) s--;
    let e = d.end;
    while (e < text.length && !CLAUSES_RE.test(text[e] as string)) e++;
    const clause = text.slice(s, e);
    // (今天的水收到了 明天还要两桶: the day of the water received is not the booking's)
    return (
      // (明天送两桶水 昨天的一桶喝完了: no booking is for a day gone)
      (d.day?.kind === 'offset' && d.day.days < 0) ||
      QUESTION_RE.test(clause) ||
      /(?:约|订|要|送)的/.test(clause) ||
      // (明天下午要两桶水 今天的还够用: the day the water in hand lasts is not the booking's)
      (HAVE_SOME_RE.test(clause) && !ASKS_BARRELS_RE.test(clause)) ||
      (PAST_RE.test(clause) && !AGAIN_RE.test(clause)) ||
      // (下礼拜一上午两桶水 下礼拜三的那桶不要了: the day withdrawn is not the one booked)
      (WITHDRAWN_AFTER_RE.test(text.slice(d.end, e)) && !/[改换挪推]/.test(clause))
    );
  };
  // (今天下午送的水收到了 明天还要两桶 上午: the part of the day in the chased clause goes with it)
  const kept = dates.filter((d) => !chased(d));
  return kept.some((d) => d.day !== null) ? kept : [...dates];
}

export function mentionsWater(text: string): boolean {
  // (大湾这边的泉水也小了 送两桶来嘛: the spring or the well running low is water wanted)
  if (
    /[泉井]水[^，,。\s]{0,2}(?:小|干|少|没|断|停|不够)|那[\d一二两三四五六七八九十]+\s*桶[^，,。]{0,2}(?:改|挪|推)/.test(
      text,
    )
  )
    return true;
  for (const m of matchesOf(WATER_RE, text)) {
    if (m[0] !== '水') return true;
    const i = m.index;
    // 帮我带个水桶: a bucket counted by 个 is no water
    if (text[i + 1] === '桶' && /[个只口]\s*$/.test(text.slice(Math.max(0, i - 2), i))) continue;
    if (!NOT_BEFORE.has(text[i - 1] ?? '') && !NOT_AFTER.has(text[i + 1] ?? '')) return true;
  }
  return false;
}

/** 啥时候都要得 / 哪天都行: any time will do, no question about when. */
const ANYTIME_RE =
  /(?:什么|啥子?)时候(?:送)?都|哪天(?:送)?都|几点(?:送)?都|随便(?:哪天|什么时候|啥时候)|(?:什么|啥子?|哪个?)(?:时候|天)(?:你们)?方便(?:就)?(?:(?:什么|啥子?|哪个?)(?:时候|天))?/g;
const CLAUSES_RE = /[\s,，。;；!！?？]+/;
const NEW_DAY_RE =
  /今天|明天|后天|今晚|明早|明晚|上午|下午|晚上|周[一二三四五六日天]|星期|再|重新|\d{1,2}月\d{1,2}[号日]|\d{1,2}[号日]/;
const BARRELS_COUNT_RE = /[\d一二两三四五六七八九十]\s*[桶担挑]/;

/** `text` with claimed spans masked; `whole` unmasked (the days a clause names). */
/** 别忘了哈 我家那三桶水 今天一定要送到: a reminder of barrels booked before (那三桶) books nothing new. */
const REMINDER_RE = /(?:莫|别|不要)忘了?[\s\S]{0,12}那[\d一二两三四五六七八九十几]+\s*桶/;

const THANKS_RE = /谢谢|辛苦|感谢|多谢/;
const SERVICE_TALK_RE =
  /冒雨|冒着|找他|找她|电话|送水的?(?:师傅|大哥|志愿者|人)|(?:师傅|大哥|志愿者)[^，,。]{0,6}送水|送水来了|送来了|破防|感动/;
const PAUSED_RE =
  /需要的(?:报|说|接龙|登记)|正常送水|暂停|不拉水|恢复(?:代购)?送水|跟车一起|水放(?:在)?门口(?:就行|就好|就可以)|停送|停一次|送水取消|取消送水|(?:今天|明天|后天|本周|这周|周[一二三四五六日天])[^，,。]{0,4}(?<![送要])不送水|水车[^，,。]{0,6}(?:来不了|不来|检修|坏了)|(?:每户|一户)(?:一次)?最多|\d+\s*块(?:钱)?一桶|一桶\s*\d+\s*块|装好了|的水[^，,。]{0,6}一起送|照常|有变的|(?:(?:勿|覅)要?|(?<!要)不要)送水(?![^，,。]{0,4}[\d一二两三四五六七八九十])|送水(?:的|格|嘅)(?:也)?(?:好|可以)?报|到[^，,。\s]{1,6}了[\s,，]+[^，,。]{0,6}出来拿|直接打|(?:莫|别|不要)在群里/;
const TRUCK_ROUND_RE =
  /水车[^，,。\d]{0,6}(?:先送|先去|先到|(?:今天|今日|明天|上午|下午)(?:先)?(?:上|去|到))/;
/** 石板田的水今天上午送哈 / 杨家湾的水…莫搞忘了 / 松林岗的水下午送 家里留个人: a booking made, reminded, no barrels. */
const REMINDED_RE = /的水[^，,。]{0,10}送(?:哈|的哦|啊|\s*(?:家里|屋里)?留个人)|(?:莫|别|不要)搞?忘/;
const COUNT_OR_DAY_RE =
  /[\d一二两三四五六七八九十几]\s*[桶车方担驮罐吨挑壶]|今天|明天|后天|明早|今晚|周|星期|礼拜|号|上午|下午|晚上|早上/;

/** 明天送两桶水到三组 上次送的一桶还没喝完: barrels asked for a day ahead, in a clause of their own, beside talk of the last. */
function bookedApart(text: string): boolean {
  // (「明天上午送两桶水到庙弄」 今天一早就送过去了: the booking quoted is the one delivered)
  return text
    .replace(/「[^」]*」|“[^”]*”/g, ' ')
    .split(CLAUSES_RE)
    .some(
      (c) =>
        ASKS_BARRELS_RE.test(c) &&
        !PAST_RE.test(c) &&
        /明天|后天|明早|明晚|周|星期|礼拜|号|麻烦|帮|请/.test(c),
    );
}

export function isWaterBooking(text: string, whole = text): boolean {
  if (!mentionsWater(text) || !BOOK_RE.test(text) || REMINDER_RE.test(whole)) return false;
  // 大湾的水今天下午送哈，别忘了: a reminder of a booking made, no barrels said, books nothing new
  // (今儿下午那两桶水甭忘了: the barrels of the booking made, pointed back to with 那)
  if (
    /(?:莫|别|不要|甭)忘了?|记得送/.test(whole) &&
    (!BARRELS_COUNT_RE.test(whole) || /那\s*[\d一二两三四五六七八九十]\s*桶/.test(whole))
  )
    return false;
  // 谢谢小伙子 水扛上来辛苦了: thanks for water brought, with no barrels or day, books nothing
  if (THANKS_RE.test(text) && !COUNT_OR_DAY_RE.test(text)) return false;
  // 志愿者大哥冒雨送水 / 送水找他 / 送水来了 快出来拿: talk of the service, no barrels and nothing asked, books nothing
  if (SERVICE_TALK_RE.test(whole) && !COUNT_OR_DAY_RE.test(text) && !POLITE_ASK_RE.test(text)) return false;
  // 本周六下午送水暂停一次: the service paused is a notice
  if (PAUSED_RE.test(whole)) return false;
  // 水车今天上午先送羊圈坪 / 水车今日上坪头洋: the truck's round, told, books nothing unless someone asks beside it
  if (TRUCK_ROUND_RE.test(whole) && !/(?:我|俺|咱|额)(?:们|家)?[^，,。\s]{0,4}要/.test(whole)) return false;
  if (REMINDED_RE.test(whole) && !BARRELS_COUNT_RE.test(whole)) return false;
  const t = /都|随便|方便/.test(text) ? text.replace(ANYTIME_RE, '') : text;
  // (the whole text too: a price asked about may have been claimed out of the masked one)
  const wholeT = /都|随便|方便/.test(whole) ? whole.replace(ANYTIME_RE, '') : whole;
  if ((QUESTION_RE.test(t) || QUESTION_RE.test(wholeT)) && !newBookingBeside(wholeT)) return false;
  if (PAST_RE.test(text) && !AGAIN_RE.test(text) && !bookedApart(whole)) return false;
  // (两桶水放你屋门口了: left at the door, the place said read before)
  if (/放[^，,。]{0,6}门口了/.test(whole) && !AGAIN_RE.test(whole)) return false;
  // 家里只剩半桶水，后天送两桶来: barrels asked for after the water in hand are booked
  // (黄泥坳今天上午麻烦送两桶水，家里只剩半桶了: barrels asked for before the water in hand are booked too)
  const have = HAVE_SOME_RE.exec(text);
  if (
    have &&
    !ASKS_BARRELS_RE.test(text.slice(have.index + have[0].length)) &&
    !ASKS_BARRELS_RE.test(text.slice(0, have.index))
  )
    return false;
  // 明天送水吗 / 明天送水不: a yes-no question asks about the service unless it also asks for water
  if (
    /吗|\?|[不没]\s*$/.test(text) &&
    !POLITE_ASK_RE.test(text.replace(/送水|要水/g, '')) &&
    !ANSWERED_RE.test(text) &&
    // (明天下午送水两桶到上坪，另外村里茶厂哪天开工？: the question is a clause of its own)
    !newBookingBeside(whole)
  )
    return false;
  return true;
}

/** Measures water is booked by (a barrel, a carrying pole's two buckets, a tanker). */
export const BOOKED_UNITS: ReadonlySet<string> = new Set(
  '桶 大桶 担 挑 驮 背 车 罐车 三轮 罐 吨 方'.split(' '),
);
/** Water counted in what it is carried or booked by (and a 壶 of it boiled). */
const WATER_UNITS = new Set([...BOOKED_UNITS, '壶']);

export function isWaterItem(item: Item): boolean {
  return WATER_NAMES.has(item.name) && (item.unit === null || WATER_UNITS.has(item.unit));
}

export function buildWater(
  items: readonly ItemHit[],
  unnamedBarrels: { qty: number | null; unit: string }[],
  dates: readonly DateHit[],
  deliverTo: string | null,
  local: LocalDate | null,
): WaterRecord {
  // 莫得水喝了 后天送三桶水: the water counted is the booking's, not the water that ran out
  const hit =
    items.find((h) => isWaterItem(h.item) && h.item.qty !== null) ?? items.find((h) => isWaterItem(h.item));
  // (罐车来一车 蓄水池没水了: the water named with no count of its own takes the load counted apart)
  const counted =
    hit && (hit.item.qty !== null || unnamedBarrels.length === 0) ? hit.item : unnamedBarrels[0];
  const qty = counted?.qty ?? null;
  const unit = counted?.unit ?? null;
  let date: string | null = null;
  let part: DayPart | null = null;
  // 化肥昨天送来了 谢谢 明天再送一桶水: the day nearest the water booked is its day
  const days = dates.filter((d) => d.day !== null);
  const near =
    hit && days.length > 1
      ? days.reduce((a, b) => (Math.abs(b.start - hit.start) < Math.abs(a.start - hit.start) ? b : a))
      : null;
  for (const d of near ? [near, ...dates] : dates) {
    if (date === null && d.day !== null) date = resolveDay(d.day, local);
    if (part === null && d.part !== null) part = d.part;
  }
  // 明天8点前送: with no part of the day said, the clock time names it
  if (part === null) part = clockPart(dates.find((d) => d.clock)?.hour);
  if (date === null) date = partToday(part, local);
  return { type: 'water', qty, unit, date, part, deliverTo };
}

/** Hour a part of the day is over: 下午送 said at 09:00 is this afternoon; said at 19:00 it names no day. */
const PART_ENDS: Readonly<Record<DayPart, number>> = { am: 12, pm: 18, evening: 23 };

/** 下午送两桶水 with no day named: today, while that part of today is still ahead. */
export function partToday(part: DayPart | null, local: LocalDate | null): string | null {
  if (part === null || local === null || local.hour >= PART_ENDS[part]) return null;
  return addDays(local, 0);
}

const BARRELS_RE =
  /(?:送|订|要|来|约|拉)\s*([\d一二两四五六七八九十几]{1,3}|[\d一二两三四五六七八九十几]{1,3}(?=桶|车|罐))\s*(桶|车|三轮|罐|方)(?:(?=就行|就好|就够|就可以|吧|哈|嘛|到[^了]|来[嘛吧哈哦噻撒啊])|(?![\u4e00-\u9fa5]))/;

const BARE_BARRELS_RE =
  /(?:^|[\s|,，]|还是)([\d一二两三四五六七八九十]{1,3})\s*(桶|车|方)(?:(?=就行|就好|就够|就可以|吧|哈|嘛)|(?![\u4e00-\u9fa5]))/;

/** 周三上午送两桶: a booking of barrels that names no goods at all. */
export function impliedWater(
  text: string,
  dated = false,
): { qty: number | null; unit: string; at: number } | null {
  // 周四早上 2桶: with a day named, barrels alone are a booking too
  const m = BARRELS_RE.exec(text) ?? (dated ? BARE_BARRELS_RE.exec(text) : null);
  if (!m?.[1] || QUESTION_RE.test(text) || (PAST_RE.test(text) && !AGAIN_RE.test(text))) return null;
  // (罐车明天给芦草沟拉一车: a tanker's load, where a tanker or the tank is said)
  // (前川的 我家也要一车 明天: with the day said, a load with no goods named is the tanker's)
  if (m[2] === '车' && !dated && !/罐车|水车|蓄水池|水窖|拉水/.test(text)) return null;
  // (阳湾垴 要一罐 明儿前晌: a tank's load, with the day said)
  if (m[2] === '罐' && !dated) return null;
  // (敖包梁 要两方: cubic metres of water, where a place or a day is said)
  if (m[2] === '方' && !dated) return null;
  return { qty: parseNumber(m[1]), unit: m[2] ?? '桶', at: m.index };
}

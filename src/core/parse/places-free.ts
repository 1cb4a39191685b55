// A place read by where it stands, not by how it ends. Every new region brings hamlet endings no list holds (岙,
// 垟, 厝, 寮 on the east coast; 峁, 塬, 川 on the loess; 楼, 营, 集 on the Huang-Huai plain), and a place lost is an
// order delivered nowhere. In a village order or water booking that names no place:
// - the one word standing alone between spaces or punctuation that nothing else has read (no goods, count, day,
//   name, title, kin or chatter) is where the goods go: `后洋 阮要两包尿素`, `番薯种要二十斤 茶寮`;
// - so is the word in a frame that can only hold a place: `我是涝池边的张老汉`, `我川口的`, `里坑的水井干了`,
//   `后洋明天也要三桶水`, `给小圩送两桶`;
// - and a word the name reader took for the customer that ends as only a hamlet does (`黄坑 猪饲料两包`).
// On a 接龙 line, the word that is neither the name, nor goods, nor a count is the line's place. Each is new to the
// group, so the record is flagged `new-place` and the bot asks before anyone is sent; two candidates are no guess.
import { isCjk, matchesOf } from './chars.js';
import { goodsAt, looksLikeGoods } from './item-lexicon.js';
import { KIN } from './kin-words.js';
import { SELF_NAME_END, SURNAMES } from './name-words.js';
import { placeGluedToName } from './place-name-glued.js';
import type { PlaceHit } from './places.js';

/** Endings no given name has (吴金水 and 王海洋 are men; 黄坑, 林厝, 林垟, and the plain's 王楼, 李营, 张集 are hamlets). */
const HAMLET_ONLY_CHARS = '坑厝垟岙寮峁塬坳垭塆湾沟坎坪岭坡寨屯洼岔畈垅陂岃墩埂凼塝嘴咀楼营集圩峒垌坞';
const HAMLET_ONLY_END = new Set(HAMLET_ONLY_CHARS.split(''));

const SEGMENT_RE = /[^\s,，。;；!！?？、:：()（）~～]+/g;

/** Words that speak, ask or thank (no hamlet holds them). */
const CHATTER_CHARS = new Set(
  '了吗呢吧哈啊呀哦嘛噻撒咯哟嘞么伐的我你他她它们是要有在给把被就都也还再很太好谢麻烦请急快谁啥咋么这那哪个些点想能会可以用没不别莫嫑冇帮购买带看更正同样况得喝吃疼痛病咳烧多少人过送午晚天到加接约订户'.split(
    '',
  ),
);

/** Titles and kin: who is addressed or ordered for, never where. */
const KIN_WORD = `(?:${KIN.join('|')})`;
const PERSON_RE = new RegExp(
  `^(?:小|老|阿)[\\u4e00-\\u9fa5]$|^${KIN_WORD}|书记|主任|村长|组长|队长|师傅|医生|老师|志愿者|大哥|大姐|兄弟|老乡|叔|姨|伯|婆|爷|奶|哥|姐|嫂|嬢|孃|妹|弟|娃|崽|仔|${KIN_WORD}$`,
);

/** Characters hamlet names end in, to tell 林厝 (a hamlet) from 林芳 (a woman) when both start with a surname. */
const PLACE_CHARS = new Set(
  '院屋垭梁坝坪湾塆沟坎岩嘴咀岭塝坡坳岗寨堡垴槽塘堰桥溪庄凼冲脚河田林箐凹墩埂峁塬洼岔屯峪窑滩洞井枧畔场坑垌街所庙畈垅垄陂岃背围台排岙垟厝洋寮川道埠港湖浦泾浜圩垸店铺口头山岸洲坞里村组社队楼营集寺园峒角宅埭岚疃夼泊'.split(
    '',
  ),
);
const SURNAME_RE = new RegExp(`^[${SURNAMES}]`);

/**
 * The one word standing alone that can only be where the goods go, or null (none, or more than one: the bot
 * does not guess between two).
 */
export function freeStandingPlace(
  text: string,
  masked: string,
  taken: readonly { start: number; end: number }[],
  customer: string | null,
): PlaceHit | null {
  // (石板房吴老三 烤烟膜要三卷: a hamlet glued to the villager's name)
  const glued = placeGluedToName(text);
  if (glued && masked.slice(glued.start, glued.end) === glued.place) return glued;
  let found: PlaceHit | null = null;
  for (const m of matchesOf(SEGMENT_RE, text)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    if (word.length < 2 || word.length > 4) continue;
    if (![...word].every(isCjk)) continue;
    if (masked.slice(start, end) !== word) continue;
    // (我先报一个 上坑 大米一袋: a hamlet read as goods counted by the 一个 before it is still the hamlet)
    const hamlet = HAMLET_ONLY_END.has(word[word.length - 1] as string);
    if (taken.some((t) => start < t.end && end > t.start && !(hamlet && t.start <= start && t.end === end)))
      continue;
    if (!isPlaceLike(word, customer)) continue;
    if (found) return null;
    found = { start, end, place: word, strict: true, byEnding: true };
  }
  return found;
}

/** 坡降嘅两桶水改到礼拜一 / 下溪村明天上午的水改成三桶: whose water, opening the message, is where it goes. */
const WATER_OWNER_RE =
  /^\s*([\u4e00-\u9fa5]{2,4}?)(?:的|嘅|那|(?=(?:今天|明天|后天|今晚|明早)(?:上午|下午|早上|晚上)?的))(?:[\d一二两三四五六七八九十]\s*桶)?(?:今天|明天|后天|今晚|明早)?(?:上午|下午|早上|晚上)?的?水/;

/**
 * The place whose water a message opens with (a word that is no person, goods or chatter), or else the word standing
 * alone that opens a water booking (openingWaterPlace); null when none.
 */
export function waterOwnerPlace(
  text: string,
  customer: string | null,
  masked = text,
  items: readonly { item: { name: string } }[] = [],
): PlaceHit | null {
  const m = WATER_OWNER_RE.exec(text);
  const word = m?.[1];
  // (建军额那两桶水: the one called, then 额 — I — whose water it is)
  if (!m || !word || /[我额俺咱你他她]/.test(word) || !isPlaceLike(word, customer))
    return openingWaterPlace(text, masked, items, customer);
  const start = m.index + m[0].indexOf(word);
  return { start, end: start + word.length, place: word, strict: true, byEnding: true };
}

/** 补约 明天 一车水 / 洛莫 也要 一车: a water booking opened by a word standing alone, before anything else is said. */
const OPENING_WORD_RE = /^\s*([\u4e00-\u9fa5]{2,3})\s+(?=\S)/;
/** Characters no hamlet's name opening a booking holds (哈, 莫, 约 may: 日哈, 洛莫, 补约). */
const NOT_OPENING_CHARS_RE =
  /[我你他她它们的了吗呢吧啊呀哦嘛好谢要买送给帮请能可今明后昨天早晚午上下个这那谁啥咋么什怎是有在没不也还都就再水桶车]/;

/** The word opening a water booking, where it can be nothing but the place (a new one, to be asked about). */
function openingWaterPlace(
  text: string,
  masked: string,
  items: readonly { item: { name: string } }[],
  customer: string | null,
): PlaceHit | null {
  if (!/[水桶车]/.test(masked) || items.some((h) => !h.item.name.includes('水'))) return null;
  const m = OPENING_WORD_RE.exec(text);
  const word = m?.[1];
  if (!m || !word || NOT_OPENING_CHARS_RE.test(word) || NOT_PLACES.has(word)) return null;
  if (customer === word || PERSON_RE.test(word) || looksLikeGoods(word) || goodsAt(word, 0)) return null;
  if (SURNAME_RE.test(word) && !PLACE_CHARS.has(word[word.length - 1] as string)) return null;
  const start = m.index + m[0].indexOf(word);
  return { start, end: start + word.length, place: word, strict: true, byEnding: true };
}

/** 我家两桶: a count, no hamlet (三岔, 五里坡 are). */
const COUNTED_RE = /[\d一二两三四五六七八九十百千半几][桶袋包斤瓶箱盒件个把卷提壶车方吨]/;

/** 老地方 / 一样: where the last delivery went, which the bot looks up rather than reads. */
const NOT_PLACES = new Set([
  '老地方',
  '老规矩',
  '老样子',
  '照样',
  '照旧',
  '一样',
  '原地',
  '同上',
  '板扎',
  '巴适',
  '安逸',
  '中中',
  // 辛苦吴书记 上坑 大米一袋: a thanks, never where
  ...['辛苦', '收到', '晓得', '明白', '早安', '晚安', '老师'],
  // 李叔 备注：先要一袋: a note's label
  ...['备注', '说明', '补充', '另外', '其他', '其它'],
  // 隔壁黄嫂子: the neighbour is who, never where
  ...['隔壁', '邻居', '对门', '对面', '楼上', '楼下'],
]);

function isPlaceLike(word: string, customer: string | null): boolean {
  if (NOT_PLACES.has(word) || COUNTED_RE.test(word)) return false;
  // (那亮, 那桑: Guangxi's Zhuang hamlets open with 那, a field, not that)
  const zhuang = word.length === 2 && word[0] === '那' && !/[个些边里样种天时么儿]/.test(word[1] as string);
  for (const ch of zhuang ? word.slice(1) : word) if (CHATTER_CHARS.has(ch)) return false;
  // (塘肚 is a hamlet, 拉肚子 a complaint)
  if (/肚子|肚皮/.test(word)) return false;
  if (customer && (word.includes(customer) || customer.includes(word))) return false;
  // (小王 is a man, 小圩 a hamlet)
  if (PERSON_RE.test(word) && !(word.length === 2 && HAMLET_ONLY_END.has(word[1] as string))) return false;
  if (looksLikeGoods(word)) return false;
  // 吴金水 is a man, 吴厝 a hamlet: a word opening with a surname is a place only by a hamlet's last character,
  // or when the order's customer is named apart from it
  // (沈家角, 张家宅: a family's hamlet, named X家…)
  if (
    SURNAME_RE.test(word) &&
    !PLACE_CHARS.has(word[word.length - 1] as string) &&
    !(word.length >= 3 && word[1] === '家') &&
    !customer
  )
    return false;
  return true;
}

/**
 * 黄坑 猪饲料两包 / 林厝 明天上午一桶水: a word standing alone that the name reader took for the customer (黄, 林 are
 * surnames) but that ends as only a hamlet does, is where the goods go.
 */
export function customerAsPlace(text: string, customer: string | null): PlaceHit | null {
  if (!customer || customer.length < 2 || customer.length > 4) return null;
  if (!HAMLET_ONLY_END.has(customer[customer.length - 1] as string)) return null;
  for (const m of matchesOf(SEGMENT_RE, text))
    if (m[0] === customer)
      return {
        start: m.index,
        end: m.index + customer.length,
        place: customer,
        strict: true,
        byEnding: true,
      };
  return null;
}

/**
 * 1. 林秀珠 猪肉2斤 后洋: on a 接龙 line, the one word that is neither the name, nor goods, nor a count is where the
 * line's goods go.
 */
export function freeStandingInLine(line: string, customer: string | null): string | null {
  let found: string | null = null;
  const body = line.replace(/^\s*\d{1,3}\s*[.、．)]?/, ' ');
  for (const m of matchesOf(SEGMENT_RE, body)) {
    const word = m[0];
    if (word === customer || word.length < 2 || word.length > 4 || ![...word].every(isCjk)) continue;
    let goods = false;
    for (let i = 0; i < word.length && !goods; i++) goods = goodsAt(word, i) !== null;
    if (goods || !isPlaceLike(word, customer)) continue;
    if (found) return null;
    found = word;
  }
  return found;
}

const CJK = '[\\u4e00-\\u9fa5]';
/** A full name or an elder named by surname: 刘金花, 王二, 陈阿婆, 张老汉, 应杏娟. */
const NAME = `[${SURNAMES}](?:阿|老)?${CJK}{1,2}`;
/**
 * Frames that hold where the sender is from or where the goods go: 我是南头刘金花 / 我是林厝陈阿婆的儿子 / 我是涝池边的
 * 张老汉 / 我川口的 / 石坑林永福 / 里坑的水井干了 / 后洋明天也要三桶水 / 茶寮这边.
 */
const FRAMES: readonly RegExp[] = [
  new RegExp(
    `我是(${CJK}{2,3}?)(?=${NAME}(?:的|$|[\\s,，。]|要|买|你|给|帮|[儿孙女媳老爸妈]|${SELF_NAME_END}))`,
  ),
  new RegExp(`我是(${CJK}{2,3}?)的(?=${NAME}|老${CJK}|$|[\\s,，。])`),
  new RegExp(`我(?![家自屋是们])(${CJK}{2,3}?)的(?=$|[\\s,，。]|要|给|买)`),
  new RegExp(`^(${CJK}{2,3}?)的(?=[\\s,，])`),
  new RegExp(`^(${CJK}{2,3}?)\\s*(?=${NAME}(?:$|[\\s,，。]|要|买))`),
  // (张集张老三: glued to the name after it, only a word ending as a hamlet does)
  new RegExp(`(?:^|[\\s,，。])(${CJK}{1,2}[${HAMLET_ONLY_CHARS}])(?=${NAME}$)`),
  new RegExp(
    `^(${CJK}{2,3}?)(?=(?:今天|明天|后天|大后天|今晚|明早|周[一二三四五六日天]|礼拜[一二三四五六日天]|星期[一二三四五六日天])(?:上午|下午|晚上|早上)?(?:也)?(?:要|送|拉))`,
  ),
  new RegExp(`给(${CJK}{2,3}?)送(?=[\\d一二两三四五六七八九十俩仨]|水|点|些)`),
  new RegExp(`^(${CJK}{2,3}?)(?=(?:俺|我|额)(?:家|爹|娘|妈|爸)?(?:说)?要)`),
  new RegExp(
    `(?:^|[\\s,，。])(${CJK}{2,3}?)(?=的水|这边|那边|屋里|屋头|(?:明天|今天|后天|今晚|明早)(?:也)?要|(?:今天|明天)?也要|要水|的也要)`,
  ),
];

/** The place a frame holds, when the word in it can only be a place. */
export function framedPlace(text: string, customer: string | null): PlaceHit | null {
  for (const re of FRAMES) {
    const m = re.exec(text);
    const word = m?.[1];
    if (!m || !word) continue;
    if (!isPlaceLike(word, SURNAME_RE.test(word) ? null : customer)) continue;
    if (
      SURNAME_RE.test(word) &&
      !PLACE_CHARS.has(word[word.length - 1] as string) &&
      !HAMLET_SIDE_RE.test(word)
    )
      continue;
    const start = m.index + m[0].lastIndexOf(word);
    return { start, end: start + word.length, place: word, strict: true, byEnding: true };
  }
  return null;
}

/** 南头, 川口, 前街: a word naming a side or an end of the village. */
const HAMLET_SIDE_RE = /^[东西南北上下前后里外中][\u4e00-\u9fa5]$|[头口边]$/;

const FULL_NAME_RE = new RegExp(`^${NAME}$`);
const SIDE_FAMILY_RE = new RegExp(`^[前后东西南北上下][${SURNAMES}]$`);

/** 1. 东湖 王翠 土豆5斤: a hamlet's word before a villager's full name opens the line as its place. */
export function hamletBeforeName(first: string, second: string | undefined): boolean {
  if (!second || !FULL_NAME_RE.test(second) || first.length < 2 || first.length > 3) return false;
  // (2. 后刘 刘老三: a side of the village and a family's name, 后刘 or 前王, before a full name is the hamlet)
  if (SIDE_FAMILY_RE.test(first)) return true;
  if (!PLACE_CHARS.has(first[first.length - 1] as string)) return false;
  return isPlaceLike(first, second);
}

const NAME_AFTER_HAMLET_RE = new RegExp(
  `(?<=[${HAMLET_ONLY_CHARS}])[${SURNAMES}][\\u4e00-\\u9fa5]?[^家\\s]$`,
);

/** 后峁高林: where a villager's name starts after a hamlet's last character in `name`, or -1. */
export function nameAfterHamlet(name: string): number {
  return NAME_AFTER_HAMLET_RE.exec(name)?.index ?? -1;
}

/** 马福林, 张桂林: a villager's name that ends as a wood does (a family's wood has 家, 王家林; trees name one, 松林). */
const NAMED_LIKE_A_WOOD_RE = new RegExp(`^[${SURNAMES}][^家\\s树竹松柏桃茶山杉枫板青][林]$`);

/** 我家稻田 / 那片竹林 / 马福林: a field, a wood or a villager's name, no hamlet. */
export function fieldOrWood(name: string): boolean {
  return /(?:稻|农|菜|麦|梯|水|秧|树|竹|山|森|茶)[田林]$/.test(name) || NAMED_LIKE_A_WOOD_RE.test(name);
}

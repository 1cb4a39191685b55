// Several households ordering in one message (我家要米一袋 老李家要油一桶 都送到岩口; 帮四组的陈大爷订一盒降压药，另外
// 黄桷湾的周婆婆要两盒板蓝根): each household's clause is its own order or booking, with its own customer and
// place; what is said once for all (都送到岩口, 明天下午一起送, 我们大箐这边) stands for those that say nothing.
import type { OrderRecord, ParsedRecord, WaterRecord } from '../records.js';
import { matchesOf } from './chars.js';
import { undoubt } from './doubts.js';
import { ELDER_TITLES } from './kin-words.js';
import { SURNAMES, TITLED_NAME } from './name-words.js';
import { parseNumber } from './numerals.js';

const KIN_OR_TITLE = `${ELDER_TITLES}|嬢嬢|孃孃|阿姨|叔叔|伯伯|大伯|老师|外婆|外公|姥姥|姥爷|爸爸|妈妈|老汉|老妈|老爸|嫂子`;
/**
 * A household opening its clause and asking: 我家要, 老李家要, 李家订, 帮四组的陈大爷订, 另外黄桷湾的周婆婆要. The
 * group 1 is who, when it names someone.
 */
const HOUSEHOLD_RE = new RegExp(
  String.raw`(?:^|[\s,，。；;、：:]|另外|还有)(?:帮|给|替)?(?:[\u4e00-\u9fa5\d]{1,5}?的|[\u4e00-\u9fa5]{1,3}[湾冲坳岭塅沟坪坡寨庄屯峪垭坝岙])?(?:隔壁|邻居|对门|对面)?` +
    // (石板湾李娭毑要两斤盐；茶山坳王嗲嗲要一包烟 / 枫树冲刘建国要一包尿素: a hamlet, then who, then the ask)
    String.raw`(我家|我们家|俺家|我屋里|我屋头|[${SURNAMES}][\u4e00-\u9fa5]{1,2}?(?=(?:屋里|家)?(?:(?:冇得|没得|没有|莫得)[\u4e00-\u9fa5]{1,3}了)?(?:要|订|买|报[:：\s]))|[老小]?[\u4e00-\u9fa5]家|[\u4e00-\u9fa5]{0,2}(?:${KIN_OR_TITLE})|[\u4e00-\u9fa5][大二三四幺](?:哥|姐|嫂|叔|婶)|[老小][\u4e00-\u9fa5](?=家?(?:要|订|买)))` +
    // (杨二哥屋里要化肥两袋: a household called by its head and 屋里, the Southwest's 家)
    // (李娭毑冇得盐了要三包: what ran out said between; 帮刘建国报：…: a proxy's report)
    '(?:家|屋里|屋头)?(?:(?:冇得|没得|没有|莫得)[\u4e00-\u9fa5]{1,3}了)?(?:要|订|买|送|也要|需要|报(?=[:：s])|托我(?:帮(?:她|他))?(?:带|买|捎)|(?:让|叫)我(?:帮(?:她|他))?(?:带|买|捎))',
  'g',
);
/** Every household's clause asks (要, 订, 买, 送, 带): fewer than two such words, no two households. */
const ASK_WORD_RE = /要|订|买|送|带|捎|报(?=[:：])/g;
const OWN = new Set(['我家', '我们家', '俺家', '我屋里', '我屋头']);

export interface HouseholdPart {
  /** The clause's text, from its household to the next's. */
  text: string;
  /** Whom the clause is for (老李家, 陈大爷), or null for the sender's own household. */
  who: string | null;
}

/** 王家院子, 老屋基, 李家沟: a hamlet opening a clause of a booking for several places. */
const HAMLET_NAME = String.raw`[\u4e00-\u9fa5]{1,3}(?:院子|湾|塆|沟|坝|坪|嘴|岭|坡|坎|垭|屋基|岩脚|岩)`;
const HAMLET_RE = new RegExp(`^${HAMLET_NAME}$`);
const GROUP_LEAD = String.raw`(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)\s*)`;
/**
 * A household opening a clause with its goods and count and no verb: 刘家米一袋，王家油一桶 / 3组 刘大妈 米一袋 /
 * 三组刘家两桶 五组陈家一桶 / 我家两桶 隔壁李叔家一桶 / 韦老三米粉5斤 黄阿妹腊肠2斤. Group 1 is the household with its group, if said.
 */
const VERBLESS_RE = new RegExp(
  String.raw`(?:^|[\s,，。；;、：:])(${GROUP_LEAD}?(?:我家|隔壁[\u4e00-\u9fa5]{1,3}家|[老小]?[\u4e00-\u9fa5]家(?:老?阿[奶爷婆公])?(?![院湾塆沟坝坪嘴岭坡屋])|${TITLED_NAME}|[${SURNAMES}](?:老[大二三四五六七八九幺]|阿[\u4e00-\u9fa5])|${HAMLET_NAME}))` +
    String.raw`(?=\s*[\u4e00-\u9fa5]{0,5}?[\d一二两三四五六七八九十半]{1,3}\s*(?:桶|袋|包|斤|瓶|箱|盒|件|提|壶|罐|把|卷|板|块|条|吨))`,
  'g',
);
const GROUP_LEAD_RE = new RegExp(`^${GROUP_LEAD}`);

/** The message cut at each household that asks, when two or more do; else null. */
export function householdParts(text: string): HouseholdPart[] | null {
  if ((text.match(ASK_WORD_RE)?.length ?? 0) < 2) return verblessParts(text);
  const starts: { at: number; who: string | null }[] = [];
  HOUSEHOLD_RE.lastIndex = 0;
  for (let m = HOUSEHOLD_RE.exec(text); m !== null; m = HOUSEHOLD_RE.exec(text)) {
    const lead = /^(?:[\s,，。；;、：:]|另外|还有)/.exec(m[0]);
    const who = m[1] as string;
    // 我…大米两袋 盐五包 另外隔壁刘婆婆托我帮她带一瓶醋: the sender's own order before another's
    if (starts.length === 0 && lead?.[0] !== undefined && /另外|还有/.test(lead[0]) && m.index > 0)
      starts.push({ at: 0, who: null });
    starts.push({
      at: m.index + (lead && lead[0].trim() === '' ? lead[0].length : 0),
      who: OWN.has(who) ? null : who,
    });
    if (starts.length > 6) return null;
  }
  if (starts.length < 2) return null;
  return starts.map((s, k) => ({
    text: text
      .slice(s.at, starts[k + 1]?.at ?? text.length)
      .replace(/^[,，。；;、\s]+|[,，。；;、\s]+$/g, ''),
    who: s.who,
  }));
}

/** 刘家米一袋，王家油一桶: each household's clause, its name set apart from its goods (刘家 米一袋). */
function verblessParts(text: string): HouseholdPart[] | null {
  const starts: { at: number; end: number; who: string }[] = [];
  VERBLESS_RE.lastIndex = 0;
  for (let m = VERBLESS_RE.exec(text); m !== null; m = VERBLESS_RE.exec(text)) {
    const token = m[1] as string;
    const at = m.index + m[0].length - token.length;
    starts.push({ at, end: at + token.length, who: token.replace(GROUP_LEAD_RE, '') });
    if (starts.length > 8) return null;
  }
  if (starts.length < 2) return null;
  const parts = starts.map((s, k) => {
    const rest = text.slice(s.end, starts[k + 1]?.at ?? text.length).replace(/[,，。；;、\s]+$/g, '');
    const who = OWN.has(s.who) || HAMLET_RE.test(s.who) ? null : s.who;
    return { text: `${text.slice(s.at, s.end)} ${rest.trim()}`, who };
  });
  // 大湾 三桶水 明天上午 大湾 三桶水 明天上午: the same clause said twice is one
  return new Set(parts.map((p) => p.text)).size === parts.length ? parts : null;
}

type Deliverable = OrderRecord | WaterRecord;

function deliverable(r: ParsedRecord): r is Deliverable {
  return r.type === 'order' || r.type === 'water';
}

/**
 * One order or booking per household, each read from its own clause, when every clause gives exactly one
 * with a quantity; a clause's missing place (and a booking's missing day) is the whole
 * message's. Null when the clauses do not read that way: the whole message's reading stands.
 */
export function perHousehold(
  whole: readonly ParsedRecord[],
  parts: readonly HouseholdPart[],
  read: (text: string) => ParsedRecord[],
): ParsedRecord[] | null {
  const mine = whole.filter(deliverable);
  if (mine.length === 0) return null;
  const out: Deliverable[] = [];
  const wholeWater = mine.some((r) => r.type === 'water') && !mine.some((r) => r.type === 'order');
  for (const p of parts) {
    let got = read(p.text).filter(deliverable);
    // 明早送水：三组刘家两桶 五组陈家一桶: barrels of a booking said once are water
    if (got.length === 0 && wholeWater && !p.text.includes('水'))
      got = read(`${p.text}水`).filter(deliverable);
    if (got.length !== 1) return null;
    const r = got[0] as Deliverable;
    if (r.type === 'order' && r.items.every((i) => i.qty === null)) return null;
    if (r.type === 'water' && r.qty === null) return null;
    out.push(r);
  }
  const water = mine.find((r): r is WaterRecord => r.type === 'water');
  // 都送到三组: a place said for all holds for every household, over where the sender said they are from
  const forAllAt = parts.findIndex((p) => /都(?:送|放|拿)/.test(p.text));
  const forAll = forAllAt >= 0;
  // (…胡根宝 大米1袋 盐1包。都送石坑: the place said for all, read in the clause that says it, when the whole has none)
  const place =
    mine.find((r) => r.deliverTo !== null)?.deliverTo ?? (forAll ? (out[forAllAt]?.deliverTo ?? null) : null);
  for (const [k, r] of out.entries()) {
    if (r.deliverTo === null || (forAll && place !== null)) r.deliverTo = place;
    // 老李家要油一桶: among households, the household as written is whom the order is for
    const who = (parts[k] as HouseholdPart).who;
    if (r.type === 'order' && (r.customer === null || who?.endsWith('家'))) r.customer = who ?? r.customer;
    if (r.type === 'water' && r.date === null && water) {
      r.date = water.date;
      r.part = r.part ?? water.part;
    }
  }
  return [...whole.filter((r) => !deliverable(r)), ...out];
}

const SENT_SHARE_RE =
  /([一二两三四五六七八九十\d]{1,2})\s*(袋|桶|箱|包|斤|瓶|盒|件|提|壶)\s*送(?:到|去|给)?([^，,。；;\s]{1,10})/g;

/**
 * 帮我代购两箱牛奶，一箱送三组我妈家，一箱送五组我家: one order shared between places is one order a place, each with
 * its share. Null unless the shares add up to the one item's count.
 */
export function perDestination(
  records: readonly ParsedRecord[],
  text: string,
  placeOf: (said: string) => string | null,
): ParsedRecord[] | null {
  const orders = records.filter((r): r is OrderRecord => r.type === 'order');
  if (orders.length !== 1) return null;
  const order = orders[0] as OrderRecord;
  const item = order.items.length === 1 ? order.items[0] : undefined;
  if (!item || item.qty === null) return null;
  const shares: { qty: number; place: string }[] = [];
  for (const m of matchesOf(SENT_SHARE_RE, text)) {
    const qty = parseNumber(m[1] as string);
    if (qty === null || m[2] !== item.unit) return null;
    shares.push({ qty, place: placeOf(m[3] as string) ?? (m[3] as string) });
  }
  if (shares.length < 2 || shares.reduce((a, b) => a + b.qty, 0) !== item.qty) return null;
  // (the shares pair every count with the goods: no loose count is left to doubt)
  const split: OrderRecord[] = shares.map((sh) =>
    undoubt({ ...order, items: [{ ...item, qty: sh.qty }], deliverTo: sh.place }, 'pairing'),
  );
  return [...records.filter((r) => r !== order), ...split];
}

/** 帮五组陈二嬢、三组刘大妈各买两斤面条 / 帮王婆婆和李大爷各带一袋米: the people the same goods are bought for. */
const EACH_FOR_RE = /(?:帮|给|替)([^，,。；;！!？?]{2,30}?)各(?:自)?(?:买|带|订|要|捎|拿|来|称)/;

/** One order per person when the goods are bought for each of several (各买); null otherwise. */
export function perEach(records: readonly ParsedRecord[], text: string): ParsedRecord[] | null {
  const m = EACH_FOR_RE.exec(text);
  if (!m) return null;
  const names = (m[1] as string)
    .split(/[、,，和与跟及\s]+/)
    .map((n) => n.replace(/^的|的$/g, ''))
    .filter((n) => n.length > 0);
  if (names.length < 2 || names.length > 8) return null;
  const orders = records.filter((r): r is OrderRecord => r.type === 'order');
  if (orders.length !== 1) return null;
  const order = orders[0] as OrderRecord;
  const split = names.map((n): OrderRecord => {
    const group = GROUP_LEAD_RE.exec(n)?.[0].trim() ?? null;
    const who = n.replace(GROUP_LEAD_RE, '').replace(/^的/, '');
    return {
      ...order,
      items: order.items.map((i) => ({ ...i })),
      customer: /^(?:我|俺)/.test(who) || who.length === 0 ? null : who,
      deliverTo: group ?? order.deliverTo,
    };
  });
  const at = records.indexOf(order);
  return [...records.slice(0, at), ...split, ...records.slice(at + 1)];
}

// Who a reading is for (CONTRACT.md section 2, `person`): family members reported for in one message
// (`2208 我36.5 老公36.7 娃36.9`, `我和我妈都是36.4`), a neighbour reported for (`帮隔壁2306的刘爷爷报一下`).
// Kept as written. Every person's reading is one record; no reading is dropped.
import { MAX_HITS, matchesOf } from './chars.js';
import { ELDER_TITLES, KIN } from './kin-words.js';
import { SURNAMES } from './name-words.js';
import {
  ALONE_BEFORE_READING,
  kinAsSaid,
  PRONOUN,
  parentPairs,
  toldOfBefore,
  whoseKin,
} from './persons-kin.js';
import { withNamesBeforeReadings } from './persons-named.js';

export interface PersonHit {
  start: number;
  end: number;
  person: string;
  /** The sender (我, 本人, 自己). */
  self: boolean;
}

const SELF = ['我自己', '本人', '自己', '我', '俺', '额'];
const KIN_SET = new Set(KIN);
const TITLES = `${ELDER_TITLES}|老太太|老爷子|老者|嫂子|阿姨|叔叔|伯伯|嬢嬢|孃孃|老师|师傅|大哥|大姐|叔|姐|哥|婶|嫂`;
const RELAYED_COMPLAINT_RE = /^(?:上午|下午|早上|晚上|今天|刚才)?(?:反映|自述|诉)/; // (312小伍上午反映拉肚子: staff relaying)
const PERSON_RE = new RegExp(
  `隔壁(?=\\s*\\d{3,4}(?!\\d)(?!的?(?:阿姨|叔叔|大爷|大妈|奶奶|爷爷|婆婆|大姐|大哥)))|(?<=\\d{3,4}的?)(?:阿姨|叔叔|大爷|大妈|奶奶|爷爷|婆婆|大姐|大哥|阿婆|阿公)(?=\\s*[\\d三]|[^。]{0,16}(?:帮|替|代)[^。\\d]{0,4}报)|(?<=\\d{3,4}房?)[小老][${SURNAMES}](?=(?:上午|下午|早上|晚上|今天|刚才)?(?:反映|自述|诉))|(?:[${SURNAMES}](?:${TITLES})|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?)的(?:妈妈|爸爸|妈|爸|老汉|婆婆|爷爷|奶奶|孩子|娃儿|娃)(?=\\s*[\\d三])|[${SURNAMES}](?:${TITLES})|[小老][${SURNAMES}](?=\\s*\\d)|[大二三小]的(?=\\s*(?:3[4-9]|三十))|${[
    ...KIN,
  ]
    .sort((a, b) => b.length - a.length)
    // (俺家孩子他爸: the child's father, not the child)
    .map((w) =>
      w.endsWith('儿')
        ? `${w}(?!子)`
        : w.endsWith('孩子')
          ? `${w}(?!他[爸妈])`
          : w === '家家'
            ? '家家(?!户)'
            : // (冉家婆婆: a family's grandmother, not 家婆)
              w === '家婆' || w === '家公'
              ? `${w}(?!${w[1]})`
              : // (我大儿子 / 额大女子: 大 there is the eldest, not the father)
                /^[我额俺]大$/.test(w)
                ? `${w}(?![儿女孙姐哥闺娃爷娘妈孩宝伢崽小子大])`
                : w,
    )
    .join(
      '|',
    )}|${SELF.map((w) => (w === '额' ? '额(?![头温尔日])' : w)).join('|')}|${PRONOUN.map((w) => (w === '宝' ? '(?<!家)宝' : ALONE_BEFORE_READING.has(w) ? `(?<![\\u4e00-\\u9fa5])${w}(?=\\s?\\d)` : w)).join('|')}`,
  'g',
);
/** 我的 / 我们 / 我是 …: 我 that is not a person reported for. */
/** 我今天早上三十七度五 … 姆妈三十六度七: the sender's own reading, a day or part of it between. */
const SELF_DAY_READING_RE =
  /^(?:今天|今早|今晚|早上|上午|中午|下午|晚上)(?:早上|上午|中午|下午|晚上)?(?:量的|测的|体温)?\s*(?:是)?\s*(?:3[4-9]|三十)/;
const NOT_SELF_AFTER =
  /^(?:们|(?:叫|让|喊)(?:他|她)|拿(?:过来|来)|上门|是(?!\s*[\d三四])|在|住|这|那|也|家(?!孩子|宝宝|老人)|想|要|的|今天|昨天|刚|已|发|量|测|报|给|帮|替|代)/;

/** 我在3栋201 36度8 (老婆在3栋202 36度6): the sender's room, then the sender's reading. */
const SELF_ROOM_READING_RE =
  /^(?:在|住)\s*(?:\d{1,2}\s*[栋-]\s*)?\d{3,4}(?:房|室|号)?\s*(?:体温)?\s*(?:是)?\s*(?:3[4-9]|三十)/;
/** 我量36.6 / 我测的36.5: the sender's own reading. */
const OWN_READING_RE =
  /^(?:(?:今天|昨天|今早|早上|晚上|的)(?:的)?\s*(?:体温|温度)(?:是|为)?\s*[\d三]|(?:刚才|刚刚|刚|又|再|今天|早上|晚上)*(?:量|测)(?:了|的)?\s*(?:是)?\s*[\d三])/;
const AWAY_RE =
  /^不在(?:身边|家|这里|这边|跟前)|^在(?:屋头|家里|家|老家|外地|外面|学校|上班|[\u4e00-\u9fa5]{2,3}(?=不知道|那边|那里|还好|没事))/;

/**
 * A gate before PERSON_RE: every alternative of it holds one of these characters (a kin word's first, a title's,
 * the sender's words, 隔 of 隔壁, 小/老 before a surname, the kin after 的), so a text with none names no one.
 * Derived from the same lists, so a kin word added to KIN cannot slip past it.
 */
const PERSON_HINT = new RegExp(
  `[${[
    ...new Set([
      ...KIN.map((w) => w[0] as string),
      ...SELF.map((w) => w[0] as string),
      ...PRONOUN,
      ...TITLES.replace(/\|/g, ''),
      ...'隔小老妈爸婆爷奶孩娃大二三',
    ]),
  ].join('')}]`,
);

export function findPersons(text: string): PersonHit[] {
  const hits: PersonHit[] = [];
  if (!PERSON_HINT.test(text)) return withNamesBeforeReadings(text, hits);
  const pairs = parentPairs(text);
  for (const m of matchesOf(PERSON_RE, text)) {
    if (hits.length >= MAX_HITS) break;
    const w = m[0];
    if (pairs.some((p) => m.index < p.end && m.index + w.length > p.start)) continue;
    const self = SELF.includes(w);
    const end = m.index + w.length;
    // 我是2105的 / 我们 / 我想要: the sender speaking, not a reading's person
    // (我量36.6 is the sender's own reading beside others')
    if (
      self &&
      NOT_SELF_AFTER.test(text.slice(end, end + 3)) &&
      !OWN_READING_RE.test(text.slice(end, end + 10)) &&
      !SELF_DAY_READING_RE.test(text.slice(end, end + 12)) &&
      !SELF_ROOM_READING_RE.test(text.slice(end, end + 16))
    )
      continue;
    if (
      PRONOUN.includes(w) &&
      !/^\s*(?:是|体温|烧到|发烧了?|高烧|量了|测了|量的|测的)?\s*[\d三四]/.test(text.slice(end, end + 7)) &&
      // (我叫他再测了一遍37.8: measured again, 他 or 她 is whom the reading is for)
      !(
        (w === '他' || w === '她') &&
        /^(?:再|又|重新)(?:测|量)了?(?:一遍|一次|一下)?\s*[\d三四]/.test(text.slice(end, end + 11))
      )
    )
      continue;
    // 帮我妈报一下 她78了 早上36.3: 她 is the person named before, when no reading stands between
    // (1205张阿姨说她36.8: a room number before is no reading between)
    if (
      (w === '她' || w === '他') &&
      !/(?<![\d.])(?:3[4-9]|4[0-2])(?:\.\d)?(?![\d.])/.test(text.slice(0, m.index))
    ) {
      const named = [...hits].reverse().find((h) => !h.self && !PRONOUN.includes(h.person));
      if (named && !/[\d三四]十|[三四][零一二三四五六七八九]点/.test(text.slice(named.end, m.index))) {
        hits.push({ start: m.index, end, person: named.person, self: false });
        continue;
      }
    }
    // 五组韦小军今天早上说有点发冷我叫他再测了一遍37.8: 他 is the villager named before, told of since
    const told = w === '她' || w === '他' ? toldOfBefore(text, m.index) : null;
    if (told) {
      hits.push({ start: m.index, end, person: told, self: false });
      continue;
    }
    // 娃儿在屋头没人管: someone said to be elsewhere is not measured here
    if (!self && AWAY_RE.test(text.slice(end, end + 9))) continue;
    // 何二娃 36.6 / 冉老三 / 1508王爹爹: a kin word after a surname opening the message is a villager's name
    if (
      !self &&
      KIN_SET.has(w) &&
      SURNAMES.includes(text[m.index - 1] ?? '') &&
      /^[\s\d]*.$/.test(text.slice(0, m.index))
    )
      continue;
    // 1206房陈老师：早上36.4 / 您好，1518房周女士: a titled name right after the opening room signs the message
    // (7102曾师傅早上体温36.5 / 5110韩师傅早上三十六点五度: the room bare, when the message holds one reading only)
    const lead = text.slice(0, m.index);
    if (
      !self &&
      SIGNING_TITLE_RE.test(w) &&
      !RELAYED_COMPLAINT_RE.test(text.slice(end, end + 6)) &&
      (SIGNED_AFTER_ROOM_RE.test(lead) ||
        (BARE_ROOM_RE.test(lead) && READING_RE.test(text) && !TWO_READINGS_RE.test(text)))
    )
      continue;
    // 让孙子帮我发的: the one typing for the sender is no one reported for
    if (
      !self &&
      /^(?:(?:帮我|替我|给我|代我)(?:发|打字|打的|报|写)|代(?:报|发))/.test(text.slice(end, end + 5))
    )
      continue;
    // 我是1506房的张婆婆: the sender naming herself is the sender
    // (我是916的我儿子: a kin word of the sender's is no self-introduction)
    // (我是215的娃娃刚刚量了37.8我自己36.6: the sender reporting for herself after is not that kin)
    const selfNamed =
      !w.startsWith('我') &&
      /我是(?:(?!然后|还有|度|\.|我|和|跟)[^，,。\s]){0,8}$/.test(
        text.slice(Math.max(0, m.index - 10), m.index),
      ) &&
      !/我自己\s*(?:是)?\s*(?:3[4-9]|三十)/.test(text.slice(end));
    // 我婆婆 as written, like 我老婆 (not 我们, not the 我 of 我是 / 我帮)
    const mine = !self && !selfNamed && !w.startsWith('我') && text[m.index - 1] === '我';
    // 老二媳妇 / 他老婆: whose kin they are, said glued before, is part of the person
    // (务榜老婆 / 阿珍家娃 / 刘满仓婆姨, opening a line of a relayed list: the villager whose kin they are, too)
    const whose = mine || self ? null : whoseKin(text, m.index);
    const start = mine ? m.index - 1 : whose ? m.index - whose.length : m.index;
    // 石板沟李二娃复测37.4: a surname before a name-like kin word (二娃, 老三, 幺妹, 阿匹) makes a villager's name
    const before = text[m.index - 1];
    if (
      !whose &&
      !mine &&
      !self &&
      !selfNamed &&
      before &&
      (/^[大二三四五六幺老小]./.test(w) ||
        // (多依塘卢阿匹 / 卢阿波: a surname standing after a hamlet or alone, not the end of a name: 沙马阿达)
        (w.startsWith('阿') && !/[\u4e00-\u9fa5]/.test(text[m.index - 2] ?? ' ')) ||
        (w.startsWith('阿') && /[塘寨箐坡沟湾坝坪岭冲]/.test(text[m.index - 2] ?? ''))) &&
      SURNAMES.includes(before)
    ) {
      hits.push({ start: m.index - 1, end, person: `${text[m.index - 1]}${w}`, self: false });
      continue;
    }
    const person = selfNamed ? '我' : self ? w : whose ? `${whose}${w}` : kinAsSaid(mine ? `我${w}` : w);
    hits.push({ start, end, person, self: self || selfNamed });
  }
  if (pairs.length > 0) {
    hits.push(...pairs);
    hits.sort((a, b) => a.start - b.start);
  }
  return withNamesBeforeReadings(text, hits);
}

const SIGNING_TITLE_RE = /^[\u4e00-\u9fa5](?:老师|师傅|先生|女士|小姐|老者)$/;
const SIGNED_AFTER_ROOM_RE =
  /^\s*(?:您好|你好)?[,，\s]*(?:\d{1,2}[栋号]楼?|[A-Za-z]座)?\d{3,4}(?:房间?|室)[,，\s]*$/;
const BARE_ROOM_RE = /^\s*(?:\d{1,2}[栋号-])?\d{3,4}\s*$/;
const READING_RE = /(?<![\d.])(?:3[4-9]|4[0-2])(?:\.\d)?(?![\d.])|三十[四五六七八九]/;
/** Two readings in the message (a titled name before the only one signs it). */
const TWO_READINGS_RE = new RegExp(`(?:${READING_RE.source})[\\s\\S]*?(?:${READING_RE.source})`);
/**
 * The persons a reading is for: the last person named before it (after `from`), or a list of them joined by
 * 和/跟/、 and read with 都/也 (我和老婆都是36.5 is two readings of 36.5).
 */
export function personsBefore(
  text: string,
  persons: readonly PersonHit[],
  from: number,
  to: number,
): PersonHit[] {
  const inside = persons.filter((p) => p.start >= from && p.end <= to);
  const last = inside[inside.length - 1];
  if (!last) return [];
  const group = [last];
  for (let k = inside.length - 2; k >= 0; k--) {
    const p = inside[k] as PersonHit;
    const between = text.slice(p.end, (group[0] as PersonHit).start);
    // 我和老婆孩子都是36.6: kin words may also stand side by side (俺跟俺家妞儿: the possessive between is theirs)
    if (!/^\s*(?:和|跟|与|、|还有|及|,|，)?\s*(?:我家|俺家|我们家|我的|俺的)?\s*$/.test(between)) break;
    group.unshift(p);
  }
  // (518 … 我和老婆36.4: the pair right before the one reading, with nothing between, are both its)
  if (
    group.length > 1 &&
    !/都|也|均|一样|全是|全都/.test(text.slice(last.end, to)) &&
    !(
      /^\s*(?:体温)?\s*$/.test(text.slice(last.end, to)) &&
      group.every(
        (p, i) =>
          i === 0 || /^\s*(?:和|跟|与|、)\s*$/.test(text.slice((group[i - 1] as PersonHit).end, p.start)),
      )
    )
  )
    return [last];
  return group;
}

/**
 * 我和我妈 36.5 36.8: people listed together, then as many readings with no one named between them, are
 * read in order. The persons of each reading, or null when the text is not laid out so.
 */
const LIST_GAP_RE =
  /^[\s,，:：]*(?:今天|今早|今晚|早上|晚上|上午|下午)?(?:的)?(?:体温|温度)?(?:都)?(?:正常|还好|好|没事)?[\s,，:：]*(?:分别)?(?:是|为)?[\s:：]*$/;

export function listedInOrder(
  text: string,
  persons: readonly PersonHit[],
  temps: readonly { start: number; end: number }[],
): string[] | null {
  if (temps.length < 2 || persons.length < 2) return null;
  const first = temps[0] as { start: number };
  const before = persons.filter((p) => p.end <= first.start);
  const group: PersonHit[] = [];
  for (const p of before) {
    const prev = group[group.length - 1];
    if (prev && !/^\s*(?:和|跟|与|、|还有|及|,|，)?\s*$/.test(text.slice(prev.end, p.start)))
      group.length = 0;
    group.push(p);
  }
  if (group.length !== temps.length) return null;
  if (persons.some((p) => p.start >= first.start)) return null;
  // nothing but spaces, punctuation, the day and 体温/都正常/分别/是 between the people and the readings
  // (我和爱人今天体温都正常，36.5、36.3)
  const gap = text.slice((group[group.length - 1] as PersonHit).end, first.start);
  if (!LIST_GAP_RE.test(gap)) return null;
  return group.map((p) => p.person);
}

/** A word standing alone between spaces that may be someone's name (吉克阿呷, 吉克拉日): no day, slot or talk in it. */
// (아버지 36.5 어머니 37.6: kin in Korean, as Korean-Chinese families write them)
const NAME_TOKEN_RE =
  /^(?![\s\S]*[早晚上下午中体温度今天现在又了是的都也我你他她们不没有点])(?:[\u4e00-\u9fa5]{2,4}|[\uac00-\ud7a3]{2,5})$/;

/**
 * 吉克阿呷 36.4 吉克拉日 36.6: two readings, each after a word standing alone, are those two people's (a name of any
 * people; the bot does not merge them). The two words, or null when the readings are not laid out so.
 */
export function namesBeforeEach(
  text: string,
  lastAt: number,
  prevEnd: number,
  start: number,
): [string, string] | null {
  const second = /^\s+(\S{2,4})\s*$/.exec(text.slice(prevEnd, start))?.[1];
  const lead = text.slice(0, lastAt).replace(/\s*(?:早上|早晨|上午|中午|下午|晚上|体温)\s*$/, '');
  const first = /(?:^|\s)(\S{2,4})\s*$/.exec(lead)?.[1];
  if (!first || !second || first === second) return null;
  return NAME_TOKEN_RE.test(first) && NAME_TOKEN_RE.test(second) ? [first, second] : null;
}

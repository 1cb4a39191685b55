// Kin words as persons: whose kin they are (老二媳妇, 务榜老婆), both parents in one word (爸妈), and the word as the
// person's name (我老公 → 老公). persons.ts finds them; this file says what each one names.
import { matchesOf } from './chars.js';
import { SURNAMES } from './name-words.js';
import type { PersonHit } from './persons.js';

const WHOSE_BEFORE_RE = new RegExp(`(?:[${SURNAMES}]?老[大二三四五六幺]|[他她恁]|[${SURNAMES}]家)$`);
/**
 * 务榜 / 阿珍 / 阿珍家 (a villager by the name the village calls them, or a household), standing at the start of a line
 * or a part of it, glued before a kin word (务榜老婆, 阿四老婆, 阿珍家娃), and a villager's full name so (王拴牢他妈,
 * 拓存福婆姨): whose kin they are is part of the person.
 * (阿爸, 阿妈, 阿妹 are kin of their own; a surname and a title, 杨婆婆, stand for themselves.)
 */
const OWNER_BEFORE_RE = new RegExp(
  `(?:^|[\\s,，。：:；;、]|看了|看过|帮|替|(?<=[沟湾坝坪岭冲塘坳溪寨坡垭梁峁塬洼岔屯庄]))((?:阿(?![爸妈公婆嬷嫲奶爷达大伯叔姨姐哥弟妹嫂婶舅爹娘普嫫])|务)[\\u4e00-\\u9fa5](?:家)?|(?<=[寨沟湾坪屯村])(?![我你他她俺咱])[\\u4e00-\\u9fa5]{2}家|[${SURNAMES}](?!麻烦|医生|大夫|村医|老师|书记|主任|会计|支书|[\\u4e00-\\u9fa5][家坞坑湾塆沟坝坪寨冲塘坳岭坡坎垭岗峁塬咀嘴滩箐堡洼岔界源岙垟畈垸铺店街寮埔坦庄村屯河峪崖])(?:(?![帮替给我俺额的了是在和跟])[\\u4e00-\\u9fa5]){2})$`,
);

/** 爸妈 / 我爸妈 / 爹娘: both parents in one word are two persons (2110 爸妈和俺都正常 is three reports). */
const PARENTS_RE = /(我|俺)?(爸|爹)(妈|娘)(?![妈娘])/g;

/** The two persons of each parents' word, as written (我爸妈 → 我爸, 我妈; 俺爹娘 → 爹, 娘 as 俺爹 is 爹). */
export function parentPairs(text: string): PersonHit[] {
  if (!/[爸爹]/.test(text)) return [];
  const out: PersonHit[] = [];
  for (const m of matchesOf(PARENTS_RE, text)) {
    const mine = m[1] === '我' ? '我' : '';
    const at = m.index + (m[1]?.length ?? 0);
    out.push({ start: m[1] ? m.index : at, end: at + 1, person: `${mine}${m[2]}`, self: false });
    out.push({ start: at + 1, end: at + 2, person: `${mine}${m[3]}`, self: false });
  }
  return out;
}

/**
 * A kin word as the person's name: 我老公 → 老公, 我妈妈 → 妈妈, 我家孩子 → 孩子 (the contract's 爸爸, 妈妈, 老婆, and
 * most writers'), but 我妈 and 我爸 keep their 我 (妈 alone is no way to name someone).
 */
export function kinAsSaid(word: string): string {
  // 俺爹 / 俺娘: northern writers name the parent without 俺
  if (word.startsWith('俺')) return word.slice(1);
  if (word.startsWith('我家') && word.length >= 4) return word.slice(2);
  if (word.startsWith('我') && word.length >= 3) return word.slice(1);
  return word;
}

/** Whose kin the kin word at `at` is, said glued before it (老二媳妇, 他老婆, 王家, 务榜老婆, 阿珍家娃); null when none. */
export function whoseKin(text: string, at: number): string | null {
  // (老大老二今早都36.6: two children counted one after the other, neither the other's)
  const counted = /^老[大二三四五六幺]/.test(text.slice(at, at + 2));
  // (我家婆婆: the sender's household's grandmother, as written)
  const home = /[我俺]家$/.exec(text.slice(Math.max(0, at - 2), at));
  if (home && /^(?:婆婆|公公)/.test(text.slice(at, at + 2))) return home[0];
  const whose = WHOSE_BEFORE_RE.exec(text.slice(Math.max(0, at - 3), at))?.[0];
  return (
    (counted && whose && /老[大二三四五六幺]$/.test(whose) ? undefined : whose) ??
    OWNER_BEFORE_RE.exec(text.slice(Math.max(0, at - 5), at))?.[1] ??
    (SPOUSE_RE.test(text.slice(at, at + 2))
      ? SPOUSE_OWNER_RE.exec(text.slice(Math.max(0, at - 4), at))?.[1]
      : null) ??
    null
  );
}

/** 大夫说王海媳妇复测36.9: a villager named by a surname and one character, whose wife (or husband) is meant. */
const SPOUSE_RE = /^(?:媳妇|老婆|婆姨|男人)/;
const SPOUSE_OWNER_RE = new RegExp(
  `(?:^|[\\s,，。：:；;、]|说|讲)([${SURNAMES}](?![家庄村屯湾沟坝坪寨冲塘岭坡])[\\u4e00-\\u9fa5])$`,
);

/**
 * 她36.7 / 爸36.5 妈36.8 / 爷36.4 奶36.5 / 妹36.6: a pronoun or a one-character parent, grandparent or sibling right before a reading is a person reported for (not the
 * 宝 of a name: 洪家宝 36.4 signs his own report).
 */
export const PRONOUN = [
  '她',
  '他',
  '伊',
  '爸',
  '妈',
  '爹',
  '娘',
  '宝',
  '婆',
  '爷',
  '奶',
  '哥',
  '姐',
  '弟',
  '妹',
  '仔',
  '囡',
];
/** 爷36.4 / 妹36.6: one character that names someone only standing alone right before a reading. */
export const ALONE_BEFORE_READING = new Set(['爷', '奶', '哥', '姐', '弟', '妹', '仔', '囡']);

/** 五组韦小军今天早上说有点发冷: a villager named after a group or hamlet, then told of (a day, 说, a complaint). */
const TOLD_OF_RE = new RegExp(
  `(?:[组村湾沟坪寨坡岭]|^|[\\s,，。])([${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?)(?=今天|今早|早上|昨天|昨晚|说|讲|有点|也有点|又)`,
  'g',
);

/** The villager 他 / 她 at `at` is, named before it with no reading between; null when none. */
export function toldOfBefore(text: string, at: number): string | null {
  let found: RegExpExecArray | null = null;
  TOLD_OF_RE.lastIndex = 0;
  for (let m = TOLD_OF_RE.exec(text); m !== null && m.index < at; m = TOLD_OF_RE.exec(text)) found = m;
  if (!found?.[1]) return null;
  const between = text.slice(found.index + found[0].length, at);
  return /(?<![\d.])(?:3[4-9]|4[0-2])(?:\.\d)?(?![\d.])|三十/.test(between) ? null : found[1];
}

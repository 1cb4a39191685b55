// Persons named before several readings on one line (a roster typed on one line: 张强36.5 李明36.6, or kin in
// Latin letters: me 36.5 mom 36.7 dd 36.4), added to the persons persons.ts found.

import { matchesOf } from './chars.js';
import { SURNAMES } from './name-words.js';
import type { PersonHit } from './persons.js';

/**
 * 张强36.5 李明36.6 / me 36.5 mom 36.7 dd 36.4: names and words for kin each standing before a reading; a name of the
 * south-west's hills (阿福, 李阿鹏, 者老么), a neighbour's call-name (老周, 二柱子) and a named person's kin (罗文学媳妇,
 * 沙老大儿子, 潘小军爸爸) and a child's doubled call-name (乐乐, 豆豆) too.
 */
/** Doubled words that are no child's call-name (乐乐, 豆豆, 妞妞 are). */
const NOT_A_NICKNAME =
  '刚刚|常常|天天|慢慢|好好|渐渐|稍稍|偏偏|往往|早早|仅仅|哈哈|嘿嘿|呵呵|嘻嘻|谢谢|看看|试试|等等|多多|统统|通通|明明|悄悄|偷偷|快快|默默|个个|人人|家家|户户|样样|时时|处处|年年|夜夜|日日|一一|都都|是是|的的|了了|还还';
const NAMED_READING_RE = new RegExp(
  `(?:(?<=[组社队屯寨湾塆沟坝坪垌坑岭坡坎垭岗沿头洋厝垄墩冲塘坳溪峁塬咀嘴滩箐枧堡洼岔界坞坦源岙垟畈垸铺店寮埔峪崖疃庄营登哨])|(?<=媳妇|老婆|老公|丈夫|妻子|儿子|女儿|孙子|孙女|女婿|儿媳|我家|俺家|房间|[0-9]房|返乡的|回来的|复测)|(?<![\\u4e00-\\u9fa5A-Za-z]))((?:[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}|[\\u4e00-\\u9fa5]老[大二三四五六七八九幺么])(?:(?:他|她)?(?:媳妇|老婆|老公|男人|爱人|儿子|女儿|闺女|孙子|孙女|爸爸|妈妈|爷爷|奶奶)|(?:他|她)(?:娘|爹|妈|爸|爷|奶))|[${SURNAMES}](?![沟湾坝坪岭坡冲溪寨屯庄岗梁洼塘村组河山家])[\\u4e00-\\u9fa5]{3}(?=\\s)|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}|[老小][${SURNAMES}]|[\\u4e00-\\u9fa5](?:柱子|栓子|锁子|蛋子|妮子)|[\\u4e00-\\u9fa5]?阿(?![姨婆公妈爸嬷奶爷伯叔哥姐])[\\u4e00-\\u9fa5]{1,2}|[\\u4e00-\\u9fa5]老[大二三四五六七八九幺么]|(?:小|大)?(?!${NOT_A_NICKNAME})([\\u4e00-\\u9fa5])\\2|me|mom|mum|dad|dd|bro|sis|baby|bb)\\s*[:：，,]?\\s*(?:今早|今晚|今天|今晨|早上|早晨|上午|中午|下午|晚上|晚间|早间|(?<=\\s)[早晚]){0,2}(?:量的|测的|量了|测了|复测了?|复查了?)?\\s*(?=(?:3[4-9]|4[0-2])(?:\\.\\d)?(?![\\d.]|\\.\\d)|三十[四五六七八九](?:度|点)?)`,
  'gi',
);

/**
 * 核桃箐 王阿四 今早37.6 / 高枧 石春生 37.4 / 杏儿沟祁家 祁有才下午量的37.6 / 下午测温 岑卜屯 吴老满 37.6: a hamlet (a
 * household in it, the round's time before it), then a villager's name, then the reading — a cadre or the
 * village doctor relaying it, so the name is whose it is.
 */
const RELAYED_READING_RE = new RegExp(
  `^\\s*(?:[\\u4e00-\\u9fa5]{0,3}(?:医生|大夫|村医)[:：]\\s*)?(?:(?:今早|今天|早上|上午|中午|下午|晚上)(?:测温|量体温|巡诊|走访)?[:：]?\\s+)?(?:返乡的?\\s*)?[\\u4e00-\\u9fa5]{1,4}(?:[沟湾塆坝坪坎垭岭嘴咀寨箐凹枧坡冲塘堡屯庄峁洼岔川掌组社队街场岗沿坳坞源铺墩]|营子|院子|屋基|胡同)(?:[${SURNAMES}]家)?\\s+(?:返乡的?\\s*)?([${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?|[尕小老][${SURNAMES}]|[\\u4e00-\\u9fa5]?阿[\\u4e00-\\u9fa5]{1,2}?)\\s*(?:今早|今晚|早上|上午|下午|晚上|今天|早|晚)?(?:量的|测的|量了|测了|复测)?\\s*(?=(?:3[4-9]|4[0-2])(?:\\.\\d|度)|三十[四五六七八九])`,
);

/** 帮李家冲李大海报一下 36.5 / 帮松树岭谭大海报一下: reporting for someone named (after their hamlet, if any). */
const REPORTED_FOR_RE = new RegExp(
  `(?:帮|替|给)(?:[\\u4e00-\\u9fa5]{2,4}?)?([${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?)(?:报|代报)`,
);

const READING = '(?:(?:3[4-9]|4[0-2])(?:\\.\\d)?|三十[四五六七八九])';
/** 王二娃电话报 今晚三十七度八: the one who phoned their reading in is whom it is for. */
const PHONED_IN_RE = new RegExp(
  `([${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?|[老小][${SURNAMES}])(?:打)?电话(?:里|上)?(?:报|说|讲)(?:的|了)?\\s*(?:今早|今天|早上|上午|中午|下午|晚上|今晚)?\\s*${READING}`,
);

/** 替巴特尔报 / 帮其其格报一下: a name with no surname the list knows (a herder's, a Miao villager's), opening the message. */
const REPORTED_FOR_NAME_RE =
  /^\s*(?:替|帮|代)(?!我|你|他|她|俺|额|咱|大家|隔壁|邻居|家里|屋里|老人|孩子|娃|爸|妈|爷|奶|婆|公)([\u4e00-\u9fa5]{2,3}?)(?:报|代报)(?:一下|下)?(?=[\s,，。:：]|$)/;
/** 808张爹爹复测38.1 / 吴光明复测了 37.2: a re-check is done on someone, so the name before it is whose the reading is. */
const RECHECKED_RE = new RegExp(
  `(?:(?<=^|\\d{3,4}|[\\s:：,，]|(?<=[医生夫])(?:讲|说)|[沟湾坝坪岭冲塘坳溪寨坡坞坑源铺垭梁峁塬洼岔屯庄岗堡岙垟垄排岽塅屋])(?![${SURNAMES}](?:医生|大夫|护士))[${SURNAMES}][\\u4e00-\\u9fa5]{1,3}?|(?<=[沟湾坝坪岭冲塘坳溪寨坡坞坑源铺垭梁峁塬洼岔屯庄岗堡岙垟垄排岽塅屋])[老小][${SURNAMES}]|(?<=[\\s:：,，]|^)老[${SURNAMES}]|(?<=\\d{3,4}\\s?)小(?![朋孩娃${SURNAMES}])[\\u4e00-\\u9fa5]|(?<=(?:\\d{3,4}|\\d号)的?\\s?)(?:阿姨|叔叔|大爷|大妈|奶奶|爷爷|婆婆|阿婆|阿公|大哥|大姐|小朋友|老人|囡囡|囡|女儿|儿子|老公|老婆|孩子|娃娃|娃|宝宝|崽|伢)|^\\s*(?!今天|今早|刚刚|刚才|早上|上午|中午|下午|晚上|昨天|马上|已经|医生|护士|大夫|村医|再次|重新)[\\u4e00-\\u9fa5]{2}(?=复测))(?=(?:今早|今天|早上|上午|中午|下午|晚上|今晚|刚才|刚刚|刚)?(?:复测|复查)(?:了)?\\s*(?:腋温|耳温|体温)?\\s*${READING})`,
);
/** 姜家沟慕小燕 从韩国回来… 今天早上36.4: the villager named before what is told of them. */
const NAMED_BEFORE_DAY_RE = new RegExp(`([${SURNAMES}][\\u4e00-\\u9fa5]{1,2})(?=\\s)`);
/** 他 / 她 / 渠 / 伊 / 佢 (其他 and 他们 aside): someone told of in the third person. */
const THIRD_PERSON_AFTER_RE = /(?<!其)[他她渠佢伊](?![们們])/;
const FIRST_READING_RE = new RegExp(READING);
/** Where the first reading ends (0 when there is none). */
function firstReadingEnd(text: string): number {
  const m = FIRST_READING_RE.exec(text);
  return m ? m.index + m[0].length : text.length;
}
const BARE_NAME_RE = /(?:^|[\s:：,，、])([\u4e00-\u9fa5]{2,4})(?=(?:3[4-9]|4[0-2])\.\d)/g;
const NOT_A_BARE_NAME_RE =
  /今早|今晚|今天|早上|晚上|上午|下午|中午|早晨|夜里|体温|温度|复测|测温|量的|测的|都是|正常|还是|一直|刚才|现在|[我你他她俺额]/;
const TWO_READINGS_RE = new RegExp(`${READING}\\D[\\s\\S]*?${READING}`);

/**
 * Two or more readings each after a name (a roster typed on one line) are each that person's; a name before a
 * single reading is the sender signing, not someone reported for.
 */
export function withNamesBeforeReadings(text: string, hits: PersonHit[]): PersonHit[] {
  // (two readings at least: one alone is the sender's, whoever signs it — unless a hamlet goes before the name)
  if (!TWO_READINGS_RE.test(text)) {
    const rechecked = hits.length === 0 ? RECHECKED_RE.exec(text) : null;
    if (rechecked?.[0])
      return [
        {
          start: rechecked.index,
          end: rechecked.index + rechecked[0].length,
          person: rechecked[0],
          self: false,
        },
      ];
    const relayed = hits.length === 0 ? RELAYED_READING_RE.exec(text) : null;
    const readingEnd = firstReadingEnd(text);
    // (no one else named: the sender speaking after the reading — 我是她儿子 — is no one reported for)
    const noOneElse = hits.every((h) => h.self && h.start >= readingEnd);
    const reported =
      noOneElse && !relayed
        ? (REPORTED_FOR_RE.exec(text) ?? REPORTED_FOR_NAME_RE.exec(text) ?? PHONED_IN_RE.exec(text))
        : null;
    if (reported) {
      const start = reported.index + reported[0].lastIndexOf(reported[1] as string);
      return [
        { start, end: start + (reported[1] as string).length, person: reported[1] as string, self: false },
      ];
    }
    // 代报 慕小燕过晌36.5 / 姜家沟慕小燕 …36.4 俺代报: a reading said to be relayed is the named person's
    // (罗小兵下午37.4 … 我是他姐 / 者摩罗小兵 下午36.8 他手机没电了我帮他报: a relay said in the third person)
    if (
      !relayed &&
      noOneElse &&
      (/代报|代为报/.test(text) ||
        // (下午到上源看了，汪有根37.6: the one visiting posts whom they saw)
        /走访|(?:到|去)[^，,。\s]{1,6}看了[，,：:\s]/.test(text) ||
        // (白医生：李小梅今天36.6 / 【村医】…: the village doctor posting a villager's reading under their role)
        /^\s*(?:【(?:医护|村医|医生|护士|卫生员)】|[\u4e00-\u9fa5]{0,2}(?:医生|大夫|村医|卫生员)\s*[:：])/.test(
          text,
        ) ||
        // (with no room: in a village the one named is whom the reading is for; a room names its resident)
        // (309杨秀兰 晚上36.7 我是她儿子 / 樟树坑程秋菊 量了37度1 渠讲有点头疼: told of in the third person after
        // the reading, so the one named is someone else — 其他 and 他们 aside)
        THIRD_PERSON_AFTER_RE.test(text.slice(readingEnd)) ||
        (!/\d{3,4}/.test(text) &&
          /帮(?:他|她)报|我是(?:他|她)的?(?:姐|哥|妹|弟|儿子|女儿|妈|爸|孙|老婆|老公|媳妇|邻居)|(?<!其)(?:他|她)(?:的)?手机|(?<!其)(?:他|她)(?:说|讲|还|又|也有点|有点)|(?:俺|我)(?:给|让)(?:他|她)|让(?:俺|我)报|继续观察/.test(
            text,
          )))
    ) {
      const named = NAMED_READING_RE.exec(text) ?? NAMED_BEFORE_DAY_RE.exec(text);
      NAMED_READING_RE.lastIndex = 0;
      // (宋大夫：36.8不算发烧: the doctor posting is no one reported for)
      if (named?.[1] && !/^(?:代报|早上|今天)$|医生$|大夫$|村医$|护士$|卫生员$/.test(named[1]))
        return [{ start: named.index, end: named.index + named[1].length, person: named[1], self: false }];
    }
    if (!relayed) return hits;
    const w = relayed[1] as string;
    const start = relayed[0].length - w.length;
    return [{ start, end: start + w.length, person: w, self: false }];
  }
  const named: PersonHit[] = [];
  for (const m of matchesOf(NAMED_READING_RE, text)) {
    const w = m[1] as string;
    // (张小宝36.8: the kin word 小宝 inside a full name gives way to the name)
    const inside = hits.filter((h) => h.start > m.index && h.end <= m.index + w.length);
    if (inside.length > 0) for (const h of inside) hits.splice(hits.indexOf(h), 1);
    else if (hits.some((h) => h.start < m.index + w.length && m.index < h.end)) continue;
    named.push({ start: m.index, end: m.index + w.length, person: w, self: w.toLowerCase() === 'me' });
  }
  if (named.length === 0 || named.length + hits.length < 2) return hits;
  // 晚上 索南才让36.6 吉卓玛36.5 马忠义36.5: in a roster, a word standing alone before a reading is a name, though
  // no surname the list knows opens it (Tibetan, Yi, Hui names)
  for (const m of matchesOf(BARE_NAME_RE, text)) {
    const w = m[1] as string;
    const start = m.index + m[0].length - w.length;
    if (
      NOT_A_BARE_NAME_RE.test(w) ||
      [...hits, ...named].some((h) => start < h.end && h.start < start + w.length)
    )
      continue;
    named.push({ start, end: start + w.length, person: w, self: false });
  }
  return [...hits, ...named].sort((a, b) => a.start - b.start);
}

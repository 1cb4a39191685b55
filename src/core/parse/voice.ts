// Voice input and pinyin typing write words by their sound, and speakers take words back and say them twice: the
// measure word 袋 as 带, 送水 as 送谁, 体温 as 提问, 化肥 as 话费; fillers (嗯, 那个), repetitions (两袋两袋) and
// corrections (五组 不对 我们是六组). Read here into the words meant, after dialect words (dialect.ts) and before
// the readers. Names keep their spelling: as-written.ts spells them back from the sender's text.

import { matchesOf } from './chars.js';
import { readDialect } from './dialect.js';
import { goodsAt, isKindOf } from './item-lexicon.js';
import { simplify } from './traditional.js';
import { COUNT_PUT_RIGHT_RE, GOLD_JIN_RE, goldJin, VOICE_WORDS } from './voice-words.js';
import { replaceWords, wordTable } from './word-table.js';

/**
 * 两带化肥: voice input and pinyin typing write the measure word 袋 as its homophone 带. Only between a numeral
 * and known goods, where 带 (to bring) cannot stand.
 */
const DAI_RE = /[0-9一二两三四五六七八九十几半][带代]/g;

/** 尿素嗯两袋 / 复合肥呃不要了: a voice filler inside a sentence is no word of it (嗯奶, 嗯妈: a mother in Gan). */
const FILLER_RE =
  /(?<=[\u4e00-\u9fa5\d])(?:[嗯呃]+(?=[\u4e00-\u9fa5\d])(?<!嗯(?=[奶妈])))|(?<=[\d一二两三四五六七八九十][袋桶包斤瓶箱盒件板把个卷提支块壶罐])\s+[嗯呃]+\s+(?=[\u4e00-\u9fa5])/g;

const NO_THEN_COUNT_RE =
  /([\d一二两三四五六七八九十]{1,3}\s*[袋桶包斤瓶箱盒件卷把支个])\s*[,，]\s*不\s*[,，]\s*(?=[\d一二两三四五六七八九十])/g;
const REPEATED_COUNT_RE = /([\d一二两三四五六七八九十]{1,3}\s*[袋桶包斤瓶箱盒件卷把支])(?:[,，\s]*\1)+/g;
const REPEATED_NO_RE = /(不对|不是)(?:[,，\s]*\1)+/g;
/** A cheap look before REPEATED_RE: some measure word, or 不对/不是, stands at least twice. */
function saidTwice(text: string): boolean {
  const m = /[袋桶包斤瓶箱盒件卷把支]|不对|不是/.exec(text);
  if (!m) return false;
  return (
    text.indexOf(m[0], m.index + m[0].length) >= 0 ||
    /[袋桶包斤瓶箱盒件卷把支]|不对|不是/.test(text.slice(m.index + m[0].length))
  );
}
const REPEATED_RE = /([\d一二两三四五六七八九十]{1,3}\s*[袋桶包斤瓶箱盒件卷把支]|不对|不是)[,，\s]*\1/;

/** 化肥就是复合肥两袋: a general word put right by the kind meant (就是) names one goods, the kind. */
function namely(text: string): string {
  let out = text;
  for (let i = out.indexOf('就是'); i > 0; i = out.indexOf('就是', i + 2)) {
    const kind = goodsAt(out, i + 2);
    if (!kind) continue;
    // 发飞 就是化肥 / 要一个热水带 就是暖水袋: a word the recogniser garbled, put right by the goods meant
    const garbled = garbledBefore(out, i);
    if (garbled) {
      out = out.slice(0, i - garbled.length) + out.slice(i + 2);
      i -= garbled.length + 2;
      continue;
    }
    for (let k = Math.min(4, i); k >= 1; k--) {
      const general = out.slice(i - k, i);
      if (goodsAt(out, i - k) === general && isKindOf(kind, general)) {
        out = out.slice(0, i - k) + out.slice(i + 2);
        i -= k + 2;
        break;
      }
    }
  }
  return out;
}

/** The word of two to four characters right before 就是 (a space may part them) that names no goods, or null. */
function garbledBefore(text: string, at: number): string | null {
  const before = text.slice(Math.max(0, at - 6), at);
  const m = /(?:^|[^\u4e00-\u9fa5]|[个只袋桶瓶包盒箱斤要买])([\u4e00-\u9fa5]{2,4})(\s*)$/.exec(before);
  const word = m?.[1];
  if (!word || /^[一二两三四五六七八九十那这个我你他她就]/.test(word) || goodsAt(word, 0) === word)
    return null;
  return word + (m?.[2] ?? '');
}

/** tw36.5 / kz 两个: the first letters of 体温 and 口罩 typed in pinyin. */
const INITIALS_RE =
  /(?<![A-Za-z])(?:tw|TW)(?=\s*[34三])|(?<![A-Za-z])(?:kz|KZ)(?=\s*(?:[\d一二两三四五六七八九十几]|用完|没了|还有))/g;

export function fixMeasureHomophones(text: string): string {
  let out = fixVoiceWords(
    readDialect(
      /tw|kz|TW|KZ/.test(text) ? text.replace(INITIALS_RE, (m) => (/tw/i.test(m) ? '体温' : '口罩')) : text,
    ),
  );
  // (一瓶 嗯 酱油: between a count and its goods, the filler and its pauses are one pause)
  if (out.includes('嗯') || out.includes('呃'))
    out = out.replace(FILLER_RE, (m) => (/\s/.test(m) ? ' ' : ''));
  // 37.8 发少 还咳嗽: 发少 for 发烧 (头发少 is hair)
  if (out.includes('发少')) out = out.replace(/(?<![头毛])发少(?!了?头)/g, '发烧');
  // 帮我卖两斤盐: handwriting's 卖 for 买, asked for with a count
  if (out.includes('卖'))
    out = out.replace(/(帮我|帮忙|给我|麻烦)卖(?=\s*[\d一二两三四五六七八九十几点些])/g, '$1买');
  // 话费两袋 / 两袋化费: the recogniser's 话费 (a phone bill) and 化费 for 化肥, counted in bags
  // (化肥两代: 代 after a count closing the clause is the bag 袋)
  out = mendBagSlips(out);
  // 鸡饲料鸡饲料两袋 / 送到黄泥坡黄泥坡: a word said twice in one breath is said once
  // (三十六度六度 is a reading, not 六度 twice: numbers and their measures stay)
  out = out.replace(SAID_TWICE_RE, (m, w: string) =>
    NOT_TWICE_RE.test(w) || /[零〇一二三四五六七八九十两百半度点]/.test(w) ? m : w,
  );
  // 两袋尿素哦不是尿素是复合肥两袋: goods named, taken back by name and put right, are the goods put right
  if (out.includes('不是')) out = out.replace(GOODS_TAKEN_BACK_RE, '');
  // 两百金复合肥 / 三香方便面 / 送到五祖: 金 for 斤 and 香 for 箱 after a count, 祖 for 组 after a group's number
  // (金大爷36.5 金顺子36.7: after a reading 金 opens the next one's name)
  if (out.includes('金'))
    out = out.replace(
      /(?<!(?:3[4-9]|4[0-2])\.)([\d一二两三四五六七八九十百])\s*金(?=[\u4e00-\u9fa5])(?!(?:额|钱|子|银|黄|属|店|商|铺|门))/g,
      '$1斤',
    );
  if (out.includes('香'))
    out = out.replace(
      /(?<![\d一二两三四五六七八九十百])([一二两三四五六七八九十\d]{1,2})\s*香(?=[\u4e00-\u9fa5]{2})(?!(?:烟|肠|菇|蕉|油|皂|水|菜|味|料|葱|瓜))/g,
      '$1箱',
    );
  if (out.includes('祖')) out = out.replace(/([一二三四五六七八九十\d]{1,2})祖(?=$|[\s,，。的送])/g, '$1组');
  // 送三足: 足 for 组 after a group's number delivered to (十足 is 'full')
  if (out.includes('足'))
    out = out.replace(/(?<=送到?|到)([一二三四五六七八九\d]{1,2})足(?=$|[\s,，。的])/g, '$1组');
  // 三十六店九: 店 for the 点 of a spoken reading
  if (out.includes('店'))
    out = out.replace(/(三十[四五六七八九]|四十[一二]?)店(?=[零一二三四五六七八九])/g, '$1点');
  // 麻烦一生去看一下: the recogniser's 一生 for 医生, come to see someone
  if (out.includes('一生')) out = out.replace(/一生(?=(?:能|可以|快)?(?:去|来|过来|过去)(?:看|瞧))/g, '医生');
  // 三十六肚五 / 两今肉 / 亮斤五花肉: the recogniser's 肚 for 度 in a reading, 今 for 斤 and 亮 for 两 before goods
  if (out.includes('肚')) out = out.replace(BELLY_DEGREE_RE, '$1度');
  // 三十六都八: 都 for 度 between a spoken reading's degrees and its tenth
  if (out.includes('都')) out = out.replace(ALL_DEGREE_RE, '$1度');
  if (out.includes('今')) out = out.replace(TODAY_JIN_RE, '$1斤');
  if (out.includes('亮')) out = out.replace(/(?<![漂明光发闪透响敞雪])亮(?=\s*[斤袋桶包瓶箱盒件])/g, '两');
  // 菜油两通 不对 一通: 通 closing a count in an order of oil or water is the barrel 桶
  if (out.includes('通') && /油|水/.test(out))
    out = out.replace(/([0-9一二两三四五六七八九十几半])\s*通(?=$|[\s,，。了就])/g, '$1桶');
  // 十金盐巴 / 二十金面条 / 谷种十金一把锄头: 金 after a count, before goods or another count, is the 斤 said
  if (out.includes('金'))
    out = out.replace(GOLD_JIN_RE, (m, n: string, at: number, s: string) => goldJin(m, n, s, at));
  // 三十七度 三 没得咳嗽: the tenth said after a pause is the reading's (a fever is never read down to 37)
  if (/度[\s,，]/.test(out))
    out = out.replace(/(三十[四五六七八九]度)[\s,，]+([一二三四五六七八九])(?=$|[\s,，。!！])/g, '$1$2');
  // 降压药 钙片 一样一盒: one box of each
  if (out.includes('一样'))
    out = out.replace(/(?<=[\s,，])一样(?=[一二两三四五1-5]\s*[袋桶包斤瓶箱盒件板把个卷提支块壶罐])/g, '各');
  // 一同菜油: the recogniser's 同 for 桶 between a count and oil or water
  if (out.includes('同'))
    out = out.replace(/([一二两三四五六七八九十\d])同(?=菜油|菜籽油|花生油|油|酱油|白酒|酒|水)/g, '$1桶');
  // 酒精 手套各一: one of each, no measure word said
  if (out.includes('各'))
    out = out.replace(
      /各([一二两三四五1-5])(?=$|[\s,，。!！])/g,
      (_m, n: string) => `各 x${CN_COUNT[n] ?? n}`,
    );
  // 土豆种子一百斤 改成八十斤: the count changed gives way to the count after 改 (the goods stay before it)
  if (out.includes('改')) out = out.replace(RECOUNT_RE, '$3改成');
  // 有没有多的被子: spare goods asked for are the goods
  if (out.includes('多的') || out.includes('多余的') || out.includes('多出来的'))
    out = out.replace(/(有没有|还有没有|能不能给|给)(?:个|点)?多(?:余|出来)?的/g, '$1');
  // 那个 那个 尿素两袋: 那个 said alone while thinking is a filler (那个化肥莫带了 keeps its 那个)
  if (out.includes('那个')) out = out.replace(/(?<=^|[\s,，])(?:那个[\s,，]+)+/g, '');
  // 两袋那个尿素: 那个 between a count and its goods is a filler
  if (out.includes('那个'))
    out = out.replace(
      /(?<=[\d一二两三四五六七八九十][袋桶包斤瓶箱盒件板把个卷提支块壶罐])那个(?=[\u4e00-\u9fa5]{2})/g,
      '',
    );
  // 我的药 就是那个二甲双胍: the 那个 of someone searching for the word is a filler
  if (out.includes('就是那个')) out = out.replace(/就是那个(?=[\u4e00-\u9fa5]{2})/g, '就是');
  if (out.includes('就是')) out = namely(out);
  // 明后两天下午各送一桶: tomorrow and the day after
  if (out.includes('明后')) out = out.replace(/明后(?:两)?天/g, '明天和后天');
  // 还要一个垃圾袋不对不对是一卷垃圾袋 / 烤烟膜要四卷 不对 要五卷 / 帮买两包小苏打，不对，一包就够了: a count of goods
  // put right, said in one breath or not, is the count meant (the goods said once)
  // (两瓶敌敌畏 不对 是两瓶除草剂: other goods named after the count put right replace the goods said first)
  for (let k = 0; k < 3 && out.includes('不对'); k++) {
    const before = out;
    out = out.replace(
      COUNT_PUT_RIGHT_RE,
      (m, _w: string, _u: string, goods: string, n: string, u: string, at: number, s: string) =>
        /^[\u4e00-\u9fa5]/.test(s.slice(at + m.length)) && !m.endsWith(goods)
          ? `${n}${u}`
          : `${n}${u}${goods}`,
    );
    if (out === before) break;
  }
  // 老鹰岩 不对 是干田坝 / 菜籽 不对 是菜籽油 / 两板 不对 是一板: the word taken back gives way to the one after
  if (SAID_WRONG_HINT_RE.test(out))
    out = out.replace(SAID_WRONG_RE, takeBack).replace(SAID_WRONG_END_RE, (m) => ' '.repeat(m.length));
  // 复合肥要两袋，不，三袋: a lone 不 between two counts takes the first back
  if (out.includes('不')) out = out.replace(NO_THEN_COUNT_RE, '$1不对是');
  // 不对不对是两袋两袋就够了 / 一桶一桶就够了: said twice in one breath, meant once
  if (saidTwice(out) && REPEATED_RE.test(out))
    out = out.replace(REPEATED_COUNT_RE, '$1').replace(REPEATED_NO_RE, '$1');
  // 两通水: 通 (to go through) after a numeral and before water is the barrel 桶
  if (out.includes('通') || out.includes('筒') || out.includes('同'))
    out = out.replace(/([0-9一二两三四五六七八九十几半])\s*[通筒同](?=(?:纯净|矿泉|饮用|桶装)?水)/g, '$1桶');
  // 送谁两通 / 送谁 两桶 今天: the recogniser's 送谁 for 送水, and its 通/筒 for 桶, with barrels, a day or a place after
  if (out.includes('送谁')) out = out.replace(SEND_WHO_RE, '送水');
  // 送两桶谁到岩口: 谁 after the barrels is the recogniser's 水
  if (out.includes('桶谁')) out = out.replace(/桶谁(?=\s*(?:到|送|$|[,，。]))/g, '桶水');
  if ((out.includes('通') || out.includes('筒')) && out.includes('送水'))
    out = out.replace(/([0-9一二两三四五六七八九十几半])[通筒](?![知过道讯话电车报])/g, '$1桶');
  // 提问三十六度五 / 早上题文36.5: the recogniser's 提问 for 体温, before a reading
  if (out.includes('提问') || out.includes('题文'))
    out = out.replace(/提问|题文/g, (w, at: number, s: string) =>
      READING_AFTER_RE.test(s.slice(at + 2, at + 6)) ? '体温' : w,
    );
  if (!out.includes('带') && !out.includes('代')) return out;
  const src = out;
  for (const m of matchesOf(DAI_RE, src)) {
    const at = m.index + 1;
    if (goodsAt(src, at + 1)) out = `${out.slice(0, at)}袋${out.slice(at + 1)}`;
  }
  return out;
}

/**
 * Voice typing writes words by their sound: 口照 for 口罩, 冲电器 for 充电器, 复合飞 for 复合肥, 发骚 for 发烧. Only
 * words that mean nothing else in a report or an order are mended.
 */
const SAID_TWICE_RE = /([\u4e00-\u9fa5]{2,4})\1/g;
/** Words said twice on purpose (谢谢谢谢 is thanks, 哈哈哈哈 laughter): left as they are. */
const NOT_TWICE_RE = /^(?:谢谢|哈哈|呵呵|嘿嘿|嘻嘻|拜拜|好好|快快|慢慢|天天|常常|刚刚|多多|早早)$/;
const GOODS_TAKEN_BACK_RE =
  /(?:[\d一二两三四五六七八九十]{1,3}\s*[袋桶包斤瓶箱盒件卷把支个])?([\u4e00-\u9fa5]{2,4})[哦噢呃啊]?[,，\s]*不是\1[,，\s]*(?:是|要)(?=[\u4e00-\u9fa5])/g;
const BELLY_DEGREE_RE =
  /(三十[一二三四五六七八九]|三十|3[5-9])\s*肚(?=\s*(?:[\d一二三四五六七八九零〇半]|$|[\s,，。]))/g;
const ALL_DEGREE_RE = /(三十[四五六七八九]|3[5-9])\s*都(?=[一二三四五六七八九\d](?![\d.]))/g;
/** 二今猪肉 / 两今肉: 今 after a count and before goods (not 今天, 今年, 今晚 …) is the 斤 said. */
const TODAY_JIN_RE =
  /((?<!\d)\d{1,3}|[一二两三四五六七八九十半几])\s*今(?![天年晚早日后儿个朝晨夜午])(?=[\u4e00-\u9fa5])/g;
const RECOUNT_RE =
  /([\d一二两三四五六七八九十百半]+)\s*(斤|袋|桶|包|瓶|箱|个|盒|把|卷|件|公斤)(?:的)?((?:[,，\s]*(?:太多了|忒多了|太少了|不够|多了|少了))?)[,，\s]*(?:改成|改为|改)(?=\s*[\d一二两三四五六七八九十百半]+\s*\2)/g;
const CN_COUNT: Record<string, string> = { 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5' };
/** 话费两袋 → 化肥两袋, 化肥两代 → 化肥两袋: slips of goods and measure counted in bags (same length, in place). */
export function mendBagSlips(text: string): string {
  let out = text;
  if (out.includes('费')) out = out.replace(FERTILISER_SLIP_RE, '化肥');
  if (out.includes('代') || out.includes('带'))
    out = out.replace(BAG_SLIP_RE, (_m, a?: string, b?: string) => `${a ?? b}袋`);
  return out;
}
const BAG_SLIP_RE =
  /(?<!第)([0-9一二两三四五六七八九十几半])代(?=$|[\s,，。送嘛吧哈啊呗])|(?<=[\u4e00-\u9fa5]\s{0,2})([一两二三四五六七八九十])带(?=$|[\s,，。送])/g;
const FERTILISER_SLIP_RE =
  /[话化]费(?=\s*[\d一二两三四五六七八九十]+\s*[袋包代])|(?<=[\d一二两三四五六七八九十]\s*[袋包]\s*)[话化]费/g;
const SAID_WRONG_HINT_RE = /[\s,，](?:哦|噢|喔|哎呀|哎|啊|呃)?(?:不对|说错了|记错了|搞错了|错了)/;
/** A word, then 不对 (said wrong), then the word meant: 五组 不对 我们是六组, 送到二组 哦不对 送到三组. */
const SAID_WRONG_RE =
  /(?<=^|[\s,，])([^\s,，]{1,10}?)[\s,，]+(?:哦|噢|喔|哎呀|哎|啊|呃)?(?:不对不对|不对|说错了|记错了|搞错了|错了)[\s,，]*(?:我们是|应该是|是)?[\s,，]*(?=([^\s,，]{1,10}))/g;
/** …是干田坝 我记错了: the sender owning up, after the fix, says nothing more. */
const SAID_WRONG_END_RE = /(?<=[\s,，])(?:我|刚才)?(?:记错了|说错了|搞错了|写错了)[\s,，。!！]*$/;
const COUNT_ONLY_RE =
  /^[\d一二两三四五六七八九十百千半几]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件|板|把|个|卷|提|支|块|壶|罐|捆|公斤|两|挑|担)$/;
const COUNT_START_RE =
  /^[\d一二两三四五六七八九十百千半几]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件|板|把|个|卷|提|支|块|壶|罐|捆|公斤|两|挑|担)/;
const WHEN_RE = /^(?:上午|下午|中午|晚上|早上|今天|明天|后天|大后天|今晚|明早|尚午|下无)/;

/** The replacement for SAID_WRONG_RE: drop the word taken back when the next is of its kind; else keep all. */
function takeBack(all: string, wrong: string, _right: string, ..._rest: unknown[]): string {
  const right = _right;
  if (WHEN_RE.test(right) || WHEN_RE.test(wrong)) return all;
  // (8215 说错了 三十六度四: the room opens the message, the reading after it is what was said wrong before)
  if (/^[A-Z]?\d{3,4}$/.test(wrong) && !/^[A-Z]?\d{3,4}/.test(right)) return all;
  // (化肥两袋 不对 三袋: a bare count after goods counted is read by NO_THEN_COUNT and the pairing)
  if (COUNT_ONLY_RE.test(right) !== COUNT_ONLY_RE.test(wrong)) return all;
  // (玉米种子要四包 喔不对 三包就够了: a count put right after counted goods, the same)
  if (
    COUNT_START_RE.test(right) &&
    !COUNT_ONLY_RE.test(wrong) &&
    /[\d一二两三四五六七八九十]\s*[袋桶包斤瓶箱盒件板把个卷提支块壶罐捆]$/.test(wrong)
  )
    return all;
  // (36.5 不对 36.6: readings taken back are read by the temperature reader)
  if (/\d\.\d/.test(wrong) || /\d\.\d/.test(right)) return all;
  return '';
}

const SEND_WHO_RE =
  /送谁(?=\s*(?:[\d一二两三四五六七八九十]|[通筒桶]|到|今天|明天|后天|上午|尚午|下午|晚上|送水|上来|过来|上去|过去|来|$)|\s+[\u4e00-\u9fa5]{1,3}(?:岩|坎|院子|湾|塆|坝|沟|坪|垭|组))/g;
const READING_AFTER_RE = /^\s*(?:是|量的?|测的?)?\s*(?:[34][\d]|三十|三[六七八]点|四十)/;
const VOICE_TABLE = wordTable(VOICE_WORDS);

function fixVoiceWords(text: string): string {
  return replaceWords(text, VOICE_TABLE);
}

/** A name as the purchase list sums it: simplified script, slips mended (付合肥 → 复合肥, 雞蛋 → 鸡蛋). */
export function mendName(name: string): string {
  const mended = fixVoiceWords(simplify(name));
  // (话费 or 化费 ordered by the bag is the recogniser's 化肥)
  return mended === '话费' || mended === '化费' ? '化肥' : mended;
}

/** The slips that keep their length (口照 → 口罩, not 送睡 → 送水 … all do today), mended in place. */
const SAME_LENGTH_TABLE = wordTable(
  Object.fromEntries(Object.entries(VOICE_WORDS).filter(([k, v]) => k.length === v.length)),
);

/** The text with its same-length slips mended: every character stays where it was (for as-written names). */
export function mendSlipsInPlace(text: string): string {
  let out = replaceWords(text, SAME_LENGTH_TABLE);
  out = mendBagSlips(out);
  return out;
}

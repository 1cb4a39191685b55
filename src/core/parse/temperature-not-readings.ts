// Numbers read as temperatures that are nobody's reading, or not the sender's: a reading denied (不是37.6) or
// taken back for a later one (37.4不算, 打错了), a threshold talked about or posted (37.3的标准, 37.3℃以上的请…),
// a notice's format example, a threshold asked about (flagged), a rumour, a question about whose reading it is.
import { clauseEnd, clauseStart } from './chars.js';
import type { TempHit } from './temperature.js';
import { ownReading, withoutBoundsTalk } from './temperature-bounds.js';
import { withoutNobodys } from './temperature-nobodys.js';
import { retracted, withoutToldOf } from './temperature-taken-back.js';

/** The readings (in order) that stand as someone's reading. */
export function withoutNonReadings(text: string, readings: TempHit[]): TempHit[] {
  // No reading, nothing to do: every rule below only drops or flags readings.
  if (readings.length === 0) return readings;
  let all = readings;
  // 今天零下三十四度: the weather below zero is no one's reading
  if (text.includes('零下'))
    all = all.filter((h) => !/零下\s*$/.test(text.slice(Math.max(0, h.start - 3), h.start)));
  // 两瓶三花酒 38度的 / 38度嘅白酒两瓶 / 一箱兰陵王 要42度的: a liquor's strength is no reading
  if (LIQUOR_HINT_RE.test(text)) all = all.filter((h) => !liquorStrength(text, h));
  // 网上38.5那种就行: a price, said of a kind of goods, is no reading
  if (/那种|那款|这种|这款/.test(text))
    all = all.filter(
      (h) => !/^\s*(?:块|元)?(?:的)?(?:那种|那款|这种|这款)/.test(text.slice(h.end, h.end + 5)),
    );
  // 刚才我登记表上抄成了37.7 / 那个37.4不算哈 他喝了…才量的: a number miswritten, or a reading the sender sets aside
  // with nothing in its place, is no reading (37.4不算发烧 is still one)
  if (/成了?|不算/.test(text))
    all = all.filter(
      (h) =>
        !/(?:抄成|写成|打成|记成|报成|登记成)了?\s*$/.test(text.slice(Math.max(0, h.start - 5), h.start)) &&
        !/^\s*(?:℃|度)?\s*(?:那个|这个)?\s*不算(?:哈|了|数|啊|嘛|哦|的)?(?=$|[\s,，。!！])/.test(
          text.slice(h.end, h.end + 8),
        ),
    );
  // 水井湾那个37.4的 要马上报镇卫生院: someone spoken of by the reading reported before is no new reading
  if (/[那这]个|那位/.test(text))
    all = all.filter(
      (h) =>
        !(
          /(?:那个|这个|那位)\s*$/.test(text.slice(Math.max(0, h.start - 3), h.start)) &&
          /^\s*(?:度|℃)?\s*的(?![\d体温])/.test(text.slice(h.end, h.end + 4))
        ),
    );
  // 36.1到37.2都算正常: a normal range posted is no one's reading
  if (NORMAL_RANGE_RE.test(text)) {
    const ranges = [...text.matchAll(new RegExp(NORMAL_RANGE_RE.source, 'g'))];
    all = all.filter((h) => !ranges.some((m) => h.start >= m.index && h.end <= m.index + m[0].length));
  }
  // 应该是36.6 不是37.6: a reading the sender denies is not one
  if (all.length > 1 && /不是|并非/.test(text)) all = all.filter((h) => !denied(text, h.start));
  // 37.5？不对 重新量了是36.5: a reading taken back for a later one
  if (all.length > 1 && RETRACT_HINT_RE.test(text)) {
    const last = all[all.length - 1];
    all = all.filter((h) => h === last || !retracted(text, h));
    // 水银的量了36.9 刚才那个37.5不算: the last one, spoken of as the earlier reading, taken back for the one before
    if (
      last &&
      all.length > 1 &&
      /(?:刚才|之前|前面|上面|昨天|昨晚|夜来|夜里|上次|(?:今天)?(?:早上|上午|中午|下午)那个)(?:那个|的|报的|量的|发成|打成|写成|报成)?\s*$/.test(
        text.slice(Math.max(0, last.start - 6), last.start),
      ) &&
      retracted(text, last)
    )
      all = all.slice(0, -1);
  }
  // 第一回37.5 甩了甩再量36.4 应该是没甩下去: the thermometer blamed after the re-measure takes back the readings before it
  if (all.length > 1 && text.includes('没')) {
    const last = all[all.length - 1] as TempHit;
    if (BLAMED_LATER_RE.test(text.slice(last.end)) && /甩|重新|再量|又量/.test(text.slice(0, last.start)))
      all = all.slice(-1);
  }
  all = withoutNobodys(text, all);
  // 37.4是洗完澡量的 现在36.8了 以这个为准: the sender says which reading stands, the last
  if (all.length > 1 && LAST_STANDS_RE.test(text)) all = all.slice(-1);
  // 37.3的标准 / 37.3度的话: a threshold talked about, not a reading
  // (37.3是量腋下还是额头？: how a bound is measured, asked about)
  if (/的标准|的话|是标准|的线|才算|才叫|才是发|临界|是(?:量|测)(?:腋下|额头|口腔|耳|舌下)/.test(text))
    all = all.filter((h) => !THRESHOLD_RE.test(text.slice(h.end, h.end + 8)));
  // 体温在37.3℃以上的请报告, in a notice: a threshold (but 38度以上了 from a resident is a reading)
  if (/以上|以下/.test(text) && NOTICE_RE.test(text))
    all = all.filter((h) => !/^\s*(?:℃|°C|度)?\s*及?以[上下]/.test(text.slice(h.end, h.end + 6)));
  // 请按"房号+体温"如"1208 36.6"回复: a format example in a notice is nobody's reading
  if (EXAMPLE_HINT_RE.test(text)) all = all.filter((h) => !inExample(text, h));
  all = withoutBoundsTalk(text, all);
  // 请问体温到37.5要送医院吗: a value put in a question about the rules is nobody's reading
  if (/规定|请问|问一下/.test(text) && /吗|么|\?|？/.test(text))
    all = all.filter((h) => !/(?:到|达到|超过|上了)\s*$/.test(text.slice(Math.max(0, h.start - 3), h.start)));
  // 体温多少算发烧啊？37.3吗 / 多少度算发烧 37.3还是37.5？: a number put as the answer to a question about the
  // threshold is no reading
  if (HOW_HIGH_RE.test(text))
    all = all.filter(
      (h) =>
        !/(?:还是|或者|或)\s*$/.test(text.slice(Math.max(0, h.start - 3), h.start)) &&
        !/^\s*(?:度|℃)?\s*(?:吗|么|嘛|吧|啊|呢|\?|？|算不算|算吗|是不是|行不行|还是|或者|不\s*[?？吧])/.test(
          text.slice(h.end, h.end + 6),
        ),
    );
  // 37.5是不是就算发烧了: a number asked about as a threshold may be no reading at all; the bot asks
  // (请问37.3算不算发烧？905刚量的37.1: beside a reading of the sender's, the number asked about is none at all)
  if (/算|属于/.test(text)) {
    const asked = all.filter((h) => thresholdAsked(text, h));
    if (asked.length > 0 && asked.length < all.length) all = all.filter((h) => !asked.includes(h));
    else {
      // (请问37.3算不算发烧 / 我想问一哈，三十七度三算不算发烧: put as a question about the rules, it is none)
      const rule = asked.filter((h) => /请问|想问|问一下|问一哈|问下/.test(text.slice(0, h.start)));
      all = all.filter((h) => !rule.includes(h));
      for (const h of asked) h.doubtful = true;
    }
  }
  // (问一下 发烧到37.5要不要去医院: a fever's height asked about, nobody's reading)
  if (/问一下|问下|请问|问一哈|想问/.test(text))
    all = all.filter(
      (h) =>
        !(
          /(?:发烧|烧|体温)到\s*$/.test(text.slice(Math.max(0, h.start - 4), h.start)) &&
          /^\s*(?:度|℃)?\s*(?:的话)?\s*(?:要不要|用不用|需不需要|该不该|得不得)/.test(
            text.slice(h.end, h.end + 8),
          )
        ),
    );
  // 要是量到37.2用不用报告 / 如果体温37.2需要报告吗: a reading supposed in a question about the rules
  if (/要是|如果|假如|万一|若是|假设/.test(text)) all = all.filter((h) => !supposed(text, h));
  // 隔壁那个说他烧到三十八度 是真的不: a rumour about someone else is nobody's report
  if (HEARSAY_RE.test(text) && !/[帮替代][^，。,]{0,8}报/.test(text))
    all = all.filter((h) => !hearsay(text.slice(0, h.start)));
  all = withoutToldOf(text, all);
  // 体温计要甩到35度以下: where the thermometer is shaken down to is no reading
  if (text.includes('甩'))
    all = all.filter((h) => !/甩(?:到|至)\s*$/.test(text.slice(Math.max(0, h.start - 3), h.start)));
  // 大米涨价了 25斤一袋的涨到37.5了: a price risen or fallen to a sum is no reading
  if (/价|钱|元|块/.test(text))
    all = all.filter(
      (h) =>
        !/(?:涨到|降到|涨了|降了|价(?:格|钱)?(?:是|到|涨到)?)\s*$/.test(
          text.slice(Math.max(0, h.start - 4), h.start),
        ),
    );
  // 我昨天发的36.5是猪肉价钱 不是体温: a number the sender says is no temperature is none
  if (NOT_A_READING_RE.test(text)) return [];
  // 清油一桶39.8: a number right after goods counted one by one is their price
  // 热水器调到42度 / 洗澡水只有38度: the heater's or the water's temperature is nobody's
  // 过了37.3就算发烧: a bound passed, asked about as the threshold
  all = all.filter((h) => !notBodyHeat(text, h));
  // （13号那次37.4已排除）: a past reading ruled out is nobody's report now
  if (/那次|已(?:经)?排除/.test(text))
    all = all.filter(
      (h) =>
        !/那次\s*$/.test(text.slice(Math.max(0, h.start - 3), h.start)) &&
        !/^\s*(?:度|℃)?\s*已(?:经)?排除/.test(text.slice(h.end, h.end + 6)),
    );
  return text.includes('谁') || text.includes('的是哪') ? all.filter((h) => !askedWho(text, h)) : all;
}

/** Whether a whole number of degrees is a liquor's strength, said of the liquor named beside it. */
function liquorStrength(text: string, h: TempHit): boolean {
  const whole = Number.isInteger(h.value);
  // 两瓶三花酒 38度的 / 52度的还是38度的 (我今天38度的: a reading, said of oneself)
  if (
    text.includes('酒') &&
    /^(?:\d{2}|[三四五六]十[一二三四五六七八九]?)度(?:的|还是)/.test(text.slice(h.start)) &&
    !/体温|量|烧|今天|现在|我/.test(text.slice(Math.max(0, h.start - 4), h.start))
  )
    return true;
  // 38度嘅白酒两瓶 / 一箱38度的西凤 (36.6 白酒 一瓶: a decimal before the liquor is the sender's reading)
  if (whole && LIQUOR_RE.test(text.slice(h.end, h.end + 8))) return true;
  // 一箱兰陵王 要42度的: a strength asked for, whole degrees with 的, beside the liquor named
  if (
    whole &&
    /(?:要|买|带|来|拿)\s*$/.test(text.slice(Math.max(0, h.start - 2), h.start)) &&
    /^\s*度?的(?!样子|左右|时候)/.test(text.slice(h.end - (text[h.end - 1] === '度' ? 1 : 0), h.end + 3)) &&
    /酒|兰陵王|江小白|二锅头|老白干/.test(text.slice(0, h.start))
  )
    return true;
  // 白酒 一瓶 买给 可以吗 38度 的: the strength said last, of the liquor named before
  return (
    /^\s*度?\s*的?[\s。!！]*$/.test(text.slice(h.end)) &&
    text.slice(h.start, h.end + 2).includes('度') &&
    /酒/.test(text.slice(0, h.start)) &&
    !/体温|量|烧/.test(text)
  );
}

const NOT_A_READING_RE = /(?:价钱|价格|电话|号码|房号|钱)[^，。,!！]{0,4}不是(?:体温|温度)/;
const LIQUOR_BRANDS =
  '西凤|茅台|五粮液|汾酒|二锅头|牛栏山|红星|老窖|剑南春|郎酒|洋河|古井|衡水老白干|兰陵王|景芝|江小白|枝江|白云边|稻花香|三花|双沟|今世缘|口子窖|宝丰|杜康|习酒|董酒|金六福|泸州|北大仓|玉冰烧';
const LIQUOR_HINT_RE = new RegExp(`酒|${LIQUOR_BRANDS}`);
const LIQUOR_RE = new RegExp(
  `^\\s*(?:度|°)?\\s*(?:的|嘅|滴|格|个)?\\s*(?:[白米黄烧高粱苞包玉谷老散]{0,3}酒|酒精|${LIQUOR_BRANDS})`,
);
const PRICE_EACH_BEFORE_RE = /[\u4e00-\u9fa5]一(?:桶|袋|斤|箱|包|瓶|件|盒|壶|罐|提)\s*$/;
const SET_TO_BEFORE_RE = /(?:调到|调成|调高到|调低到|设到|设成|设置为|设置成|开到|烧到了?)\s*$/;
const DEVICE_HEAT_RE = /热水器|水温|洗澡水|空调|暖气|烤箱|热水壶|暖壶|水壶|(?:啲|的)水得?/;
const NORMAL_RANGE_RE =
  /(?:3[4-9])(?:\.\d)?\s*(?:℃|度)?\s*(?:到|至|~|～|-|—)\s*(?:3[4-9])(?:\.\d)?\s*(?:℃|度)?\s*(?:之间|以内|内)?\s*(?:都|的)?(?:算|是|属于|为)?\s*正常|正常(?:的)?(?:体温|范围)(?:是|为|在)?\s*(?:3[4-9])(?:\.\d)?\s*(?:℃|度)?\s*(?:到|至|~|～|-|—)\s*(?:3[4-9])(?:\.\d)?\s*(?:℃|度)?/;
const PASSED_BEFORE_RE = /(?:过了|超过了?|到了|上了|达到了?)\s*$/;

function notBodyHeat(text: string, h: TempHit): boolean {
  const before = text.slice(Math.max(0, h.start - 6), h.start);
  if (PRICE_EACH_BEFORE_RE.test(before)) return true;
  const clause = text.slice(clauseStart(text, h.start), h.start);
  if (DEVICE_HEAT_RE.test(clause) && (SET_TO_BEFORE_RE.test(before) || !/我|体温|量|测/.test(clause)))
    return true;
  if (!PASSED_BEFORE_RE.test(before)) return false;
  const after = text.slice(h.end, h.end + 10);
  // (到了37.3要马上告诉我: what to do on reaching a bound, said to everyone)
  return (
    THRESHOLD_ASKED_RE.test(after) ||
    (RULE_ON_REACHING_RE.test(after) && !/我|俺|额|孩子|娃|老人/.test(clause))
  );
}
const RULE_ON_REACHING_RE =
  /^\s*(?:度|℃)?\s*(?:以上)?\s*(?:的话)?\s*(?:就)?(?:要|请|必须|务必|马上|立即|及时)/;

const HOW_HIGH = '(?:多少|好多|几多|几)度?(?:以上)?(?:才|就)?';
const COUNTS_AS_FEVER = '(?:算|是|叫)(?:发烧|发热|高烧|低烧)';
const HOW_HIGH_RE = new RegExp(
  `${HOW_HIGH}(?:${COUNTS_AS_FEVER}|(?:要|得|需要|应该)(?:报告|上报|报|告诉|找|叫|吃(?:退烧)?药|去医院))`,
);
/** 多少度算发烧: a question about the threshold (no reading in it, no visit asked). */
export const THRESHOLD_QUESTION_RE = new RegExp(`${HOW_HIGH}${COUNTS_AS_FEVER}`);

const SUPPOSE_RE = /(?:要是|如果|假如|万一|若是|假设)[^，,。!！?？\s]{0,8}$/;

/** The reading's clause opens with 如果/要是 (and no 我 measured it): a case supposed, not a reading. */
function supposed(text: string, h: TempHit): boolean {
  const lead = text.slice(clauseStart(text, h.start), h.start);
  return SUPPOSE_RE.test(lead) && !/我|孩子|刚才|现在|今天/.test(lead);
}

const LAST_STANDS_RE =
  /以(?:这个|这次|现在|后面|最后)(?:的|这个|这次)?为准|以此为准|按(?:这个|后面的?|最后的?)算/;

/** Any word that may take a reading back: a cheap gate before `retracted` looks closer. */
const RETRACT_HINT_RE =
  /不对|不是|错了|看错|写错|打错|输错|报错|按错|搞错|弄错|发错|手滑|手抖|重新量|重量了|再量|不算|作废|不准|不作数|量错|没甩|没夹好|没夹紧|复测是|可能是刚|是刚(?:喝|洗|吃)|捂多了/;
const BLAMED_LATER_RE =
  /^[^。]{0,6}(?:应该|估计|肯定|可能)是(?:体温计|温度计)?(?:刚才)?没(?:甩(?:下去|好)?|夹(?:好|紧))/;
const HEARSAY_RE =
  /听说|听讲|听人讲|听人家讲|据说|有人说|传言|别人说|别个(?:说|讲)|人家(?:说|讲)|网上(?:说|讲)|新闻(?:说|讲)|(?:隔壁|楼上|楼下|对门|邻居)[^，。,\s]{0,4}(?:说|讲)/;
/** The reading's own clause, up to it, tells a rumour (and no 我 comes after the rumour). */
function hearsay(lead: string): boolean {
  const clause = lead
    .slice(Math.max(0, lead.length - 24))
    .split(/[，,。！!；;？?\s]/)
    .pop() as string;
  const m = HEARSAY_RE.exec(clause);
  return m !== null && !clause.slice(m.index + m[0].length).includes('我');
}
const EXAMPLE_HINT_RE = /如|例|格式|模板|示例|样式|按照/;
const QUOTES = '"“”「」『』‘’\'';

/** Inside quotes after 如/例如/格式, or right after 例如/比如/格式：. */
function inExample(text: string, h: TempHit): boolean {
  const lead = text.slice(Math.max(0, h.start - 16), h.start);
  if (/(?:例如|比如|如|例|格式|示例|模板)[:：\s]*[\d\s房号栋座-]*$/.test(lead)) return true;
  let open = -1;
  for (let i = h.start - 1; i >= Math.max(0, h.start - 16); i--) {
    if (QUOTES.includes(text[i] as string)) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  return /(?:例如|比如|如|例|格式|示例|模板|按照?)[:：\s]*$/.test(text.slice(Math.max(0, open - 6), open));
}

const THRESHOLD_ASKED_RE =
  /^\s*(?:度|℃)?\s*(?:是不是|算不算|就算|算是|算|属于|是否)(?:是)?\s*(?:就算)?(?:发烧|发热|低烧|高烧|烧)/;

function thresholdAsked(text: string, h: TempHit): boolean {
  if (!THRESHOLD_ASKED_RE.test(text.slice(h.end, h.end + 10))) return false;
  // 我量了37.5 是不是发烧了: a reading of the sender's, asked about
  return !ownReading(text, h);
}

const THRESHOLD_RE =
  /^\s*(?:℃|°C|度)?\s*(?:是(?:量|测)(?:腋下|额头|口腔|耳朵|耳温|舌下)|的标准|的话|是标准|的线|是[\u4e00-\u9fa5]{1,4}的标准|才算|才叫|才是发|是临界|的临界)/;
/** A notice to everyone (forwarded, or staff's own), not someone's report. */
const NOTICE_RE = /转发|通知|各位|大家|人员|请(?:立即|及时|主动|按)|须|务必|提示|提醒/;

function denied(text: string, start: number): boolean {
  let k = start;
  while (k > 0 && text[k - 1] === ' ') k--;
  // (三十七度六哦不是三十七度四: 哦不是 after a reading corrects it, the reading after stands)
  if (text.endsWith('不是', k) && /[哦噢呃]\s*$/.test(text.slice(Math.max(0, k - 4), k - 2))) return false;
  return text.endsWith('不是', k) || text.endsWith('并非', k);
}

/** 12楼的37.5是谁: a question about whose reading a number is reports nobody's temperature. */
function askedWho(text: string, h: TempHit): boolean {
  // (有点发烧 37度8 谁去卫生室给俺捎盒退烧药: someone asked to run an errand, in a part of its own, asks no whose)
  const clause = text.slice(clauseStart(text, h.start), clauseEnd(text, h.end));
  const own = clause.split(/\s+/).find((part) => part.includes(text.slice(h.start, h.end))) ?? clause;
  // (前两天那个体温37.3的是哪个村的？: whose the reading was, asked by where they live)
  return (
    own.includes('谁') ||
    /^\s*(?:℃|度)?\s*(?:是|是不是|算)?谁|^\s*(?:℃|度)?\s*的是哪/.test(text.slice(h.end, h.end + 8))
  );
}

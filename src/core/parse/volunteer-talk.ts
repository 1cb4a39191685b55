// What volunteers, cadres and site staff post about the goods they bring, and village volunteers about the buying
// they do for everyone: back from town with the goods
// (县城回来了 …都买上了 一会送), an order acknowledged with the plan (收到，明天统一送), a call for orders (没接的抓紧,
// 要水的在下面报, 需要买药可以一起报，我们代买). No one's order, whatever goods, counts and places it names.
import { NUMBERED_RE } from './staff-words.js';

/** 县城回来了 / 东西到了 / 都买上了 / 买回来了 / 送到各庄: the volunteer back with the goods, or delivering them. */
export const VOLUNTEER_BACK_RE =
  /(?:^|[\s,，。])从?(?:县城|县上|镇上|城里|街上)回来了(?:[\s,，。!！]|$)|东西(?:都)?(?:到了|买回来了|买齐了|买好了|买到了)|(?:都|全)买(?:上|好|齐|到)了|都送完了|送到各(?:庄|组|村|户|家|寨|屯|屋场|湾|冲)/;
/**
 * 收到 王嬢嬢大米五十斤… 周二送 / 收到。复合肥今天有货…明天统一送 / 收到，桂英婶的加上尿素1袋 / 收到 …明天一起送: an order
 * acknowledged,
 * with when it goes or what was added to whose.
 */
export const ACKNOWLEDGED_RE =
  /^\s*收到[!！,，。\s][^?？]{0,80}(?:统一(?:送|买|去买)|周[一二三四五六日天]送|礼拜[一二三四五六日天]送|送上来|[\u4e00-\u9fa5]{1,4}的加上|(?:明天|后天|今天|下午|晚上)一起送)/;
/** 没接的抓紧 / 抓紧报 / 要水的在下面报 / 需要买药可以一起报，我们代买 / 明天晚上8点截止: a call for orders. */
/** 复合肥2袋 下午一起送 / 牛奶今天下午跟豆腐一起送 / 陈德发复合肥2袋 又加上了: a volunteer telling when, or that it was added. */
export const PLANNED_RE =
  /(?:明天|后天|今天|下午|上午|晚上|过晌|一会儿?)[^，,。]{0,6}一起送(?=$|[\s,，。!！])|又加上了|都在车上/;
export const CALL_FOR_ORDERS_RE =
  /没(?:接|报)的(?:抓紧|赶紧|快)|抓紧(?:报|接龙|接)|要[^，,。\s]{1,6}的(?:在下面|下面|在群里)(?:报|接龙|接)|可以一起报|我们(?:统一)?代买|\d{1,2}点(?:前)?截止/;
/**
 * 今天送了：… / 今日到货：… / 今日代购完成：… / 各户都签收了 / 番薯种拉回来了，一共215斤 / 一共收款85元 / 已出发: a delivery,
 * a purchase or its money reported; 番薯种收到，十五斤刚好 / 水到了 四桶 谢谢: goods received. No one's new order.
 */
export const DELIVERED_RE =
  /(?:^|[\s,，。：:])(?:今天|昨天|今日|这两天|上午|下午)?(?:送了|送咗|送嘅|送的|到货|采购|代购完成|代购汇总|买的)[:：]|(?:今天|今儿|今日|昨天|昨儿)送[:：]|(?:都|已)签收|签收了|(?:拉|运)回来了[,，。\s][^?？]{0,6}一共|(?:一共)?收款\s*\d|垫付的钱|(?:^|[\s：:])已出发|(?:^|\s)[\u4e00-\u9fa5]{1,4}(?:的水|的货|的东西)?(?:收到了?|(?<![翻找借买寻拿])到了)[,，。\s]+(?:[\d一二两三四五六七八九十]+\s*[斤桶袋包箱瓶]|刚好|谢谢|多谢)[^要再还订送]*$|也?加进(?:来|去)[,，。\s][^。]{0,16}\d+\s*(?:元|块)/;
/** The member's own ask, which no volunteer's words above make theirs. */
const OWN_ASK_RE = /我要|帮我|给我|我家要|我订|俺要|给俺|帮俺|额要|能不能|可不可以|[吗么][?？]?$/;

/** 降压药给你带回来 / 21号代购账：… / 布洛芬25.5 板蓝根12 一共37.5: a volunteer's offer, or an account of money. */
const OFFERS_OR_ACCOUNTS_RE =
  /(?:给|帮)你(?:们)?(?:带|拿|买|捎)|(?:代购)?账(?:[（(:：]|单[:：])|合计\s*\d|一共\s*\d+(?:\.\d+)?\s*(?:元|块)?\s*(?:不急|$|[\s,，。])/;

/** Volunteer talk (the message is not a 接龙: its lines would still be orders). */
export function volunteerTalkOf(text: string): boolean {
  if (NUMBERED_RE.test(text)) return false;
  if (
    !(
      VOLUNTEER_BACK_RE.test(text) ||
      ACKNOWLEDGED_RE.test(text) ||
      CALL_FOR_ORDERS_RE.test(text) ||
      DELIVERED_RE.test(text) ||
      PLANNED_RE.test(text) ||
      OFFERS_OR_ACCOUNTS_RE.test(text)
    )
  )
    return false;
  return !OWN_ASK_RE.test(text);
}

/**
 * 611血压计送上来了 / 312的药已送 / 请查收 / 我们消毒后送上来 / 垃圾袋马上送。 / 纸和牙膏等下送饭时一起带上去 / 我们10分钟后上门复测 /
 * 不吃猪肉的请12点前告诉我们: site staff bringing what was asked, or asking whoever wants something to say so.
 */
export const STAFF_BRINGS_RE =
  /送(?:到门口|上来|上去|过去|过来|到了)(?:了|啰|咯|啦)|已送(?=[,，。!！\s]|$)|请查收|(?:消毒后|等下|一会儿?)[^，,。]{0,8}(?:送|带|拿)(?:上来|上去|过来|过去)|一起(?:拿|送|带)(?:上来|上去|过来|过去)|我们[^，,。]{0,8}(?:上门|上来|上去)(?:复测|看|量)|(?<![能可要])(?:马上|等下)送(?=[\s,，。.!！]|$)|已放门口|请自取|给(?:你|您)换了?|开始给(?:您|你)换|需要的房间报|的请[^，,。]{0,12}(?:告诉我们|讲一声|说一声|告诉一声|跟我们说)/;
/** The member asking, or saying what they have or need, which staff's words above do not make staff's. */
const MEMBER_RE =
  /我(?!们)|俺|额|不要|不用|甭|莫买|唔使|别买|不买|能不能|可不可以|可以[吗么]|麻烦|[吗么][?？]?$|[?？]/;

/** Site staff bringing something (no member's ask or question in the message). */
export function staffBringsOf(text: string): boolean {
  return STAFF_BRINGS_RE.test(text) && !MEMBER_RE.test(text);
}

/** The regexes each way `helpersTalkOf` says yes starts from (for staff-talk's gate). */
export const HELPERS_LEADS = [
  VOLUNTEER_BACK_RE,
  ACKNOWLEDGED_RE,
  CALL_FOR_ORDERS_RE,
  DELIVERED_RE,
  PLANNED_RE,
  STAFF_BRINGS_RE,
  OFFERS_OR_ACCOUNTS_RE,
];

/** Volunteers' or site staff's own talk about the goods they buy and bring. */
export function helpersTalkOf(text: string): boolean {
  return volunteerTalkOf(text) || staffBringsOf(text);
}

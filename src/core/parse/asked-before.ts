// What was asked before: goods received (nothing asked any more) or chased (asked after, not asked again).
import { MEAL_CHASED_RE } from './meal-words.js';

/** 1401 被子送来了 谢谢 / 充电器用完了放门口了: goods received or given back, nothing more asked, ask for nothing. */
const RECEIVED_RE =
  /用完(?:了)?[\s,，]*(?:就)?(?:放(?:在)?门口|放回|还(?:给|俾|回)|搁)|包扎好了|看过了|看完了|来看过了|处理好了|送来了|送到了|收到(?:了|啦|咯|喇|嘞)|拿到了|拿来了|送过来了|已经送|已送达|换好了|修好了|(?<=[\u4e00-\u9fa5]{2})换了(?=\s|$|[,，。!！]|\s*谢|好用|能用)|放门口了(?=[^。]{0,6}收)|换了一?个(?:新的)?就好了/;
const MORE_ASKED_RE =
  /想要|(?:另外|再|还|也)(?:帮我|给我|帮忙|麻烦)?(?:要|给|送|带|拿|需要|换|加|来)|(?:再|还|另外)?(?:问下|问一下)?有没有|能不能|能否|可以.{0,6}[吗么]|[?？]|但是|不过|太|不够|少了|坏|破/;

export function receivedOnly(text: string): boolean {
  // (体温计坏了 … 换了一个就好了: the broken one already replaced)
  if (/换了一?个(?:新的)?就好了/.test(text)) return true;
  const m = RECEIVED_RE.exec(text);
  // (充电线用完还给你们: given back, not 还给 asked again)
  return m !== null && !MORE_ASKED_RE.test(text.replace(/还(?:给|俾)你/g, ''));
}

/** 上午要的充电线还没送来 啥时候能到: asking after goods asked for earlier, not asking again. */
const CHASED_RE =
  /^\s*(?:咋个?|怎么|为啥)还没(?:有)?(?:到|送|来)[^，,。]{0,4}[?？][^。!！]{0,12}(?:就说|说好|说了|订的|订了|要的|要了|说送)|(?:要|订|申请|报|说)的[^，,。!！?？\s]{1,8}(?:还没|咋还没|怎么还没)(?:有)?(?:送|到|来|拿)|(?:还没|咋还没|怎么还没)(?:有)?(?:送|到|来)[^，,。]{0,6}(?:啥|什么|几点|多久|好久)(?:时候)?(?:能|会|才)?(?:到|送|来)?|(?:咋个?|怎么|为啥|为什么)(?:还)?没(?:有)?把[^，,。!！?？\s]{1,8}(?:送|拿|带)|(?<=[^，,。!！?？\s\d])(?:咋个?|怎么|为啥)还没(?:有)?(?:送|到|来)/;
const WHEN_CHASED_RE =
  /(?:要|订|申请|报)的[^，,。!！?？\s]{1,8}(?:好久|什么时候|啥时候|几时|多久)(?:能|才|会)?(?:送|到|来)/;
const ASKS_AGAIN_RE =
  /再(?:要|给|送|来|拿)|另外|还要|多(?:要|给|送)|麻烦(?:再)?(?:送|拿)(?:一下|下|过来|上来)/;

/** 止咳糖浆送了没有 / 508的药什么时候能送来: goods asked for before, chased (降压药还冇送来 asks again: staff act on it). */
const STILL_NOT_RE =
  /送了没(?:有)?|(?:什么|啥)时候能送(?:来|到)|给有[?？]\s*还没|还未(?:送到|送来|到)|(?:昨天|前天|上次|之前)(?:报|订|要)的[^。]{0,12}(?:莫|别|不要)(?:搞)?忘/;

export function chasesEarlier(text: string): boolean {
  if (STILL_NOT_RE.test(text) && !ASKS_AGAIN_RE.test(text) && !MEAL_CHASED_RE.test(text)) return true;
  // 午饭咋还没送: a meal chased is a meal request of its own (the kitchen is asked after, not goods)
  // (前两天要的洗衣粉好久送哦: when the goods asked for before will come)
  if (WHEN_CHASED_RE.test(text) && !ASKS_AGAIN_RE.test(text)) return true;
  return (
    text.includes('没') && CHASED_RE.test(text) && !ASKS_AGAIN_RE.test(text) && !MEAL_CHASED_RE.test(text)
  );
}

/** 已给布洛芬 / 口罩我还有 不用给我: goods already given, or declined. */
export const GIVEN_OR_DECLINED_RE = /已(?:经)?给|还有[\s,，]*不用(?:给|送|拿)/;
export function givenOrDeclined(text: string, at: number): boolean {
  return (
    /已(?:经)?给(?:了|他|她)?\s*$/.test(text.slice(Math.max(0, at - 4), at)) ||
    /^[\u4e00-\u9fa5]{0,4}还有[\s,，]*不用(?:给|送|拿)/.test(text.slice(at, at + 12))
  );
}

/** 谢谢送纸巾的小妹 / 谢谢你们送来的被子: thanks for goods brought. */
export const THANKED_FOR_RE =
  /(?:谢谢|感谢|多谢)[^，,。!！?？]{0,6}送(?:来|过来|上来)?(?:的)?[^，,。!！?？]{0,6}的/;

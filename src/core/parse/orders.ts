// Orders in villages: goods to buy and deliver, and whose they are (the customer). What reads like an order but is
// none is not-an-order.ts.

import type { Item, OrderRecord } from '../records.js';
import { matchesOf } from './chars.js';
import { isKnownGoods, looksLikeGoods } from './item-lexicon.js';
import { ELDER_TITLES, KIN } from './kin-words.js';
import { HAMLET_END, SURNAMES, TITLED_NAME } from './name-words.js';
import { stopAt } from './names.js';

const CUSTOMER_COLON_RE = /^\s*([\u4e00-\u9fa5]{2,5}?)(?:报|订|要)?\s*[:：]/;
const CUSTOMER_FOR_RE =
  /(?:帮|给|替)(?:隔壁|邻居|对门|对面|楼上|楼下|我们(?:组|村|队|社)|(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队))?的?([\u4e00-\u9fa5]{2,4}?)(?:家)?\s?(?:也|再|还)?(?:买|带|捎|代购|订|要|拿|报(?:一下|个)?[:：\s])/;
/** 王婆婆要一袋面粉 / 老周家买两袋 / 刘婆婆家 菜油一桶: a titled villager opening the message is the customer. */
const CUSTOMER_TITLED_RE = new RegExp(
  String.raw`^\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)的?)?(${TITLED_NAME})(?:家)?(?:要|买|订|定|需要|\s+|[:：])`,
);
const FULL_NAME_WITH_JIA_RE = new RegExp(`^[${SURNAMES}]家(?![的里人])[\\u4e00-\\u9fa5]$`);
const NOT_NAME_CHARS_RE =
  /[家湾塆坝沟坪岭嘴咀梁垭坡塝院要买送订拿带给的了吗呢吧啦呗]|(?<!^[\u4e00-\u9fa5]{2})来|来(?!$)|谢谢|谢[了哈咯]|麻烦|辛苦|莫得|没得|没有|钱我|转你/;
// (汪春来, 王福来: 来 ending a name of three characters is the name's, elsewhere the verb)
/** 3组 张三 化肥2袋: a name standing alone between spaces in a list of goods. */
const CUSTOMER_TOKEN_RE = new RegExp(String.raw`(?:^|\s)([${SURNAMES}][\u4e00-\u9fa5]{1,2})(?=\s|$)`);
/** 我是二组的刘大娘，想买… / 我系上寨嘅桂英婆: the sender names herself. */
const CUSTOMER_SELF_RE = new RegExp(
  String.raw`我是\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)的?|[\u4e00-\u9fa5]{2,5}的)?(${TITLED_NAME}|(?!孙女|孙子|孙娃|外孙|儿子|女儿|媳妇|侄)(?![${SURNAMES}]家的?(?:$|[\s,，。!！]))[${SURNAMES}][\u4e00-\u9fa5]{1,2}(?=$|[\s,，。!！])|(?<=的)(?!老婆|老公|外婆|外公|家婆|家公|阿婆|阿公)[\u4e00-\u9fa5]{1,2}(?:婆|公|嫂|婶)(?=$|[\s,，。!！]|我))`,
);
/** 两袋尿素 三组张明: a person named after the village group, at the end, is the customer. */
const CUSTOMER_AFTER_GROUP_RE = new RegExp(
  String.raw`(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)|[\u4e00-\u9fa5]{1,3}${HAMLET_END})\s*(${TITLED_NAME}|[${SURNAMES}][\u4e00-\u9fa5]{1,2})\s*$`,
);
const CUSTOMER_WANTED_RE = new RegExp(
  String.raw`(?:^|[\s,，])(${TITLED_NAME}|[${SURNAMES}][\u4e00-\u9fa5]{1,2}?)(?:家)?要的[\s。.!！]*$`,
);
// 老朽, 本人, 鄙人: the sender speaking of himself
const NOT_NAMES = new Set([
  '一下',
  '忙',
  '我们',
  '我家',
  '忙一下',
  '大家',
  '我',
  '老朽',
  '本人',
  '鄙人',
  '自己',
  '咱',
  '咱家',
  '单子',
  '清单',
  '订单',
  '名单',
  '代购',
]);
/** 给娃儿买罐奶粉: the sender's own household is no customer of its own. */
const HOUSEHOLD = new Set([
  '娃儿',
  '娃娃',
  '娃',
  '孩子',
  '小孩',
  '宝宝',
  '老人',
  '老人家',
  '家里',
  '屋头',
  '老汉',
  '老婆',
  '老公',
]);

const FOR_PRONOUN_RE =
  /(?:帮|给|替)(?:他|她)(?:家)?(?:买|带|捎|代购|订|要|拿|报)|(?:^|[\s,，。])(?:他|她)(?:说)?(?:还|也)?要(?=[\d一二两三四五六七八九十几点些])/;
/** 村里五保户罗孃孃要一袋米 / 隔壁的陈孃孃也要: a villager the sender speaks for, anywhere in the message. */
const SPOKEN_FOR_RE = new RegExp(
  `(?:五保户|孤寡老人|独居的?|隔壁的?|邻居|对门的?)(${TITLED_NAME})(?:家)?(?:也|还)?(?:要|订|买)`,
);
const TITLED_G_RE = new RegExp(TITLED_NAME, 'g');

/** 给我婆婆订… 她叫熊桂兰 / 我爸叫李国富: the name of the person ordered for, said after the order. */
const KIN_NAMED_RE = new RegExp(
  `(?:我|俺|额)的?(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|妈妈|爸爸|妈|爸|老妈|老爸|婆婆|公公|老汉儿?|母亲|父亲|舅舅|姑姑|姨妈|伯伯|叔叔|大大|阿大)([${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?)(?=(?:再|也|还|又)?(?:要|买|订|报)|的|家|屋|\\s|[,，。]|$)`,
);
/** 三组王老汉打电话来要两袋化肥: a villager of a group named before their call or their home, relayed. */
const RELAYED_RE = new RegExp(
  String.raw`(?:^|[\s,，。])(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)的?(${TITLED_NAME}|[${SURNAMES}][一-龥]{1,2}?)(?=打电话|来电话|打来电话|说|屋头|屋里|家里|家还|还要|也要|要)`,
);
/** 黄嫂子讲要两三斤五花肉 / 刘满娭毑讲挂面不要了，换成两包米粉: what the one named said, relayed. */
const SAYS_RE = new RegExp(String.raw`^\s*(${TITLED_NAME})(?:讲|说)(?=要|还要|[\u4e00-\u9fa5]{1,6}不要)`);
/** 我是五组陈二嬢的儿子，麻烦…买: a son or daughter ordering from afar orders for the parent named. */
const CHILD_OF_RE = new RegExp(
  String.raw`我是\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)的?|[\u4e00-\u9fa5]{1,4}?(?:沟|湾|塆|坝|坪|坎|垭|岭|嘴|梁|坡|口|院子|屋基|村)的?)?(${TITLED_NAME}|[${SURNAMES}][\u4e00-\u9fa5]{1,2}?)的?(?:儿子|女儿|孙子|孙女|外孙女?|媳妇|侄子|侄女|崽|女子)`,
);
const CUSTOMER_CALLED_RE = new RegExp(
  String.raw`(?:名字|姓名)(?:写|填)[:：\s]*([${SURNAMES}][\u4e00-\u9fa5]{1,2})(?=$|[\s,，。!！])|(?:她|他|(?:我|我的)?(?:妈妈?|爸爸?|奶奶|爷爷|婆婆|公公|外婆|外公|老汉|阿大|阿妈|老人家?)|(?:[我额俺]家)?(?:那口子|男人|老公|老伴|老头子))(?:的名字)?(?:叫|名字叫|名字是|姓名是?)[:：\s]*([${SURNAMES}][一-龥]{1,2})(?=$|[\s,，。!！])`,
);

const RELAYER_RE = /医生|村医|大夫|书记|主任|队长|组长|志愿者|网格员/;
const TITLED_AFTER_RE = new RegExp(`(?:${TITLED_NAME})`);

function relayed(text: string, name: string | undefined): string | null {
  return name !== undefined && RELAYER_RE.test(name)
    ? relayedFor(text.slice(text.indexOf(name) + name.length))
    : null;
}

function relayedFor(rest: string): string | null {
  const m = TITLED_AFTER_RE.exec(rest);
  return m && !m[0].startsWith('我') && !RELAYER_RE.test(m[0]) ? m[0] : null;
}

/** A customer named in an ordinary message: `刘婆婆：化肥两袋` or `帮张大爷买…`. */
/** 张姐 帮我带… / 李书记 明天去镇上的话帮我称…: the one spoken to, opening the message, is asked to help, not bought for. */
// (老郭 给俺送一罐液化气 / 刘姨 俺爹俺娘的降压药快没了 下回进城帮买 / 毕大哥 给我妈称5斤饵块: the one addressed)
const ADDRESSED_RE =
  /^\s*([\u4e00-\u9fa5]{2,4})[\s,，:：]+[^。!！?？]{0,24}?(?:帮我|帮忙|麻烦你|给俺|给我|帮买|帮俺)/;

/** A household named by its head's name opening the message, before what it wants (not 王家英, a name). */
const HOUSEHOLD_OPENING_RE = new RegExp(
  String.raw`^\s*(?:帮|给|替)?(?:[\u4e00-\u9fa5]{1,3}?[寨湾塆沟坝坪组社队屯庄场箐凹滩岔台墩陂背围])?([${SURNAMES}](?:老[大二三四五六七八九幺么]|[\u4e00-\u9fa5]{1,2}?)|[\u4e00-\u9fa5]?阿[\u4e00-\u9fa5]{1,2}?)(?:家|屋下|屋头|屋里)(?=\s|要|买|订|定|需要|$)`,
);

const NAME_OPENING_RE = new RegExp(
  String.raw`^\s*([${SURNAMES}][\u4e00-\u9fa5]{2})(?=(?:再|还|也)?(?:要|加|订|买|来)\s*[\d一二两三四五六七八九十半几])`,
);

export function customerOf(text: string): string | null {
  const who = customerNamed(text);
  // (钱我转你: the payment said at the end is no one's name)
  if (who && (/[我你]|钱/.test(who) || /^(?:更正|补充|备注|说明|注意|提醒|改一下)$/.test(who))) return null;
  // (大爷报：…: kin or a title with no name is whose the order is, no customer by name)
  if (who && (KIN.includes(who) || /^(?:大爷|大娘|大妈|阿姨|叔叔|婆婆|爷爷|奶奶)$/.test(who))) return null;
  if (who && ADDRESSED_RE.exec(text)?.[1] === who) return null;
  // 给老张家捎… / 老赵家 苞米种四袋: a household called by its head's surname keeps its 家
  if (who && /^老[\u4e00-\u9fa5]$/.test(who) && text.includes(`${who}家`)) return `${who}家`;
  // 三组 刘书记 我妈有点咳嗽 想买…: the cadre addressed is no customer; 我是五组谭家的女儿: nor is a household's name
  if (who && (OFFICIAL_RE.test(who) || (/家$/.test(who) && text.includes(`${who}的`)))) return null;
  return who;
}

export const OFFICIAL_RE =
  /(?:书记|支书|主任|会计|会记|村长|组长|队长|社长|屯长|寨老|师傅|干部|大夫|医生|老板)$/;

/** 帮三组周婆婆报一下 / 帮垭口谭德富大爷报：: someone reported for, by name (a place before, a title after). */
const REPORTED_FOR_RE = new RegExp(
  String.raw`^(?:我)?(?:帮|替|代)(?:[^，,。\s]{1,4}?(?:组|村|沟|口|湾|寨|坡|坝|垭|院子|坪|岭|峁|洼|塆|门|坑|夼|疃|泊|庄|塅|冲|坳|岙)的?)?([${SURNAMES}][\u4e00-\u9fa5]{1,2}?)(?:${ELDER_TITLES})?(?:家|屋里)?(?:报|订|买|带|下单)`,
);

/** 储德胜托我登记：…帮他买: the one who asked the sender to order is the customer. */
const ASKED_ME_RE = new RegExp(
  String.raw`^\s*([${SURNAMES}][\u4e00-\u9fa5]{1,2}?)(?:托我|让我|叫我)(?:帮他|帮她|帮忙)?(?:登记|报|订|买|带)`,
);

/**
 * 马哥 我要5斤腊肉 / 小谭 帮我买… / 王大哥，我家要…: the volunteer or cadre addressed before the sender's own ask is
 * no customer.
 */
const ADDRESSEE_RE =
  /^\s*(?:[\u4e00-\u9fa5]{1,2}(?:哥|姐|叔|婶|嫂|伯|老师|师傅|书记|主任|会计|医生|大夫)|小[\u4e00-\u9fa5])(?=[\s,，]+(?:我|俺|额|帮我|给我|麻烦|你|您))/;

function customerNamed(text0: string): string | null {
  const addressee = ADDRESSEE_RE.exec(text0);
  const text = addressee ? ' '.repeat(addressee[0].length) + text0.slice(addressee[0].length) : text0;
  const reportedFor = REPORTED_FOR_RE.exec(text)?.[1] ?? ASKED_ME_RE.exec(text)?.[1];
  if (reportedFor && !NOT_NAME_CHARS_RE.test(reportedFor)) return reportedFor;
  const calledMatch = CUSTOMER_CALLED_RE.exec(text);
  const called = calledMatch?.[1] ?? calledMatch?.[2];
  if (called) return called;
  // 熊老二家 洋芋种要一百斤 / 段老四家要… / 帮新寨杨文才家买…: the household opening the order is its customer's
  const household = HOUSEHOLD_OPENING_RE.exec(text)?.[1];
  if (household && !isKnownGoods(household)) return household;
  // 程桂英再加一瓶酱油 / 王秀兰要两包盐: a full name opening the order, right before what they want
  const opener = NAME_OPENING_RE.exec(text)?.[1];
  // (白糖我要两斤: goods and the sender are no name)
  if (opener && !looksLikeGoods(opener) && !NOT_NAME_CHARS_RE.test(opener) && !/[我你他她俺]/.test(opener))
    if (!isKnownGoods(opener.slice(0, 2))) return opener;
  // 我奶奶刘桂英要… / 帮我外公陈德明买… / 给我外婆周秀珍的: a kin word with the full name after it names the customer
  const kinNamed = KIN_NAMED_RE.exec(text)?.[1] ?? CHILD_OF_RE.exec(text)?.[1];
  if (kinNamed) return kinNamed;
  // 三组王老汉打电话来要… / 六组杨幺妹打电话说要… / 三组张德明屋头还要…: a villager of a group, relayed
  const relayedName = RELAYED_RE.exec(text)?.[1] ?? SAYS_RE.exec(text)?.[1];
  if (relayedName && !NOT_NAME_CHARS_RE.test(relayedName) && !isKnownGoods(relayedName)) return relayedName;
  const c = CUSTOMER_COLON_RE.exec(text)?.[1];
  // 刘医生：五组的罗婆婆…要买… / 我是村卫生室的刘医生，帮陈大爷订…: one who relays is not whom the goods are for
  const viaColon = relayed(text, c);
  if (viaColon) return viaColon;
  if (c && !isKnownGoods(c) && stopAt(c, 0) === 0 && !NOT_NAMES.has(c)) return c;
  const t = CUSTOMER_TITLED_RE.exec(text)?.[1] ?? CUSTOMER_SELF_RE.exec(text)?.[1];
  const viaSelf = relayed(text, t);
  if (viaSelf) return viaSelf;
  if (t && !t.startsWith('我')) return t;
  // 二十斤大米 两瓶酱油 送到坪上 李大爷要的: whose the list is, said at its end
  const wanted = CUSTOMER_WANTED_RE.exec(text)?.[1];
  if (wanted) return wanted;
  const g = CUSTOMER_AFTER_GROUP_RE.exec(text)?.[1];
  // (王家英 is a name: 家 inside a full name is no household)
  if (g && (!NOT_NAME_CHARS_RE.test(g) || FULL_NAME_WITH_JIA_RE.test(g))) return g;
  const n = CUSTOMER_TOKEN_RE.exec(text)?.[1];
  if (
    n &&
    !looksLikeGoods(n) &&
    !NOT_NAME_CHARS_RE.test(n) &&
    !/^周[一二三四五六日天末]$/.test(n) &&
    !/[一二两三四五六七八九十半][斤袋桶包瓶箱个盒件把壶]/.test(n) // 姜一斤: goods counted, no name
  )
    return n;
  const spokenFor = SPOKEN_FOR_RE.exec(text)?.[1];
  if (spokenFor) return spokenFor;
  // 我们组的张大爷腿不好 帮他带一袋尿素: 他 is the person named before
  const pronoun = FOR_PRONOUN_RE.exec(text);
  if (pronoun) {
    const named = matchesOf(TITLED_G_RE, text.slice(0, pronoun.index)).pop()?.[0];
    if (named && !named.startsWith('我')) return named;
  }
  const f = CUSTOMER_FOR_RE.exec(text)?.[1];
  if (
    f &&
    !NOT_NAMES.has(f) &&
    !HOUSEHOLD.has(f) &&
    !f.startsWith('我') &&
    !f.startsWith('忙') &&
    // (我替爸妈报一下: kin, unnamed, are whose the order is, no customer by name)
    !KIN.includes(f) &&
    // (给张家庄捎十斤小米: a hamlet given to is where, no customer)
    !/[庄村沟湾坡峪屯寨洼坪]$/.test(f) &&
    f !== '爸妈' &&
    !/[喝吃用穿的]$/.test(f) && // (给老人喝的: whom the goods are for to drink, no customer)
    stopAt(f, 0) === 0
  )
    return f;
  // 王强的猪饲料改成三包 / 下院子刘大娘的尿素 要三袋: whose goods, said before them
  const owner = OWNER_OF_GOODS_RE.exec(text);
  if (owner?.[1] && looksLikeGoods(owner[2] as string) && !NOT_NAME_CHARS_RE.test(owner[1])) return owner[1];
  // …送柳树湾，孙玉梅 / 王家峪 赵铁柱: a full name signing the list at its end
  const signed = SIGNED_RE.exec(text)?.[1];
  if (
    signed &&
    // (林阿水: a surname and 阿 before one character is a name, whatever the character)
    (!looksLikeGoods(signed) || /^.阿.$/.test(signed)) &&
    !NOT_NAME_CHARS_RE.test(signed) &&
    !/^周[一二三四五六日天末]/.test(signed)
  )
    return signed;
  return null;
}

const OWNER_OF_GOODS_RE = new RegExp(
  String.raw`(?:^|[\s,，。]|[一-龥]{1,3}${HAMLET_END})(${TITLED_NAME}|[${SURNAMES}][一-龥]{1,2}?)的([一-龥]{1,4}?)(?=\s|要|改|不要|还|也|[\d一二两三四五六七八九十])`,
);
const SIGNED_RE = new RegExp(String.raw`[\s,，。]([${SURNAMES}][一-龥]{1,2})[\s。.!！]*$`);

export function buildOrder(items: Item[], deliverTo: string | null, customer: string | null): OrderRecord {
  return { type: 'order', items, deliverTo, customer, seq: null };
}

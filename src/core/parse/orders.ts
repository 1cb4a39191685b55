// Orders in villages: goods to buy and deliver. Questions about price or availability, price lists, reports of
// goods already bought or delivered, and announcements to everyone are not orders.
import type { Item, OrderRecord, Vocabulary } from '../records.js';
import { isKnownGoods, looksLikeGoods } from './item-lexicon.js';
import { HAMLET_END, SURNAMES, TITLED_NAME } from './name-words.js';
import { stopAt } from './names.js';
import type { PlaceHit } from './places.js';

const QUESTION_RE =
  /多少钱|好多钱|几多钱|钱是?(?:好多|多少|几多)|啥子价|什么价|啥价|几块钱|几块一|几元|(?<!看)价格|(?<!看)价钱|怎么卖|咋卖|贵不贵|有没有卖|哪里有卖|哪里卖|哪儿有卖|哪儿卖|卖不卖|在哪买|哪里买|去哪买|能买到吗|有卖吗|有货吗|到了没|到了吗|什么时候到|啥时候到|几时到|还有没有|有没有.{1,6}[?吗]?$|卖吗|卖不|卖的吗|有人要|谁要|谁家要|哪个要|有没有人(?!(?:去|到|上街|赶场|下山))|哪里能买|哪儿能买|在哪里买|哪里可以买/;
const PRICE_RE =
  /\d+(?:\.\d+)?\s*(?:(?:元|块(?=钱|[/每一]|[^\u4e00-\u9fa5]|$)|毛(?=钱|[/每一]))(?:钱)?\s*(?:\/|每|一)|(?:\/|每|一)\s*(?:公斤|[斤袋桶箱瓶包个盒件提罐]))/g;
const PAST_RE =
  /已经?(?:帮.{0,4})?(?:买|送|购|到|带)|买好了|买到了|送到了(?!\s*(?:就|请|麻烦)?(?:打|给|叫|喊)(?:我|个)?(?:电话|一声|一下))|送过去了|已送达|到货了|收到了|拿到了|送来了|买回来了|谢谢.{0,8}(?:送|买|带)(?:来)?的|少了[\d一二两三]?\s*(?:袋|桶|包|斤|瓶|箱)?|只(?:拿|收|送)到|少送了|漏送了/;
const ANNOUNCE_RE =
  /要买[^，,。]{1,6}的(?:打|找|联系|跟)|需要.{0,8}的(?:村民|群众|住户|乡亲|朋友|人|家庭)|(?<![我俺])报名(?!\s*\S{0,6}?[\d一二两三四五六七八九十])|在群里接龙|各位(?!医护|医生|护士|工作人员|志愿者|领导|师傅)|村民们|乡亲们|通知|需要.{0,6}的(?:请|可以|联系|找|私|在|到|报|接)|要的(?:说|报|接龙|联系|私)|有需要的|如有需要|请(?:大家|各位)|每(?:户|家|人)\s*(?:限|可领|发)?\s*[\d一二两三四五六七八九十]+\s*[个只包瓶袋][^。!！?？]{0,12}领|(?:发|分)[\u4e00-\u9fa5]{1,4}[,，\s]*每(?:户|家|人)|大家(?:要|需要|有需要|要的|注意)|统一发/;

/**
 * 尿素还没送来 / 我昨天要的三袋尿素今天能到不 / 爷爷问他那两袋化肥好久送: asking after an order already made, not a
 * new one.
 */
const NOT_YET_RE =
  /还没(?:有)?(?:送|到|来|收到|带)|咋个?还没|怎么还没|没送来|没送到|没收到|还差[\d一二两三四五六七八九十几]|(?:啥子?|什么|好久|几时|多久)(?:时候)?(?:能|会|才|可以)?(?:送|到|来|拿)|能到不|能不能到|到不到|送到没|到了没有|送不送|(?:莫|别|不要)忘了?[\s\S]{0,12}那[\d一二两三四五六七八九十几]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件)|那[\d一二两三四五六七八九十几]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件)[^，,。!！?？]{0,8}[\s\S]{0,10}(?:一定要|记得)送(?:拢|到|来|过来)/;
/** Plans and doubts rather than orders: 下周再买, 够不够, 要带身份证吗. */
/** 化肥照常送 / 上次买化肥的钱我微信转给…: what stands or was paid for, not ordered again (unless more is asked). */
const KEPT_OR_PAID_RE =
  /(?:照常|照样|照旧|照)送(?![\d一二两三四五六七八九十])|买[^，,。]{0,6}的钱|钱(?:已经|我)?(?:微信)?转给|多算了|少算了|算错了|核对一?下|(?:上次|上回|之前|前几天|那次)的[\u4e00-\u9fa5]{1,5}钱|(?:好多人|很多人|大家|别人|人家|他们)(?:都|也)?(?:在|去)?(?:排队|抢着)?(?:买|抢)|都到了[^。!！?？]{0,16}(?:来领|来拿|去领|去拿|领一下|拿一下)/;
/** 麻烦志愿者帮忙买…，钱我微信转给你们: asked to buy now, the money follows. */
const ASKED_BUY_RE = /(?:麻烦|帮忙|帮我|请)[^，,。]{0,8}(?:买|带|订|捎)/;
const NOT_NOW_RE =
  /[一每][袋桶包箱瓶件]多钱|啥价|什么价|[一每][袋桶包箱瓶件](?:是|有)?(?:好多|多少|几)(?:斤|公斤|升)|下周再|下次再|过两天再|以后再|再说|够不够|够吗|多重|重不重|好不好用|行不行|要不要|赊(?:到|账|一下)?(?:不|吗|么|得)|不是说[^，,。]{0,12}(?:送|到|来)[^，,。]{0,6}(?:吗|么|\?|？)|统计一下|统计好了?再|再报/;
const ASKS_RE = /帮|麻烦|能|可以|请|给我|要[\d一二两三四五六七八九十几半]/;
const AVAILABLE_RE = /有没(?:有|得)|有莫得|有冇得|还有[\u4e00-\u9fa5]{1,6}?没得/g;
const AVAILABLE_ASK_RE = /要|买|带|捎|帮|想|订|拿|领|没了|用完|莫得了|没得了|没有了|送/;

/**
 * 村里还有口罩卖吗 我想买10个 / 有没有卖小鸡苗的 要二十只: the sender's own buying clause outweighs a question
 * beside it.
 */
const OWN_BUY_RE =
  /(?:想|要)买点[\u4e00-\u9fa5]{1,6}|(?:给我|帮我)(?:捎|带|拿|取)(?:个|一个)?(?:快递|包裹)|(?:给我|帮我)(?:留|带|买|送|拿)\s*[\d一二两三四五六七八九十几半]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件|把|提|卷|板|捆|条|只)|(?:顺便|再|另外)(?:帮我|给我)?(?:带|买|捎|拿|来|整)\s*[\d一二两三四五六七八九十几半]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件|把|提|卷)|(?:^|[\s,，。?？!！])(?:我|俺)(?:要|想要|要买|想买)[\u4e00-\u9fa5]{1,6}(?=$|[\s,，。])|(?:先|就)?(?:给我|帮我)?来\s*[\d一二两三四五六七八九十几半]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件|把|提|卷)|^\s*[\d一二两三四五六七八九十几半]{1,3}\s*(?:袋|桶|包|斤|瓶|箱|盒|件|把|提)[\u4e00-\u9fa5]{1,6}[\s,，]|(?:(?:我|俺|我家|我们)(?:想|要|还要|想要|再|还|也|另外)?|(?:^|[\s,，。?？!！])(?:想|还|再|另外)?)(?:买|订|要|加|带|整)\s*[\d一二两三四五六七八九十几半]|(?:^|[\s,，。?？!！])[^\s,，。?？!！]{1,8}?要\s*[\d一二两三四五六七八九十几半]+\s*(?:袋|桶|包|斤|棵|根|个|瓶|箱|盒|件|把|提|只|株)/;

const NEIGHBOURS_ASKED_RE = /谁家有|哪家有|哪个屋头有|哪个有多的|有没有人有/;
const OWN_ERRAND_RE = /(?:我|俺)?(?:明天|今天|后天|下午|等下)?要(?:自己)?去[\u4e00-\u9fa5]{0,4}(?:拿|买|取)/;

/** 化肥收到了 谢谢 另外再帮我带两包盐: more asked for after goods received is a new order. */
const MORE_RE = /(?:另外|再|还)(?:帮我|给我|帮忙|要)?(?:带|买|要|订|捎|加|整|来|拿)/;

function asksMoreAfterPast(text: string): boolean {
  const m = PAST_RE.exec(text);
  return m !== null && MORE_RE.test(text.slice(m.index + m[0].length));
}

export function isNotAnOrder(text: string, hasBuyVerb: boolean, items: readonly Item[]): boolean {
  if (
    ((QUESTION_RE.test(text) || NOT_YET_RE.test(text)) && !OWN_BUY_RE.test(text)) ||
    (PAST_RE.test(text) && !asksMoreAfterPast(text)) ||
    ANNOUNCE_RE.test(text) ||
    NOT_NOW_RE.test(text) ||
    (KEPT_OR_PAID_RE.test(text) && !MORE_RE.test(text) && !OWN_BUY_RE.test(text) && !ASKED_BUY_RE.test(text))
  )
    return true;
  // 谁家有多的白菜种子 借点: asking the neighbours, no one to buy for; 明天要去镇上拿药: the sender's own errand
  if (NEIGHBOURS_ASKED_RE.test(text)) return true;
  if (OWN_ERRAND_RE.test(text) && !/帮我|给我|帮忙|顺便|麻烦/.test(text)) return true;
  // 磷肥有没得 / 镇上还有没有卖菜籽的 / 村里还有口罩发没得: asking whether there are goods, and nothing more, orders none
  if (AVAILABLE_RE.test(text) && items.every(noQty) && !AVAILABLE_ASK_RE.test(text.replace(AVAILABLE_RE, '')))
    return true;
  // 买化肥要带身份证吗: a question without any asking word and without quantities is about the goods
  if (/[吗?]\s*$/.test(text) && !ASKS_RE.test(text) && items.every(noQty)) return true;
  const prices = text.match(PRICE_RE)?.length ?? 0;
  // 菜油3桶 85一桶 化肥2袋: one price noted beside a list that counts several goods is still an order
  const counted = items.filter((i) => i.qty !== null).length;
  // 菜油两桶(75一桶): goods counted in the measure the price is quoted per are ordered, the price noted
  const pricedAndCounted =
    prices === 1 && items.some((i) => i.qty !== null && i.unit !== null && priceUnit(text) === i.unit);
  return prices >= 2 || (prices === 1 && !hasBuyVerb && counted < 2 && !pricedAndCounted);
}

const CUSTOMER_COLON_RE = /^\s*([\u4e00-\u9fa5]{2,5})\s*[:：]/;
const CUSTOMER_FOR_RE =
  /(?:帮|给|替)(?:隔壁|邻居|对门|对面|楼上|楼下|我们(?:组|村|队|社)|(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队))?的?([\u4e00-\u9fa5]{2,4}?)(?:家)?\s?(?:也|再|还)?(?:买|带|捎|代购|订|要|拿|报(?:一下|个)?[:：\s])/;
/** 王婆婆要一袋面粉 / 老周家买两袋 / 刘婆婆家 菜油一桶: a titled villager opening the message is the customer. */
const CUSTOMER_TITLED_RE = new RegExp(
  String.raw`^\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)的?)?(${TITLED_NAME})(?:家)?(?:要|买|订|定|需要|\s+|[:：])`,
);
const FULL_NAME_WITH_JIA_RE = new RegExp(`^[${SURNAMES}]家(?![的里人])[\\u4e00-\\u9fa5]$`);
const NOT_NAME_CHARS_RE =
  /[家湾塆坝沟坪岭嘴咀梁垭坡塝院要买送订拿带给来的了吗呢吧啦呗]|谢谢|谢[了哈咯]|麻烦|辛苦/;
/** 3组 张三 化肥2袋: a name standing alone between spaces in a list of goods. */
const CUSTOMER_TOKEN_RE = new RegExp(String.raw`(?:^|\s)([${SURNAMES}][\u4e00-\u9fa5]{1,2})(?=\s|$)`);
/** 我是二组的刘大娘，想买…: the sender names herself. */
const CUSTOMER_SELF_RE = new RegExp(
  String.raw`我是\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)的?|[\u4e00-\u9fa5]{2,5}的)?(${TITLED_NAME}|(?!孙女|孙子|外孙|儿子|女儿|媳妇|侄)(?![${SURNAMES}]家的?(?:$|[\s,，。!！]))[${SURNAMES}][\u4e00-\u9fa5]{1,2}(?=$|[\s,，。!！]))`,
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
const ADDRESSED_RE = /^\s*([\u4e00-\u9fa5]{2,4})[\s,，:：]+[^。!！?？]{0,14}?(?:帮我|帮忙|麻烦你)/;

/** A household named by its head's name opening the message, before what it wants (not 王家英, a name). */
const HOUSEHOLD_OPENING_RE = new RegExp(
  String.raw`^\s*(?:帮|给|替)?(?:[\u4e00-\u9fa5]{1,3}?[寨湾塆沟坝坪组社队屯庄场箐凹滩岔台墩陂背围])?([${SURNAMES}](?:老[大二三四五六七八九幺么]|[\u4e00-\u9fa5]{1,2}?)|[\u4e00-\u9fa5]?阿[\u4e00-\u9fa5]{1,2}?)(?:家|屋下|屋头|屋里)(?=\s|要|买|订|定|需要|$)`,
);

const NAME_OPENING_RE = new RegExp(
  String.raw`^\s*([${SURNAMES}][\u4e00-\u9fa5]{2})(?=(?:再|还|也)?(?:要|加|订|买|来)\s*[\d一二两三四五六七八九十半几])`,
);

export function customerOf(text: string): string | null {
  const who = customerNamed(text);
  if (who && ADDRESSED_RE.exec(text)?.[1] === who) return null;
  return who;
}

function customerNamed(text: string): string | null {
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
  const relayedName = RELAYED_RE.exec(text)?.[1];
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
    const named = [...text.slice(0, pronoun.index).matchAll(TITLED_G_RE)].pop()?.[0];
    if (named && !named.startsWith('我')) return named;
  }
  const f = CUSTOMER_FOR_RE.exec(text)?.[1];
  if (
    f &&
    !NOT_NAMES.has(f) &&
    !HOUSEHOLD.has(f) &&
    !f.startsWith('我') &&
    !f.startsWith('忙') &&
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
    !looksLikeGoods(signed) &&
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

function priceUnit(text: string): string | null {
  return /(?:\/|每|一)\s*(公斤|[斤袋桶箱瓶包个盒件提罐])/.exec(text.match(PRICE_RE)?.[0] ?? '')?.[1] ?? null;
}

function noQty(i: Item): boolean {
  return i.qty === null;
}

export function buildOrder(items: Item[], deliverTo: string | null, customer: string | null): OrderRecord {
  return { type: 'order', items, deliverTo, customer, seq: null };
}

const NAME_AFTER_PLACE_RE = new RegExp(
  `^\\s?的?([${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?)(?=$|[\\s,，。!！]|哈|我|要|买)`,
);

/** The customer of an order: never the place (石门坎 is no 石 surname); a name the group knows counts too. */
export function customerBeside(
  text: string,
  places: readonly PlaceHit[],
  vocabulary?: Vocabulary,
): string | null {
  // 石板沟王秀英 / 我是杨家坎的杨德贵: a full name right after the place is the customer
  for (const p of places) {
    const m = NAME_AFTER_PLACE_RE.exec(text.slice(p.end, p.end + 6));
    // (我是5组陈家的: a household, no one's name)
    // (垭口 周一送: a day and its sending are no 周 name)
    if (
      m?.[1] &&
      !looksLikeGoods(m[1]) &&
      !/^(?:谢谢|谢了|麻烦|辛苦|多谢)|家的?$|^周[一二三四五六日天末]|[送要买带拿]$/.test(m[1])
    )
      return m[1];
  }
  const c = customerOf(text);
  // (黄桷树 is a landmark, no 黄 surname; 三组老李家 holds its customer)
  const named = places.filter(
    (p) => p.known || p.byEnding !== undefined || (p.strict && !/[组社队]/.test(p.place)),
  );
  if (c && !named.some((p) => p.place.includes(c) || c.includes(p.place))) return c;
  for (const n of vocabulary?.names ?? []) if (n.length >= 2 && text.includes(n)) return n;
  return null;
}

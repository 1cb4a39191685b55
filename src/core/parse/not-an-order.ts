// What in a village message reads like an order but is none: questions about price or availability, price
// lists, goods already bought or delivered, plans, announcements to everyone, asking the neighbours.
import type { Item } from '../records.js';

const QUESTION_RE =
  /多钱一[斤袋桶箱瓶包个]|(?:升|斤|公斤)的[一二两三四五六七八九十百]{2,4}(?:块|元)?(?=$|[\s,，。])|(?:好多|多少|几多|几)(?:斤|公斤|升)一[袋桶包箱瓶件]|[一每][包袋桶斤瓶箱]多少[?？]|(?<!一共|总共|合计|一起|共)多少钱(?!\s*(?:回头|到时候?|等下|送来|送到)?\s*(?:转|给|付|补))|(?<!一共|总共|合计|一起|共)好多钱|(?<!一共|总共|合计|一起|共)几多钱|钱是?(?:好多|多少|几多)|啥子价|什么价|啥价|几块钱|几块一|几元|(?<!看)价格|(?<!看)价钱|怎么卖|咋卖|贵不贵|有没有卖|哪里有卖|哪里卖|哪儿有卖|哪儿卖|卖不卖|在哪买|哪里买|去哪买|能买到吗|有卖吗|有货吗|到了没|到了吗|什么时候到|啥时候到|几时到|几点(?:能|会)?到|几点送到|(?:啥|什么)时候(?:能|给)?(?:送|捎)|咋(?:个)?没(?:给)?(?:捎|送|带)(?:来|到|过来|回来)?|几钱|(?<!一共好|总共好|合计好|一起好|一共几|总共几)多钱|还有没有|有没有(?!人(?:去|到|上街|赶场|下山))(?:.{1,6}[?吗]?$)|卖吗|卖不|卖的吗|有人要|谁要|谁家要|哪个要|有没有人(?![^，,。\s]{0,3}(?:去|到|上街|赶场|下山|进城|进县城|上县城|进镇|上镇))|哪里能买|哪儿能买|在哪里买|哪里可以买/;
const PRICE_RE =
  /\d+(?:\.\d+)?\s*(?:(?:元|块(?=钱|[/每一]|[^\u4e00-\u9fa5]|$)|毛(?=钱|[/每一]))(?:钱)?\s*(?:\/|每|一)(?:\s*(?:公斤|[斤袋桶箱瓶包个盒件提罐卷盘只吨双张]))?|(?:\/|每|一)\s*(?:公斤|[斤袋桶箱瓶包个盒件提罐卷盘只吨双张]))|\d块\d\s*(?:\/|每|一)\s*[斤袋桶箱瓶包个盒件把只]|\d+\s*斤\s*\d{2,4}\s*(?:块|元)|送(?:到家|上门)\s*\d{2,4}(?![\d.]*\s*[斤袋桶箱瓶包个盒件])|(?<![\d一二两三四五六七八九十])[一每]\s*(?:公斤|[斤袋桶箱瓶包个盒件提罐卷盘只吨])\s*\d{2,4}(?:\.\d+)?(?:\s*(?:块|元)(?:钱)?)?(?![\s\d.]*(?:公斤|[斤袋桶箱瓶包个盒件提罐卷盘只吨升Ll]|斤装))/g;
const PAST_RE =
  /(?:寄|捎)了[^，,。]{0,10}回来|已经?(?:帮.{0,4})?(?:买|送|购|到|带)|买好了|买到了|送到了(?!\s*(?:就|请|麻烦)?(?:打|给|叫|喊)(?:我|个)?(?:电话|一声|一下))|送过去了|已送达|到货了|收到了|拿到了|买齐了|挨家送|(?:都|批)送(?:了|到了|完了?|齐了)[:：]|给[^，,。]{1,6}放了|(?<=[\d一二两三四五六七八九十][\u4e00-\u9fa5]?)\s*(?:都|已)?收到(?![吗没])|点过了|数过了|(?:没|冇)少|一样不少|送来了|买回来了|谢谢.{0,8}(?:送|买|带)(?:来)?的|少了[\d一二两三]?\s*(?:袋|桶|包|斤|瓶|箱)?|只(?:拿|收|送)到|少送了|漏送了/;
const ANNOUNCE_RE =
  /送货完成|有变的|涨价|涨到|钱咋给|已经转给|需要买[^，,。]{0,4}的(?:说|报)|的\d{1,2}点半?前报|报个数|哪几户要|(?<![没冇])到了[，,\s]*(?:今天|明天|天光日)?(?:上午|下午|晚上|早上|上昼|下昼)?(?:就|统一|挨家|逐户)?送(?![\d一二两三四五六七八九十])|自己来(?:拉|拿|领)的|排队领|不要扎堆|私聊|送货上门|自家(?:种|晒|养|做|腌)的|✔|(?:别|不要|莫)自己(?:去)?买药|(?:要|先)?(?:讲|说|写)清楚(?:是)?(?:什么|啥|哪种)|的把[^，,。]{0,8}(?:拍照|发群里)|大家[^，,。]{0,6}来拿|放在[^，,。]{1,6}了[，,\s]*大家|统一(?:到|在)村委会|还有(?:谁)?要[^，,。\s]{1,6}的(?:没|吗|不)|我马上联系|要买[^，,。]{1,6}的(?:打|找|联系|跟)|需要.{0,8}的(?:村民|群众|住户|乡亲|朋友|人|家庭)|(?<![我俺])报名(?!\s*\S{0,6}?[\d一二两三四五六七八九十])|在群里接龙|哪家要|的[\s,，]*报给我|的要(?:拿|带|先)|的人员|各位(?!医护|医生|护士|工作人员|志愿者|领导|师傅)|村民们|乡亲们|通知|需要.{0,10}的(?:请|可以|联系|找|私|在|到|报|接)|要的(?:说|报|接龙|联系|私)|有需要的|如有需要|请(?:大家|各位)|每(?:户|家|人)\s*(?:限领|限|可领|发)?\s*[\d一二两三四五六七八九十]+\s*[个只包瓶袋][^。!！?？]{0,12}领|(?:发|分)[\u4e00-\u9fa5]{1,4}[,，\s]*每(?:户|家|人)|大家(?:要|需要|有需要|要的|注意)|统一发|每(?:户|家|人)(?:限领|可领|限购)/;

/**
 * 尿素还没送来 / 我昨天要的三袋尿素今天能到不 / 爷爷问他那两袋化肥好久送: asking after an order already made, not a
 * new one.
 */
const NOT_YET_RE =
  /送了没(?:有)?(?=$|[\s,，。?？]|呀|啊)|(?<![得听看收找])(?:买|送)?到(?:了)?(?:冇|没有?)(?=$|[\s,，。?？]|呀|啊|哦)|还送(?:吗|不|么)|还没(?:有)?(?:送|到|来|收到|带)|咋个?还没|怎么还没|没送来|没送到|没收到|还差[\d一二两三四五六七八九十几]|(?:啥子?|什么|好久|几时|多久)(?:时候)?(?:能|会|才|可以)?(?:送|到|来|拿)|能到不|能不能到|到不到|送到没|到了没有|送不送|(?:莫|别|不要)忘了?[\s\S]{0,12}那[\d一二两三四五六七八九十几]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件)|那[\d一二两三四五六七八九十几]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件)[^，,。!！?？]{0,8}[\s\S]{0,10}(?:一定要|记得)送(?:拢|到|来|过来)/;
/** Plans and doubts rather than orders: 下周再买, 够不够, 要带身份证吗. */
/** 化肥照常送 / 上次买化肥的钱我微信转给…: what stands or was paid for, not ordered again (unless more is asked). */
const KEPT_OR_PAID_RE =
  /(?:照常|照样|照旧|照)送(?![\d一二两三四五六七八九十])|买[^，,。]{0,6}的钱|钱(?:已经|我)?(?:微信)?转给|多算了|少算了|算错了|核对一?下|(?:上次|上回|之前|前几天|那次)的[\u4e00-\u9fa5]{1,5}钱|(?:好多人|很多人|大家|别人|人家|他们)(?:都|也)?(?:在|去)?(?:排队|抢着)?(?:买|抢)|都到了[^。!！?？]{0,16}(?:来领|来拿|去领|去拿|领一下|拿一下)/;
/** 麻烦志愿者帮忙买…，钱我微信转给你们: asked to buy now, the money follows. */
const ASKED_BUY_RE = /(?:麻烦|帮忙|帮我|帮着|请|让)[^，,。]{0,8}(?:买|带|订|捎)/;
const NOT_NOW_RE =
  /(?:还是)?一样的(?:吗|不|么)|[一每][袋桶包箱瓶件]多钱|啥价|什么价|[一每][袋桶包箱瓶件](?:是|有)?(?:好多|多少|几)(?:斤|公斤|升)|下周再|下次再|过两天再(?!送|拉)|以后再|再说|够不够|够吗|多重|重不重|好不好用|行不行|要不要|赊(?:到|账|一下)?(?:不|吗|么|得)|不是说[^，,。]{0,12}(?:送|到|来)[^，,。]{0,6}(?:吗|么|\?|？)|统计一下|统计好了?再|再报/;
const ASKS_RE = /帮|麻烦|能|可以|请|给我|要[\d一二两三四五六七八九十几半]/;
const AVAILABLE_RE = /有没(?:有|得)|有莫得|有冇得|还有[\u4e00-\u9fa5]{1,6}?没得/g;
const AVAILABLE_ASK_RE = /要|买|带|捎|帮|想|订|拿|领|没了|用完|莫得了|没得了|没有了|送/;

/**
 * 村里还有口罩卖吗 我想买10个 / 有没有卖小鸡苗的 要二十只: the sender's own buying clause outweighs a question
 * beside it.
 */
const OWN_BUY_RE =
  /(?:我|俺|额)家?(?:要|想要|要买|想买)[\u4e00-\u9fa5]{1,6}?[\d一二两三四五六七八九十百]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件|把|提|卷|棵|株|只|个|罐|壶)|有的话(?:就)?(?:帮我|给我)?(?:带|买|要|来|捎)\s*[\d一二两三四五六七八九十几半]|(?:想|要)买点[\u4e00-\u9fa5]{1,6}|(?:给我|帮我)(?:捎|带|拿|取)(?:个|一个)?(?:快递|包裹)|(?:给我|帮我)(?:留|带|买|送|拿)\s*[\d一二两三四五六七八九十几半]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件|把|提|卷|板|捆|条|只)|(?:顺便|再|另外)(?:帮我|给我)?(?:带|买|捎|拿|来|整)\s*[\d一二两三四五六七八九十几半]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件|把|提|卷)|(?:^|[\s,，。?？!！])(?:我|俺)(?:要|想要|要买|想买)[\u4e00-\u9fa5]{1,6}(?=$|[\s,，。])|(?:先|就)?(?:给我|帮我)?来\s*[\d一二两三四五六七八九十几半]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件|把|提|卷)|^\s*[\d一二两三四五六七八九十几半]{1,3}\s*(?:袋|桶|包|斤|瓶|箱|盒|件|把|提)[\u4e00-\u9fa5]{1,6}[\s,，]|(?:(?:我|俺|我家|我们)(?:想|要|还要|想要|再|还|也|另外)?|(?:^|[\s,，。?？!！])(?:想|还|再|另外)?)(?:买|订|要|加|带|整)\s*[\d一二两三四五六七八九十几半]|(?:^|[\s,，。?？!！])[^\s,，。?？!！]{1,12}?要\s*[\d一二两三四五六七八九十百几半]+\s*(?:袋|桶|包|斤|棵|根|个|瓶|箱|盒|件|把|提|只|株|条|扎|卷)|(?:^|[\s,，])送(?:到|去)?(?![你我他她给])[\u4e00-\u9fa5]{2,6}\s*$/;

const KIND_MEANT_RE = /(?:别|莫|不要|甭|不能)(?:买|搞|拿|带)错|那种(?:哈|啊|的|哦)?\s*$/;
const COUNTED_RE = /[\d一二两三四五六七八九十半]\s*(?:袋|桶|包|瓶|箱|盒|件|壶|提|斤|把|条|罐|个|支|卷)/;

const NEIGHBOURS_ASKED_RE =
  /谁家有|哪家有|哪个屋头有|哪个有多的|有没有人有|有[^，,。\s]{1,8}卖(?:没得|没有|吗|不|伐)(?![\s\S]*(?:帮我|帮忙|给我|[买要带][\d一二两三四五六七八九十]))/;
const OWN_ERRAND_RE = /(?:我|俺)?(?:明天|今天|后天|下午|等下)?要(?:自己)?去[\u4e00-\u9fa5]{0,4}(?:拿|买|取)/;

/** 化肥收到了 谢谢 另外再帮我带两包盐: more asked for after goods received is a new order. */
const MORE_RE = /(?:另外|再|还)(?:帮我|给我|帮忙|要)?(?:带|买|要|订|捎|加|整|来|拿)/;

const TALK_RE =
  /买得到(?:哦|吗|不|么)|听说[^，,。]{0,8}[\d一二三四五六七八九十几]+一[斤袋桶箱瓶]|好贵|太贵|真贵|贵得很|贵死了|(?:熬|煮|做|蒸|炒|腌|晒)(?:好了|的[\u4e00-\u9fa5])|多喝(?:点|些)?(?:热|温|开)?水/;

function asksMoreAfterPast(text: string): boolean {
  const m = PAST_RE.exec(text);
  return m !== null && MORE_RE.test(text.slice(m.index + m[0].length));
}

export function isNotAnOrder(text: string, hasBuyVerb: boolean, items: readonly Item[]): boolean {
  if (
    // (番薯苗还差两把，帮我带: what is still short, asked to be brought, is ordered)
    ((QUESTION_RE.test(text) ||
      (NOT_YET_RE.test(text) && !/还差[^，,。]*[，,\s]*(?:帮我|给我|麻烦)/.test(text))) &&
      !OWN_BUY_RE.test(text)) ||
    (PAST_RE.test(text) && !asksMoreAfterPast(text)) ||
    ANNOUNCE_RE.test(text) ||
    // 陈小军你化肥要几袋？: a cadre asking someone how much, no order
    /你[^，,。]{0,6}要几(?:袋|包|桶|斤|瓶|箱)/.test(text) ||
    NOT_NOW_RE.test(text) ||
    (KEPT_OR_PAID_RE.test(text) &&
      !MORE_RE.test(text) &&
      !OWN_BUY_RE.test(text) &&
      !ASKED_BUY_RE.test(text) &&
      !paysForThis(text, items))
  )
    return true;
  // 今年菜油好贵哦 去年才五十几一桶 / 米酒熬好了 大家来我家吃 / 多喝热水，明早再量: talk of prices, food made at
  // home, advice; nothing asked for
  if (
    TALK_RE.test(text) &&
    !ASKS_RE.test(text.replace(/给我(?=煮|做|熬|蒸|炒)/g, '')) &&
    !/[要买带捎订]/.test(text.replace(/买得到/g, '')) &&
    items.every(noQty)
  )
    return true;
  // 降压药要硝苯地平缓释片 别买错了 / 挂面要龙须面那种哈: which kind of goods already asked for, said again, orders
  // nothing new (a count would)
  if (KIND_MEANT_RE.test(text) && !COUNTED_RE.test(text) && !ASKED_BUY_RE.test(text)) return true;
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

/** 大米一袋 苹果梨一箱 钱我转给小金: goods counted, the money for them to follow, is this order's payment. */
function paysForThis(text: string, items: readonly Item[]): boolean {
  return (
    /钱我?(?:等下|回头|马上|晚点|到时候?)?(?:微信)?转给/.test(text) &&
    !/已经|上次|上回|之前|那次|昨天|前天|多算|少算|算错/.test(text) &&
    items.some((i) => i.qty !== null)
  );
}

function priceUnit(text: string): string | null {
  return /(?:\/|每|一)\s*(公斤|[斤袋桶箱瓶包个盒件提罐])/.exec(text.match(PRICE_RE)?.[0] ?? '')?.[1] ?? null;
}

function noQty(i: Item): boolean {
  return i.qty === null;
}

/**
 * 挂面两把 另外上回的稻种不要了 买到了: the withdrawal of other goods, and why (买到了), say nothing of the goods ordered
 * beside it.
 */
export function withoutWithdrawals(
  text: string,
  cancels: readonly { start: number; end: number; names: string[] }[],
): string {
  let out = text;
  for (const c of cancels) {
    if (c.names.length === 0) continue;
    const why = WITHDRAWN_WHY_RE.exec(text.slice(c.end));
    const end = c.end + (why ? why[0].length : 0);
    out = out.slice(0, c.start) + ' '.repeat(end - c.start) + out.slice(end);
  }
  return out;
}
const WITHDRAWN_WHY_RE = /^[\s,，]*(?:已经|自己)?(?:买到了|找到了|借到了|有了|够了|收到了)/;

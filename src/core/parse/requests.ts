// Requests from quarantined residents: category from the first item (or from words such as 清淡 / 医生 / 坏了
// when nothing concrete is named), urgency from 急/马上/救命 or an acute medical need.
import type { Item, RequestCategory, RequestRecord } from '../records.js';
import { GIVEN_OR_DECLINED_RE, givenOrDeclined, THANKED_FOR_RE } from './asked-before.js';
import { matchesOf } from './chars.js';
import { categoryOf } from './item-lexicon.js';
import {
  DIET_WORDS,
  DISLIKED,
  dishWished,
  MEAL_CHANGE_RE,
  MEAL_CHASE_RE,
  MEAL_G_RE,
  MEAL_NAMES,
  MEAL_PRAISED_RE,
  MEAL_RE,
  MEAL_UNITS,
  MEAL_WISH_RE,
  PLAIN_MEALS,
} from './meal-words.js';
import { parseNumber } from './numerals.js';
import { THRESHOLD_QUESTION_RE } from './temperature-not-readings.js';
import { itemCategory } from './titles.js';

/** Acute needs that ask for help without any asking word (手划破了一直流血, 我妈晕倒了). */
const ACUTE_NEED_RE =
  /流血|摔倒了?(?:起不来|爬不起来)|出血|划破|割破|割伤|摔伤|烫伤|晕倒|昏倒|晕过去|昏迷|抽搐|喘不上气|喘不过气|呼吸困难|胸口(?:疼|痛)|胸痛/;
/** Someone to talk to asked for (想找人说说话, 有没有人陪我摆哈龙门阵): a need of its own, for the staff. */
const TALK_RE =
  /(?:找|有|叫)(?:个)?人(?:跟我|陪我|和我)?(?:说说话|说下话|说话|聊聊|聊一下|聊下|聊会儿?|聊天|谈谈|摆(?:哈|下|一下)?龙门阵)|陪我(?:说说话|说话|聊聊|聊一下|聊下|聊天|摆(?:哈|下|一下)?龙门阵)/;
/** A counsellor asked for is medical (心理医生, 心理疏导); distress alone (心里好烦) asks for nothing. */
const PSYCH_RE = /心理(?:疏导|咨询|医生|辅导)/;
// (医生 1403我妈 七十多了 快来看看 急: the doctor called first, then what for, then 快来; 转去医院检查了, 医生说要
// 带去医院, 有人发烧送医院了: told of, not asked)
const MEDICAL_RE =
  /^\s*(?:[\d-]{3,6}\s*)?[\u4e00-\u9fa5]?(?:医生|大夫)[,，!！\s][^。?？]{0,24}?(?<!我|我们)(?:快|快点|赶紧|马上)(?:来|过来|上来)|(?<!(?:说|讲|有人|转|接)[^，,。\s]{0,6})(?:去|上|送我?去?|带我去)医院(?!吗|么|不)(?![^，,。！!？?\s]{0,4}了)|有没有医生|医生在不在|(?:问|请教)(?:一下|一哈)?医生|血压(?:有点|有些|很|太|偏)?高|血糖(?:有点|有些|很|太|偏)?高|(?:来|过来)(?:量|测)一下|快(?:点)?来(?:个)?人|求助|求救|来人啊|来个人|救命|(?:要|叫|找|请|喊|来)(?:个|一个|一位|位|一下)?(?:医生|大夫)|医生(?:能不能|能|可以|可不可以|有空|有时间|方便的话)?(?:快|快点|赶紧)?(?:来|过来|上来|去|过去|上去)?看(?!看?(?:过|了))|医生(?:能不能|能|可以|可不可以)?(?:快|快点|赶紧)?(?:来|过来|上来)(?!看?(?:过|了)|[看量测][^，,。\s]{0,2}了)|(?:麻烦|请|快叫|叫|喊)[\u4e00-\u9fa5]?医生(?:马上|立刻|尽快|现在)(?:来|过来|上来)|看医生|看(?:下|一下|一哈)医生|让医生|需要医生|看病|包扎|换药|开药|量(?:一下|个|下)?血压|测(?:一下)?血压|打针|输液|医务人员来/;
const CALL_FOR_HELP_RE = /^(?:快(?:点)?来(?:个)?人|来人啊|来个人|求助|求救)$/;
const PROTECTIVE_RE = /消毒一下|消杀|来消毒|帮忙消毒|需要消毒/;
const OTHER_RE =
  /(?:管|说)(?:一下|一哈|一管|管)(?:嘛|吧|啊)?(?=$|[\s,，。!！?？])|(?<![吃喝])坏了|看不到|看不了|放不出|没有?画面|不能用|坏掉了|(?:来|帮忙|派人|找人)修(?:一下|一修|理|好)|(?:网|wifi|WiFi|WIFI|无线|宽带)[^，,。]{0,3}(?:上不了|上不去|不好|老断|总断|老是断)|(?:网|[Ww]i-?[Ff]i|WIFI|无线|宽带|网速)[^，,。]{0,3}(?:卡|慢)(?=[\s\S]*(?:能不能|能给|可以|麻烦|帮忙|来看|修|看下|看一下|整整|整一下))|派个?人来看|(?:网|wifi|WiFi|WIFI|无线|宽带)[^，,。]{0,3}(?:断了|断开了|掉线|又断)(?=[\s\S]*(?:能不能|可以|麻烦|帮忙|来看|修|看下|看一下))|修一下|维修|报修|(?:帮忙|帮我|能)[^，,。]{0,3}(?:打印|复印)|重启(?:一下|下)?(?:路由器|路由|网络|wifi|WiFi|WIFI)|烧不开|(?<=器)不热了|(?:空调|暖气)(?:怎么|咋个?|阿门|也|还是|一直)?不(?:热|制热)|打不燃|打不着|点不燃|不转了|不工作了|不出热水|不亮|堵了|漏水|漏了|渗水|漫出来|淹了|停水|停电|(?<!手机)没电了|不出水|没热水|连不上|(?<![他她]的?手机)没信号|没网|不制热|不制冷|垃圾[^，,。!?？]{0,6}(?:没收|没人收|没拿)|收垃圾|不灵了?|失灵|不好使|用不了|打不开|开不了|没反应|换房|换个房间|(?:拿|取|帮忙拿|帮忙取)(?:一下|下|个|一个|一下我的|我的)?(?:快递|外卖)|(?:快递|外卖)[^，,。!?？]{0,6}?(?:拿|取)(?:上来|过来|一下)?|(?:快递|外卖)[^。!?？]{0,30}?(?:拿|取|送)(?:上来|过来|一下|下)|拿上来|送上来|拿上楼|开个证明|开证明|出个证明|(?:暖气|空调)[^，,。]{0,4}(?:关|开|调[小大低高])|(?:关|开|调)[小大低高][^，,。]{0,2}(?:暖气|空调)|(?:充|交)(?:个|一下)?话费|充值/;
/** Does the clause around `at` (parted by punctuation or spaces) name `word`? */
function clauseHas(text: string, at: number, word: string): boolean {
  let s = at;
  while (s > 0 && !/[\s,，。;；!！?？]/.test(text[s - 1] as string)) s--;
  let e = at;
  while (e < text.length && !/[\s,，。;；!！?？]/.test(text[e] as string)) e++;
  // a run-on without spaces: only the words right around it
  return text.slice(Math.max(s, at - 8), Math.min(e, at + 10)).includes(word);
}

/** Something to be mended, asked for beside goods. */
const REPAIR_RE = /(?:帮忙|来人|派人|找人|来)?修(?:一下|一修|理|好)|维修|报修/;
const FRAME_RE =
  /烧不开|打不燃|打不着|点不燃|不转了|不工作了|不出热水|不制热|不制冷|停电|停水|没收|不灵|失灵|不好使|用不了|打不开|没反应|求助|求救|能|可以|可不可以|麻烦|请|帮|吗|\?|一下|需要|想|要|希望|快点|快来|尽快|急|谢谢|看看|来|给|缺|没了|用完了|只剩|只够|最后一|借|有[^，,。!！?？\s]{1,8}?(?:没|不)(?=$|[\s,，。!！?？~])|救命|坏了|不亮|堵了|漏水|没热水|不出水|连不上/;
const URGENT_RE =
  /快(?:点)?(?:帮忙|帮手|帮)?(?:叫|请|喊|找|派)(?:个|一个|一下)?(?:医生|大夫|护士|人)|紧急|急需|急用|急送|着急|很急|急得很|急死了|急急|搞快点|急!|马上|立刻|立即|快来|赶紧|赶快|尽快|救命|速来|(?<![\d栋幢座#－-])(?<!谢谢[\u4e00-\u9fa5]{0,6}和?)(?<!(?:是|住|在)\s*)(?<!^\s*)120(?![\d房室号的])|(?<=^\s*)120(?!\s|[\d房室号的])|快点|快过来|快送|尽早|急着|急(?=[，,。!！?？\s]|$)|^急/;
const NOT_URGENT_RE = /不急|不着急|不用急|别急|不太急|不赶|不用着急|慢慢来/;
export const ACUTE_RE =
  /(?:今天|今日|今早|今晚)(?:还)?(?:未|没|冇)(?:得|有)?(?:食|吃|打)(?:药)?(?=$|[\s,，。!！])|(?<![\u4e00-\u9fa5])未食(?:药)?|没得打|(?:晚饭|饭)前还要打|喘气不赢|喘不赢|气(?:有点|都|也)?接不上|喘气都费劲|一直(?:在)?流血|流了(?:好多|很多|一大?滩|一地)的?血|血(?:流得|流个)?止不住|出气不赢|上不来气|(?:胸口?|心口|气)[^，,。\s]{0,2}憋得慌|止都止不住|摔倒了?(?:起不来|爬不起来)|止不住血|血流不止|大出血|呼吸困难|喘不上气|喘不过气|喘不上来|喘不过来|气都喘不|透不过气|呼吸不(?:太)?(?:顺|畅)|(?:胸口?|心口)闷得(?:很|慌|厉害)|胸痛|胸口(?:疼|痛)|晕倒|昏倒|晕过去|昏迷|抽搐|休克|大出血|流血不止|过敏了|过敏反应|严重过敏|心脏(?:不舒服|疼|痛)|心慌/;
export const ANNOUNCE_RE =
  /^\s*【复测】|已(?:经)?送(?:到|达|过去|上去)(?![吗没])|已(?:经)?送(?!往|医院)[\u4e00-\u9fa5]{1,6}(?=[，,。\s]|$)|已(?:经)?(?:联系|打了?)120|由120(?:送|接|转)|已(?:经)?(?:报告|上报|通知)(?:了)?(?:医生|村医|指挥部|卫生院)|我(?:马上|这就)?(?:叫|喊|请)(?:了)?(?:村医|医生|大夫)?(?:马上)?(?:过来|来)|我马上(?:叫|喊|请)|安排医生|(?<!麻烦|请|叫|喊|让|麻烦[\u4e00-\u9fa5])(?:医生|护士|大夫|村医)(?:马上|等下|一会儿?|立刻)(?:就)?(?:过来|上来|到|过去)(?![吗么没不?？]|看|一下)|请在房间|请多喝|(?<!要)注意休息|请(?:其他|其余)(?:人员|住户)|不要惊慌|已(?:经)?送(?:往)?医院|请理解|请谅解|(?<!能|可)(?:不能|没法|无法)(?:代买|帮买|代购|提供)|不[\u4e00-\u9fa5]{1,4}的(?:请|可以|要)(?:提前|及时|马上)?(?:说|讲|告诉|报|联系)|各位(?!医护|医生|护士|工作人员|志愿者|领导|师傅)|住户们|通知|提醒|提示[:：]|如有需要|每间房|每个房间|每屋|每人(?:加|发|多)|优先给|数量有限|每间(?=一)|(?:爱心|企业|单位|社会)[\u4e00-\u9fa5]{0,4}捐的|请告知|有需要的|需要.{0,10}的(?:跟我|和我)?(?:请|可以|联系|找|私|在|到|报|接|说一声)|请(?:大家|各位)|大家(?:要|注意|需要|有需要|请)/;

/** 拉肚子了 可能晚饭太油 / 昨晚恰的太油了: the food given as the cause of a complaint, no wish about the meals. */

function mealAsCause(text: string, at: number, said: string): boolean {
  // (晚饭软和多了 谢谢 / 昨天那个不辣的饭很好 谢谢 / 面条软和 好吃: the meal praised, nothing asked)
  if (
    MEAL_PRAISED_RE.test(text.slice(at + said.length, at + said.length + 8)) &&
    !/能不能|可不可以|麻烦|再|要/.test(text)
  )
    return true;
  if (!/^太/.test(said)) return false;
  let cs = at;
  while (cs > 0 && !/[\s,，。!！?？]/.test(text[cs - 1] as string)) cs--;
  return /可能|估计|应该是|怕是|大概|[吃恰食]的|[吃恰食]得/.test(text.slice(cs, at));
}

export function isUrgent(text: string, maxTemp: number | null, acute = false): boolean {
  if (NOT_URGENT_RE.test(text)) return acute || ACUTE_RE.test(text);
  return acute || URGENT_RE.test(text) || ACUTE_RE.test(text) || (maxTemp !== null && maxTemp >= 39);
}

/** The category and position of words that ask for a service when no item is named; null when none. */
function serviceCategory(text: string, reading: boolean): { category: RequestCategory; at: number } | null {
  // 请问医生，多少度算发烧？: a question about the rules put to the doctor asks for no visit
  if (THRESHOLD_QUESTION_RE.test(text)) return null;
  for (const meal of matchesOf(MEAL_G_RE, text)) // (可能中午的菜太油了 晚饭能不能清淡点: the blamed meal, then the asked)
    if (!mealAsCause(text, meal.index, meal[0])) return { category: 'meal', at: meal.index };
  if (FRAME_RE.test(text)) {
    const rules: [RegExp, RequestCategory][] = [
      [MEDICAL_RE, 'medical'],
      [PROTECTIVE_RE, 'protective'],
      [OTHER_RE, 'other'],
    ];
    // (李大夫快来看看 / 能不能让大夫过来看看: 大夫 is the doctor, read as 医生 — the same length, the same places)
    const doctor = text.replaceAll('大夫', '医生');
    for (const [re, category] of rules) {
      const m = re.exec(category === 'medical' ? doctor : text);
      // 36.9 是不是体温计坏了: doubting the device over a reading asks for no service yet (显示LO 是不是坏了 does)
      if (
        m &&
        category === 'other' &&
        reading &&
        /是不是|是否/.test(text.slice(Math.max(0, m.index - 8), m.index))
      )
        continue;
      // 马桶堵了 快来人弄一下: a call for help about a repair is no medical need
      if (
        m &&
        category === 'medical' &&
        CALL_FOR_HELP_RE.test(m[0]) &&
        OTHER_RE.test(text) &&
        !ACUTE_RE.test(text)
      )
        continue;
      if (m) return { category, at: m.index };
    }
  }
  const acute = ACUTE_NEED_RE.exec(text) ?? PSYCH_RE.exec(text);
  if (acute) return { category: 'medical', at: acute.index };
  const talk = TALK_RE.exec(text);
  return talk ? { category: 'other', at: talk.index } : null;
}

/**
 * Goods of different categories go to different people (a thermometer to the doctor, masks to the store), so
 * one message asking for both gives one request per category, in the order first named; urgency and room are
 * the message's.
 */
const JOKE_RE = /开玩笑的|开个玩笑|骗你们的|逗你们的|说着玩的/;
/** 可以点外卖不？想吃碗牛肉粉: whether takeaway may be ordered is a question; the food is the sender's to order. */
const TAKEAWAY_ASKED_RE = /(?:点|叫|订)外卖[^。!！]{0,4}(?:吗|不|么|没|[?？])/;

export function buildRequests(
  text: string,
  items0: readonly { start: number; item: Item }[],
  room: string | null,
  maxTemp: number | null,
  acute = false,
): { at: number; record: RequestRecord }[] {
  // 谁家有指甲刀借额用一下哈哈，开玩笑的: an ask the sender calls a joke asks nothing
  if (JOKE_RE.test(text) || TAKEAWAY_ASKED_RE.test(text)) return [];
  let items = items0;
  // 已给布洛芬 / 口罩我还有 不用给我: goods already given, or declined, are asked for no more
  if (GIVEN_OR_DECLINED_RE.test(text)) items = items.filter((h) => !givenOrDeclined(text, h.start));
  // 36.7 谢谢送纸巾的小妹: goods thanked for as brought are asked for no more
  if (THANKED_FOR_RE.test(text) && !/能|可以|麻烦|帮|要|吗|\?|？/.test(text)) items = [];
  // 盒饭里全是辣椒 … 能做个不辣的吗: what the sender cannot eat is no goods asked for
  if (items.length > 0 && items.every((h) => DISLIKED.has(h.item.name)) && MEAL_RE.test(text)) items = [];
  // 晚饭如果有虾的话帮我换一下: the meal to be changed is no goods asked for, the change is the wish
  if (items.every((h) => MEAL_NAMES.has(h.item.name)) && MEAL_CHANGE_RE.test(text)) items = [];
  // 一份素的 / 软和的饭: a diet is no goods, the meal wish says it
  const goods = items.filter((h) => !DIET_WORDS.has(h.item.name));
  if (goods.length < items.length && goods.length === 0) items = [];
  if (items.length === 0) {
    const one = buildRequest(text, [], room, maxTemp, 0, acute);
    return one ? [one] : [];
  }
  // 饭菜少放点糖，另外降糖药快吃完了: a meal wish beside goods of another kind is a request of its own
  const meal = MEAL_RE.exec(text);
  const mealApart = meal && !items.some((h) => categoryOf(h.item.name) === 'meal') && !ANNOUNCE_RE.test(text);
  const groups = new Map<RequestCategory, { at: number; items: Item[] }>();
  for (const h of items) {
    const c = itemCategory(h.item);
    const g = groups.get(c);
    if (g) g.items.push(h.item);
    else groups.set(c, { at: h.start, items: [h.item] });
  }
  const out: { at: number; record: RequestRecord }[] = [];
  if (meal && mealApart) {
    const record: RequestRecord = { type: 'request', category: 'meal', urgent: false, items: [], room };
    record.urgent = isUrgent(text, maxTemp);
    out.push({ at: meal.index, record });
  }
  for (const g of groups.values()) {
    const one = buildRequest(text, g.items, room, maxTemp, g.at, acute);
    if (one) out.push(one);
  }
  // 热水器坏了…能不能给点感冒药…帮忙修一下热水器: a repair beside goods is a request of its own (other), unless
  // what broke is the goods asked for (体温计坏了 能送一个吗)
  const repair = REPAIR_RE.exec(text);
  if (
    repair &&
    !groups.has('other') &&
    !ANNOUNCE_RE.test(text) &&
    !items.some((h) => clauseHas(text, repair.index, h.item.name))
  ) {
    const record: RequestRecord = {
      type: 'request',
      category: 'other',
      urgent: isUrgent(text, maxTemp),
      items: [],
      room,
    };
    out.push({ at: repair.index, record });
    out.sort((a, b) => a.at - b.at);
  }
  return out;
}

const PARCEL_ALL_RE = /快递|包裹/g;
const PARCEL_COUNT_RE = /(?:([一两二三四五六七八九\d])\s*)?(个|件)$/;
const PARCEL_ERRAND_RE = /(?:捎|带|拿|取|领)(?:一下|下)?(?:[一两二三\d]?(?:个|件))?(?:快递|包裹)/;

/** 拿个快递 / 两个包裹: the parcel fetched, counted when a count is said before it (as goods are). */
export function parcelAsked(text: string): Item | null {
  // 去快递柜拿个快递: the parcel counted, not the locker named before it
  let first: Item | null = null;
  for (const k of matchesOf(PARCEL_ALL_RE, text)) {
    const c = PARCEL_COUNT_RE.exec(text.slice(Math.max(0, k.index - 3), k.index));
    if (c) return { name: k[0], qty: c[1] ? parseNumber(c[1]) : 1, unit: c[2] as string };
    first ??= { name: k[0], qty: null, unit: null };
  }
  return first;
}

/** 帮我捎个快递回来: a parcel fetched from town is an errand on the volunteers' list, like goods. */
export function parcelErrand(text: string): Item | null {
  return PARCEL_ERRAND_RE.test(text) ? parcelAsked(text) : null;
}

/** A meal named as the topic of a wish (孩子的饭), not a portion counted (一份饭). */
function isMealTopic(i: Item): boolean {
  return PLAIN_MEALS.has(i.name) && !(i.unit && MEAL_UNITS.has(i.unit));
}

export function buildRequest(
  text: string,
  items: Item[],
  room: string | null,
  maxTemp: number | null,
  itemsAt: number,
  acute = false,
): { at: number; record: RequestRecord } | null {
  if (ANNOUNCE_RE.test(text)) return null;
  // 中午的饭还没送来: the meal itself chased is no goods asked for
  if (items.length > 0 && items.every((i) => PLAIN_MEALS.has(i.name)) && MEAL_CHASE_RE.test(text)) items = [];
  // 孩子的饭能不能送点软和的 / 午饭能给老人做点面条吗 清淡的: the meal is what the wish is about, not goods asked
  // for (what it should be made of, 面条, is)
  // (a portion asked for stays: 孩子的饭能不能单独做一份不要辣的)
  const wish = items.some(isMealTopic) && MEAL_WISH_RE.test(text);
  if (wish) items = items.filter((i) => !isMealTopic(i));

  const first = items[0];
  const service = first
    ? { category: itemCategory(first), at: itemsAt }
    : wish
      ? { category: 'meal' as const, at: itemsAt }
      : serviceCategory(text, maxTemp !== null);
  if (service === null) return null;
  // 快递到前台了 麻烦帮忙拿上来: the parcel is what is fetched (five blind writers of eight name it)
  const parcel = items.length === 0 && service.category === 'other' ? parcelAsked(text) : null;
  if (parcel) items = [parcel];
  if (items.length === 0 && service.category === 'meal') items = dishWished(text);
  const record: RequestRecord = {
    type: 'request',
    category: service.category,
    urgent: isUrgent(text, maxTemp, acute && service.category === 'medical'),
    items,
    room,
  };
  return { at: service.at, record };
}

/** The default fever threshold (CONTRACT.md, the digest's feverThreshold): 37.3 °C axillary. */
export const FEVER_C = 37.3;

/** 急 / 快来 / 救命 / 怎么办 with an explicit urgency word: the sender wants someone now. */
export function asksForHelp(text: string): boolean {
  return !NOT_URGENT_RE.test(text) && URGENT_RE.test(text) && !ANNOUNCE_RE.test(text);
}

export function helpRequest(room: string | null, at: number): { at: number; record: RequestRecord } {
  return { at, record: { type: 'request', category: 'medical', urgent: true, items: [], room } };
}

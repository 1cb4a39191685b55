// A duty officer or doctor answering one member: a reading they were told, quoted back, with "I am coming" and what
// to do meanwhile; gear put on to go up; things bought or brought for 您. None of it is the member's report or ask.
import { TITLED_NAME } from './name-words.js';

/** 我马上过来 / 我等下过来复测 / 明早我上去看: the one answering is coming (a resident in a room never is). */
const COMING_MYSELF_RE =
  /我(?:这就|马上|等下|一会儿?|现在|而家|下昼|下午)?(?:就)?(?:过去|过来|上来|上去)(?:看看|看一下|睇)|我(?:等哈|等会儿?|一哈)(?:就)?(?:过来|过去|上来|上去)(?:给(?:你|您))?(?:复测|量|看)|我(?:这就|马上|等下|一会儿?|现在|而家|[\d一二两三四五六七八九十半]+(?:分钟|个钟)(?:后|以后|内)?)(?:就)?(?:过去|过来|上来|上去)(?!拿|取|领|买|[\d一二两三四五六七八九十])|(?:明早|明天|等下|下午|晚上|今晚)我(?:就|再)?(?:上去|过去|过来|上来|上门)(?:看|复测|量)|我[^，,。\s我]{0,5}?(?:上来|上去|过来|过去)(?:复测|量|看)|(?<![帮给替让叫])我(?:马上|这就|等下|一会儿?)带[^，,。\s]{0,6}?(?:过来|上来|过去|上去)|我(?:喊|叫|请)[^，,。]{0,6}?(?:医生|村医|大夫)[^，,。]{0,8}?来看(?:你|您)|我(?:同|和|跟)(?:村医|医生|护士|大夫)(?:马上|这就|等下|一会儿?)?(?:过来|上来|过去|上去)|我(?:们)?马上(?:报|联系|通知)(?:给)?(?:镇|乡|县)?(?:卫生院|医生|村医|疾控)|我(?:上午|下午|中午|晚上|等下|一会儿?|马上)?(?:过去|过来|上来|上去)给(?:你|您)(?:看|量|复测)/;
/** 医生一会儿上去看 / 医生二十分钟内上来 / 已经通知医生了: someone else is coming (a relay, too, can say so). */
const DOCTOR_COMING_RE =
  /(?:医生|护士|大夫|村医)(?:一会儿?|等下|马上|稍后|[\d一二三四五六七八九十]+分钟(?:内|后|以后)?)(?:就)?(?:过来|上来|过去|上去|到)|已经?通知(?:了)?(?:医生|护士|大夫|村医)|等(?:医生|护士|大夫)(?:来|上来|过来)/;
/** 一小时后再量 / 要复测 / 家长莫慌 / 先别捂 / 37.8唔算好高: the doctor's word on the reading. */
const NAMED_READING_RE = new RegExp(`(?:${TITLED_NAME})\\s*(?:3[5-9]|4[0-2])`);
const DOCTORS_WORD_RE =
  /(?:小时|分钟|钟头|个钟)(?:后|以后)?(?:[^，,。]{0,3}|用[^，,。\s]{1,6})(?:再量|再测|复测)|刚好?(?:到|过)线|(?:莫|别|不要|冇使|唔使)(?:太)?(?:慌|紧张)|(?<![\d.])(?:3[5-9]|4[0-2])\.\d\s*(?:吗)?[?？]|(?:莫|别|不要)捂|(?:唔|不)算(?:好高|高|发烧|发热)(?![吗么?？])|多穿(?:点|些|件)|(?:下午|晚上|明早|明天早上|中午)再(?:量|测)(?![吗么?？])|注意观察(?![吗么?？])|(?:让|叫|喊)(?:村医|医生)[^，,。]{0,3}(?:去|过去)看/g;
/** 37.3要复测 / 请关好门 / 请再量一次 / 先别自己给孩子吃退烧药 / 你先唔好开门出去: said only by the one in charge. */
const IN_CHARGE_RE =
  /大家(?:不要|别|莫)(?:慌|紧张|担心)|你们?(?:在屋头|在家里?|在屋里|在房间)等|(?:3[5-9]|4[0-2])(?:\.\d)?\s*要复测(?![吗么?？])|请关好门|(?:3[5-9]|4[0-2])(?:\.\d)?\s*(?:已记录|已登记)|请[^，,。]{0,14}(?:再量|再测|复测)|(?:莫|别|不要|唔好)(?:自己)?(?:给[她他]|给(?:孩子|娃娃?|小孩))?吃退烧药|你(?:先)?(?:唔好|莫|别|不要)(?:开门|出来|出门|出去)|你在屋[下里头]?(?:莫|别|不要|唔好)出/;
/** 先多喝温水 / 请先戴好口罩 / 先不要给她吃退烧药: what to do until then. */
const MEANWHILE_RE =
  /先(?:多喝|多饮|饮|给|用|让|把|戴好|(?:不要|别|莫)(?:给|出门|捂|乱))|多(?:喝|饮)(?:点|些)?(?:温|热|开)?水|请先|戴好口罩|(?:莫|别|不要)(?:给[她他])?吃退烧药/;
/** 我37.5 / 我量了 / 我体温: the sender's own reading (then the message is theirs, whatever else it says). */
const OWN_READING_RE =
  /(?:我|俺|额)[^，,。!！?？\d]{0,4}(?:3[4-9]|4[0-2]|三十[四五六七八九])|(?:我|俺|额)(?:量|测|体温)/;
/** 马上穿防护服上来: only staff put on protective suits to go up. */
const GEAR_UP_RE = /穿(?:好|上)?防护服(?:就)?(?:上来|过来|上去|过去|来|去)/;
/** 我们去药店给您买 / 我们过去看一下 / 我们马上拿新的上来 / 516 我给你拿两颗布洛芬: staff doing it for the room. */
const WE_DO_IT_RE =
  /我们[^，,。!！?？]{0,6}给(?:您|你)(?:们)?(?:买|送|拿|带)|我们(?:下午|上午|晚上|等下|马上)?(?:过去|上去)看(?:一下|看)|我们(?:马上|这就|等下|现在)拿[^，,。!！?？]{0,4}(?:上来|上去|过来|过去)/;
/** 8207稍等，药马上送: a room told to wait; 516 我给你拿两颗布洛芬: a room told what is brought. */
const ROOM_WAIT_RE =
  /^\s*(?:\d{1,2}\s*[-栋]\s*)?\d{3,4}\s*(?:房)?\s*[,，]?\s*(?:请)?稍等|^\s*\d{3,4}\s*我(?:给|帮)(?:你|您)拿/;

/** 半小时后再量一次报给我: a re-check asked for, to be reported to the asker. */
const REPORT_BACK_RE = /(?:再量|再测|复测)[^。?？]{0,6}(?:报给我|告诉我|发给我|报俾我|给我看)/;
/** A reading (37.4, 36度5). */
const READING_G_RE = /(?<![\d.])(?:3[5-9]|4[0-2])(?:\.\d|度\d?)(?!\d)/g;

/** 你/您/家长 addressed (not thanked, asked or greeted: 谢谢你, 麻烦您, 您好, 你看). */
const ADDRESSED_RE =
  /(?<!谢谢|麻烦|辛苦|请问|多谢|感谢|唔该|给|告诉|问)(?:你们?(?:两个|几个)?|您|家长|家属)(?!好|们?辛苦|看|说|讲|觉得|们?那边|们?家)/;
/** 家长莫急 / 下次记得打个点 / 你们收拾下东西 / 继续观察，今晚睡前再报一次 / 请莫出房门: telling the member what to do. */
const TELLING_RE =
  /(?:莫|别|不要|唔好|唔使)(?:太)?(?:急|慌|紧张|担心)|下次(?:记得|注意)|收拾|继续观察|再(?:量|测|报)(?:一次|一遍)|请(?!问|假|你|您)|先(?:不要|莫|别|唔好)|(?:腋下|夹)[^，,。]{0,4}分钟|物理降温|先多喝(?:点|些)?(?:温|热|开)?水|先在(?:屋|家|房)|要重视|先戴好口罩|(?:系|是|在|属于)正常范围(?![吧吗么嘛?？])|早点休息|好好休息|注意休息|(?:莫|别|不要|唔好)出门|(?:为啥|怎么|咋)没(?:及时)?报|有情况随时(?:说|报|联系)|(?:今天|平时)多喝(?:点|些)?(?:温|热|开)?水/;
/** 救护车马上到 / 已经报上去了 / 我帮你联系卫生院 / 医生马上过来复测: what the one in charge does about it. */
const ACTING_RE =
  /救护车|已经?(?:报上去|上报|报给)|(?:我|我们)帮(?:你|您)(?:联系|复测|量|看|叫)|(?:我|医生|护士|大夫)(?:马上|等下|一会儿?|这就|现在)(?:上来|过来|上门|上去|过去|来(?![看了]))|(?:我|我们)[^，,。\s]{0,4}(?:上来|过来|上去)(?:帮(?:你|您))?复测|已?安排(?:了)?(?:医生|护士|村医|大夫)|(?:医生|护士|村医|大夫)[^，,。\s]{0,6}(?:后|内)(?:过来|上来|上去|过去|到)|我(?:马上|这就|已经?)?(?:通知|联系)(?:了)?(?:村医|医生|卫生院|卫生室|镇上|疾控)|(?:医生|护士|大夫|村医)(?:上午|下午|中午|晚上|今晚|明早|明天)(?:就)?(?:过来|上来|过去|上去)(?![吗么?？])|我们(?:稍后|马上|等下|一会儿?|现在)?(?:送|拿|带)[^，,。]{0,8}(?:上来|过来|上去|过去)|我(?:[\d一二三四五六七八九十]{1,2}点(?:半|钟)?|上午|下午|等下)(?:就)?(?:过去|过来|上来|上去)|(?:医生|护士|大夫|村医)[^，,。\s]{0,2}[\d一二三四五六七八九十]{1,2}点(?:半|钟)?(?:就)?(?:到|过来|上来|过去)|(?:医生|护士|大夫|村医)已经?(?:上楼|过去|上来|出发|在路上)|我(?:马上|这就)?(?:跟|和|同)[^，,。]{0,6}联系|咽拭子已采|已(?:经)?采样|我(?:跟|和|给)[^，,。]{0,6}打(?:了)?电话|我[^，,。\s]{0,5}(?:分钟|小时|钟头)(?:后|以后)?(?:就)?(?:上来|过来|过去|上去)|已(?:经)?通知(?:了)?(?:医生|护士|村医|大夫)|派(?:了)?(?:医生|护士|人)(?:上来|过来|上去|过去)|等(?:医生|护士|大夫|村医)(?:来|到|上来|过来)/;
/** 是37.5吗？ / 321是36.5吧 / 系37.6还系36.7: a reading checked with the one who posted it. */
const CHECKING_RE =
  /(?:是|系)\s*(?:3[5-9]|4[0-2])(?:\.\d)?\s*(?:吗|吧|嘛|对吧|还是|还系)|(?:3[5-9]|4[0-2])\.\d\s*还(?:是|系)\s*(?:3[5-9]|4[0-2])\.\d|(?:3[5-9]|4[0-2])(?:\.\d)?的?是[\u4e00-\u9fa5]{1,4}对吧|需要(?:退烧药|药|我们|医生)[^，,。]{0,4}吗|需要[^，,。\s]{1,6}吗[?？]?$/;

/** 【医护】 / 【村医】 / 冉书记： opening the message: the one in charge posting under a role. */
const ROLE_TAG_RE =
  /^\s*(?:【(?:医护|村医|医生|护士|工作人员|值班|卫生员)】|[\u4e00-\u9fa5]{0,2}(?:书记|主任|医生|大夫|村医|卫生员)\s*[:：])/;

/**
 * A result posted: 体温降到37度2了, 王二娃电话报 今晚三十七度八, 王秀英量了37.6, 祁有才下午量的37.6, 复测是37.1, 已经送县医院了, 刘阿公今朝37.8度 (a
 * reading told with the day it was taken, someone's new reading, not one quoted back; 下午到上源看了，汪有根37.6 /
 * 今早走访二道沟，曲老太太37.1: a visit's result; 下午体温 拉日 次仁家 次仁37.6: a round's results, headed;
 * 罗医生：黄家墩 黄金妹 早上37.6: a hamlet's villager's reading, posted under the doctor's name).
 */
const POSTED_RE =
  /降到|退到|电话(?:里|上)?(?:报|说|讲)(?:的|了)?\s*(?:今早|今天|早上|上午|中午|下午|晚上|今晚)?\s*(?:3[4-9]|三十[四五六七八九])|(?<!复)[量测]了|(?<!复)[量测]的|复测(?:了|是|还是)|已经?送|(?:今朝|今早|今晨|今天早上|今天上午|今天中午|今天下午)\s*(?:3[4-9]|4[0-2])|走访|(?:到|去)[^，,。\s]{1,6}看了[，,：:\s]|^\s*(?:今早|今天|早上|上午|中午|下午|晚上|今晚)(?:的)?(?:体温|测温)[:：\s]|(?:今早|早上|上午|中午|下午|晚上|今晚)[量测]\s*(?:3[4-9]|4[0-2])|^\s*[\u4e00-\u9fa5]{0,3}(?:医生|大夫|村医)[:：]\s*[\u4e00-\u9fa5]{1,4}\s+[\u4e00-\u9fa5]{2,4}\s+(?:今早|今天|早上|上午|中午|下午|晚上|今晚)?\s*(?:3[4-9]|4[0-2])/;

/**
 * Two of five kinds: a role opening the message, the member addressed, told what to do, told what is being done, a
 * reading checked with them — the voice of the one in charge, whatever words they choose (`508小朋友37.3 医生马上过来
 * 家长莫急`, `好，37.2继续观察，今晚睡前再报一次`); never with the sender's own reading, the doctor's words passed on
 * (`医生说…`) or a result posted.
 */
function inChargeVoice(text: string): boolean {
  const kinds =
    (ROLE_TAG_RE.test(text) ? 1 : 0) +
    (ADDRESSED_RE.test(text) ? 1 : 0) +
    (TELLING_RE.test(text) ? 1 : 0) +
    (ACTING_RE.test(text) ? 1 : 0) +
    (CHECKING_RE.test(text) ? 1 : 0);
  return (
    kinds >= 2 &&
    !OWN_READING_RE.test(text) &&
    !/(?:医生|大夫|护士|村医)[^，,。]{0,3}(?:说(?!了)|讲(?!了)|话|叫我|让我)|能不能|可不可以|要不要|用不用|需不需要|麻烦(?!再)|帮我|帮忙/.test(
      text,
    ) &&
    // (体温降到37度2了 …大家莫紧张 / 已经送县人民医院了，体温38.1，家属莫急: a result posted stays a reading, a fever
    // is never dropped for the calming words with it)
    !POSTED_RE.test(text)
  );
}

/** The first regex of each test below, for the staff-talk gate. */
const DOCTOR_SENT_UP_RE =
  /(?:医生|护士|大夫)(?:马上|等下|一会儿?|这就|立刻|现在)(?:就)?上去|跟[\u4e00-\u9fa5]{0,2}(?:医生|大夫)说了[\s,，]*[^。]{0,6}再复测/;
export const STAFF_REPLY_LEADS: readonly RegExp[] = [
  DOCTOR_SENT_UP_RE,
  COMING_MYSELF_RE,
  DOCTOR_COMING_RE,
  IN_CHARGE_RE,
  REPORT_BACK_RE,
  MEANWHILE_RE,
  new RegExp(DOCTORS_WORD_RE.source),
  GEAR_UP_RE,
  WE_DO_IT_RE,
  ROOM_WAIT_RE,
  ADDRESSED_RE,
  TELLING_RE,
  ACTING_RE,
  ROLE_TAG_RE,
]; // (inChargeVoice needs two of its five kinds: one of these four is there)

export function staffReplyOf(text: string): boolean {
  if (inChargeVoice(text)) return true;
  if (GEAR_UP_RE.test(text) || ROOM_WAIT_RE.test(text)) return true;
  if (WE_DO_IT_RE.test(text) && !/我(?!们)|俺|能不能|可不可以|麻烦/.test(text)) return true;
  if (OWN_READING_RE.test(text) || /麻烦|能不能|可不可以|帮忙|请(?:医生|护士|大夫)/.test(text)) return false;
  // (302娃娃37.6，李医生马上上去复测 / 302娃娃37.3，跟李医生说了，中午再复测一次: staff below, the doctor sent up)
  if (DOCTOR_SENT_UP_RE.test(text) && !/我(?!们)|吗|[?？]/.test(text)) return true;
  const words = (MEANWHILE_RE.test(text) ? 1 : 0) + (text.match(DOCTORS_WORD_RE)?.length ?? 0);
  const readings = text.match(READING_G_RE)?.length ?? 0;
  // (620 刘家老婆37.3 有怕冷，我等下上来: one reading quoted back by the one coming; 张家早上：张建国36.4 婆姨36.3 …
  // 我现在过去 is a household's readings posted by the doctor on the way, which are theirs)
  if (COMING_MYSELF_RE.test(text) && (words >= 1 || readings <= 1) && !POSTED_RE.test(text)) return true;
  // (孩子37.4 医生十分钟后过来 先给孩子多喝水: a parent may pass on what they were told; a second word of the
  // doctor's is the doctor's own)
  if (DOCTOR_COMING_RE.test(text) && (words >= 2 || IN_CHARGE_RE.test(text))) return true;
  // (37.3℃请在家休息，半小时后再量一次报给我: a re-check asked for, to be reported to the asker)
  if (REPORT_BACK_RE.test(text)) return true;
  // 37.3刚好到线，408半小时后复测一下，莫慌 / 518 是37.3吗？请再量一次: the doctor's words on one reading, no one's report
  // (孩子37.1 医生说不算发烧 多喝点水就行: the words passed on; 体温降到37度2了 …大家莫紧张 / 王秀英量了37.6，…大家不要慌: a
  // result posted)
  // (关大爷37.2不算烧，多喝热水，明早再量: a villager named with the reading, posted with the advice, is that reading)
  if (
    readings <= 1 &&
    !/(?:医生|大夫|护士|村医)(?:说|讲)|降到|退到|[量测]了|[量测]的|复测(?:了|是|还是)/.test(text) &&
    !NAMED_READING_RE.test(text) &&
    (words >= 2 || (words >= 1 && IN_CHARGE_RE.test(text)))
  )
    return true;
  // (9018 37.3请15分钟后复测一次，纸巾马上送: the one in charge, sending what was asked)
  return IN_CHARGE_RE.test(text) && /马上送|等下送|稍等/.test(text);
}

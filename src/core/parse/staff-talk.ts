// What staff and volunteers say to the group or to one member: rules and notices to everyone, a doctor's advice
// to one resident, a booking written down, a cancel done for someone. None of it is anyone's report, request or
// order, whatever numbers and goods it names.
import { eitherOf } from './chars.js';
import { readDialectInPlace } from './dialect.js';
import {
  CALLS_DOCTOR_RE,
  CANCELLED_FOR_RE,
  FOR_EVERYONE_RE,
  NOTED_RE,
  NOTICE_OPENING_RE,
  STAFF_RULE_RE,
  UNTIL_THEN_RE,
} from './staff-notices.js';
import { STAFF_REPLY_LEADS, staffReplyOf } from './staff-replies.js';
import {
  ADVICE_RES,
  ANSWER_LEADS,
  ASKED_BACK_RE,
  answersWithHelp,
  BOT_ASKS_RE,
  CALM_AND_ACT_RE,
  COUNTED_PEOPLE_RE,
  DOCTOR_VISIT_RE,
  DUTY_LOG_RE,
  FOR_THOSE_WHO_RE,
  GOING_TO_SEE_RE,
  HANDED_OUT_RE,
  MEANWHILE_RE,
  NAMED_ADVICE_RE,
  NOTICE_HEADING_RE,
  NUMBERED_RE,
  ON_ITS_WAY_RE,
  ON_MY_WAY_RE,
  READING_AS_REFERENCE_RE,
  READINGS_RE,
  RECHECK_ASKED_RE,
  ROLE_POSTS_ROOM_RE,
  ROOM_ANSWERED_RE,
  ROOM_READING_ROW_RE,
  RULE_TO_ONE_RE,
  roundList,
  SENDING_UP_RE,
  SENT_SOON_RE,
  SERVING_RE,
  SIGNED_STAFF_RE,
  STAFF_ARRANGES_RE,
  SUMMARY_RE,
  THRESHOLDS_RE,
  TO_YOU_RE,
  VISITED_READING_RE,
  WHO_IS_IT_RE,
  YOUR_KIN_RE,
} from './staff-words.js';
import { HELPERS_LEADS, helpersTalkOf } from './volunteer-talk.js';

/**
 * 要水的在群里报地方和桶数 / 送水路线：…请家里留人 / 大家记得开窗通风 / …即可解除观察，请提前收拾好行李 / 都是镇上的价，
 * 不加钱: a notice to everyone.
 */
const NOTICE_RE =
  /大家(?:记得|注意|务必|莫慌|别慌|不要慌)|各(?:房间|位住户|楼层)注意|各家(?:自己)?来(?:拿|领)|买药要(?:说清楚|拍)|停(?:水|电)检修|请私信|(?:莫|别|不要)在群里刷屏|有[^，,。]{0,8}需求的[^。]{0,16}请|开始送(?:早|午|晚)饭了|提醒大家|^\s*(?:从今天起|即日起|从明天起)|注意安全|整栋消杀|请关好(?:门窗|房门)|统一收垃圾|请把[^，,。]{1,8}放(?:在)?门口|有卖[^，,。\s]{1,6}的(?:来了|在)|(?<=^|[\s,，。])要(?:买)?[^，,。\s]{1,4}的(?:在群里)?(?:说|报|接龙|登记|吱声)(?:一下|一声|个数)?(?=$|[\s,，。!！])|(?:维修|修理)师傅[^，,。]{0,6}(?:过来|上来|过去|到)|(?:感谢|谢谢|多谢)大家(?:的)?(?:配合|支持|理解)|(?:体温)?都报齐了|不用(?:天天|每天)?(?:再)?报体温|有(?:发烧|发热|咳嗽|不舒服)[^，,。!！]{0,6}的(?:人)?(?:再|请|就|马上|及时)?(?:找|报|说|联系|告诉)|——\s*[\u4e00-\u9fa5]{2,6}\s*$|(?:即可|就能|就可以|方可|才能)解除(?:居家)?(?:医学)?(?:观察|隔离)?|(?:烟酒|外卖|酒|烟)(?:一律)?(?:不能|不准|禁止|不得)(?:送|带)|写清楚(?:楼号|房号|房间号|名字)|要的(?:请)?(?:报|说|登记)(?:房间号|房号|名字)|请提前收拾(?:好)?行李|都是[^，,。]{0,10}的价|不加钱|路线[:：]|请(?:家里|屋头|在家)留(?:个)?人|的(?:人)?(?:请)?(?:提前|先)?(?:在群里|群里)(?:报|接龙|登记|说)|请于[^，,。]{0,12}(?:前|之前)|暂缓解除|不用再报体温|^\s*(?:收到|好的)[!！,，。\s][^?？]{0,40}(?:明天|今天|下午|上午|晚上)[^。!！?？]{0,6}送(?:到|过来|过去)[。!！]?\s*$|可以解除(?:居家|集中)?(?:医学)?(?:观察|隔离)|今天送水[:：]|还有要的提前说|请第一时间(?:在群里)?(?:说|告诉|报告|联系)|的(?:别|不要|莫)(?:自己)?乱吃药|欢迎(?:新)?入住|我[^，,。\s]{0,6}过来看(?!看吗|吗)|我们(?:马上|这就|等下)?(?:过来|过去|上来)给你|我(?:喊|叫)村医(?:过来|来)|(?:拍个?照片?|拍照)发给我|预计[^。!！?？]{0,12}解除(?:医学)?(?:观察|隔离)|需要的话(?:可以|我们)(?:送|给|拿)/;
/**
 * Gate for NOTICE_RE: every one of its alternatives holds one of these characters (大家, 注意安全, 整栋, 请…,
 * 统一, 有卖/外卖, 要…的, 维修/修理, 感谢, ——, 解除, 烟/酒, 写清楚, 的价, 不加钱, 路线, 群里, 不用再报, 送到,
 * 收到/好的, 暂缓, 今天送水, 请第一时间, 乱吃药, 欢迎入住, 预计…解除, 需要的话可以送).
 */
const NOTICE_HINT_RE = /[大注整请统卖要修感—解酒烟写价钱路群报送收好暂今药欢预需起]/;

function mayBeNotice(text: string): boolean {
  return NOTICE_HINT_RE.test(text) && NOTICE_RE.test(text);
}
/**
 * 1305已联系驻点医生，药马上送到 / 医生马上过去 / 下午给您答复 / 药的事我们跟医生说一下 / 上寨要的是哪种？: staff
 * answering one member (only where no one reports: no 我, no reading).
 */
const REPLY_RE =
  /已(?:经)?联系(?:了)?[\u4e00-\u9fa5]{0,4}(?:医生|村医)|(?<!(?:麻烦|请|叫|喊|让|快|求求|求|要)[\u4e00-\u9fa5]?)(?:医生|村医|护士)马上(?:就)?(?:过去|过来|到)[,，。 ]|给(?:您|你)(?:答复|回复|回话)|我们(?:跟|和)(?:医生|领导)(?:说|反映|汇报)|(?:已经?)?(?:跟|和)(?:厨房|食堂|医生|领导)(?:说|反映|讲)(?:好)?(?:了|过了)|要的是哪种|要哪(?:个|种)(?:牌子|品牌|规格)|的[^，,。\s]{0,6}已经买到了/;
/** A number that may be someone's reading (村医马上过来 老汉38.5 is a villager's report). */
const READING_LIKE_RE =
  /(?<![\d.])(?:3[5-9]|4[0-2])(?:\.\d(?!\d)|\s*(?:度|℃|°|点\d))|三十[五六七八九](?:度|点)|三[五六七八九]点[一二三四五六七八九]/;
/** 医生一会儿过来看看孩子，药马上送上来: staff telling a room what is coming. */
const COMING_RE =
  /(?:医生|护士|大夫|村医)(?:一会儿?|等下|等一下|马上|稍后|[\d一二三四五六七八九十]+分钟(?:后|以后)?)(?:就)?(?:带(?:着)?(?:药|[\u4e00-\u9fa5]{1,4}?))?(?:过来|上来|过去|上去|到)/;
const COMING_TOO_RE = /马上(?:就)?(?:送|拿)(?:上来|过来|到)|(?:已经|这就)(?:安排|送)/;
const ASKS_RE = /我要|帮我|给我|我家要|我订/;
const STAFF_COMING_RE =
  /我(?:马上|这就|现在|等下|一会儿?|再)?(?:就)?(?:来|过来|过去|上来|上去)(?!拿|取|领|买)|给你(?:复测|量|看)|把[^，,。\s]{1,4}给你(?:送|拿|带)(?:过去|过来|上去|上来)|^\s*马上(?:就)?送|(?:没问题|不用担心|别担心|(?<!要)不要紧|正常范围)(?![吧吗么嘛呢啊？?]|[\s,，]*(?:吧|吗|么|啊|？|\?))/;
const STAFF_SENDS_RE =
  /马上(?:就)?(?:送|拿)[\u4e00-\u9fa5]{0,8}?(?:过来|上来|过去|上去)[^。]{0,6}(?:请稍等|稍等|多喝)|已(?:经)?单独(?:准备|安排|做|备好)|请开门取|已(?:经)?安排(?:人)?送|已(?:经)?送药|请[\d\u4e00-\u9fa5]{0,8}(?:家属|住户)注意|观察(?:今天|已经|已)?期满|可以正常活动/;
const MEANWHILE_DO_RE = /先(?:用|给|让|把)|多喝(?:点|些)?(?:温|热|开)?水/;
const RECHECK_RESULT_RE =
  /^\s*【复测】|复测(?:了|是|结果)?\s*[:：]?\s*(?:\d{3,4}\s*)?(?:[\u4e00-\u9fa5]{1,4}\s*)?(?:腋温|耳温|体温)?\s*(?:3[4-9]|三十[四五六七八九])/;

/** 1206请稍等，医生带血氧仪过来: staff telling one room help is on its way. */
const PLEASE_WAIT_RE =
  /请稍等[,，。\s]*(?:医生|护士|大夫|工作人员|志愿者|我们)[^。!！?？]{0,10}(?:过来|上来|过去|送)/;

/**
 * Each way isStaffTalk says yes needs one of these to match (the regex each test below starts from; every test that
 * can return true must have its first regex here). Read as one regex, a message none of them matches — most of
 * them — is passed over with one scan instead of some forty. Words added to these regexes are in it by construction.
 */
const LEADS = eitherOf([
  BOT_ASKS_RE,
  SERVING_RE,
  FOR_THOSE_WHO_RE,
  YOUR_KIN_RE,
  CALM_AND_ACT_RE,
  STAFF_ARRANGES_RE,
  SUMMARY_RE,
  SIGNED_STAFF_RE,
  ASKED_BACK_RE,
  GOING_TO_SEE_RE,
  ON_MY_WAY_RE,
  SENT_SOON_RE,
  COUNTED_PEOPLE_RE,
  PLEASE_WAIT_RE,
  NOTICE_OPENING_RE,
  STAFF_RULE_RE,
  FOR_EVERYONE_RE,
  CANCELLED_FOR_RE,
  DUTY_LOG_RE,
  THRESHOLDS_RE,
  RULE_TO_ONE_RE,
  RECHECK_ASKED_RE,
  SENDING_UP_RE,
  ON_ITS_WAY_RE,
  CALLS_DOCTOR_RE,
  TO_YOU_RE,
  NOTICE_HEADING_RE,
  COMING_RE,
  HANDED_OUT_RE,
  ROOM_ANSWERED_RE,
  NOTED_RE,
  NOTICE_RE,
  WHO_IS_IT_RE,
  REPLY_RE,
  DOCTOR_VISIT_RE,
  STAFF_SENDS_RE,
  ...HELPERS_LEADS,
  ...ANSWER_LEADS,
  ...STAFF_REPLY_LEADS,
  ...ADVICE_RES,
]);

/**
 * @刘明 老二37.6我马上来 / @刘师傅 37.4是刚量的吧？…我过来给你复测: staff answering someone they name (the message opens
 * with @), coming over; the reading in it is quoted back, nobody's new report.
 */
export function answersNamedComing(text: string): boolean {
  return (
    (STAFF_COMING_RE.test(text) || NAMED_ADVICE_RE.test(text)) &&
    // (@汪建平 爷爷复测37.4，…下午我再来: a re-check's result, posted, is the reading)
    !/复测(?:了|是|结果)?\s*[:：]?\s*(?:3[4-9]|三十)|[量测](?:的|了)(?:体温)?\s*(?:是)?\s*(?:3[4-9]|4[0-2])/.test(
      text,
    ) &&
    !/(?:^|[\s,，])我\s*(?:体温)?\s*(?:3[4-9]|4[0-2])|我[^，,。]{0,4}(?:咳|烧|疼|痛|不舒服|难受|拉肚子)/.test(
      text,
    )
  );
}

/** 禾塘 陈婆婆 夜晚 37.6: a hamlet, a villager named, a reading (an elder's title or a full name). */
const RELAYED_OPENING_RE =
  /^\s*[\u4e00-\u9fa5]{1,4}\s+[\u4e00-\u9fa5]{2,4}\s+(?:今早|今晚|早上|上午|下午|晚上|夜晚|朝早)?\s*(?:3[4-9]|4[0-2])(?:\.\d|度\d)/;

export function isStaffTalk(text: string): boolean {
  return LEADS.test(asSaid(text)) && staffTalkOf(text);
}

/** 额十分钟过去: the north-west's 额 is the one answering. */
function asSaid(text: string): string {
  return text.includes('额') ? readDialectInPlace(text) : text;
}

/** isStaffTalk without its gate (test/core/parse/staff-talk.test.ts checks that the gate changes nothing). */
export function staffTalkOf(said: string): boolean {
  const text = asSaid(said);
  // 【复测】809 36.9；618幺妹 36.5。都在正常范围 / 3栋105复测38.1，已经由120送…其他住户不要紧张: a re-check's results,
  // posted, are the residents' readings, whatever staff say with them
  if (RECHECK_RESULT_RE.test(text) && !DUTY_LOG_RE.test(text) && !SUMMARY_RE.test(text)) return false;
  // (王医生：307 老人 体温38.1 已联系120…其他住户莫慌 / 今天上门：刘国华36.6 …堂客37.3 要注意: posted, theirs)
  const posted = ROLE_POSTS_ROOM_RE.test(text) || VISITED_READING_RE.test(text) || roundList(text);
  if (posted && !DUTY_LOG_RE.test(text)) return false;
  // 东楼201 | 36.5 | 无⏎东楼210 | 37.6 | 咽痛 … 请东楼210注意休息: a table of rooms' readings, posted, is their readings
  if (text.includes('\n') && (text.match(ROOM_READING_ROW_RE) ?? []).length >= 2) return false;
  if (
    GOING_TO_SEE_RE.test(text) &&
    (UNTIL_THEN_RE.test(text) || /给(?:你|您)带|上门/.test(text)) &&
    !READING_LIKE_RE.test(text)
  )
    return true;
  if (SUMMARY_RE.test(text) || ASKED_BACK_RE.test(text) || BOT_ASKS_RE.test(text)) return true;
  if (answersWithHelp(text)) return true;
  // (早餐在送了 / 要买菜的自己戴口罩去 / 谁要的私聊我: staff serving, or a word to whoever wants something)
  if (
    (SERVING_RE.test(text) || (FOR_THOSE_WHO_RE.test(text) && !NUMBERED_RE.test(text))) &&
    !/我(?!们)|俺|能不能|可不可以|能否|麻烦/.test(text.replace(/私聊我|找我|跟我说|告诉我|加我/g, '')) &&
    !READING_LIKE_RE.test(text)
  )
    return true;
  // (你老汉三十七度五了 / 我们医生上去复测，先莫慌: staff about someone else's reading; 我 reporting is a resident)
  if (
    (YOUR_KIN_RE.test(text) || CALM_AND_ACT_RE.test(text)) &&
    !/我(?!们|已经|马上|这就|现在|等下|一会|上门)|俺|额/.test(text.replace(/我们医生/g, ''))
  )
    return true;
  if (STAFF_ARRANGES_RE.test(text) && !READING_LIKE_RE.test(text) && !/我(?:要|想|需要)|给我|帮我/.test(text))
    return true;
  // (1103肖先生复测37.8，已送布洛芬 —张医生: a re-check's result, signed, is the resident's reading)
  // (杨德福已经送…发热门诊了，体温38.1 —刘医生: a measurement the doctor states is a reading)
  // (禾塘 陈婆婆 夜晚 37.6 …——林医生 / 马尔萨36.5 他爹36.8 …——村医海大夫: relayed readings, signed, are theirs)
  if (
    SIGNED_STAFF_RE.test(text) &&
    !/(?:复测|体温|测得|量得)[^，,。\d]{0,4}(?:3[4-9]|4[0-2])/.test(text) &&
    !RELAYED_OPENING_RE.test(text) &&
    (text.match(READINGS_RE) ?? []).length < 2
  )
    return true;
  if (COUNTED_PEOPLE_RE.test(text) && !READING_LIKE_RE.test(text)) return true;
  if (PLEASE_WAIT_RE.test(text) && !/我(?!们)/.test(text) && !READING_LIKE_RE.test(text)) return true;
  if (NOTICE_OPENING_RE.test(text) || STAFF_RULE_RE.test(text) || FOR_EVERYONE_RE.test(text)) return true;
  if (CANCELLED_FOR_RE.test(text) || DUTY_LOG_RE.test(text) || THRESHOLDS_RE.test(text)) return true;
  if ((RULE_TO_ONE_RE.test(text) && !/复测/.test(text)) || RECHECK_ASKED_RE.test(text)) return true;
  if (SENDING_UP_RE.test(text) && !/给我|帮我|我要|我想/.test(text) && !READING_LIKE_RE.test(text))
    return true;
  if (ON_ITS_WAY_RE.test(text) && !text.includes('我') && !READING_LIKE_RE.test(text)) return true;
  if (CALLS_DOCTOR_RE.test(text) && UNTIL_THEN_RE.test(text) && !READING_LIKE_RE.test(text)) return true;
  // 等下给您送几本上去 / 医生看一下马上给您送上去: staff bring things to 您; a resident asks for them to 我
  if (TO_YOU_RE.test(text) && !/给我|帮我|我要|我想/.test(text) && !READING_LIKE_RE.test(text)) return true;
  if (NOTICE_HEADING_RE.test(text) && !READING_LIKE_RE.test(text)) return true;
  // 1206 爸爸37.3 医生马上上来复测，请先不要吃退烧药: the reading staff were told, quoted back with what to do
  if (
    !text.includes('我') &&
    COMING_RE.test(text) &&
    (MEANWHILE_RE.test(text) || (MEANWHILE_DO_RE.test(text) && !READING_LIKE_RE.test(text)))
  )
    return true;
  if (HANDED_OUT_RE.test(text) && !/我|要|帮|订|买|能不能|可以/.test(text) && !READING_LIKE_RE.test(text))
    return true;
  if (
    ROOM_ANSWERED_RE.test(text) &&
    COMING_RE.test(text) &&
    !text.includes('我') &&
    !READING_LIKE_RE.test(text)
  )
    return true;
  if (
    NOTED_RE.test(text) &&
    !ASKS_RE.test(text) &&
    !READING_LIKE_RE.test(text) &&
    !/吗|么|\?|？|没有?(?:$|[\s,，。])/.test(text)
  )
    return true;
  // (大家注意 我老汉38.5了: a reading beside a notice's words is still someone's; a threshold is the notice's own)
  // (#接龙 …写清楚名字、组、要啥子 / 1. 谭明 二组 挂面5把: a 接龙's heading asks as a notice does, its lines order)
  if (
    mayBeNotice(text) &&
    (!READING_LIKE_RE.test(text) || /以上|以下|超过|≥|例/.test(text)) &&
    !(text.includes('接龙') && NUMBERED_RE.test(text))
  )
    return true;
  if (WHO_IS_IT_RE.test(text) || (helpersTalkOf(text) && !READING_LIKE_RE.test(text))) return true;
  if (staffReplyOf(text)) return true;
  if (!/我(?!们)/.test(text) && REPLY_RE.test(text) && !READING_LIKE_RE.test(text)) return true;
  if (!text.includes('我') && COMING_RE.test(text) && COMING_TOO_RE.test(text)) return true;
  // 5208 烧水壶马上送上来，请稍等 / 请1711家属注意，小孩的饭已单独准备: staff answering a room
  if (
    STAFF_SENDS_RE.test(text) &&
    !/我(?!们)|能不能|可以|麻烦|吗|\?|？/.test(text) &&
    !READING_LIKE_RE.test(text)
  )
    return true;
  if (
    SENT_SOON_RE.test(text) &&
    !/能不能|可不可以|能否|可以|麻烦|吗|\?|？|我要|我想|帮我/.test(text) &&
    !READING_LIKE_RE.test(text)
  )
    return true;
  // 我这就过去，先用温水给娃擦一擦，多喝水: the doctor on the way, with what to do meanwhile
  if (ON_MY_WAY_RE.test(text) && MEANWHILE_DO_RE.test(text) && !READING_LIKE_RE.test(text)) return true;
  // 37.4的娃娃 多喝水 明天早上我来复测: the village doctor's advice and visit
  // (孩子37.8 多喝水 我明天来复测 could be a relay: only a reading named as whose it was — 37.4的娃娃 — is the doctor's)
  if (
    DOCTOR_VISIT_RE.test(text) &&
    !/(?:医生|大夫|护士|村医)(?:说|讲)/.test(text) &&
    (!READING_LIKE_RE.test(text) ||
      READING_AS_REFERENCE_RE.test(text) ||
      // (叔叔37.3我们马上上去复测: staff, more than one, going up to measure again)
      /我们(?:马上|这就|等下)?(?:上去|过去|过来|上来)(?:复测|再测|再量)/.test(text))
  )
    for (const re of ADVICE_RES) if (re.test(text)) return true;
  // (我量了37.1 医生说不算发烧 让我多喝水 / 孩子37.1 医生说不算发烧: a reading with what the doctor said is the
  // resident's)
  if (text.includes('我') || /(?:医生|大夫|护士|村医)(?:说|讲)/.test(text)) return false;
  let advice = 0;
  for (const re of ADVICE_RES) if (re.test(text) && ++advice >= 2) return true;
  return false;
}

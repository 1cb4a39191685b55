// Words staff use that no resident does: a summary of what was reported (【体温汇总】), a signature with a title
// (—张医生), a reading asked back with what staff will do, a doctor's advice to one named (@506 …先别紧张). Data for
// staff-talk.ts, kept apart so it stays readable.

/**
 * 【2月10日体温汇总】应报22间 已报22间… / 本周代购：复合肥38袋…共送水46桶 / 今天送货：磷肥3袋…: a summary of what
 * was reported, bought or delivered, posted by staff; the readings and goods in it were reported before.
 */
export const SUMMARY_RE =
  /^\s*(?:@所有人\s*)?【[^】]{0,14}(?:汇总|统计|通报|日报)】|应报\s*\d+\s*[间人户]|(?:本周|本日|今天|今日)(?:代购|送货|配送)[:：]|共送水\s*\d|接龙(?:已经?)?截止|(?:单子|代购|订单)汇总|^\s*收到[\s,，][^。?？]{0,24}(?:各位|大家)(?:记得|注意|要|请)|(?:今天|今日|明天)进城[:：]|代购单[:：]|一共花了|有要加的|(?:共计|合计)\s*[\u4e00-\u9fa5]{1,5}\d+\s*[袋桶箱包][^。!！?？]{0,30}(?:有问题|感谢)/;

/** …先多喝热水，莫紧张 —张医生: a message staff sign with their title. */
/** Every reading written with its decimal (a round's list holds several). */
export const READINGS_RE = /(?<![\d.])(?:3[4-9]|4[0-2])\.\d(?!\d)/g;
/** 今天上门：杉木冲 刘国华36.6 刘嗲嗲36.8 …: a round of visits listing three readings or more. */
export function roundList(text: string): boolean {
  return /上门|入户|走访|巡诊|随访|挨家/.test(text) && (text.match(READINGS_RE) ?? []).length >= 3;
}
export const SIGNED_STAFF_RE = /[—–]{1,2}\s*[\u4e00-\u9fa5]{0,3}(?:医生|护士|大夫|村医|书记|主任)\s*$/;

/** 晓彤妈妈37.5？我马上报镇卫生院 / 518 37.6？是不是36.7 打错哒？再量一下发上来: a reading asked back, with what staff do about it. */
export const ASKED_BACK_RE =
  /(?:3[4-9]|4[0-2])(?:\.\d)?\s*(?:度|℃)?\s*[?？][^。]{0,12}(?:我马上(?:报|联系|叫|喊|上报)|请在[^，,。\s]{0,3}(?:勿|不要|别)出门|(?:是不是|打错|看错)[^。]{0,14}(?:再量|重新量|重量)[^。]{0,4}(?:发|报))|(?:3[4-9]|4[0-2])(?:\.\d)?\s*(?:度|℃)?是[^。？?]{1,12}还是[^。？?]{1,12}[?？][^。]{0,10}(?:医生|护士|大夫)[^。]{0,6}(?:过来|上来|过去|上去)/;

/**
 * @506 您报的37.4先别紧张…半小时后再量一次 / @杨春 37.3刚好在线上…明早再报 / @余小军 37.6这回要当回事，我联系镇卫生院的车:
 * a doctor's advice to the one named, the reading quoted back.
 */
export const NAMED_ADVICE_RE =
  /先别(?:紧张|慌|急)|(?:别|莫|不用|不要)(?:慌|紧张|着急)|再量(?:一次|一下)|复测|当回事|临界|在线上|多半是|应该是(?:着凉|感冒)|物理降温|多(?:穿|喝)(?:点|些)?|明早再报|报给我|结果发我|我叫车|我上门|我联系|马上到|得去|发热门诊|阴性/;

/** 您是要订：尿素 2袋，送到黄桷湾，对吗？回复"对"确认: the bot's own question, echoed or forwarded, reports nothing. */
export const BOT_ASKS_RE = /^\s*您(?:是)?要[^。]{0,120}对吗[?？]\s*回复/;

/**
 * 我们马上安排产科医生会诊 / 已经报给疾控了 … 饭菜给你放门口 / 给您挑了两本…放门口了 / 止咳糖浆让志愿者送上去了 /
 * 感冒药等下同早餐一齐送上去 / 医生穿好防护服就上来 / 每人限借2本 / 今日午餐：… 有忌口的提前说 / 中午每个房间送一份汤圆:
 * staff arranging, doing, serving or telling; no one's report or ask.
 */
export const STAFF_ARRANGES_RE =
  /我们(?:马上|立即|这就|已经)?安排|已(?:经)?(?:报给|上报)疾控|给(?:你|您)放门口|(?:给|帮)(?:您|你)[^。!！?？]{0,20}放(?:在)?门口了|(?:让|叫)志愿者送上去|(?:一齐|一起)送上去|穿好防护服就上来|再(?:量|探)一次报上来|每人限借|我哋送|有(?:忌口|吃素)的|(?:今日|今天)(?:午餐|中餐|晚餐|早餐|菜单)[:：]|每个房间(?:送|加)一份/;

/**
 * 张勇你老汉三十七度五了… / 赵建国你家幺妹三十七度三了明天早上村医上门看一下 / 贤明 你儿子37.3 先莫慌: staff telling a
 * member about a relative's reading or complaint (你老汉, 你家幺妹); no one reports their own kin as 你's.
 */
export const YOUR_KIN_RE =
  /[你您](?:家|屋里|屋头|们家)?(?:的)?(?:老汉儿?|老爹|老娘|爸爸?|妈妈?|爹|娘|爷爷|奶奶|婆婆|公公|儿子|女儿|闺女|孙子|孙女儿?|幺妹|幺儿|娃儿?|孩子|伢|老婆|媳妇|老公|爱人|家人|家里人|屋里人)(?=\s*(?:3[4-9]|4[0-2]|三十|四十|咳|发烧|发热|烧|头|拉|喉咙|嗓子)|[^，。!！?？]{0,6}(?:3[4-9](?:\.\d|度)|三十[五六七八九]))/;

/**
 * 我们医生十分钟后上去复测，先莫慌 / 620伢37.4收到，我等下…过来看 / 请您爱人半小时后再测一次 / 过半个钟头再量一次要是
 * 还高就要送卫生院: staff calming the one who reported and saying what they do. (王秀英量了37.6，已经联系镇卫生院…大家不要慌: staff posting a villager's reading to everyone is that reading.)
 */
export const CALM_AND_ACT_RE =
  /先(?:莫|别|不要)慌|(?<!大家)(?:莫|别|不要)(?:太)?紧张|我们医生|再(?:量|测)一次报上来|(?:3[4-9]|4[0-2])(?:\.\d)?\s*(?:度|℃)?\s*[,，]?\s*收到[,，。\s]|请(?:您|你)[^，。!！?？]{0,6}再(?:测|量)|再(?:量|测)一次[^。，,]{0,3}(?:要是|如果)还(?:高|烧|是)/;

/** Advice and questions a doctor or duty officer puts to one resident (two of them make a reply). */
export const ADVICE_RES: readonly RegExp[] = [
  /不算发烧(?![吗吧么嘛?？])/,
  /正常范围(?![吗吧么嘛?？])/,
  // (305爹爹还有哪里不舒服？咳不咳？: the doctor asking)
  /还有哪里不舒服/,
  /(?:咳不咳|烧不烧|疼不疼|痛不痛)[?？]/,
  /多喝(?:点|些)?(?:热|温|开)?水/,
  /注意休息/,
  /再量(?:一次|一下)|复测/,
  /(?:有|如有)(?:什么)?不舒服(?:的话)?(?:及时|马上|随时)(?:说|讲|告诉|联系|报告)/,
  // (你妈37.1有点偏高: said to the one who reported it; 孩子37.3 有点偏高 is a parent's own worry)
  /(?:你|您)[^，。,\s]{0,8}(?:有点|稍微)偏高/,
  /给(?:您|你)打电话|打电话给(?:您|你)/,
  // 拉了几次？/ 咳嗽多久了？: how long or how often, asked of the one who complains
  /(?:拉|咳|咳嗽|烧|发烧|疼|痛)(?:了)?(?:几次|几回|多久|几天|多长时间)(?:了)?[?？]/,
  /(?:村医|医生|护士|大夫)(?:上午|下午|晚上|明天|一会儿?|马上|稍后)?(?:过来|过去|上来)(?:看|瞧)/,
  /还有没有(?:其他|别的)(?:不舒服|症状)|还有(?:啥子|什么|哪样|别的)症状/,
  /[咳烧痛疼]得(?:厉害|严重|凶)(?:吗|不[?？])/,
  /(?:咳嗽|咳|发烧|拉肚子|头疼|头痛)(?:不|吗|没有)[?？]/,
  /(?:别|不用|不要|莫)(?:太)?担心/,
  // (37.3刚到线，多喝水，要是烧到38就给额打电话 / 医生半小时内过来，先多喝温水: the doctor's word on a fever)
  /(?:要是|如果|若是?)[^，,。]{0,8}(?:烧到|超过|高于)[^，,。]{0,8}(?:就)?(?:给|打)/,
  /刚(?:到|过)线/,
  // (508王姐，37.3要注意，医生十分钟后上来复测: the doctor's word on the reading)
  /(?:3[5-9]\.\d|3[5-9]度\d)\s*要注意(?![吗吧么嘛呢?？])/,
  /(?:医生|大夫|护士)(?:半小时|[\d一二三四五六七八九十]+分钟)内?(?:过来|上来|到)/,
  /^\s*(?:\d{1,2}\s*[-栋]\s*)?\d{3,4}\s*(?:房)?\s*(?:您好|你好|阿姨|叔叔|大爷|大妈|奶奶|爷爷|老师|先生|女士|小朋友|家长)/,
];

/**
 * 早餐在送了，三楼送完送四楼，稍等哈 / 午饭正在分 一层一层送 大家莫急 / @1012 血压计等哈医生带上来 / 外卖可以送到一楼门口
 * 由工作人员送上来: staff saying what is being served or brought up.
 */
export const SERVING_RE =
  /在送了|正在(?:分|送|发)|(?:体温)?开始报了|按房号(?:来|报|顺序)|(?:莫|别|不要)漏了|过来给(?:你|您)看(?:一下|看)|稍等[,，。\s]*(?:等下|马上|一会儿?)(?:一起|就)?送(?:上来|过来|上去)|统一(?:开具|开|办理)证明|一层一层(?:送|发)|[一二三四五六七八九十\d]楼送完|大家(?:莫|别|不要)急|等(?:哈|下|一下)[^，。！!？?]{0,4}(?:医生|护士)(?:带|送|拿)(?:上来|上去|过来|过去)|由工作人员(?:送|拿|带)/;

/**
 * 要买菜的自己戴口罩去 / 要出去打工的到村委会来开健康证明 / 垃圾袋不够的报房号和数量 / 谁要的私聊我 / 需要的加微信: said to
 * whoever wants something, no one's ask.
 */
export const FOR_THOSE_WHO_RE =
  /(?:^|[\s,，。]|(?<=名单|人员|通知))(?:要|想|需要)[\u4e00-\u9fa5]{0,6}的(?:人)?(?:自己|到|来|去|请|报|在群里|直接|加|私聊)|[\u4e00-\u9fa5]{1,6}不够的(?:报|在群里|请|私聊)|谁要的?(?:私聊|找我|说一声)|加(?:我)?微信|要的[^，,。!！]{0,4}(?:统一)?(?:登记|报名)|的(?:人)?(?:到|来)村委会(?:来)?(?:开|领|登记|办)/;

/** 我一会儿过去看看 / 卡点量了一百多个人 都正常: a doctor going to see someone; a checkpoint's count of people. */
export const GOING_TO_SEE_RE =
  /我(?:一会儿?|等下|马上|待会儿?|下午|明天)?(?:过去|过来)看(?:看|一下)|(?:明天|明早|早上|下午|等下|听日|朝早)[^，,。]{0,4}我上门(?:看|睇)/;
export const COUNTED_PEOPLE_RE = /量了[\d一二两三四五六七八九十百几多]+个?人/;
/** 孙子发烧的是哪个组的？村医马上过去: asking whose the complaint is, which no one reports about themselves. */
export const WHO_IS_IT_RE = /的(?:是)?哪(?:个|一)?(?:组|家|户|房间?|位|栋)的?(?:人)?[?？吗呀啊]/;
/** 3栋208 好的，医生一会儿带药上来: staff answering a room that someone is coming. */
export const ROOM_ANSWERED_RE =
  /^\s*(?:\d{1,2}\s*[-栋]\s*)?\d{3,4}\s*(?:房)?\s*[,，]?\s*(?:好的|收到|好)[,，。\s]/;
/** A numbered line (a 接龙 or a list under a heading), whose lines are still orders or reports. */
export const NUMBERED_RE = /\n\s*\d{1,2}\s*[.、．]\s*\S/;
/**
 * 37度以下都正常 37.3以上要报告 / 37.3℃-38℃为低热，38.1℃-39℃为中度发热 / 有发热（37.3度及以上）的: the thresholds
 * and ranges staff explain (37.3℃以下不算发热), no one's reading.
 */
export const THRESHOLDS_RE =
  /(?:3[5-9](?:\.\d)?|三十[五六七八九])度?以下[^。!！]{0,8}(?:3[5-9](?:\.\d)?|三十[五六七八九])度?以上|(?:3[5-9](?:\.\d)?)\s*(?:℃|度)?\s*[-~－—至到]\s*(?:3[6-9]|4[0-2])(?:\.\d)?\s*(?:℃|度)?\s*(?:为|是|算|属于)|[(（]\s*(?:3[5-9](?:\.\d)?)\s*(?:℃|度)?\s*(?:及|或)?以上\s*[)）]|(?:正常|一般)[^。!！?？\d]{0,8}(?:3[5-9](?:\.\d)?)\s*(?:℃|度)?\s*(?:到|至|-|~|－)\s*(?:3[5-9](?:\.\d)?)\s*(?:℃|度)?\s*之间|(?:3[5-9](?:\.\d)?)\s*(?:℃|度)?\s*(?:及|或)?以上(?:或|和|、)(?:有)?(?:咳|发|乏|气|头|腹|嗓|喉|流)|(?:3[5-9](?:\.\d)?)\s*(?:℃|度)?\s*(?:及|或)?(?:以下|以上)(?:的)?(?:都)?(?:不算|才算|算|就算|就是|为)(?:是)?(?:发热|发烧|低烧|正常)/;

// Staff saying what is on its way to a member, or that they are coming (no resident says these to a room).
/** 0815的指甲剪马上送上去 / 到时候先给你送 / 今天下午补送: staff sending up (residents ask for things sent 上来, to them). */
export const SENDING_UP_RE =
  /马上(?:就)?(?:给(?:您|你))?(?:送|拿)(?:上去|过去)|(?:马上|这就|等下|一会儿?)(?:就)?给(?:您|你)(?:们)?(?:送|拿|带)|我们(?:马上|这就|等下)?带[^，,。]{0,8}(?:上去|过去|上来|过来)|(?:今天|明天|下午|上午|晚上)[^，,。]{0,4}补送|(?:到时候|回头|等下)[^。，,]{0,4}给(?:您|你)(?:们)?(?:送|拿|带)|我们[^，,。]{0,10}买(?:了|好了?)?(?:就)?(?:给(?:您|你))?送(?:上来|上去|过来|过去)|(?:医生|护士)[^，,。]{0,4}过去[^。，,]{0,14}给(?:您|你)|我(?:让|叫|请)(?:医生|护士|大夫)[^，,。]{0,10}(?:过去|上去|送过去|送上去)|(?:等下|一会儿?|马上)(?:一起)?送上去|(?<!我)给(?:你|您)送(?:点|些|一)|(?:上午|中午|下午|晚上|等下)(?:医生|护士)(?:上去|过去)看/;
/** 好的 马上送上来 / 收到 这就给您拿过去: staff answering that it is on its way. */
export const ON_ITS_WAY_RE =
  /^\s*(?:好的|收到|好|嗯|行|可以)[,，。!！~\s]*(?:马上|这就|立刻|现在|一会儿?|等下|稍后)(?:就)?(?:给(?:您|你))?(?:送|拿|带)(?:上来|过来|过去|到)?(?:[,，。!！~\s]|$)/;
export const TO_YOU_RE =
  /给(?:您|你)(?:们)?(?:送|拿|带)[^。，,！!？?]{0,6}(?:上去|上来|过去|过来|到)|^\s*(?:马上|这就|立刻|等下|一会儿?)给您(?:送|拿|换)|给您(?:拿|做|煮|打|带|准备|留|换)(?:了|点|些|一|个|好)|(?:厨房|食堂)(?:说|讲)[^。，,]{0,6}给(?:你|您)(?:打|做|煮|送|留)|先给(?:你|您)(?:加|送|拿|换)了|^[\s\d]*我马上(?:就)?(?:拿|带|送)[^，,。\s]{1,4}上来/;
/** 明天早上我来复测 / 下午我再过来看看: the doctor coming back to the one advised. */
export const DOCTOR_VISIT_RE =
  /我们?(?:明天|下午|晚上|等下|一会儿?|待会儿?|马上|这就)?(?:早上|上午|下午|晚上)?(?:[\d一二三四五六七八九十]{1,2}点(?:半|钟)?)?(?:再)?(?:来|过来|过去|上来|上去)(?:复测|复查|给[^，。,\s]{0,4}(?:量|复测|测)|看看|看一下|量|再(?:测|量))|(?:明早|明天|等下|一会儿?|下午|晚上)我(?:再)?去[\u4e00-\u9fa5]{1,4}?(?:看下|看一下|看看)|我先(?:过来|过去|上来)看(?=$|[\s,，。?？!！])/;
/** 603等下送润喉片过来 / 退烧贴马上送上来: staff telling a room what is on its way (no one asks: no 能不能, 吗). */
export const SENT_SOON_RE = /(?:等下|马上|一会儿?)(?:就)?送[^，,。]{0,6}(?:过来|上来|过去|上去)/;
export const ON_MY_WAY_RE =
  /我(?:这就|马上|等下|一会儿?|现在)(?:就)?(?:过去|过来|上来|上去|来)(?![\d一二两三四五六七八九十])/;

// Staff's notices and rules: a heading, goods handed to everyone, a rule told to one member, what to do meanwhile.
/** 请先不要吃退烧药 / 请您在房间等候: staff telling a resident what to do meanwhile. */
export const MEANWHILE_RE =
  /请(?:先|您)?(?:不要|别|勿)|请(?:您)?(?:在房间|待在房间|在房内)|先给(?:她|他|老人家?)(?:多|盖|喝)|先(?:莫|别|不要)乱吃药/;
/** 今日物资发放： / 明日送水安排： / 今天代购汇总：: a notice's heading. */
export const NOTICE_HEADING_RE =
  /^\s*(?:【[^】]{0,8}】)?[^，。,:：\s]{0,6}(?:物资发放|发放安排|送水安排|配送安排|代购汇总|订单汇总|安排|汇总)\s*[:：]/;
/** 报纸今天下午统一发，每个房间一份 / 白岩脚的水今天下午送 一家两桶: goods handed to everyone alike. */
export const HANDED_OUT_RE =
  /(?:统一|集中)(?:送|发|配送|发放)[^。!！?？]{0,12}(?:每个?(?:房间?|人|户|家)|每间|各(?:房间?|户|家))|(?:一家|每家|每户|每人|每个房间?|每间)(?:每天)?(?:都|先|各)?(?:发|送|领)?[\d一二两三四五]\s*(?:桶|袋|份|个|包|瓶|本|斤|支|盒|双|张)(?:[\u4e00-\u9fa5]{1,4}放门口了?)?(?![\u4e00-\u9fa5\d])/;
/** 每天早晚各报一次 有发烧咳嗽马上给我打电话: staff's rule, said to one member. */
export const RULE_TO_ONE_RE =
  /每天(?:早晚)?各?报一次|(?:^|[\s,，])有(?:发烧|发热|咳嗽|不舒服)[^。，,]{0,6}(?:马上|及时|立即|随时)(?:给我|跟我)?(?:打电话|说|讲|报告|联系)/;

/** 王医生：307 老人 体温38.1 / 医生：208刘先生36.5 幺儿37.4: a reading posted by room under a doctor's or nurse's name. */
export const ROLE_POSTS_ROOM_RE =
  /^\s*(?:【(?:医护|医生|护士|值班)[^】]{0,6}】|[\u4e00-\u9fa5]{0,3}(?:医生|护士|大夫)\s*[:：])[^。?？]{0,40}?(?<![\d.])\d{3,4}\s*[\u4e00-\u9fa5]{0,4}\s*(?:体温|腋温|耳温)?\s*(?:3[5-9]\.\d|3[5-9]度\d?)(?!\s*(?:收到|吗|么|\?|？|是不是|对不对|还是|请|麻烦|再测|再量))/;
/** 1206小宇37.5收到: a reading acknowledged. */
export const ACKED_READING_RE = /(?:3[5-9]\.\d|3[5-9]度\d?)\s*℃?\s*收到/;

/** 【夜班值班记录】… 值班员：孙立新: a duty officer's log, whatever readings it lists. */
export const DUTY_LOG_RE =
  /^\s*(?:夜班|白班|早班|晚班|中班)?\s*(?:交接班?|交班|接班)\s*[:：]|^\s*【[^】]{0,6}(?:值班记录|值班日志|值班情况|交接班?|交班|巡查记录)】|值班(?:员|人)\s*[:：]?\s*[\u4e00-\u9fa5]{2,4}\s*$/;
/** 37.1不算发烧，半小时后再量一次报给我: the doctor's answer, a reading quoted back with a recheck asked for. */
export const RECHECK_ASKED_RE =
  /(?:不算发烧|(?:莫|别|不要)紧张|刚好在线上)[^。?？]{0,14}(?:再量|复测)[^。?？]{0,8}(?:报给我|告诉我|发给我|发群里|报一下)/;
/** 37.4的娃娃 / 38度的那个: a reading naming whose it was, said about someone, not reported. */
export const READING_AS_REFERENCE_RE =
  /(?:3[5-9](?:\.\d)?|三十[五六七八九](?:度[一二三四五六七八九])?)(?:度)?(?:的(?:娃娃?|孩子|小孩|老人|那个|那位|人|话)|刚(?:刚|好)?在线上|在临界)/;

export const ROOM_READING_ROW_RE =
  /^\s*[\u4e00-\u9fa5A-Za-z]{0,3}\d{2,4}(?:房|室)?\s*[|｜:：\s]\s*(?:3[4-9](?:\.\d)?|4[0-2](?:\.\d)?)(?![\d])/gm;

/** 岩脚陈大爷我下午去看了 体温38度1: a reading the one who went to see took, posted with a word to everyone. */
export const VISITED_READING_RE =
  /(?:我|村医|医生)[^，,。\s]{0,4}(?:去|上门|入户)(?:看|量|测)[了过]?[\s,，]*(?:体温|量的|测的)?\s*(?:3[5-9]|4[0-2])(?:\.\d|度\d)/;

/** 收到，401的等会让王医生过来看看 / 收到2108 明天早上杨医生来看下: an ask acknowledged with help on its way. */
const STAFF_ACK_RE =
  /^\s*(?:\d{3,4}\s*)?收到\s*[，,\s]*(?:\d{3,4}(?:的|房)?)?[，,\s]*[^。?？]{0,8}?(?:医生|护士|大夫|村医|我们|我)[^，,。?？]{0,6}(?:来看|过来|拿上来|送上来|上来|过去|来量|马上去)/;
/** 马上过来 先给伢子喝点温开水: on the way, with what to do until then. */
const COMING_NOW_RE = /^\s*(?:马上|这就|立刻)(?:就)?(?:过来|上来|到)[\s,，。]+先/;

/**
 * Staff answering with help on its way: 1206小宇37.5收到，我穿好防护服马上上去复测 / 收到，401的等会让王医生过来看看 /
 * 2112收到，杨医生马上拿上来 / 马上过来 先给伢子喝点温开水 (a resident urging, 快 / 能不能 / 麻烦, is asking).
 */
export function answersWithHelp(text: string): boolean {
  // (1206邓大爷37.5已经报给冯医生了 马上上来 / 大田坎的 37度9要报告 我马上给村医说 你莫急: a reading passed on)
  if (PASSED_ON_RE.test(text)) return true;
  if (ACKED_READING_RE.test(text) && /我[^，,。]{0,10}(?:上去|上来|过来|过去|复测|来量)/.test(text))
    return true;
  return (STAFF_ACK_RE.test(text) || COMING_NOW_RE.test(text)) && !/快|能不能|可不可以|麻烦|请/.test(text);
}

const PASSED_ON_RE =
  /(?:3[5-9]|4[0-2])(?:\.\d|度\d)\s*(?:的)?\s*(?:已经?报给[^，,。\s]{0,4}(?:医生|村医|大夫)了?|要报告[\s,，]+我马上(?:给|跟|和)(?:村医|医生|大夫)说|要报的(?:哈|啊|呀|嘛)[\s,，]+[^。]{0,12}(?:医生|村医|卫生室)[^。]{0,8}(?:打电话|联系|过来|过去))/;
/** The leads of answersWithHelp, for staff-talk.ts's gate. */
export const ANSWER_LEADS: readonly RegExp[] = [ACKED_READING_RE, STAFF_ACK_RE, COMING_NOW_RE, PASSED_ON_RE];

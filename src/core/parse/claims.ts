// What is claimed before goods are read, so no number in it becomes a quantity and no word an item: prices
// (37块钱一份, 一百二一袋, 复合肥一袋八十五, 菜油两桶 七十五一桶), pack sizes (50斤装的, 一桶20升的, 30个装) and
// purposes (打虫子的, 喂猪的).
import type { Mask } from './chars.js';
import { maskAll, matchesOf } from './chars.js';
import { maskBesideGoods } from './claims-beside.js';
import { CN_PRICE_RE, maskSpokenPrices, PRICE_RE, UNIT_PRICE_RE } from './claims-prices.js';
import { maskSizes, SIZE_HINT_RE } from './claims-sizes.js';
import { goodsAt } from './item-lexicon.js';
import { maskPerHead, mayCountPerHead } from './per-head.js';

const DIMENSION_RE = /(?:宽|长|高|厚)?[一二两三四五六七八九十\d.]+(?:米|尺)[一二三四五六七八九\d]?的/g;
const MONEY_TO_RE = /钱[^，,。!！?？\s]{0,6}?(?:转给|打给|交给|给)[\u4e00-\u9fa5]{1,5}/g;
/** A purpose is no goods: 农药一瓶 打虫子的, 喂猪的, 做饭用. */
const PURPOSE_RE =
  /(?<=^|[\s,，。(（])(?:打|喂|做|煮|炒|腌|种|施|撒|喷|治|防|杀|拌|泡|给[\u4e00-\u9fa5]{1,3}(?:吃|用|喝))[\u4e00-\u9fa5]{0,5}?(?:的那种|的那个|的|用|用的)(?=$|[\s,，。)）])/g;
const COOKING_RE = /(?:等到|等着|要|好|才能|没法|没办法|拿来|用来)(?:煮饭|做饭|烧饭|煮面)/g;
/** 想要一瓶消毒用: what counted goods are for, right after the count, is no goods. */
const USE_AFTER_COUNT_RE =
  /(?<=[个瓶包袋盒支桶罐])(?:消毒|洗手|擦手|洗澡|洗头|洗衣服|做饭|烧水|泡脚|擦桌子)用(?:的)?(?=$|[\s,，。!！~])/g;
const USED_FOR_RE = /(?<=[\s,，。(（])[\u4e00-\u9fa5]{2,5}?(?:上|里)?用的(?=$|[\s,，。)）])/g;
const PASTIME_RE = /[和跟][\u4e00-\u9fa5]{1,4}?(?:视频|下棋|聊天|打牌|通话|打游戏)[\u4e00-\u9fa5]{0,2}/g;
const FAMILY_BRINGS_RE =
  /(?:家里人|家人|家属|亲戚|朋友|老婆|老公|老伴|爱人|媳妇|我妈|我爸|孩子|儿子|女儿|闺女)(?:说)?(?:要|会|来)?给我送(?:点|些|一些)?(?:[一两二三四五六七八九十\d]+[箱包袋件瓶盒])?[\u4e00-\u9fa5]{0,6}/g;
const PURPOSE_HINT_RE =
  /(?:^|[\s,，。?？!！(（])(?:要|是)?(?:打|喂|做|煮|炒|腌|种|施|撒|喷|治|防|杀|拌|泡|给)/;
/** 能送一壶开水吗？要给宝宝冲奶粉: what the goods are for, a clause of its own. */
const FOR_WHOM_RE =
  /(?<=^|[\s,，。?？!！(（])(?:要|是)?给[\u4e00-\u9fa5]{1,3}?(?:冲|泡|煮|洗|擦|喂)[\u4e00-\u9fa5]{1,4}(?=$|[\s,，。!！?？)）])/g;
/** A chore the goods are for is no goods: 想洗衣服用, 想喷喷门把手, 想把卫生间擦一下. */
const CHORE_RE =
  /(?<=^|[\s,，。(（])(?:[\u4e00-\u9fa5]{1,3}(?=想))?(?:想|用来|拿来|好)(?:把[\u4e00-\u9fa5]{1,4}?)?(洗|擦|刷|喷|拖|扫|消毒|粘|缠|补|晾)[\u4e00-\u9fa5]{0,6}?(?:用|一下)?(?=$|[\s,，。)）])/g;

/** 酒精棉片消毒手机用: the chore said after the goods, ending in 用. */
const CHORE_AFTER_RE = /(?<=[\u4e00-\u9fa5])(消毒|擦|洗|喷|刷)[\u4e00-\u9fa5]{1,4}用(?=$|[\s,，。!！])/g;

function maskChores(mask: Mask, text: string): void {
  for (const m of matchesOf(CHORE_AFTER_RE, text)) {
    if (goodsAt(text, m.index) !== null) continue; // 给我消毒液用: the goods themselves
    mask.set(m.index, m.index + m[0].length);
  }
  for (const m of matchesOf(CHORE_RE, text)) {
    const verb = m.index + m[0].lastIndexOf(m[1] as string);
    if (goodsAt(text, verb) !== null) continue; // 想洗发水: goods that start like a chore
    mask.set(m.index, m.index + m[0].length);
  }
}

/** 请报：姓名、物资、数量。例：李华 复合肥2袋 松树坪。: a notice's example is nobody's order. */
const EXAMPLE_RE = /(?:例如|比如|举例|格式|例)\s*[:：][^。\n]{0,80}/g;

const STRENGTH_RE = /\d{1,3}(?:\.\d)?\s*[%％]\s*(?:的)?(?=[\u4e00-\u9fa5])/g;

export function claimNotGoods(mask: Mask, text: string): void {
  if ((text.includes('：') || text.includes(':')) && /[例如格][:：]|比如[:：]|举例[:：]/.test(text))
    maskAll(mask, EXAMPLE_RE, text);
  if (/[洗擦刷喷拖扫消粘缠补晾]/.test(text)) maskChores(mask, text);
  // 各家各户把被子拿出来晒一下: what is put out in the sun is no goods asked for
  if (text.includes('晒'))
    maskAll(mask, /把[\u4e00-\u9fa5]{1,4}?(?:拿|搬|抱)?出来晒(?:一下|一晒|晒)?/g, text);
  if (/\d/.test(text) && /[元块毛/每一]/.test(text)) maskAll(mask, PRICE_RE, text);
  if (/[百千块元]/.test(text)) maskAll(mask, CN_PRICE_RE, text);
  if (
    /[一每](?:公斤|[斤袋桶箱瓶包盒件提罐板])\s*(?:要|是|卖|才|只要|就要)?\s*[\d一二两三四五六七八九十]/.test(
      text,
    )
  )
    // 麻烦给一包 1010: a number already read as the room is no price after the measure
    for (const m of matchesOf(UNIT_PRICE_RE, text)) {
      const end = m.index + m[0].length;
      const num = /\d{3,4}\s*$/.exec(m[0]);
      const roomAfter = num !== null && mask.has(m.index + num.index) && mask.has(m.index + num.index + 2);
      if (!roomAfter) mask.set(m.index, end);
    }
  if (SIZE_HINT_RE.test(text)) maskSizes(mask, text);
  maskBesideGoods(mask, text);
  // 38块的披萨: a price said of the goods is no count
  if (text.includes('块的')) maskAll(mask, /\d{1,4}(?:\.\d{1,2})?\s*块(?:钱)?的/g, text);
  // 去年才十块: a price remembered is no count
  if (text.includes('块')) maskAll(mask, /(?:才|只要|只卖)[一二两三四五六七八九十百\d]+块(?:钱|多)?/g, text);
  // 一罐75%酒精 / 75%的酒精: the strength is no count (84消毒液 is a name, with no % sign)
  if (text.includes('%') || text.includes('％')) maskAll(mask, STRENGTH_RE, text);
  if (text.includes('用')) maskAll(mask, USE_AFTER_COUNT_RE, text);
  // 我们等到煮饭 / 中午要煮饭: cooking waiting on the water is no meal asked for
  if (/[煮做烧]饭|煮面/.test(text)) maskAll(mask, COOKING_RE, text);
  if (PURPOSE_HINT_RE.test(text)) {
    maskAll(mask, PURPOSE_RE, text);
    if (text.includes('给')) maskAll(mask, FOR_WHOM_RE, text);
  }
  maskSpokenPrices(mask, text);
  // 十几块一盒: a price said roughly is still a price
  if (text.includes('几'))
    maskAll(
      mask,
      /(?:[一二两三四五六七八九]?十几|几十|几)块(?:钱)?(?:\s*[一每]\s*[斤袋桶箱瓶包个盒件提罐])?/g,
      text,
    );
  // 衣服没得地方晾: no room to hang is no goods
  if (text.includes('地方'))
    maskAll(mask, /(?:[\u4e00-\u9fa5]{1,3}(?:没得?|没有|冇得?))?地方(?:晾|放|坐|睡|住|洗)/g, text);
  // 送饭的嬢嬢: the one who brings the meals is no meal asked for
  if (text.includes('送'))
    maskAll(mask, /送(?:饭|菜|水|药)的(?:嬢嬢|阿姨|师傅|大姐|大哥|小哥|同志|志愿者|小伙子?|人)/g, text);
  // 比去年贵五块: what a price rose or fell by is no count
  if (/贵|便宜/.test(text)) maskAll(mask, /(?:贵|便宜)了?[\d一二两三四五六七八九十]+(?:块|元|毛)钱?/g, text);
  if (mayCountPerHead(text)) maskPerHead(mask, text);
  // 和隔壁视频下棋 / 我老婆说给我送点换洗衣服: a pastime, and what family bring, are nothing asked of staff
  if (text.includes('和') || text.includes('跟')) maskAll(mask, PASTIME_RE, text);
  if (text.includes('给我送')) maskAll(mask, FAMILY_BRINGS_RE, text);
  // 家里一个也没了 / 一包都不剩: not even one is no count
  if (/[也都]/.test(text))
    maskAll(mask, /一\s*[个点粒颗包瓶袋盒支根张片]\s*[也都](?=没|不剩|莫得|冇)/g, text);
  // 五组的化肥还差两袋: what is still short is said by 差, no goods
  if (text.includes('差')) maskAll(mask, /还差(?=[\d一二两三四五六七八九十])/g, text);
  // 门口拿饭的时候戴: when the goods are for is no goods
  if (text.includes('的时候')) maskAll(mask, /[\u4e00-\u9fa5]{1,6}的时候(?=[戴用穿带拿吃喝])/g, text);
  // 昨日所送之药已收到: goods named as those sent, in a letter's words, are no goods asked for
  if (text.includes('之')) maskAll(mask, /所(?:送|带|买|购|寄|发)之[\u4e00-\u9fa5]{1,3}/g, text);
  // 在镇上药房带两盒: where the goods are bought is no goods
  if (/药房|药店|超市|卫生院|诊所/.test(text))
    maskAll(mask, /(?<=在|去|到|从)(?:镇上|街上|县城|场上|城里)?的?(?:药房|药店|超市|卫生院|诊所)/g, text);
  // 电池 要四节 手电筒用的: what the goods are for, said after them in a clause of its own
  if (text.includes('用的')) maskAll(mask, USED_FOR_RE, text);
  // 热水壶坏了 烧不开水 / 烧不了开水: what the broken goods no longer do is no goods
  if (text.includes('烧不')) maskAll(mask, /(?<=烧不[开热])水|(?<=烧不(?:了|出))[开热]?水/g, text);
  // 能不能送一壶开水过来 娃儿要冲奶粉: what the goods are for, a clause of its own
  if (text.includes('要冲'))
    maskAll(mask, /(?<=^|[\s,，。])[\u4e00-\u9fa5]{0,3}要冲[\u4e00-\u9fa5]{1,3}(?=$|[\s,，。!！])/g, text);
  // 地膜 要宽一米二的 三卷: a width or length is no goods (一米二 is 1.2 m)
  if (/[米尺][一二三四五六七八九\d]?的/.test(text)) maskAll(mask, DIMENSION_RE, text);
  // 明天下午三点左右 两桶: about a clock time is no goods
  if (text.includes('左右')) maskAll(mask, /(?:点|点钟|点半)(?:钟)?左右/g, text);
  // 明早送两桶水 早点哈 要煮饭 / 谢谢你们每天送饭: cooking and thanks for meals ask for no goods
  if (text.includes('饭'))
    maskAll(mask, /(?<=^|[\s,，。])要(?:煮|做|烧)饭(?=$|[\s,，。!！])|谢谢[^，,。!！]{0,8}送饭/g, text);
  // 想和我爸杀两盘: games played are no goods
  if (text.includes('盘')) maskAll(mask, /(?:杀|下|玩|打)[一两二三四五几]盘/g, text);
  // 体温计摔碎了 水银的: what the goods are made of is no goods (水银 holds no 水)
  if (text.includes('水银的')) maskAll(mask, /水银的/g, text);
  // 钱我转给何书记 / 钱我先微信转给你们: whom the money goes to is no goods
  if (text.includes('钱')) maskAll(mask, MONEY_TO_RE, text);
  // 充电线坏了 苹果的 有没有借一根: goods' name alone with 的, a clause of its own, describes the goods before
  if (text.includes('的') && DESCRIBED_HINT_RE.test(text)) {
    for (const m of matchesOf(DESCRIBED_RE, text)) {
      const word = m[0].slice(0, -1);
      if (m.index > 0 && goodsAt(word, 0)?.length === word.length) mask.set(m.index, m.index + m[0].length);
    }
  }
  // 要两个充电器，一个安卓的一个苹果的: the kinds of the goods counted before, one each, are no goods of their own
  if (text.includes('一') && VARIANTS_HINT_RE.test(text)) maskAll(mask, VARIANT_RE, text);
  // 卫生巾 要两包 日用的 / 我要一卷宽的: a kind said after the count describes the goods named before it
  if (text.includes('的')) {
    for (const m of matchesOf(KIND_AFTER_COUNT_RE, text)) {
      const word = (m[1] as string).slice(0, -1);
      if (
        !goodsAt(word, 0) &&
        !/礼拜|星期|月|天|周|年|小时|钟|人|岁/.test(word) &&
        // (味精一袋 三组的 / 帮我带十个 石板沟的: the sender's group or hamlet, where the goods go)
        !/[组社队村]$|(?:沟|湾|塆|坝|坪|坎|垭|岭|嘴|院子|屋基|坡|岩|滩|口)$/.test(word) &&
        hasGoodsBefore(text, m.index)
      )
        mask.set(m.index + m[0].length - (m[1] as string).length, m.index + m[0].length);
    }
  }
  // 复合肥一袋好多钱 / 好多钱一卷哦: the measure a price is asked per is no quantity
  if (/钱/.test(text)) maskAll(mask, PRICE_ASKED_RE, text);
  // 上回要的那个洋芋种子收到了 再给我整两袋复合肥: goods received are not asked for again
  if (/收到了|拿到了|送到了|到了/.test(text)) maskReceived(mask, text);
  // 尿素两袋改成三袋: the count before 改成 is the one given up
  if (text.includes('改')) maskChangedFrom(mask, text);
  // 改成三袋 两袋不够: the count said to fall short is the reason, no second quantity
  if (text.includes('不够') || text.includes('太少')) maskAll(mask, SHORT_RE, text);
  // 手机要没电了 / 手电筒没电了: the device that runs flat is why, not what is asked for
  if (text.includes('没电')) maskAll(mask, FLAT_RE, text);
  // 下水道堵了 / 水龙头坏了: the room's fittings are no goods (a repair is asked for)
  if (/[道漏龙管池洒浴器灶片]/.test(text) || text.includes('马桶')) maskAll(mask, FITTINGS_RE, text);
  // 伊屋里没人会弄手机 / 我爸不会用手机: why someone else writes, no phone asked for
  if (text.includes('手机')) maskAll(mask, /(?:不会|没人会|不太会)(?:弄|用|玩|打)?(?:智能)?手机/g, text);
  // 一天两次一次一片: how a medicine is taken is no count of it
  if (/[次回]/.test(text)) maskAll(mask, DOSAGE_RE, text);
  // 今天车子冇得油了 / 早稻米煮饭不好吃: the vehicle's fuel and cooking are no goods
  // (嫑拿成尿素了: the goods not to be brought by mistake)
  // (自来水通了: the tap water is back, no water to bring)
  if (/油|饭|成|错|自来|吓死/.test(text)) maskAll(mask, NOT_GOODS_TALK_RE, text);
  // 电话138****6621 / 加微信15858124421: a phone number is no count of anything
  if (/\d{3}[*＊xX]{4}\d{4}|1[3-9]\d{9}/.test(text)) maskAll(mask, PHONE_RE, text);
  // 谢谢支书 / 问一下书记: a cadre's title holds no book
  if (text.includes('书')) maskAll(mask, /支书|书记|秘书/g, text);
  // 我们两个都36.5: the two of us are no count of goods
  if (text.includes('们') || text.includes('阿拉'))
    maskAll(mask, /(?:我们|咱们|阿拉|他们|她们|你们)[两二三四五]\s*个(?:人)?/g, text);
  // 锄头五金店没开门: the hardware shop's 五金 is no count
  if (text.includes('五金')) maskAll(mask, /五金(?:店|商店|铺|门市)?/g, text);
  // 上面订了两袋的那个: 上面/前面 point back in the chat, no 面 (noodles); 12瓶那种 / 30个装的那种 describe a pack
  if (/[上前后里外]面|那种/.test(text)) maskAll(mask, NOT_GOODS_RE, text);
}

const UNIT = '(?:公斤|[斤袋桶箱瓶包个盒件提罐板卷把支])';
const KIND_AFTER_COUNT_RE =
  /[\d一二两三四五六七八九十]\s*(?:[斤袋桶箱瓶包个盒件提罐板卷把支])\s*([\u4e00-\u9fa5A-Za-z]{1,3}的)(?=$|[\s,，。!！?？])/g;

/** Known goods named somewhere before `at`. */
function hasGoodsBefore(text: string, at: number): boolean {
  for (let i = 0; i < at; i++) if (goodsAt(text, i)) return true;
  return false;
}
const PRICE_ASKED_RE = new RegExp(
  `(?:好多|多少|几多|啥子?)钱\\s*[一每]\\s*${UNIT}|[一每]\\s*${UNIT}\\s*(?:要|是|卖)?\\s*(?:好多|多少|几多|啥子?)钱`,
  'g',
);
/**
 * 口罩收到了 还要两个 / 今天的水收到了 明天还要两桶: more of the goods received, counted with no goods of its own, asks
 * for those goods again; otherwise goods received are not asked for.
 */
function maskReceived(mask: Mask, text: string): void {
  for (const m of matchesOf(RECEIVED_GOODS_RE, text)) {
    const more = MORE_OF_SAME_RE.exec(text.slice(m.index + m[0].length));
    if (more && !goodsAfterCount(text, m.index + m[0].length + more.index + more[0].length)) continue;
    mask.set(m.index, m.index + m[0].length);
  }
}

const MORE_OF_SAME_RE =
  /(?:还|再|又)(?:要|送|来|拿|带|给)\s*(?:[\d一二两三四五六七八九十]{1,3}|个|点)\s*(?:公斤|[斤袋桶箱瓶包个盒件提罐板卷把支])?/;

function goodsAfterCount(text: string, from: number): boolean {
  for (let i = from; i < text.length && !/[\s,，。!！?？]/.test(text[i] as string); i++)
    if (goodsAt(text, i)) return true;
  return false;
}

const RECEIVED_GOODS_RE =
  /(?<=^|[\s,，。!！]|的|那个|这个)[\u4e00-\u9fa5]{2,6}?(?=(?:已经)?(?:收到了|拿到了|送到了)(?![^，,。!！\s]{0,3}(?:打|给|叫|喊)))/g;
const VARIANTS_HINT_RE = /[两二三四五\d]\s*(个|根|条|台|件)[^，,。]{1,6}[，,\s]*一\1[^，,。\s的]{1,4}的/;
const VARIANT_RE = /一(?:个|根|条|台|件)[^，,。\s的]{1,4}的/g;
const DESCRIBED_HINT_RE = /的(?=$|[\s,，。!！?？])/;
const DESCRIBED_RE = /(?<=[\s,，。])[\u4e00-\u9fa5A-Za-z]{1,4}的(?=$|[\s,，。!！?？])/g;
const CHANGED_FROM_RE =
  /[\d一二两三四五六七八九十半]+\s*(?:袋|桶|包|斤|个|瓶|箱|盒|件|把|提)(?=[^\d。!！?？]{0,12}?(?:改成|改为|换成)\s*[\d一二两三四五六七八九十半])/g;

/** 复合肥3袋 老屋基，帮我改成两袋: the count given up, when no other goods stand between it and 改成. */
function maskChangedFrom(mask: Mask, text: string): void {
  for (const m of matchesOf(CHANGED_FROM_RE, text)) {
    const end = m.index + m[0].length;
    const to = text.slice(end).search(/改成|改为|换成/);
    let goods = false;
    for (let i = end; i < end + to && !goods; i++) goods = goodsAt(text, i) !== null;
    if (!goods) mask.set(m.index, end);
  }
}
const SHORT_RE =
  /[\d一二两三四五六七八九十]+\s*(?:袋|桶|包|斤|个|瓶|箱|盒|件)\s*(?:都|也|肯定|怕)?(?:不够|太少)/g;
const DOSAGE_RE =
  /(?:一天|每天|一日|每日)[一两二三四\d][次回](?:[,，\s]*(?:一次|每次)[一两二三半\d](?:片|粒|颗|袋|支|包|丸))?|(?:一次|每次)[一两二三半\d](?:片|粒|颗|袋|丸)/g;
const NOT_GOODS_TALK_RE =
  /(?:车|车子|三轮|摩托|拖拉机)(?:冇得|没得|没有|没|莫得)油了?|(?:煮|做|烧)饭(?!菜)|(?<=不要|别|莫|嫑)(?:拿|买|带|搞)(?:成|错)[\u4e00-\u9fa5]{1,4}|自来水(?:通了|来了|有了|恢复了?)|(?:装|接)(?:了|上了|好了)自来水|吓死(?:个)?人|吓死我了/g;
const PHONE_RE = /(?<!\d)(?:1[3-9]\d[*＊xX]{4}\d{4}|1[3-9]\d{9})(?!\d)/g;
const FLAT_RE = /(?:手机|电话|电脑|平板|手电筒|电筒|手电|收音机|老人机)(?:都|也|又|就)?(?:要|快)?没电了?/g;
const FITTINGS_RE =
  /下水道|地漏|水龙头|水管|水池|洗手池|洗脸池|马桶|花洒|淋浴|热水器|电热水器|燃气灶|暖气片/g;

const NOT_GOODS_RE =
  /[上前后里外]面(?![粉条])|(?<![\u4e00-\u9fa5])\d{1,3}\s*(?:瓶|个|支|包|袋|听|罐)(?:装)?的?那种/g;

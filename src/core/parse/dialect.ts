// Words from other speech written into a Mandarin chat: Cantonese (唔该, 冇, 听日, 我哋), Shanghainese (阿拉, 侬,
// 伐), north-western and south-western (嫑, 额 for 我, 克 for 去, 哪样 for 什么), and a foreign resident's English
// (need, tonight, headache). Each is rewritten to the Mandarin the rest of the parser reads, before anything else
// looks at the text. Only words that mean nothing else in a report, a request or an order are rewritten; the ones
// that could (额 as in 金额, 克 the gram, 伐 in 步伐) only where they stand as that word.

import { NORTHERN_DAY_WORDS, NORTHERN_WORDS } from './dialect-north.js';
import { SOUTHERN_PLACED, SOUTHERN_RESHAPED, SOUTHERN_WORDS } from './dialect-south.js';
import { readEnglish } from './english.js';
import { readKorean } from './korean.js';
import { readPinyin } from './pinyin.js';
import { replaceWords, wordTable } from './word-table.js';

/** 额 as 我: at a clause's start or after 帮/给/和/跟, before a reading, 和, 的, 要, a day or a verb of buying. */
const SELF_E_RE =
  /(?<=^|[\s,，。!！?？、:：;；]|帮|给|和|跟)额(?=\s*[\d三]|[一二两三四五六七八九十半]+(?:分钟|个钟)|和|跟|的|要|家|也|都|是|今|早|晚|们|带|买|订|捎|拿|留|妈|爸|娃|屋|在|想|刚|昨|这|那|老汉)/g;

/** Whole words, longest first where one holds another (唔该晒 before 唔该 before 唔). */
const WORDS: Record<string, string> = {
  ...NORTHERN_DAY_WORDS,
  ...NORTHERN_WORDS,
  // Cantonese
  唔该晒: '谢谢',
  唔该: '麻烦',
  唔使: '不用',
  搵到: '找到',
  唔好: '不要',
  唔要: '不要',
  可唔可以: '可不可以',
  系咪: '是不是',
  系唔系: '是不是',
  唔: '不',
  嘅: '的',
  嚟: '来',
  瞓: '睡',
  我哋: '我们',
  你哋: '你们',
  佢哋: '他们',
  佢: '他',
  屋企: '家里',
  听日: '明天',
  琴日: '昨天',
  寻日: '昨天',
  今朝下半天: '今天下午',
  今朝下半日: '今天下午',
  今朝夜里: '今天晚上',
  // (Gan: 今朝下昼 is this afternoon, 今朝上昼 this morning)
  今朝下昼: '今天下午',
  今朝上昼: '今天上午',
  今朝晚上: '今天晚上',
  今朝下午: '今天下午',
  今朝: '今早',
  下半天: '下午',
  上半天: '上午',
  下半日: '下午',
  上半日: '上午',
  夜里向: '晚上',
  交关: '很',
  坏脱了: '坏了',
  坏脱: '坏了',
  调一只: '换一只',
  调一个: '换一个',
  朝早: '早上',
  探热: '量体温',
  水饮: '水喝',
  食唔: '吃不',
  食饭: '吃饭',
  想食: '想吃',
  唔使送住: '不用送了',
  落辣: '放辣',
  攞: '拿',
  俾: '给',
  咗: '了',
  喺: '在',
  乜嘢: '什么',
  嘢: '东西',
  边度: '哪里',
  几时: '什么时候',
  仲有: '还有',
  揾返: '找到',
  搵返: '找到',
  揾到: '找到',
  揾: '找',
  睇: '看',
  嗰: '那',
  呢个: '这个',
  呢度: '这里',
  畀: '给',
  而家: '现在',
  后日: '后天',
  // Hakka (Meizhou, Ganzhou): 天光日 is tomorrow, 朝晨 the morning, 屋下 home, 细人子 a child
  天光日: '明天',
  昨夜: '昨晚',
  天光早: '明天早上',
  朝晨: '早上',
  今晡日: '今天',
  // Yunnan 给 asking: 给有充电器 (有没有), 给可以带 (可不可以); 分给有需要的 stays
  给有: '有没有',
  给有需要: '给有需要',
  给可以: '可不可以',
  暗晡: '晚上',
  鼻公: '鼻子',
  翻热: '热一下',
  昨晡日: '昨天',
  听晚: '明晚',
  下昼: '下午',
  上昼: '上午',
  探热针: '体温计',
  改做: '改成',
  好返晒: '好了',
  好返: '好了',
  晏昼: '下午',
  夜晚: '晚上',
  朝头早: '早上',
  辛苦晒: '辛苦了',
  同埋: '和',
  返唔到: '回不到',
  好感激: '很感激',
  多谢晒: '谢谢',
  用晒: '用完',
  食晒: '吃完',
  卖晒: '卖完',
  冇晒: '没了',
  食咗: '吃了',
  食药: '吃药',
  食嘢: '吃东西',
  唔系话: '不是说',
  唔系: '不是',
  都系: '都是',
  就系: '就是',
  冇咩: '没什么',
  好冻: '好冷',
  犀利: '厉害',
  仲要: '还要',
  仲剩: '还剩',
  仲未: '还没',
  还未: '还没',
  仲系: '还是',
  仲冇: '还没',
  我啲: '我的',
  你啲: '你的',
  帮手: '帮忙',
  返嚟: '回来',
  返去: '回去',
  得返: '只剩',
  几多: '多少',
  个仔: '儿子',
  仔仔: '儿子',
  个女: '女儿',
  细路哥: '小男孩',
  细路妹: '小女孩',
  细路: '小孩',
  老豆: '老爸',
  // Hakka 𠊎 is 我
  𠊎: '我',
  // Shanghainese
  阿拉: '我',
  屋里厢: '家里',
  一眼眼: '一点点',
  明朝: '明天',
  辰光: '时候',
  勿要: '不要',
  覅: '不要',
  // Qinghai: 阿门 is 怎么 (暖气阿门不热)
  阿门不: '怎么不',
  阿门还: '怎么还',
  阿门办: '怎么办',
  阿门没: '怎么没',
  // 恩施 and 湘西: 哒 is 了 (找到哒, 送哒, 么洗哒)
  哒: '了',
  // (钱送到哒再给: paid on delivery, nothing delivered yet)
  到哒再: '到再',
  // Min: 伓 is 不, 伓免 不用
  伓免: '不用',
  伓: '不',
  勿: '不',
  // Minnan (Hokkien): 阮 (my, our) only in the words it opens here, never alone (阮 is also a surname)
  阮阿母: '我妈',
  阮阿爸: '我爸',
  阮老爸: '我爸',
  阮老母: '我妈',
  阮翁: '我老公',
  阮某: '我老婆',
  阮厝: '我家',
  今仔日: '今天',
  早起时: '早上',
  伊讲: '她说',
  头壳: '头',
  有淡薄仔: '有点',
  淡薄仔: '有点',
  厝内: '家里',
  // Sichuan 有没得 is 有没有 (do you have …), not 没得 (run out); Hubei and Hunan 冇 is 没, northern 俺 is 我
  有没得: '有没有',
  有冇得: '有没有',
  有冇: '有没有',
  冇要了: '不要了',
  冇: '没',
  // north-western and south-western
  嫑要: '不要',
  嫑: '不要',
  哪样: '什么',
  // (written Chinese: 可否再添一床被子 / 饭可否煮得软一些 ask as 能否 does)
  可否: '能否',
  拿哈: '拿一下',
  ...SOUTHERN_WORDS,
};

/**
 * Words that are these only where they stand as a word: 额 (我) opening a clause, 克 (去) before a verb or a place,
 * 伐 (吗), Wu 格 (的) after a strength or a weight (38度格双沟; 价格, 格式 stay).
 */
const PLACED: readonly [string, RegExp, string][] = [
  ['额', /(?<=^|[\s,，。.!！?？、:：;；])额(?=[是要在也都想刚今昨早晚这那屋家们的娃妈爸\d])/g, '我'],
  [
    '克',
    /(?<![0-9零一二两三四五六七八九十百千几半])克(?=[拿买看送帮接取]|地|田|坡|镇|街|城|县|赶场|上班)|(?<=[要想得])克(?=地|田|坡|镇|街|城|县|赶场|上班|医院|卫生)|(?<=[出回进上下过送拿带])克(?![0-9零一二两三四五六七八九十])/g,
    '去',
  ],
  ['伐', /(?<=[\u4e00-\u9fa5])伐(?=$|[\s,，。.!！?？~～])/g, '吗'],
  ['格', /(?<=[0-9十]度|[斤两])格(?=[\u4e00-\u9fa5])/g, '的'],
  // Cantonese sentence ends: 米唔要喇 (了), 唔系话今日送咩 (吗); 喇叭 and 咩咩 stay
  ['喇', /(?<=[\u4e00-\u9fa5])喇(?=$|[\s,，。.!！?？~～])/g, '了'],
  // Henan 木 for 没 (木送来, 木水了) and 黑了 for the evening (明儿个黑了送, 夜儿个黑了36.6); 天黑了 stays
  ['木', /(?<=[还都也就咋俺家屋上身])木(?=[送到来水面气电钱人有劲])/g, '没'],
  // Ningxia and Gansu 么 for 没 (么有咳嗽, 都么咳嗽, 么发烧, 水窖么水了); 什么, 怎么, 补贴么 (a question) stay
  [
    '么',
    /(?<![什怎那这多为要干甚])么(?=有|发烧|发热|烧|咳|事|人|水|钱|得|法|啥|力气|精神|胃口|送|来|到)/g,
    '没',
  ],
  ['黑', /(?<![摸抹漆乌])(?<!(?<![昨今明前后])天)黑[了咧](?=\s*(?:送|量|测|[\d三]))/g, '晚上'],
  // north-western 咧 closing a clause is 了 (找到咧, 回来咧, 没水咧); 咧嘴 stays
  ['咧', /(?<=[\u4e00-\u9fa5])咧(?=$|[\s,，。.!！?？~～])/g, '了'],
  ['咩', /(?<=[\u4e00-\u9fa5])咩(?=$|[\s,，。.!！?？~～])/g, '吗'],
  // 食 (吃) before what is eaten or done to it: 食饭, 食咗药; 食物, 食品, 粮食 stay
  ['食', /(?<![粮零伙饮素主肉面甜])食(?=[了完唔不毋药饭粥面点些]|得下|不下)/g, '吃'],
  // northern 俺 is 我 (俺爹, 俺娘 stay: the parent is named as written, without it)
  ['俺', /俺(?![爹娘妈爸])/g, '我'],
  // northwestern 额 is 我 where a person stands (额36.5, 额和婆姨, 帮额带); 额头, 额温, 金额, 名额 stay
  ['额', SELF_E_RE, '我'],
  // 我系8818, 再量系37度1: Cantonese 系 (是) after a person or before a number; 关系, 系统 stay
  [
    '系',
    /(?<=[我你佢他她都就仲再量])系(?![统列数])|(?<![联关体维])系(?=\s*[0-9零一二两三四五六七八九十])/g,
    '是',
  ],
  // 个女话想要: 话 (说) after a person; 电话, 说话 stay
  ['话', /(?<![电通对说讲笑大废好坏情闲空实真假的句])话(?=想|要|佢|冇|唔|不|系|今|听)/g, '说'],
  // Cantonese 啲: 的 after a noun (大岭啲水, 屋企啲米), else 点 / 些 (买啲米, 快啲, 一啲)
  [
    '啲',
    /(?<=[\u4e00-\u9fa5])(?<![一有冇没买要送带给拿俾畀食吃饮喝拎攞整多少快慢几好嗰呢这那些点加打借搬换煮放落剩装挑用洗擦系是])啲(?=[\u4e00-\u9fa5])/g,
    '的',
  ],
  ['啲', /啲/g, '点'],
  ...SOUTHERN_PLACED,
  ...SOUTHERN_RESHAPED,
  // 畀多盒, 加多张: Cantonese "one more"
  ['多', /(?<=[给加要拿送有])多(?=[张盒个包瓶支条件卷袋桶份本双])/g, '一'],
  // 95蚊一包: Cantonese 蚊 (yuan) after a sum; 蚊香, 驱蚊水 stay
  ['蚊', /(?<=\d\s*)蚊(?=[一每/钱]|$|[\s,，。])/g, '块'],
  // Cantonese 同 (和) between two things: 我同老婆, 口罩同一对手套; 同一天, 同事, 相同 stay
  [
    '同',
    /(?<=[\u4e00-\u9fa5A-Za-z0-9])(?<![一共相不如陪合连认赞会协大两二三四五六七八九十\d胡])同(?![样时事学意志住屋房龄步期类种款批乡伴胞行水])(?!一(?![对个双包盒瓶支条张件卷袋桶斤本]))/g,
    '和',
  ],
];

const TABLE = wordTable(WORDS);
/** The words rewritten to as many characters (细路 → 小孩): each stays in its place, so a name can be spelt back. */
const SAME_LENGTH = wordTable(
  Object.fromEntries(Object.entries(WORDS).filter(([from, to]) => from.length === to.length)),
);

/** The text with only the same-length words read (as-written.ts finds a name's characters in the sender's). */
export function readDialectInPlace(text: string): string {
  const out = replaceWords(text, SAME_LENGTH);
  let me = out.includes('俺') ? out.replace(/俺(?![爹娘妈爸])/g, '我') : out;
  for (const [ch, re, to] of SOUTHERN_PLACED) if (me.includes(ch)) me = me.replace(re, to);
  return me.includes('额') ? me.replace(SELF_E_RE, '我') : me;
}
const PLACED_RE = /[格额克伐喇咩咧木么黑食同系话多俺蚊啲阮伊汝无欠糜整欲嗽滴个那哩渠拉侬涯爱廿]/;

export function readDialect(text: string): string {
  let out = replaceWords(text, TABLE);
  if (PLACED_RE.test(out)) for (const [ch, re, to] of PLACED) if (out.includes(ch)) out = out.replace(re, to);
  return readKorean(readEnglish(readPinyin(out)));
}

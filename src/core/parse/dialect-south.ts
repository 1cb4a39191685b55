// Minnan (Hokkien, Quanzhou and Xiamen), Hakka (west Fujian, Meizhou), Wu (Quzhou) and Henan words written into a
// Mandarin chat, each rewritten to the Mandarin the parser reads (dialect.ts merges them into its table).

/** Whole words: Minnan first, then Hakka. */
export const SOUTHERN_WORDS: Readonly<Record<string, string>> = {
  // Hunan: 哒 closes a change as 了 does (猪肉不要哒, 冇咳哒, 好些哒)
  不要哒: '不要了',
  莫买哒: '莫买了',
  莫带哒: '莫带了',
  不买哒: '不买了',
  冇咳哒: '不咳了',
  不咳哒: '不咳了',
  算哒: '算了',
  // Wu (Quzhou): 弗 (not), 明朝 (tomorrow), 发寒热 (a fever), 么事 (what)
  弗: '不',
  明朝: '明天',
  发寒热: '发烧',
  么事: '什么',
  // Minnan: 会使 (can), 卖 (cannot, not) before the verb, 歹去 (broken), 寻 (look for), 免 (no need)
  会使: '可以',
  敢会使: '可以',
  卖使: '不能',
  卖咳: '不咳',
  卖烧: '不烧',
  卖滚: '不开',
  卖惯: '不惯',
  歹去啊: '坏了',
  歹去: '坏了',
  歹势: '抱歉',
  寻着啊: '找到了',
  寻着: '找到',
  寻无: '找不到',
  无去啊: '不见了',
  免送啊: '不用送了',
  免送: '不用送',
  免买: '不用买',
  免惊: '不怕',
  完啊: '完了',
  好啊: '好了',
  这阵: '现在',
  昨暗: '昨晚',
  今仔早: '今早',
  小可仔: '有点',
  有一点仔: '有一点',
  一点仔: '一点',
  咙喉: '喉咙',
  嚨喉: '喉咙',
  流鼻水: '流鼻涕',
  畏寒: '发冷',
  想欲: '想要',
  嘛欲: '也要',
  欲买: '要买',
  欲食: '要吃',
  有无: '有没有',
  汝好: '你好',
  多谢: '谢谢',
  佇: '在',
  眠床: '床',
  // south-western: 不消 (no need), 家头 (home)
  不消: '不用',
  家头人: '家里人',
  // Cantonese complaints and asks (the rest are in dialect.ts): 打冷震 (shivering), 周身骨痛 (aches all over), 屙肚 /
  // 屙咗 (diarrhoea), 心口翳 (a tight chest), 透唔到气 (short of breath), 今招 (今朝, a slip)
  打冷震: '发冷',
  周身骨痛: '全身酸痛',
  周身痛: '全身酸痛',
  屙肚: '拉肚子',
  屙咗: '拉了',
  屙嘢: '拉肚子',
  心口好翳: '胸闷',
  心口翳: '胸闷',
  透唔到气: '喘不上气',
  今招: '今朝',
  // Wu 夜快 (towards evening)
  夜快: '傍晚',
  // (全身骨痛 aches, 好怕冻 chills, 塞鼻 a blocked nose, 呕咗 sick, 仲痛 still hurts, 塞咗 blocked, 入面 inside)
  全身骨痛: '全身酸痛',
  好怕冻: '怕冷',
  塞鼻: '鼻塞',
  呕咗: '吐了',
  仲痛: '还痛',
  马桶塞咗: '马桶堵了',
  入面: '里面',
  会唔会系: '会不会是',
  // the north-west's 跑肚 (diarrhoea), 乏得很 (worn out), 闻不着 (cannot smell)
  跑肚: '拉肚子',
  还么来: '还没来',
  还么送: '还没送',
  么送到: '没送到',
  无送来: '没送来',
  淌鼻涕: '流鼻涕',
  乏得很: '很乏力',
  闻不着: '闻不到',
  // Hainanese: 无 (not) before a verb (无用 no need, 无要 not wanted, 闻无到 cannot smell), 食饭 (eat)
  无用了: '不用了',
  无用: '不用',
  无要了: '不要了',
  无要: '不要',
  闻无到: '闻不到',
  食无出: '吃不出',
  食饭: '吃饭',
  // Teochew: 𠀾 (not; 𠀾使 no need), 家己 (oneself), 昨暝 (last night), 暝昏 (evening), 头壳 (head), 惊寒 (chills),
  // 物件 (things), 阮厝 (my home), 阮仔 (my son), 吹风筒 (a hair-dryer)
  𠀾使: '不用',
  𠀾要: '不要',
  𠀾: '不',
  家己: '自己',
  昨暝: '昨晚',
  暝昏: '晚上',
  头壳: '头',
  惊寒: '怕冷',
  物件: '东西',
  阮厝: '我家',
  阮仔: '我儿子',
  吹风筒: '吹风机',
  // Hakka: 偃 / 𠊎 (我), 夜晡 (evening), 有滴 (a little), 返来 (come back)
  偃: '我',
  夜晡: '晚上',
  有滴: '有点',
  好滴了: '好点了',
  返来: '回来',
};

/** Words that are these only where they stand so (阮 is also a surname, 伊 opens 伊利, 无 is Mandarin too). */
export const SOUTHERN_PLACED: readonly [string, RegExp, string][] = [
  // Henan's 哩 is 的 before a word (要水哩报, 五升哩那种, 柳树湾哩面) and after 是 who or where (俺是王营哩); Cantonese
  // 哩个/哩度 (this, here) keep it
  [
    '哩',
    /哩(?=[\u4e00-\u9fa5])(?![个度啲只间位两几排便边嗰])|(?<=是[\u4e00-\u9fa5]{1,4}|[\d一二两三四五六七八九十][斤袋桶包瓶箱个升])哩(?=$|[\s,，。])/g,
    '的',
  ],
  // Hakka 爱 (要) after whoever wants, before counted goods: 阿婆爱感冒灵两盒 (可爱, 恋爱 stay)
  [
    '爱',
    /(?<=[婆公佢我涯妈爸嫂伯叔])爱(?=[\u4e00-\u9fa5]{1,5}?[\d一二两三四五六七八九十几]\s*[袋包盒瓶斤桶个罐])/g,
    '要',
  ],
  // Hakka 涯 (我, typed for 𠊎 by the sound): 帮涯送, 涯阿婆, 涯屋下; 天涯, 生涯 and 无涯 stay
  ['涯', /(?<![天生无])涯(?![际岸])/g, '我'],
  // Hainanese 侬 (a child) before a reading or a complaint (侬36.5, 侬复测37.1, 侬有点流鼻涕); elsewhere Wu's 侬 (you)
  ['侬', /侬(?=\s*(?:复测|体温|早上|晚上)?\s*(?:3[4-9]|三十|有点|发烧|咳|流鼻))/g, '崽'],
  ['侬', /侬/g, '你'],
  // Wu (Quzhou) 渠 (he, she) before what is said of them or after 帮/给/叫; 水渠 and 柳树渠 (a hamlet) stay
  [
    '渠',
    /(?<=^|[\s,，。!！?？、:：;；]|帮|给|叫|让|讲|说)渠(?=[弗不会讲说年屋儿女晓要的是在还也都今昨早晚老爸妈\d])/g,
    '她',
  ],
  // Wu 我拉 (we) before what they want or where they are; 帮我拉两桶 (haul) stays
  [
    '拉',
    /(?<![帮给替叫让])(?<=我)拉(?=[\u4e00-\u9fa5])(?![\d一二两三四五六七八九十几点些个车桶趟稀肚屎了得不完])/g,
    '们',
  ],
  // Minnan 阮 (I, we) before a reading, a day, a person or a verb, or after 帮/给; 阮小明 (a surname) stays
  [
    '阮',
    /(?<=^|[\s,，。!！?？、:：;；]|帮|给|和|跟|是)阮(?=\s*[\d三]|[今昨早晚这那的是也都要想欲食老翁某厝阿囝孙])|(?<=帮|给)阮(?=[买送带拿换])/g,
    '我',
  ],
  // Minnan 伊 (he, she) before what is said of them; 伊利 (milk) and 伊犁 stay
  ['伊', /(?<![\u4e00-\u9fa5])伊(?=[讲说昨今早晚的是有也都想要欲食\d])|(?<=[，,\s])伊(?=的)/g, '她'],
  // Minnan 汝 (you)
  ['汝', /汝(?=[好们是要讲看])/g, '你'],
  // Minnan 无 closing a question (会使送一支无 = 可以送一支吗); 有无, 别无, 并无 stay
  [
    '无',
    /(?<=[\u4e00-\u9fa5A-Za-z0-9])(?<![有别并毫虚全空从寻度点十])无(?=\s*(?:$|[？?，,。!！~～]))/g,
    '吗',
  ],
  // south-western 整 (get) before a count: 整两驮水
  [
    '整',
    /(?<![一完调修])整(?=[\d一二两三四五六七八九十几]+\s*(?:驮|桶|担|车|罐|袋|包|斤|瓶|箱|盒|个))/g,
    '要',
  ],
  // Teochew 欲 (want) before what is wanted: 欲一块 / 欲退烧药 (食欲, 随心所欲 and 欲望 stay)
  ['欲', /(?<![食随心所贪情])欲(?!望)(?=[\d一二两三四五六七八九十半几多买食\u4e00-\u9fa5])/g, '要'],
  // Minnan 欠 (short of) before a count: 尿布欠一包
  ['欠', /欠(?=[一两二三四五六七八九十\d])/g, '缺'],
  // Minnan 糜 (rice porridge)
  ['糜', /(?<=[煮食吃碗份要送])糜|糜(?=[一两\d]|$|[\s,，。!！?？])/g, '粥'],
];

/** Words that are these only where they stand so, rewritten to other lengths (read by readDialect alone). */
export const SOUTHERN_RESHAPED: readonly [string, RegExp, string][] = [
  // Hakka and Cantonese 滴 (a little) after a verb: 拿滴蒙脱石散, 煮滴汤圆, 快滴来人
  ['滴', /(?<=[拿煮买要整给送食吃快慢好多少来俾畀])滴(?=[\u4e00-\u9fa5])/g, '点'],
  // Hakka and Teochew 个 (的) closing a clause or after a percentage: 𠊎系高嶂个 / 75%个酒精 (一个, 哪个 stay)
  [
    '个',
    /(?<=%)个|(?<=[\u4e00-\u9fa5])(?<![\d一二两三四五六七八九十百千万几来多哪这那每各整半俩仨单真某])个(?=$|[\s,，。!！?？])/g,
    '的',
  ],
  // Hakka 头那 (the head) before how it hurts: 头那痛 (上头那家 stays)
  ['头那', /头那(?=有?[滴点]?[痛疼晕])/g, '头'],
  // Teochew 嗽 (a cough) said alone: 开始嗽
  ['嗽', /(?<![咳可克磕])嗽/g, '咳嗽'],
  // Wu and Gan 廿号 (the 20th) and 廿三号 (the 23rd): a day of the month said with 廿 and 号 (初 and 正月廿 stay lunar)
  ['廿', /(?<![正冬腊月初])廿(?=[一二三四五六七八九]?[号日])/g, '二十'],
];

// Minnan (Hokkien, Quanzhou and Xiamen) and Hakka (west Fujian, Meizhou) words written into a Mandarin chat, each
// rewritten to the Mandarin the parser reads (dialect.ts merges them into its table).

/** Whole words: Minnan first, then Hakka. */
export const SOUTHERN_WORDS: Readonly<Record<string, string>> = {
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
  // Hakka: 偃 / 𠊎 (我), 夜晡 (evening), 有滴 (a little), 返来 (come back)
  偃: '我',
  夜晡: '晚上',
  有滴: '有点',
  好滴了: '好点了',
  返来: '回来',
};

/** Words that are these only where they stand so (阮 is also a surname, 伊 opens 伊利, 无 is Mandarin too). */
export const SOUTHERN_PLACED: readonly [string, RegExp, string][] = [
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
  // Minnan 欠 (short of) before a count: 尿布欠一包
  ['欠', /欠(?=[一两二三四五六七八九十\d])/g, '缺'],
  // Minnan 糜 (rice porridge)
  ['糜', /(?<=[煮食吃碗份要送])糜|糜(?=[一两\d]|$|[\s,，。!！?？])/g, '粥'],
];

// The north's days and parts of the day (Hebei, Shanxi, Shaanxi, Beijing, Jiaodong, Yimeng): 明儿个, 后个, 夜来, 今们,
// 晌午, 后晌, 黑天, 清起 …, each rewritten to the Mandarin the date and slot readers know (dialect.ts merges them).

/** Whole words, in the order dialect.ts's table reads them. */
export const NORTHERN_DAY_WORDS: Readonly<Record<string, string>> = {
  // Hebei, Shanxi, Shaanxi, Beijing: days (明儿个, 后儿个, 夜儿个) and parts of the day (晌午, 后晌, 黑夜, 早起)
  大后儿个: '大后天',
  明儿个: '明天',
  明个: '明天',
  后个: '后天',
  今个: '今天',
  后儿: '后天',
  后儿个: '后天',
  今儿个: '今天',
  夜儿个: '昨天',
  前儿个: '前天',
  夜个: '昨天',
  晌午: '中午',
  头晌: '上午',
  头午: '上午',
  下晚儿: '晚上',
  清早: '早上',
  黑了喝汤时候: '晚上',
  喝汤时候: '晚上',
  喝汤的时候: '晚上',
  下晚: '晚上',
  黑价: '晚上',
  后晌: '下午',
  // Jiaodong: 过晌 (afternoon), 夜来 (yesterday)
  过晌: '下午',
  夜来: '昨天',
  // Yimeng (Shandong): 今们, 明们 (today, tomorrow), 黑天 (the evening)
  今们: '今天',
  明们: '明天',
  黑天: '晚上',
  前晌: '上午',
  黑夜: '晚上',
  早起: '早上',
  清起来: '早上',
  清起: '早上',
  清早起: '早上',
};

/** Other words of the north, Wuhan, the south-west and internet shorthand, read as Mandarin. */
export const NORTHERN_WORDS: Readonly<Record<string, string>> = {
  甭: '不用',
  咋整: '怎么办',
  老些: '很多',
  // North-eastern and Tianjin: 找着了 is 找到了, 嘛时候 is 什么时候
  找着了: '找到了',
  嘛时候: '什么时候',
  // Wuhan: 么斯 is 什么, 过早 is breakfast
  么斯: '什么',
  过早: '吃早饭',
  // Guizhou and Sichuan: 有莫得 asks whether there is
  有莫得: '有没有',
  // Internet shorthand (a grandchild typing for a grandmother)
  有木有: '有没有',
  木有: '没有',
  肿么: '怎么',
  神马: '什么',
};

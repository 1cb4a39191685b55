// Context words for temperatures (data): what marks a number as a body temperature, and what rules it out.

export const KEYWORDS = [
  '体温',
  '温度',
  '测温',
  '腋温',
  '额温',
  '耳温',
  '口温',
  '量了',
  '量出来',
  '刚量',
  '一次',
  '第一次',
  '第二次',
  '刚测',
  '量的',
  '测的',
  '测出来',
  '测了',
  '测得',
  '量得',
  '测量',
  '烧到',
  '发烧',
  '发热',
  '低烧',
  '高烧',
  '烧了',
  // (复测374 还是有点高: measured again, a slip is a reading as after 测了)
  '复测',
  '再测',
  '又测',
  '重测',
  '再量',
  '又量',
];
export const LEFT_EXCLUDE = [
  ...['房间温度', '房间里', '气温', '室温', '水温', '天气', '最高', '最低', '温差', '外面', '空调', '暖气'],
  ...['血氧', '氧饱和', '饱和度', '心率', '脉搏', '心跳', '血压', '血糖', '体重', '身高', '年龄', '呼吸'],
  // (single characters that are also surnames — 钱, 满, 元 — would hide a named person's reading: 钱大爷37.8)
  ...['价格', '价钱', '单价', '售价', '块钱', '多少钱', '花了', '付了', '人民币', '¥', '$', '电话', '手机'],
  ...['尾号', '编号', '单号', '号码', '一共', '总共', '共计', '快递', '航班', '车次', '满减', '每满', '华氏'],
];
/**
 * Comparisons right before a number (spaces or 了 between) make it a threshold, not a reading (体温超过
 * 37.3℃的请报告, 不到37); further left they say nothing about it (闻不到味道了 36.9).
 */
export const COMPARATIVES = [
  '超过',
  '高于',
  '低于',
  '大于',
  '小于',
  '不超过',
  '不到',
  // (我37.2还没到37.3吧: the bound not reached yet)
  '没到',
  '没有到',
  '莫得到',
  '≥',
  '≤',
  '>',
  '<',
  '以上',
];
/** 达到 before a number is a reading (体温达到38.5) unless a rule follows (达到37.3℃的请立即报告). */
export const REACHED = '达到';
export const RULE_AFTER_RE = /^\s*(?:摄氏度|℃|°C|度)?\s*(?:及以上|或以上|以上|的|就|要|需|须|请|者|时)/;
/** Units that, right after the number, make it something other than a temperature. */
export const RIGHT_EXCLUDE = [
  ...[
    '岁',
    '楼',
    '层',
    '栋',
    '幢',
    '号',
    '日',
    '月',
    '年',
    '元',
    '块',
    '蚊',
    '角',
    '毛',
    '斤',
    '两',
    '公斤',
    '千克',
  ],
  ...['kg', 'KG', 'Kg', '克', 'g', '个', '次', '天', '分', '秒', '时', '小时', '人', '户', '家', '米', '%'],
  ...['℉', 'F', 'f', '华氏', '袋', '桶', '箱', '瓶', '包', '盒', '件', '份', '页', '万', '千', '百', '位'],
  ...['床', '间', '室', '房', '级', '路', '公里', '里', '条', '只', '辆', '周', '期', '折', '倍', '亩', 'cm'],
  ...['mm', '厘米', '毫米', 'ml', '毫升', '升', 'L', '码', '寸', '届', '班', '排', '本', '张', '支', '根'],
  ...[
    '片',
    '粒',
    '颗',
    '以上',
    '以下',
    '以内',
    '的请',
    '者',
    '度电',
    '点',
    '多',
    '组',
    '栋',
    '号楼',
    'w',
    'W',
  ],
];
/** Strong non-temperature units still recognised after a space ("36 岁"). */
export const RIGHT_EXCLUDE_SPACED = [
  '岁',
  '楼',
  '层',
  '元',
  '块',
  '蚊',
  '斤',
  '公斤',
  'kg',
  '%',
  '号',
  '人',
  '天',
];

/** Words right before a number that make it a measure of something else (洗澡水38度, 工资36.5). */
export const ADJACENT_EXCLUDE = [
  ...['水', '水温', '热水', '开水', '洗澡水', '泡脚', '洗澡', '工资', '距离', '价格', '单价', '总价', '合计'],
  ...['晾到', '凉到', '放凉到', '晾凉到', '烧到开水'],
  ...['房间', '屋里', '屋头', '室内', '屋子', '暖气', '空调', '外面', '气温'],
  ...[
    '共计',
    '花了',
    '买了',
    '用了',
    '付了',
    '收了',
    '长',
    '宽',
    '重',
    '考了',
    '分数',
    '股票',
    '涨了',
    '跌了',
    '水烧到',
    '烧水',
    '烧开',
  ],
];

/** After a temperature unit: 36度电 (kWh), 38度的热水. */
export const AFTER_UNIT_EXCLUDE = [
  ...['电', '的水', '的热水', '的开水', '的温水', '的凉水', '的洗澡水', '热水', '开水', '温水', '水'],
];

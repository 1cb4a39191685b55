// Goods the parser knows by name, by request category. Used to tell goods from other words, to split a name
// from a customer in a 接龙 line, and to pick a request's category. Kept as data so staff can extend it.
import type { RequestCategory } from '../records.js';
import { isDrugName } from './drugs.js';
import { isTaughtGoods, recordedName, taughtGoodsAt } from './vocabulary.js';

export const GOODS_BY_CATEGORY: Readonly<Record<RequestCategory, readonly string[]>> = {
  medical: [
    ...[
      '药',
      '药品',
      '药物',
      '感冒药',
      '退烧药',
      '止咳药',
      '止咳糖浆',
      '咳嗽药',
      '消炎药',
      '布洛芬',
      '芬必得',
    ],
    ...['对乙酰氨基酚', '扑热息痛', '连花清瘟', '莲花清瘟', '板蓝根', '感冒灵', '藿香正气水', '藿香正气液'],
    ...[
      '降压药',
      '降糖药',
      '胰岛素',
      '速效救心丸',
      '硝酸甘油',
      '阿莫西林',
      '头孢',
      '肠胃药',
      '止泻药',
      '胃药',
    ],
    ...['蒙脱石散', '眼药水', '创可贴', '碘伏', '碘酒', '棉签', '纱布', '绷带', '体温计', '温度计', '额温枪'],
    ...['水银温度计', '电子体温计', '血压计', '血糖仪', '试纸', '润喉片', '金嗓子', '喉片', '维生素', '维C'],
    ...[
      '钙片',
      '膏药',
      '云南白药',
      '风油精',
      '清凉油',
      '红花油',
      '退烧贴',
      '口服液',
      '冲剂',
      '药膏',
      '止痛药',
    ],
    ...['止痛片', '过敏药', '氯雷他定', '安眠药', '制氧机', '氧气', '氧气袋', '氧气瓶', '医用胶带', '雾化器'],
    ...['听诊器', '医用胶布', '退热贴', '感冒胶囊', '消炎片', '止咳片', '降压片', '降糖片', '二甲双胍'],
    ...[
      '阿司匹林',
      '维生素C',
      '安宫牛黄丸',
      '救心丸',
      '健胃消食片',
      '开塞露',
      '痔疮膏',
      '红霉素软膏',
      '皮炎平',
    ],
    ...[
      '创口贴',
      '止血贴',
      '酒精棉签',
      '碘伏棉签',
      '医用棉签',
      '体温枪',
      '血氧仪',
      '眼药',
      '滴眼液',
      '鼻炎药',
    ],
    ...['晕车药', '褪黑素', '口腔溃疡贴', '西瓜霜', '拐杖', '轮椅', '尿袋', '针头', '电子温度计'],
  ],
  protective: [
    ...['口罩', 'N95', 'N95口罩', 'KN95', '医用口罩', '外科口罩', '一次性口罩', '手套', '一次性手套'],
    ...['橡胶手套', '医用手套', '消毒液', '84消毒液', '84', '消毒水', '消毒片', '消毒湿巾', '消毒粉'],
    ...['酒精', '医用酒精', '酒精棉片', '酒精棉', '酒精喷雾', '消毒喷雾', '免洗洗手液', '洗手液', '垃圾袋'],
    ...['防护服', '护目镜', '面罩', '鞋套', '隔离衣', '防护面罩', '消毒酒精', '防护镜', '手消', '手消毒液'],
    ...['酒精棉球', '乳胶手套', 'PE手套', 'mask', 'masks', 'Mask'],
  ],
  daily: [
    ...[
      '纸',
      '被子',
      '棉被',
      '毯子',
      '毛毯',
      '枕头',
      '枕套',
      '床单',
      '被套',
      '褥子',
      '电热毯',
      '毛巾',
      '浴巾',
    ],
    ...[
      '牙刷',
      '牙膏',
      '纸巾',
      '抽纸',
      '卫生纸',
      '卷纸',
      '厕纸',
      '手纸',
      '湿巾',
      '湿纸巾',
      '充电器',
      '充电线',
    ],
    ...['数据线', '充电宝', '插线板', '插座', '热水', '开水', '饮用水', '矿泉水', '纯净水', '桶装水', '水'],
    ...['拖鞋', '衣架', '晾衣架', '洗发水', '洗发露', '沐浴露', '香皂', '肥皂', '洗衣粉', '洗衣液', '洗洁精'],
    ...['衣服', '袜子', '内裤', '内衣', '卫生巾', '尿不湿', '纸尿裤', '吹风机', '电吹风', '电池', '水壶'],
    ...['暖水瓶', '热水瓶', '开水瓶', '暖壶', '手电筒', '手电', '电筒'],
    ...['热水壶', '电水壶', '烧水壶', '杯子', '水杯', '暖宝宝', '热水袋', '梳子', '剃须刀', '刮胡刀'],
    ...['指甲刀', '拖把', '扫把', '垃圾桶', '脸盆', '洗脸盆', '盆', '蚊香', '台灯', '灯泡', '毛衣', '外套'],
    ...['棉袄', '棉衣', '护手霜', '面霜', '洗面奶', '漱口水', '保温杯', '饭盒', '碗', '筷子', '勺子', '纸杯'],
    ...['塑料袋', '雨伞', '针线', '剪刀', '胶带', '耳机', '网线', '床垫', '睡衣', '秋衣', '秋裤', '拖鞋'],
    ...['洗漱用品', '生活用品', '卫生用品', '衣物', '枕巾', '被褥', '暖手宝', '电热水壶', '手机充电器'],
    ...[
      '胶布',
      '假牙清洁片',
      '充电头',
      '指甲剪',
      '镜子',
      '姨妈巾',
      '奶瓶',
      '洗衣皂',
      '眼镜',
      '老花镜',
      '转换插头',
      '面巾纸',
      '抹布',
    ],
    ...['羽绒服', '帽子', '围巾', '雨衣', '透明胶', '胶水', '502胶水', '发圈', '皮筋', '润唇膏', '宝宝霜'],
    ...[
      '痱子粉',
      '5号电池',
      '7号电池',
      '五号电池',
      '七号电池',
      '充电器头',
      '晾衣绳',
      '衣夹',
      '夹子',
      '刷子',
      '马桶刷',
      '鞋刷',
    ],
  ],
  meal: [
    ...['饭', '米饭', '盒饭', '早餐', '早饭', '午饭', '午餐', '晚饭', '晚餐', '夜宵', '宵夜', '面条', '粥'],
    ...['稀饭', '馒头', '包子', '花卷', '鸡蛋', '牛奶', '奶粉', '豆浆', '水果', '苹果', '香蕉', '橙子'],
    ...['橘子', '梨', '零食', '方便面', '泡面', '饼干', '面包', '酸奶', '饮料', '果汁', '汤', '青菜', '蔬菜'],
    ...['咸菜', '榨菜', '老干妈', '辣椒酱', '蜂蜜', '茶叶', '咖啡', '可乐', '火腿肠', '鸡腿', '饺子'],
    ...['汤圆', '坚果', '瓜子', '花生', '巧克力', '糖果', '辣条', '儿童餐', '素食', '清真餐', '营养餐'],
    ...['米粉', '面', '菜', '午饭', '病号饭', '开水泡饭', '白粥', '小米粥', '鸡汤', '卤蛋', '八宝粥', '素菜'],
    ...['热汤', '白开水', '红糖水', '姜茶', '奶茶', '软面条', '烂面条'],
  ],
  leisure: [
    ...['书', '书籍', '小说', '杂志', '报纸', '跳绳', '象棋', '中国象棋', '围棋', '五子棋', '跳棋', '扑克'],
    ...['扑克牌', '棋', '乒乓球', '乒乓球拍', '羽毛球', '羽毛球拍', '篮球', '足球', '哑铃', '瑜伽垫', '玩具'],
    ...['积木', '拼图', '魔方', '画笔', '彩笔', '水彩笔', '画本', '画纸', '绘本', '作业本', '练习本', '本子'],
    ...['笔', '铅笔', '毽子', '呼啦圈', '飞镖', '毛线', '十字绣', '课本', '字帖', '弹力带', '体育用品'],
    ...[
      '健身器材',
      '游戏机',
      '报刊',
      '书本',
      '漫画',
      '故事书',
      '棋盘',
      '桌游',
      '纸牌',
      '数独',
      '橡皮',
      '笔记本',
    ],
    ...['练习册', '试卷', '卷子'],
  ],
  other: [
    // farming and village goods (代购春耕物资)
    ...['化肥', '肥料', '复合肥', '复合肥料', '尿素', '磷肥', '钾肥', '碳铵', '碳酸氢铵', '有机肥', '农家肥'],
    ...['种子', '谷种', '稻种', '玉米种', '玉米种子', '包谷种', '苞谷种', '菜种', '菜籽', '油菜籽', '土豆种'],
    ...['洋芋种', '红苕种', '红薯种', '秧苗', '菜苗', '地膜', '薄膜', '农膜', '农药', '除草剂', '杀虫剂'],
    ...['锄头', '镰刀', '喷雾器', '饲料', '猪饲料', '鸡饲料', '玉米', '包谷', '苞谷', '谷子', '大米', '米'],
    ...['面粉', '挂面', '菜籽油', '菜油', '清油', '食用油', '油', '色拉油', '猪油', '盐', '盐巴', '味精'],
    ...['鸡精', '花椒', '辣椒', '干辣椒', '腊肉', '猪肉', '肉', '白菜', '萝卜', '土豆', '洋芋', '红苕', '煤'],
    ...[
      '蜂窝煤',
      '煤气',
      '液化气',
      '烟',
      '香烟',
      '酒',
      '白酒',
      '啤酒',
      '蜡烛',
      '打火机',
      '火柴',
      '酱油',
      '醋',
    ],
    ...['白糖', '红糖', '糖', '茶', '鸡', '鸭', '鱼', '豆腐', '粉条', '水泥', '钉子', '铁丝', '编织袋'],
    ...['油菜', '种猪', '鸡苗', '鸭苗', '猪崽', '磷酸二铵', '二铵', '钾肥', '叶面肥', '生根粉', '营养土'],
    ...['育苗盘', '塑料薄膜', '尼龙绳', '水管', '电线', '胶鞋', '雨靴', '草帽', '背篓', '箩筐'],
    ...['敌敌畏', '吡虫啉', '草甘膦', '百草枯', '多菌灵', '白菜种', '萝卜种', '四季豆种', '豇豆种', '辣椒种'],
    ...['南瓜种', '黄瓜种', '西瓜种', '莴笋种', '猪仔', '花生油', '食盐', '冰糖', '陈醋', '豆瓣', '豆瓣酱'],
    ...['火锅底料', '八角', '桂皮', '蒜苗', '五花肉', '瘦肉', '卷烟', '叶子烟', '煤炭', '柴油', '汽油'],
    ...['塑料桶', '农具', '电饭锅', '电饭煲', '高压锅', '锅', '铲子', '猪苗', '鸡仔', '鸭仔'],
    ...['南瓜', '冬瓜', '黄瓜', '西红柿', '番茄', '茄子', '生姜', '姜', '葱', '蒜', '大蒜', '芹菜', '菠菜'],
    ...['莴笋', '豆芽', '香菇', '木耳', '粉丝', '排骨', '牛肉', '羊肉', '鸡肉', '香肠', '腊肠', '汤圆粉'],
    ...['米面油', '粮油', '梨子', '橘子', '柑橘', '脐橙', '猕猴桃'],
  ],
};

const CATEGORY_OF = new Map<string, RequestCategory>();
for (const [cat, words] of Object.entries(GOODS_BY_CATEGORY) as [RequestCategory, readonly string[]][]) {
  for (const w of words) if (!CATEGORY_OF.has(w)) CATEGORY_OF.set(w, cat);
}
// 苞谷种子 / 菜种子: seed written with its 子 is the same seed, as written
for (const [w, cat] of [...CATEGORY_OF]) if (w.endsWith('种') && w.length > 1) CATEGORY_OF.set(`${w}子`, cat);
// 白菜籽 / 萝卜种 / 辣椒种子: a vegetable's seed, as written
for (const v of [
  '白菜',
  '萝卜',
  '辣椒',
  '南瓜',
  '黄瓜',
  '西瓜',
  '四季豆',
  '豇豆',
  '莴笋',
  '茄子',
  '番茄',
  '西红柿',
]) {
  for (const s of ['籽', '种', '种子'])
    if (!CATEGORY_OF.has(`${v}${s}`)) CATEGORY_OF.set(`${v}${s}`, 'other');
}
for (const v of ['菠菜', '芹菜', '葱', '蒜', '油菜', '青菜', '香菜', '生菜']) {
  for (const s of ['籽', '种', '种子'])
    if (!CATEGORY_OF.has(`${v}${s}`)) CATEGORY_OF.set(`${v}${s}`, 'other');
}
// Food the village buys is 'meal' when a quarantined resident asks for it.
for (const w of ['大米', '米', '面粉', '挂面', '鸡蛋', '猪肉', '肉', '白菜', '萝卜', '土豆', '豆腐', '鱼']) {
  CATEGORY_OF.set(w, 'meal');
}

/** Known goods, longest first per first character, for greedy matching inside a run of text. */
const BY_FIRST = new Map<string, string[]>();
for (const w of CATEGORY_OF.keys()) {
  const f = w[0] as string;
  const list = BY_FIRST.get(f) ?? [];
  list.push(w);
  BY_FIRST.set(f, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

export function goodsAt(text: string, i: number): string | null {
  const taught = taughtGoodsAt(text, i);
  const list = BY_FIRST.get(text[i] ?? '');
  if (!list) return taught;
  for (const w of list) if (text.startsWith(w, i)) return taught && taught.length > w.length ? taught : w;
  return taught;
}

/** The known goods word that ends `name` (大包抽纸 → 抽纸), or null. */
export function goodsSuffix(name: string): string | null {
  for (let i = 0; i < name.length; i++) {
    const tail = name.slice(i);
    if (CATEGORY_OF.has(tail)) return tail;
  }
  return null;
}

/** Characters that end names of goods even when the whole name is unknown (布洛芬片, 花生油, 玉米苗). */
const GOODS_TAIL = new Set(
  '药片剂膏液水油肥种苗籽膜米面粉菜果奶蛋肉纸巾罩套器机线灯鞋帽衣被袋盐糖酱醋茶烟酒饭包锅铲勺秤凳椅伞'.split(
    '',
  ),
);

export function looksLikeGoods(name: string): boolean {
  if (isTaughtGoods(name)) return true;
  if (CATEGORY_OF.has(name) || goodsSuffix(name) !== null) return true;
  return GOODS_TAIL.has(name[name.length - 1] ?? '');
}

export function categoryOf(name: string): RequestCategory {
  const direct = CATEGORY_OF.get(name) ?? CATEGORY_OF.get(recordedName(name));
  if (direct) return direct;
  const tail = goodsSuffix(name);
  if (tail) return CATEGORY_OF.get(tail) ?? 'other';
  if (name.includes('药') || isDrugName(name)) return 'medical';
  if (name.includes('口罩') || name.includes('消毒')) return 'protective';
  return 'other';
}

export function isKnownGoods(name: string): boolean {
  return CATEGORY_OF.has(name) || isTaughtGoods(name);
}

const FRUITS = [
  '苹果',
  '香蕉',
  '橙子',
  '橘子',
  '梨',
  '梨子',
  '柑橘',
  '脐橙',
  '猕猴桃',
  '葡萄',
  '西瓜',
  '草莓',
  '柚子',
];
const FERTILISERS = [
  '复合肥',
  '尿素',
  '磷肥',
  '钾肥',
  '碳铵',
  '有机肥',
  '农家肥',
  '二铵',
  '磷酸二铵',
  '叶面肥',
];

/**
 * Is `name` a kind of the general word `general`? (化肥 ⊃ 复合肥, 种子 ⊃ 玉米种, 药 ⊃ 布洛芬, 水果 ⊃ 苹果.) Used so 要买化肥 两袋
 * 复合肥 orders the 复合肥 only.
 */
export function isKindOf(name: string, general: string): boolean {
  if (name === general) return false;
  if (general === '化肥' || general === '肥料') return FERTILISERS.includes(name) || name.endsWith('肥');
  if (general === '种子' || general === '菜种' || general === '菜籽' || general === '菜种子')
    return /(?:种|种子|籽)$/.test(name);
  if (general === '药') return categoryOf(name) === 'medical';
  if (general === '水果') return FRUITS.includes(name);
  if (general === '农药') return /剂$|杀虫|除草|杀菌|除虫|敌敌畏|百草枯|草甘膦/.test(name);
  // 降压药 卡托普利: a medicine named by its proper name is a kind of the medicine named by its use
  if (general.endsWith('药') && general.length > 1) return isDrugName(name);
  return false;
}

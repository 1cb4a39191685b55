// Meals in residents' requests (data and patterns, no logic): the meals by name, the wishes about them, what one
// does not eat, and chasing a meal that has not come. requests.ts reads them.

/** A meal by its name: changing it (晚饭…帮我换一下) asks for no goods of that name. */
export const MEAL_NAMES = new Set(['早饭', '午饭', '晚饭', '早餐', '午餐', '晚餐', '饭菜', '饭']);
/** 晚饭如果有虾的话帮我换一下: the meal itself to be changed. */
// (汤圆莫给他 换个别的嘛 / 不能吃汤圆 给他换成水饺: a dish not to be given, changed for another)
export const MEAL_CHANGE_RE =
  /(?:早饭|午饭|晚饭|早餐|午餐|晚餐|饭菜)[^，,。]{0,14}?换(?:一下|掉|个)|(?:莫|不要|嫑|别)给[^，,。]{0,6}?[\s,，]*换(?:个|一个|点)别的|不能吃[\u4e00-\u9fa5]{1,4}[\s,，]*(?:给[^，,。]{0,3})?换成/;
const MEAL_WISHES_RE =
  /吃长素|(?:莫|别|不能)放(?:肉|荤)|(?:不要|不加|别加|不吃)(?:鸡蛋|蛋|肥肉|牛肉|羊肉|猪肉|肉|葱|蒜|姜|香菜|辣椒|花椒|海鲜|鱼|虾|牛奶|味精)|不吃辣|走辣|走葱|走青|吃不得辣|吃不了辣|不辣的|不放辣的|不能吃辣椒|不吃辣椒|不要辣|不要(?:那么|太|这么)辣|别(?:那么|太)辣|不要送辣|别送辣|不能吃辣|别放辣|莫放辣|少放辣|不放辣|少辣|微辣|(?<!很|挺|蛮|真|比较)清淡|素食|吃素|要素的|素的|素菜|软和|软乎|软烂|煮软|煮烂|做烂|做软|不吃肉|不吃猪肉|不能有猪肉|不能放猪肉|不能有(?:辣椒|肉)|是回民|清真|忌口|加饭|加个菜|加菜|饭不够|不够吃|吃不饱|多打点饭|孩子的饭|小孩的饭|儿童餐|软一点|软一些|(?:煮|做|蒸)得(?:软|烂)|软烂|流食|少油|少盐|不要葱|不吃葱|不要香菜|不吃香菜|不吃蒜|无糖|糖尿病餐|不要甜|不吃甜|少盛|少打点饭|少打点(?=$|[\s,，。!！吧])|换个菜|(?:不要|少|别|不|多|莫|嫑)放(?:点|些|眼|太多|一点)?(?:[辣盐糖醋酱油葱蒜姜肉虾鱼蛋]|鸡蛋|味精|鸡精|香菜|海鲜|花生)|(?:不要|别|不)放(?=$|[\s,，。!！?？吧了])|少点糖|少点盐|少点(?:米饭|饭)|多点(?:蔬菜|菜)|饭菜?太少|菜太少|饭少了|少送|漏送|只送了一份|没送饭|饭没送|饭还没送|(?:饭|餐)[^。!！]{0,12}(?:咋个?|怎么|为啥)还没(?:有)?送|太咸|太淡|太辣|太油|太硬|不新鲜|饭菜?(?:是|有点|有些|太|都)?凉|热一点|热乎一点|(?:能|可以|请)淡一?点|想吃[^\s，,。]{1,4}[\s,，]*(?:可以|行|能)[吗不么]/;
/** A wish about meals, or a meal to be changed: a meal request with or without goods. */
export const MEAL_RE = new RegExp(`${MEAL_CHANGE_RE.source}|${MEAL_WISHES_RE.source}`);
/** 一份素的 / 软和的饭: a diet, which the meal wish says, no goods. */
export const DIET_WORDS = new Set(['素', '素的', '软', '软和的饭', '软的', '清淡的', '软和', '烂的']);
export const PLAIN_MEALS = new Set([
  '饭',
  '午饭',
  '晚饭',
  '早饭',
  '中饭',
  '盒饭',
  '饭菜',
  '早餐',
  '午餐',
  '晚餐',
]);
export const MEAL_CHASE_RE = /还没(?:有)?送|没送来|还没到|还没来|漏送|没送/;
export const MEAL_UNITS = new Set(['份', '碗', '盒', '盘', '顿']);
export const MEAL_WISH_RE =
  /吃长素|(?:莫|别|不能)放(?:肉|荤)|不放[葱姜蒜辣香]|不要辣|不放辣|不吃辣|别放辣|少放|不要放|软和|软乎|软一点|煮软|(?:煮|做|蒸)得(?:软|烂)|(?<!很|挺|蛮|真|比较)清淡|热一下|热一热|热热|冷了|凉了|做点|做些|换成|牙口|素的|吃素|清真|加(?:个|点|份|一份)?饭|饭不够/;

/** What a resident does not eat: no goods asked for. */
export const DISLIKED = new Set([
  '辣椒',
  '花椒',
  '葱',
  '蒜',
  '香菜',
  '姜',
  '肥肉',
  '海椒',
  '牛肉',
  '羊肉',
  '猪肉',
  '海鲜',
  '鱼',
  '虾',
]);
/** 午饭咋还没送: a meal chased is a meal request of its own. */
export const MEAL_CHASED_RE = /(?:饭|餐)[^，,。!！\s]{0,8}(?:咋个?|怎么|为啥)?还没(?:有)?送/;

/** Dishes asked for by name in the regions' own words (goods-words.ts lists them with the meals). */
export const REGIONAL_DISHES: readonly string[] = [
  // (the north-west's noodles and breads; a birthday's noodles)
  ...['油泼面', '臊子面', '刀削面', '凉皮', '肉夹馍', '泡馍', '长寿面'],
  // (Korean-Chinese meals)
  ...['泡菜', '拌饭', '石锅拌饭', '辣白菜', '打糕', '冷面'],
  ...['阳春面', '坨坨肉', '手把肉', '面线', '螺蛳粉', '糊涂面'],
];

/** 明天想吃面条 可以吗 / 想吃碗剔尖: the dish wished for. */
const DISH_WISHED_RE = /想吃(?:一?([碗份盘])\s*)?([^\s，,。吗不可以能的]{1,4}?)(?=[\s,，]*(?:可以|行|能|吗))/;
/** Every meal word, in turn (the first may be the cause of a complaint). */
export const MEAL_G_RE = new RegExp(MEAL_RE.source, 'g');
/** 晚饭软和多了 / 面条软和 好吃: the meal praised. */
export const MEAL_PRAISED_RE = /^[^，,。]{0,3}(?:多了|很好|好吃|不错|正好|刚好|合适)/;

/** The dish wished for (明天想吃面条 可以吗 → 面条; 想吃碗剔尖 → 剔尖 1 碗), as the request's one item; none else. */
export function dishWished(text: string): { name: string; qty: number | null; unit: string | null }[] {
  const dish = DISH_WISHED_RE.exec(text);
  return dish?.[2] ? [{ name: dish[2], qty: dish[1] ? 1 : null, unit: dish[1] ?? null }] : [];
}

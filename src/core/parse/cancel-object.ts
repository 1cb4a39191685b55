// The goods a withdrawal names (体温计找到了 / 化肥和尿素都不要了), read from its object: the words before it, with who
// brought the goods, where they were found and the measure before them taken off. Data and reader for cancel.ts.
import { goodsAt, isKnownGoods, looksLikeGoods } from './item-lexicon.js';
import { pairCut } from './items-tidy.js';
import { readNameBackward, stopAt } from './names.js';
import { geoNames } from './places-geo.js';
import { findQuantities } from './quantities.js';

const GENERIC = new Set([
  ...[
    '订单',
    '单子',
    '东西',
    '那个',
    '这个',
    '这单',
    '那单',
    '这些',
    '那些',
    '全部',
    '所有',
    '都',
    '的',
    '单',
  ],
  ...['那行', '我那行', '这行', '那条', '我那条', '一行', '那一行'],
  ...['之前的', '刚才的', '我的', '订的', '报的', '要的', '买的', '我', '那', '这', '预订', '预约', '订'],
]);

/** 那桶水 / 这袋化肥: after 那/这 the measure word is not part of the name. */
const LEAD_RE =
  /^(?:就是|然后|还有|这两天|这几天|今天|明天|后天|(?:那|这)(?:桶|袋|包|箱|瓶|个|盒|件|份|单|批)(?=[\u4e00-\u9fa5])|我的|我家的|我家|我们|我|刚才|刚刚|之前|前面|上次|上回|前天|昨天|早上|那个|这个|那|这|把|的|报的|订的|要的|买的|定的|说的)+/;

const NAME_ONLY_RE = /^[\u4e00-\u9fa5]{2,5}$/;
/** Words that name a person or say how something is (周医生, 咁贵), not goods. */
const NOT_GOODS_RE = /医生|大夫|护士|师傅|老师|书记|主任|干部|[贵好多少大小]$|^[咁好太很真]/;
const FOUND_IN_RE = /^[\u4e00-\u9fa5]{1,4}(?:里面|里头|里|底下|下面|上面|上)$/;

/**
 * The goods named in a cancellation's object; `other` tells that it also held words that are neither goods
 * nor an order (烧退了: the fever went down, nothing is withdrawn).
 */
export function readObject(object: string, loose = false): { names: string[]; other: boolean } {
  const names: string[] = [];
  let other = false;
  let rest = object.trim();
  for (const q of findQuantities(rest).reverse()) rest = rest.slice(0, q.start) + rest.slice(q.end);
  const pieces = rest.split(/和|、|跟|及|与|,|，|还有|以及|\s+/);
  // (only an object of one word may be goods the lexicon does not know: 刘满囤 布洛芬不要了 names a person first)
  if (pieces.length > 1) loose = false;
  for (const piece of pieces) {
    const p = piece
      .replace(LEAD_RE, '')
      // 西屯那桶水: whose (or where) the goods went before 那桶 is no part of their name
      .replace(/^[\u4e00-\u9fa5]{1,4}?(?:那|这)(?:桶|袋|包|箱|瓶|盒|件|壶|罐)(?=[\u4e00-\u9fa5])/, '')
      // 刚才说要酒精的: what was asked for, said as such
      .replace(/^(?:说|讲)?(?:要|买|订|带)(?=[\u4e00-\u9fa5]{2})(.*)的$/, '$1')
      .replace(/^(?:送|买|订)(?=水$)/, '')
      // 送水那单取消: the order of water
      .replace(/^(?:送|订)?(水)(?:的|那|这)?单$/, '$1')

      .replace(
        /(?:够了|够用了|有了|(?:找|借|买|翻|寻|搵)(?:到|着|返)(?:[\u4e00-\u9fa5]{1,3}的)?了|还有)$/,
        '',
      )
      // 水的事搞定了: the matter of the goods is the goods
      .replace(/的事(?:情)?(?:搞定了|解决了|好了)?$/, '')
      // 尿不湿家里人送来了: who brought it, and that it came, are no part of the goods
      .replace(
        /(?:家里人|家人|家里|屋里人|屋头人|朋友|亲戚|邻居|我[\u4e00-\u9fa5]{1,2})?(?:已经)?(?:送来了|拿来了|带来了|送到了|送过来了|拿过来了|带过来了)$/,
        '',
      )
      // 帮岩脚的周大爷把化肥取消了 / 李大爷说他家化肥够了: the goods come after 把, 说 and whose they are
      .replace(/^.*(?:把|说)(?:他家|她家|我家|他的|她的)?/, '')
      // 我是后峁的刘长贵我那两袋尿素: the goods come after the sender's 我那 / 我的
      .replace(/^.+?我(?:那|的|家的)(?:条|行|单)?/, '')
      // 菜油他崽从县里带回来了 / 退烧药村医带了: who brought it, from where, is no part of the goods
      .replace(
        /(?:那个|这个)?(?:[他她][\u4e00-\u9fa5]{0,2}|我自己|自己|家里人|村医|医生|儿子|女儿|孙子|孙女)?(?:从[\u4e00-\u9fa5]{1,4}|去[\u4e00-\u9fa5]{1,4})?(?:已经)?(?:带|拿|买|送)(?:回)?来?了$/,
        '',
      )
      // 体温计在床底下找到了: where it was found is no part of the goods
      .replace(/在[\u4e00-\u9fa5]{1,6}$/, '')
      .replace(/(?:找|借|买|翻|寻|搵)(?:到|着|返)了$/, '')
      // 充电器隔离老表借了给我: lent by a neighbour
      .replace(/[\u4e00-\u9fa5]{0,6}借(?:了)?给(?:我|俺)$/, '')
      .replace(
        /(?:我们|我自己|自己|已经|我|俺|咱|都|也|就|先|暂时|全部|所有|全都|全|那个|这个|(?:那|这)(?:袋|桶|包|箱|瓶|盒|件|壶|罐)?)+$/,
        '',
      );
    if (p.length === 0 || GENERIC.has(p)) continue;
    // 接龙里第3个何秀珍的复合肥取消: whose goods they were is no part of their name
    const owned = p.lastIndexOf('的');
    if (owned > 0 && owned < p.length - 1 && looksLikeGoods(p.slice(owned + 1))) {
      names.push(p.slice(owned + 1));
      continue;
    }
    // 消毒液柜子里找到了: the goods, then where they were found
    const lead = goodsAt(p, 0);
    if (lead && lead.length < p.length && FOUND_IN_RE.test(p.slice(lead.length))) {
      names.push(lead);
      continue;
    }
    const span = readNameBackward(p, p.length);
    // 不好意思 菜籽油不要了 / 烧退了 / 我买错了: only goods are withdrawn, other words are talk around it
    if (span && !GENERIC.has(span.name) && span.name.length <= 8 && looksLikeGoods(span.name)) {
      // 口罩酒精不消送了: two goods run together are two withdrawn
      const cut = isKnownGoods(span.name) ? 0 : pairCut(span.name);
      if (cut > 0) names.push(span.name.slice(0, cut), span.name.slice(cut));
      else names.push(span.name);
    } else if (
      loose &&
      span?.name === p &&
      NAME_ONLY_RE.test(p) &&
      !NOT_GOODS_RE.test(p) &&
      geoNames(p).length === 0 &&
      ![...p].some((_, i) => stopAt(p, i) > 0)
    )
      // 三九胃泰不要了 / 红景天不用买了: one word alone before a withdrawal of goods is the goods, known or not
      names.push(p);
    else if (span && !GENERIC.has(span.name)) other = true;
  }
  return { names, other };
}

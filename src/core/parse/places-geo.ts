// Hamlet and landmark names found by their geographic ending (石门坎, 下院子, 老屋基, 黄泥坡, 李家湾), the one
// pattern of places.ts that every message with such a character is scanned with.
import { matchesOf } from './chars.js';
import { SURNAMES } from './name-words.js';

/**
 * Endings of hamlet and landmark names in the hills (石门坎, 下院子, 老屋基, 黄泥坡, 李家湾): a place is often a
 * hamlet's name with no 组 or 村 in it (CONTRACT.md section 2).
 */
const GEO_ENDING =
  '(?:[岩沟河溪坝湾塆坳垭]口|院子|屋基|(?<=[\\u4e00-\\u9fa5])老屋|(?<=[^我你他她家们屋爸妈婆公爷奶娘叔姨舅伯哥姐弟妹儿女孙汉了回在到问])屋头|垭口|梁子|坝子|坪子|湾|塆|坝|沟|坎|坪|岩|垭|梁|嘴|咀|岭|塝|坡|坳|岗|寨|堡|垴|槽|塘|堰|桥|溪|庄|凼|冲|岩脚|坡脚|箐|凹|墩|埂|峁|塬|洼|岔|屯|峪|窑|滩|(?<=[\\u4e00-\\u9fa5]{2})[田林洞井]|(?<=[\\u4e00-\\u9fa5])[枧畔]|(?<=[\\u4e00-\\u9fa5])石包|(?<=[\\u4e00-\\u9fa5])屋场|(?<=[\\u4e00-\\u9fa5]{2})坑|(?<=[\\u4e00-\\u9fa5])[垌峒]|(?<=[\\u4e00-\\u9fa5])(?<![上逛大赶满沿临当过克去到])街|胡同|作业所|作业区|嘎查|圪旦|(?<=[\\u4e00-\\u9fa5])(?:营子|窑子)|场部(?:食堂)?|(?<=[羊马牛猪鸡鸭茶果林煤])场|(?<=[\\u4e00-\\u9fa5]{2})庙|(?<=[\\u4e00-\\u9fa5])[畈垅垄陂岃]|(?<=[\\u4e00-\\u9fa5])(?<![后脊手腰脚刀椅一二两三四五六七八九十\\d几半])背|(?<=[\\u4e00-\\u9fa5])(?<![周包范外氛突])围(?:屋)?|(?<=[\\u4e00-\\u9fa5]{2})(?<![电视窗灶柜平舞讲前阳站])台|(?<=[\\u4e00-\\u9fa5]{2})(?<![安并])排|岭脚|(?<=[\\u4e00-\\u9fa5]{2})村民组|(?<![\\u4e00-\\u9fa5])[东西南北](?=头))(?:村民小组|村民组|顶上|顶|底|上|下|里|边|头)?';
/** A name ending so, standing alone between spaces or punctuation, or after 到/在/送 (the 到 left out). */
const GEO_RE = new RegExp(
  `(?:^|(?<=[\\s,，。;；!！?？|:：、(]|到|在|送|是|住|们|给|屋头|家里|[斤袋桶箱瓶包个盒件]))([\\u4e00-\\u9fa5]{0,4}${GEO_ENDING}(?:[老小]?[\\u4e00-\\u9fa5]{1,2}?家|(?<=(?:送到|送至|送去|送)[\\u4e00-\\u9fa5]{1,5})[\\u4e00-\\u9fa5]{3}家|[\\u4e00-\\u9fa5]{3}家(?=$|[\\s,，。!！]))?)(?=$|[\\s,，。;；!！|?？()]|即可|就行|就好|就可以|缺水|缺|没(?:得|有)?水|水(?:不够|没了|吃完)|这(?:两|几)天|这(?:两|几)户|又(?=没|缺|断|停)|最近|停水|断水|水窖|水池|水缸|水井|谢谢|哈|吧|嘛|哦|啊|撒|噻|咯|哟|呀|嘞|吗|去|住|等|养猪场|养鸡场|猪场|鸡场|小学|卫生室|小卖部|片区|那|这边|这里|那边|不(?=$|[\\s,，。?？])|中不中|行不|[:：]|送|拉(?=[\\d一二两三四五六七八九十])|帮我|帮忙|再|还要|还|也要|要(?=[\\d一二两三四五六七八九十半]|点|些|[\\u4e00-\\u9fa5]{1,4}[\\d一二两三四五六七八九十半])|[\\d一二两三四五六七八九十]{1,2}户|(?:大后天|后天|明天|今天|今晚|明早)(?=[\\d一二两三四五六七八九十]|送)|(?:周末|周[一二三四五六日天]|礼拜[一二三四五六日天]?|星期[一二三四五六日天])(?=的水|送|要)|的(?=$|[\\s,，。!！|])|(?:\\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)|[\\d一二两三四五六七八九十]{1,3}\\s*(?:桶|袋|包|斤|瓶|箱|壶)|的[\\u4e00-\\u9fa5]|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}(?:$|[\\s,，。:：]|带|买|代|要|订|送|家|的)|老[${SURNAMES}](?:$|[\\s,，。])|我(?:是|家))`,
  'g',
);

/**
 * Gate for GEO_RE: every ending in GEO_ENDING holds one of these characters or words. (包, 组, 头, 所, 部, 查 and 胡
 * alone — units, groups, 头疼, 所以 — are common; the endings hold them only in 石包, 村民组, 屋头 or 东头, 作业所,
 * 场部, 嘎查 and 胡同.) A message without one cannot hold a name GEO_RE reads.
 */
const GEO_HINT_RE =
  /[院屋垭梁坝坪湾塆沟坎岩嘴咀岭塝坡坳岗寨堡垴槽塘堰桥溪庄凼冲脚河田林箐凹墩埂峁塬洼岔屯峪窑滩洞井枧畔场坑垌峒街旦营庙畈垅垄陂岃背围台排]|石包|村民组|[东西南北]头|作业[所区]|嘎查|胡同/;

/** GEO_RE's matches in `text` (none when the gate shows it can hold none). */
export function geoNames(text: string): RegExpExecArray[] {
  return GEO_HINT_RE.test(text) ? matchesOf(GEO_RE, text) : [];
}

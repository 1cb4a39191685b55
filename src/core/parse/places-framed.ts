// Places named by their frame rather than their ending: after a bare 送 or 到 (送两桶水到白果树, 送新房子), where
// someone lives (她住白果树, 我娘一个人在老屋基住), or a name standing alone at the end of an order (…两桶水 桂花树,
// asked about). Counted goods, verbs, talk (看情况, 同上) and persons are no place.

import { matchesOf } from './chars.js';
import { isKnownGoods, looksLikeGoods } from './item-lexicon.js';
import { SURNAMES } from './name-words.js';
import type { PlaceHit } from './places.js';

/** 送新房子 / 两桶水到白果树 / 到坪上不: a name after a bare 送 or 到 (opening a clause, or after the goods). */
const FRAMED_RE =
  /(?:(?<=^|[\s,，。;；])(?:送到?|到)|(?<=[桶袋包斤瓶箱壶水油盐米肥])(?:送)?到)([\u4e00-\u9fa5]{2,4}?)(?=$|[\s,，。;；!！?？]|不(?=$|[\s,，。?？])|吗|嘛|哈|吧|谢谢)/g;
/** The last word of the message, standing alone after a space or a comma. */
const TRAILING_RE = /(?:^|[\s,，。;；)）])([\u4e00-\u9fa5]{2,6})[\s。.!！]*$/;
const FULL_NAME_TAIL_RE = new RegExp(
  `(?<=[庙口沟湾塆坝坪坎岩垭梁岭坡坳寨堡塘桥溪庄冲墩峁塬洼岔屯滩坑垌峒场街头边源坞弄])[${SURNAMES}](?:(?![了得的家吗呢吧啊哦嘛来去要也])[\u4e00-\u9fa5]){2}$`,
);
/** Words that end a message and are no place: thanks, urgency, fillers, days. */
const TRAILING_NOT_PLACE_RE =
  /^阿[\u4e00-\u9fa5]$|谢|麻烦|辛苦|感谢|多谢|急|快|尽快|马上|要得|好的|可以|行|够了|就行|不|抱歉|没有|莫得|没$|冇$|了$|吗$|呢$|吧$|啊$|哦$|嘛$|天|晚|早|午|上午|下午|周|礼拜|星期|号$|月|今|明|后|时候|等|先|再说|都在|一起|我|你|他|她|家$|屋|里$|人$|钱|块|元|多少|好多|几/;
/** Where goods are bought or people go, and words no place is named by. */
const NOT_DELIVERY_RE =
  /^(?:各组|各家|各户|各村|镇上|镇里|城里|县城|街上|医院|药店|药房|超市|集上|场上|赶场|门口|家里|屋头|屋里|这里|那里|这边|那边|时候|哪里|哪儿|现在|明天|后天|今天|今晚|明早|下午|上午|晚上|中午|早上|了|位|手|货|家)/;

const PERSON_NAME_RE = new RegExp(
  `^[${SURNAMES}](?:婆婆|爷爷|奶奶|大爷|大娘|嬢嬢|阿姨|叔|伯|哥|姐|老汉|[\\u4e00-\\u9fa5]{1,2})$`,
);

const ZHUANG_RE = /^[那六板弄百][^\d一二两三四五六七八九十个些样种里边面时么天]$/;

/** `sentTo`: the name comes after 到 (送三桶水到大石包), so a goods-like ending (包) does not make it goods. */
function placeLike(name: string, sentTo = false): boolean {
  if (NOT_DELIVERY_RE.test(name) || isKnownGoods(name) || (!sentTo && looksLikeGoods(name))) return false;
  // 送那桑 / 送六蒙: the Zhuang hamlets of Guangxi are named by a first syllable (那 field, 六, 板, 弄, 百)
  if (sentTo && ZHUANG_RE.test(name)) return true;
  if (
    /^[\d一二两三四五六七八九十几半这那哪每各我你他她们点些水米油盐肉面菜药烟酒糖蛋要买还也就都壶桶袋包瓶箱个盒斤]/.test(
      name,
    )
  )
    return false;
  // 菜油一桶 / 要两个 / 老人喝: counted goods, verbs and talk are no place
  if (
    /[\d一二两三四五六七八九十几半壹贰叁肆伍][桶袋包斤瓶箱壶个棵把块板件盒提条双支根卷本套副张罐份碗只对节片粒]|[要买喝吃用送拿带]|上来|下来|地方|板扎|看|情况|同上|一样|随便|都行|不急|再说/.test(
      name,
    )
  )
    return false;
  if (/[了吗呢的时候得着过]/.test(name)) return false;
  // 王婆婆 / 张德明: a person is the customer, not the place
  // (王楼, 李营, 张集, 刘庄: the plain's hamlets are named by a family and end so)
  // (两桶水到石门: two characters sent to after the goods are a hamlet, not a surname and a given name)
  if (
    PERSON_NAME_RE.test(name) &&
    !/[树屋房洞口桥井池田楼营集庄圩寨]$/.test(name) &&
    !(sentTo && name.length === 2)
  )
    return false;
  return true;
}

const LIVES_AT_RE =
  /(?:住在|家在|我在|(?<=[她他我俺])住)([\u4e00-\u9fa5]{2,5}?)(?:那里|那儿|那边|那块|这边|(?=$|[\s,，。!！]))|(?<=[她他娘妈爸爹人])在([\u4e00-\u9fa5]{2,5}?)住/g;

/** Adds to `hits` the places read from their frame (a 送/到 before them, or where someone lives). */
export function framedPlaces(text: string, hits: PlaceHit[]): void {
  // 送两桶水到白果树 / 送新房子 / 到桂花树: a name after a bare 送 or 到 that can only be a place
  if (text.includes('到') || text.includes('送')) {
    for (const m of matchesOf(FRAMED_RE, text)) {
      const name = m[1] as string;
      const start = m.index + m[0].length - name.length;
      const sentTo = /[到送]$/.test(m[0].slice(0, m[0].length - name.length));
      if (hits.some((h) => start < h.end && start + name.length > h.start) || !placeLike(name, sentTo))
        continue;
      hits.push({ start, end: start + name.length, place: name, sent: true });
    }
  }
  // 我住在大石板那里: where the sender lives is where goods go
  if (text.includes('在') || text.includes('住')) {
    for (const m of matchesOf(LIVES_AT_RE, text)) {
      const name = (m[1] ?? m[2]) as string;
      const start = m.index + m[0].indexOf(name);
      // 我娘一个人在老屋基住: the hamlet read by its ending is where she lives, so where the goods go
      const named = hits.find((h) => start < h.end && start + name.length > h.start);
      if (named && m[2] !== undefined) named.sent = true;
      if (named || isKnownGoods(name)) continue;
      // 她住在青杠林 (the message ends there): a name nothing else marks as a place is asked about
      const marked = /那里|那儿|那边|那块|这边$/.test(m[0]);
      hits.push({ start, end: start + name.length, place: name, ...(marked ? {} : { byEnding: true }) });
    }
  }
}

/** 大后天下午 两桶水 桂花树: a name standing alone at the end, when nothing else is the place, is asked about. */
export function withTrailing(text: string, hits: PlaceHit[]): PlaceHit[] {
  if (hits.length > 0 || !/[桶袋包斤瓶箱壶个水]/.test(text)) return hits;
  const m = TRAILING_RE.exec(text);
  // (老庙张建国: the last word a hamlet then a villager's full name, the hamlet is the place)
  const said = m?.[1];
  const tail = said && said.length >= 4 ? FULL_NAME_TAIL_RE.exec(said) : null;
  const name = tail && tail.index >= 2 ? said?.slice(0, tail.index) : said;
  if (name && name.length > 4) return hits;
  if (!m || !name || !placeLike(name) || TRAILING_NOT_PLACE_RE.test(name)) return hits;
  const start = m.index + m[0].length - (said as string).length;
  return [{ start, end: start + name.length, place: name, byEnding: true }];
}

// The customer of a village order read with its places: a name right after the hamlet (石板沟王秀英), a name of any
// people between the hamlet and the goods (塔拉艾勒 那仁高娃 羊饲料15袋), a household or call-name standing last
// (…盐巴3包 曲比家, …羊药1瓶 阿果), else customerOf's reading when it is no place, else a name the group knows.
import type { Vocabulary } from '../records.js';
import { goodsAt, looksLikeGoods } from './item-lexicon.js';
import { KIN } from './kin-words.js';
import { SELF_NAME_END, SURNAMES } from './name-words.js';
import { customerOf, OFFICIAL_RE } from './orders.js';
import type { PlaceHit } from './places.js';

/** A word that may be a person's name: no goods, kin, official, verb, day or talk in it. */
function plainName(w: string): boolean {
  return (
    !looksLikeGoods(w) &&
    !goodsAt(w, 0) &&
    !/[一二两三四五六七八九十几半][把瓶棵捆包袋斤桶箱盒提板个]/.test(w) &&
    !KIN.includes(w) &&
    !OFFICIAL_RE.test(w) &&
    !/^(?:这|那个|那些|还有|还要|再要|也要|就是)|[要买带送拿捎订的了吗呢吧我你他她俺今明后天早晚号]|家$/.test(
      w,
    )
  );
}

const NAME_AFTER_PLACE_RE = new RegExp(
  `^\\s?的?(老[${SURNAMES}]|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}?|[\\u4e00-\\u9fa5]老[二三四五六七八九十幺])(?=$|[\\s,，。!！:：]|屋里|屋头|哈|我|要|买|你|帮|冇|没|讲|说|港|打电话|电话里|的?(?:儿子|女儿|孙子|孙女|外孙|媳妇|侄子|侄女))`,
);

/** A name closing the message after the place, on its own (…送后梁 乌云). */
const TAIL_NAME_RE = /^\s+([\u4e00-\u9fa5]{2,3})[\s。!！]*$/;
/** Words that close a message and name no one, or hold a character no name does (蟹蟹, 就这个, 伢发烧). */
const NOT_A_NAME_RE =
  /^(?:谢谢|谢了|多谢|麻烦|辛苦|要得|好的|可以|行不|中不|急|明天|后天|今天|上午|下午|晚上|早上|一起|就行|就好|都行|也行|都要|都是|尽快|快点|马上|那边|这边|门口|路口|家里|屋里|屋头|板扎)|[送要买带拿吧嘛哈啊呀哦的了呢吗么家]$|[我你他她额俺伢的了着过就都也不没很太蛮这那个么吗呢吧啊哦嗯咯哈呀啦嘛用会要送买带拿发烧病急谢蟹感姓]|[\d一二两三四五六七八九十]/;

/** The customer of an order: never the place (石门坎 is no 石 surname); a name the group knows counts too. */
export function customerBeside(
  text: string,
  places: readonly PlaceHit[],
  vocabulary?: Vocabulary,
): string | null {
  const who = customerRead(text, places, vocabulary);
  // (老孙家的老二: a household's son, said with its 的, is no name read whole)
  return who?.startsWith('的') ? null : who;
}

function customerRead(text: string, places: readonly PlaceHit[], vocabulary?: Vocabulary): string | null {
  // 石板沟王秀英 / 我是杨家坎的杨德贵: a full name right after the place is the customer
  // (我是陈厝陈阿公的孙女: the elder the grandchild orders for)
  for (const p of places) {
    const m = NAME_AFTER_PLACE_RE.exec(text.slice(p.end, p.end + 9));
    // (我是5组陈家的: a household, no one's name)
    // (垭口 周一送: a day and its sending are no 周 name)
    if (
      m?.[1] &&
      !looksLikeGoods(m[1]) &&
      !OFFICIAL_RE.test(m[1]) &&
      !/^(?:谢谢|谢了|麻烦|辛苦|多谢|马上)|家的?$|^周[一二三四五六日天末]|[送要买带拿]$|[我你]/.test(m[1])
    )
      return m[1];
  }
  // …送后梁 乌云 / …送也蒙寨 务榜: a name of any people closing the message, after the place it is sent to
  const closing = places[places.length - 1];
  if (closing) {
    const tail = TAIL_NAME_RE.exec(text.slice(closing.end));
    if (tail?.[1] && !looksLikeGoods(tail[1]) && !OFFICIAL_RE.test(tail[1]) && !NOT_A_NAME_RE.test(tail[1]))
      return tail[1];
  }
  // 塔拉艾勒 那仁高娃 羊饲料15袋: a name of any people standing between the hamlet opening the order and its goods
  const first = places[0];
  const between = first?.start === 0 ? /^\s+([\u4e00-\u9fa5]{2,4})\s+/.exec(text.slice(first.end)) : null;
  const who = between?.[1];
  if (who && first && goodsAt(text, first.end + (between?.[0].length ?? 0)) && plainName(who)) return who;
  // (姜一斤: goods of a surname's character with their count are no one's name)
  const read = customerOf(text);
  const c = read && !COUNTED_TAIL_RE.test(read) ? read : null;
  // (黄桷树 is a landmark, no 黄 surname; 三组老李家 holds its customer)
  const named = places.filter(
    (p) => p.known || p.byEnding !== undefined || (p.strict && !/[组社队]/.test(p.place)),
  );
  if (c && !named.some((p) => p.place.includes(c) || c.includes(p.place))) return c;
  const last = lastWho(text, places);
  if (last) return last;
  for (const n of vocabulary?.names ?? []) if (n.length >= 2 && text.includes(n)) return n;
  // 我是茶寮的林阿婆我孙子教我… / 我是后洋林建国 人在外地: the sender naming herself, after where she is from
  const own = SELF_NAMED_RE.exec(text)?.[1];
  // (我是孙娃子帮我婆婆打的字: a grandchild typing is kin, no name)
  return own && !looksLikeGoods(own) && !KIN.includes(own) ? own : null;
}

const COUNTED_TAIL_RE = /[一二两三四五六七八九十半\d][斤袋桶包瓶箱盒个件把条块壶提罐]$/;

const SELF_NAMED_RE = new RegExp(
  `我是(?:[\\u4e00-\\u9fa5]{1,4}?的?)?([${SURNAMES}](?:阿|老)?(?:(?![家的嘞了咧哦呢啊呀嘛])[\\u4e00-\\u9fa5]){1,2}?)(?=$|[\\s,，。!！]|我|你|要|买|帮|的(?:儿子|女儿|孙子|孙女|外孙|媳妇)|${SELF_NAME_END})`,
);

/** …盐巴3包 曲比家 / 日呷 扎西家 / 李家焉 王三虎家 / 甲拉沟 感冒药1盒 阿果: the household or call-name standing last. */
const LAST_WHO_RE = /(?:^|\s)([\u4e00-\u9fa5]{2,4}家|阿[\u4e00-\u9fa5])[\s。.!！]*$/;

function lastWho(text: string, places: readonly PlaceHit[]): string | null {
  const m = LAST_WHO_RE.exec(text);
  const w = m?.[1];
  if (!m || !w || places.some((p) => p.end > m.index + m[0].indexOf(w))) return null;
  if (w[0] === '阿') return KIN.includes(w) || /[婆公爸妈姨嫂哥姐叔伯嫫普达]$/.test(w) ? null : w;
  const name = w.slice(0, -1);
  if (/^[我俺咱你他她自]|[那这哪]|^(?:大家|各家|每家|全家|一家|两家|几家)$/.test(name)) return null;
  // (送东沟 老李家: a household called by its head's surname keeps its 家; 化肥两袋 老林家, with no other place, is
  // where: the place reader asks)
  if (/^老[\u4e00-\u9fa5]$/.test(name)) return places.length > 0 ? w : null;
  return name.length >= 2 && plainName(name) ? name : null;
}

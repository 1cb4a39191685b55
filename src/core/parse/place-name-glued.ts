// A hamlet's name glued to a villager's (石板房吴老三 烤烟膜要三卷, 河口刘娟屋里 面粉两袋, …菜籽油 冲里郑大哥): standing alone
// at the start or the end of a village order that names no place, a hamlet's word (two or three characters) followed
// by a full name (a surname and one or two more, 老三, a title, or a nickname 麻老四) is split off as the place where
// the goods go; the name after it is then read as the customer by customer-beside.ts. The place is new to the group,
// so the bot asks.
import { goodsAt, looksLikeGoods } from './item-lexicon.js';
import { ELDER_TITLES, KIN } from './kin-words.js';
import { SURNAMES } from './name-words.js';
import type { PlaceHit } from './places.js';

const TITLES = `(?:${ELDER_TITLES}|阿姨|大哥|大姐|大嫂|叔|婶|伯|哥|姐|嫂|老倌|老汉|老者)`;
const NAME_RE = new RegExp(
  `^(?:[${SURNAMES}](?:老[二三四五六七八九十幺大]|阿[\\u4e00-\\u9fa5]|${TITLES}|[\\u4e00-\\u9fa5]{1,2})|[\\u4e00-\\u9fa5]老[二三四五六七八九十幺])$`,
);
/** Chatter, verbs and particles, which no name holds. */
const NOT_NAME_RE = /[的了吗呢吧哈啊呀哦嘛要用写里得来去过就也都在有没莫讲说]/;
/** A glued word standing alone at the start (before a space, or the phone call it made) or the end (after one). */
const EDGE_RE =
  /^\s*([\u4e00-\u9fa5]{4,7})(?=[\s,，。:：]|要|买|订|再要|还要|打电话|电话里)|[\s,，。]([\u4e00-\u9fa5]{4,7})[\s。!！]*$/g;
const HOUSEHOLD_TAIL_RE = /(?:屋里|屋头|家里|家)$/;
/** No hamlet's word speaks, asks, names kin or an office, or counts. */
const NOT_PLACE_RE =
  /[我你他她俺额要买带送帮给请把的了吗呢吧哈啊呀哦嘛就再也还都在到加接没莫有用写得一二两三四五六七八九十几半]|屋头|谢谢|辛苦|收到|晓得|麻烦|隔壁|对门|楼上|楼下|邻居|书记|主任|村长|组长|队长|师傅|医生|老师|志愿/;

export function placeGluedToName(text: string): PlaceHit | null {
  for (const m of text.matchAll(EDGE_RE)) {
    const raw = m[1] ?? m[2];
    if (!raw) continue;
    const word = raw.replace(HOUSEHOLD_TAIL_RE, '');
    const at = (m.index ?? 0) + m[0].indexOf(raw);
    // 石板房吴老三: try the shorter place first only when the name left is a full one of three
    for (const k of word.length - 2 >= 3 ? [2, 3] : [2]) {
      const place = word.slice(0, k);
      const name = word.slice(k);
      if (name.length < 2 || name.length > 4 || !NAME_RE.test(name) || NOT_NAME_RE.test(name)) continue;
      if (NOT_PLACE_RE.test(place) || KIN.some((w) => place.includes(w))) continue;
      if (looksLikeGoods(place) || goodsAt(place, 0)) continue;
      return { start: at, end: at + k, place, strict: true, byEnding: true };
    }
  }
  return null;
}

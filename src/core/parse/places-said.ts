// The place named after a word that sends there (送到石门坎, 拉到5组, 送毛弄): a village group or landmark read
// whole, else the words up to where a place ends (谢谢, 就行, 要得, a stop word). places.ts finds the words that send.
import { isCjk } from './chars.js';
import { isKnownGoods } from './item-lexicon.js';
import { stopAt } from './names.js';
import type { PlaceHit } from './places.js';

/** Hamlet words of the Chongqing hills: 王家湾, 李家坝, 黄桷垭, 石板坡. */
const HAMLET =
  '(?:(?:岩脚|岩口|坡脚|湾|塆|坝|沟|院子|坪|岭|嘴|咀|梁|垭口?|坡|塝|坎|岩|寨|堡|坳|冲|屋基)(?:上|下|头|边)?)';
const GROUP = `第?(?:\\d{1,2}|[一二三四五六七八九十]{1,3})(?:村民小组|组|社|队)(?:(?![他她我你它俺佢]|有|[一二两三四五六七八九十几]家)[\\u4e00-\\u9fa5]{1,3}家${HAMLET}?|[\\u4e00-\\u9fa5]{0,2}${HAMLET}|村口|路口|桥头|公路边|大路边)?`;
const LANDMARK =
  '七星洞(?:村委会|村部|村)?|黄桷树|村委会?(?:门口)?|村部|村口|村小学|村小|村卫生室|村办公室|大队部|(?:(?![到送在去给住])[\\u4e00-\\u9fa5]){1,2}家院子';
export const LANDMARK_WHOLE_RE = new RegExp(`^(?:${LANDMARK})$`);
export const STRICT_RE = new RegExp(`(?<![\\d一二三四五六七八九十])(?:${GROUP})|${LANDMARK}`, 'g');
const PLACE_END = [
  '谢谢',
  '就行',
  '就好',
  '就可以',
  '即可',
  '好吗',
  '行吗',
  '可以吗',
  '一下',
  '麻烦',
  '辛苦',
  // 送大禾塘要得啵: the Xiang and south-west's "all right?" asks after the place
  '要得',
  '哈',
  '吧',
  // 送到上岙的水要两桶: what is sent there follows its 的
  '的水',
];

const STRICT_STICKY = new RegExp(`(?:${GROUP})|${LANDMARK}`, 'y');

export function readPlace(text: string, from: number): PlaceHit | null {
  let s = from;
  while (text[s] === ' ') s++;
  // 水送到了: arrived, no place
  // (水明天上午送得到不: whether it can be brought, no place 不)
  if ('了吗呢吧啊呀没哦哈嘛噻撒不'.includes(text[s] ?? '了')) return null;
  STRICT_STICKY.lastIndex = s;
  const strict = STRICT_STICKY.exec(text);
  if (strict) return { start: s, end: s + strict[0].length, place: strict[0], strict: true };
  let e = s;
  while (e < text.length && e - s < 12) {
    const ch = text[e] as string;
    if (!isCjk(ch) && !/[0-9A-Za-z#-]/.test(ch)) break;
    if (PLACE_END.some((w) => text.startsWith(w, e))) break;
    // 新屋头 / 老屋基: a hamlet named 屋头 after its word is the hamlet, not someone's home
    if (
      e > s &&
      /^屋(?:头|基)/.test(text.slice(e, e + 2)) &&
      !'我你他她家们'.includes(text[e - 1] as string)
    ) {
      e += 2;
      break;
    }
    // 送到岩上来哈: 上/下 after a hamlet's ending is its name (岩上), the 来 after it the way there
    if (
      e > s &&
      /[上下]/.test(ch) &&
      /[岩湾塆坝沟坎坪垭梁嘴坡院]/.test(text[e - 1] as string) &&
      /^[来去]/.test(text[e + 1] ?? '')
    ) {
      e++;
      break;
    }
    // 我家 keeps its 我; any other stop word (了, 吗, 去) ends the place (送到毛弄: a closing 弄 is the hamlet's)
    const last = ch === '弄' && !isCjk(text[e + 1]);
    // (送到团结组: a group named by a word, not a number, keeps its 组)
    const group = ch === '组' && e - s >= 2;
    if (e > s && isCjk(ch) && stopAt(text, e) > 0 && !'门口家'.includes(ch) && !last && !group) break;
    e++;
  }
  // 送到刘家峁村委会: the landmark in the hamlet named is where it goes
  const landmark = e > s ? /^(?:村委会|村部|村口|村小学|卫生室)/.exec(text.slice(e)) : null;
  if (landmark) e += landmark[0].length;
  const place = text.slice(s, e);
  // 送到直接放门口就行: how it is left, no place
  // (送到那里: there, said of a place named before, is no place's name)
  if (
    place.length === 0 ||
    isKnownGoods(place) ||
    /^\d{3,4}$/.test(place) ||
    /^(?:直接|就|放|各|[那这哪]$|哪)/.test(place) // (送到各组: to every group, no one place; 送到哪里: asked)
  )
    return null;
  return { start: s, end: e, place };
}

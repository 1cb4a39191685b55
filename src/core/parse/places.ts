// Delivery places: 送到三组, 放到村委会, 5组刘家, 到村口. Kept as written.
import { MAX_HITS, matchesOf } from './chars.js';
import { goodsAt, isKnownGoods } from './item-lexicon.js';
import { SURNAMES } from './name-words.js';
import { framedPlaces, withTrailing } from './places-framed.js';
import { fieldOrWood, nameAfterHamlet } from './places-free.js';
import { BARE_ENDING_RE, geoNames, NOT_PLACE } from './places-geo.js';
import { joinGroups, withTails } from './places-join.js';
import { LANDMARK_WHOLE_RE, readPlace, STRICT_RE } from './places-said.js';
import { knownPlaces } from './vocabulary.js';

export interface PlaceHit {
  start: number;
  end: number;
  place: string;
  /** A village group or landmark (三组, 村委会), not free text after 送到. */
  strict?: boolean;
  /** Known to the group (its vocabulary). */
  known?: boolean;
  /** Found by its geographic ending alone (石门坎, 下院子), standing with no 送到 or 组 around it. */
  byEnding?: boolean;
  /** Said as where to deliver (送到, 放到, 地址). */
  sent?: boolean;
}

/** Where to deliver: 送到她女儿家 四组 goes to 四组 — a group or landmark beats free text after 送到. */
export function bestPlace(places: readonly PlaceHit[]): string | null {
  return bestPlaceHit(places)?.place ?? null;
}

const HOME_RE = /^(?:我|你|他|她|俺|咱)|家里?$|屋头|屋里|这里|那里|这边|那边/;

/** 村委会 周三上午给俺们三道梁子送四桶水: the committee called at the start is whom the message is to. */
const ADDRESSEE_RE = /^(?:村委会?|村部|大队部|居委会)$/;

export function bestPlaceHit(all: readonly PlaceHit[]): PlaceHit | null {
  const first = all[0];
  const places =
    first && first.start === 0 && ADDRESSEE_RE.test(first.place) && all.some((p) => p !== first && p.strict)
      ? all.slice(1)
      : all;
  for (const p of places) if (p.known) return p;
  // 我是三组的张德富 … 送到白果湾来嘛: where the goods are sent outranks where the sender is from
  // (送到我家里来 / 送到她女儿家: a home is where the sender is from already)
  for (const p of places)
    if (p.sent && p.place.length >= 2 && (p.strict || !HOME_RE.test(p.place))) {
      // (竹篙排 复合肥两包 送到竹篙排大樟树下: the same hamlet said again with the spot in it is the nearer place)
      const nearer = places.find(
        (q) =>
          q !== p &&
          q.sent &&
          q.start > p.start &&
          q.place.length > p.place.length &&
          q.place.startsWith(p.place),
      );
      return nearer ?? p;
    }
  for (const p of places) if (p.strict) return p;
  return places[0] ?? null;
}

function endsWithGoods(name: string): boolean {
  for (let k = 1; k <= name.length - 2; k++) if (isKnownGoods(name.slice(k))) return true;
  return false;
}

const PLACE_LEAD = new Set('我你他她们在到去送要买的了把给帮和跟还再也都就是来拿带住代替'.split(''));

/** Places named by a geographic ending (石门坎, 下院子) or known to the group's vocabulary. */
export function findNamedPlaces(text: string, known: readonly string[] = knownPlaces()): PlaceHit[] {
  const hits: PlaceHit[] = [];
  for (const k of [...known].sort((a, b) => b.length - a.length)) {
    if (k.length < 2) continue;
    for (let i = text.indexOf(k); i >= 0 && hits.length < MAX_HITS; i = text.indexOf(k, i + k.length)) {
      if (hits.some((h) => i < h.end && i + k.length > h.start)) continue;
      hits.push({ start: i, end: i + k.length, place: k, strict: true, known: true });
    }
  }
  // (geoNames gates itself on its endings' characters: no second list to keep in step here)
  for (const m of geoNames(text)) {
    if (hits.length >= MAX_HITS) break;
    let name = m[1] as string;
    let start = m.index + m[0].length - name.length;
    // 送三桶水岩口: the water counted before the place is no part of it
    const water = name.length >= 3 && name.startsWith('水') && /[桶壶]$/.test(text.slice(0, start));
    if (water) [name, start] = [name.slice(1), start + 1];
    // 两桶水到王家湾 / 一包盐送到老屋基: the place starts after its 到
    const cut = Math.max(
      name.lastIndexOf('到'),
      name.lastIndexOf('在'),
      name.lastIndexOf('住'),
      name.lastIndexOf('送'),
      name.lastIndexOf('至'),
      // 往张家窝棚送两桶水: the place starts after its 往
      name.lastIndexOf('往'),
      // 麻烦给老屋基送两桶水: the place starts after its 给 (and after 地址)
      name.lastIndexOf('给'),
      name.lastIndexOf('址'),
      // 主任我后塬的: the place starts after the sender's 我
      name.lastIndexOf('我'),
      name.lastIndexOf('俺'),
      // 小萝啊干沟的水: the one called before the place
      name.lastIndexOf('啊'),
      // 送两桶水去石板沟: the place starts after its 去 (水去, 米去: goods sent there)
      /[水米油盐肥桶袋包]去/.test(name)
        ? name.lastIndexOf('去')
        : /[水桶袋包箱]来/.test(name)
          ? name.lastIndexOf('来')
          : -1,
    );
    if (cut >= 0) {
      name = name.slice(cut + 1);
      start += cut + 1;
    }
    // 刚才新屋湾的水报错了 / 嗯那个上寨: a time word or a filler said before the place is no part of it
    const leadWord = LEAD_WORDS_RE.exec(name);
    if (leadWord && name.length - leadWord[0].length >= 2) {
      name = name.slice(leadWord[0].length);
      start += leadWord[0].length;
    }
    if (name.length < 2) continue;
    // (也蒙寨 / 也报: a Miao hamlet's 也, opening its part of the message, is its name's, not "also")
    const miao =
      name[0] === '也' &&
      !/^也(?:是|要|送|在|到|给|有|没|不)/.test(name) &&
      (start === 0 || /[\s,，。:：、]/.test(text[start - 1] as string));
    while (!miao && name.length > 2 && PLACE_LEAD.has(name[0] as string)) {
      name = name.slice(1);
      start++;
    }
    // 水明天两桶风垭: the barrels before the hamlet are no part of its name
    const counted = /^[\d一二两三四五六七八九十]{1,3}(?:桶|袋|斤|包|瓶|箱|壶|个)/.exec(name);
    if (counted && name.length - counted[0].length >= 2) {
      name = name.slice(counted[0].length);
      start += counted[0].length;
    }
    // 送他屋头瓦窑坪: home (屋头, 家里) before the hamlet is where in it, not its name; 另外黄桷湾的…: nor is 另外
    const home = /^(?:屋头|家里|屋里|老家|另外|还有|然后|以及|那个|这个)/.exec(name);
    if (home && name.length - home[0].length >= 2) {
      name = name.slice(home[0].length);
      start += home[0].length;
    }
    // (再带一盒兽药石门坎: known goods glued before the hamlet are no part of its name)
    const lead = isKnownGoods(name) ? 0 : (goodsAt(name, 0)?.length ?? 0);
    if (lead >= 2 && name.length - lead >= 2) [name, start] = [name.slice(lead), start + lead];
    // 后峁高林: a hamlet then a villager's name (高林 ends in 林, which ends hamlets too) is the hamlet
    const named = nameAfterHamlet(name);
    if (named >= 2) name = name.slice(0, named);
    if ((PLACE_LEAD.has(name[0] as string) && !miao) || NOT_PLACE.has(name) || isKnownGoods(name)) continue;
    // 需要美林: a name ending in goods (美林, a medicine) is the goods asked for, no place
    if (endsWithGoods(name)) continue;
    // 我家稻田 / 那片竹林 / 马福林: a field, a wood or a name, no hamlet
    if (fieldOrWood(name)) continue;
    // 院子里的水管: an ending with no name before it is a common noun, no place
    if (BARE_ENDING_RE.test(name)) continue;
    const end = start + name.length;
    if (hits.some((h) => start < h.end && end > h.start)) continue;
    // 送两袋复合肥到黄泥坡: said with 到 / 在 the place is meant, no question needed
    // 给我们李家湾送, 我们大石坝这边, 住白岩, 送白果坪: a frame that can only hold a place
    // (石板沟 两桶水 明天: a hamlet opening the message is where the sender writes from, said as a place)
    const before = text[start - 1] ?? '';
    const said =
      start === 0 ||
      '到在住送至'.includes(before) ||
      (text[start - 1] === '们' && /^(?:送|这边|那边|这里|的)/.test(text.slice(end)));
    // (七星洞, the village itself, is no new hamlet)
    // (送岩口 / 到黄泥坡: where the goods are sent)
    const sent = start === 0 || '到送至'.includes(before) ? { sent: true } : {};
    hits.push({
      start,
      end,
      place: name,
      strict: true,
      byEnding: !said && !LANDMARK_WHOLE_RE.test(name),
      ...sent,
    });
  }
  // 弄汤 / 那劳水 / 板旺班阿婆: a Zhuang hamlet is named by what opens it (弄 a valley, 那 a field, 板 a village)
  if (/[弄那板岜陇]/.test(text))
    for (const m of matchesOf(PREFIXED_PLACE_RE, text)) {
      if (hits.length >= MAX_HITS) break;
      const name = m[1] as string;
      const start = m.index + m[0].length - name.length;
      if (hits.some((h) => start < h.end && start + 2 > h.start)) continue;
      const said = start === 0 || '到在住送至'.includes(text[start - 1] ?? '');
      hits.push({
        start,
        end: start + 2,
        place: name,
        strict: true,
        byEnding: !said,
        ...(said ? { sent: true } : {}),
      });
    }
  return hits.sort((a, b) => a.start - b.start);
}

/** 弄汤, 那劳, 板果 standing alone (or before 水 or a villager's name), no word of speech (那个, 弄好, 板子). */
const PREFIXED_PLACE_RE = new RegExp(
  `(?:^|[\\s,，。;；!！?？:：、]|送到?|到|在|是)((?:弄(?![好坏完到得了丢脏错来去清懂明出回成点些])|那(?![个边里些么样时天儿就种批次位件条桶袋包箱瓶盒块斤种还也都我你他她])|板(?![子凳栗鸭砖材车上扎])|岜|陇)[\\u4e00-\\u9fa5])(?=$|[\\s,，。;；!！?？:：、]|的|水|[${SURNAMES}](?:阿|老|小))`,
  'g',
);

const VERB_RE =
  /地址[:：]?|送到|送去|送至|送往|送回|放到|放在|放(?=[\u4e00-\u9fa5]{1,8}(?:门口|旁边|边上|对面|那里|那儿))|拿到|带到|拉到|运到|寄到|送给|去(?<=送[^，,。\s]{1,6}去)(?=[\u4e00-\u9fa5])|到(?<=送[^，,。\s]{1,8}到)(?=[\u4e00-\u9fa5])|送(?<=[\d一二两三四五六七八九十半][斤袋桶箱瓶包个盒件壶提罐把卷][\u4e00-\u9fa5]{0,4}送)(?![过来去回给我你他她俺咱到至一点些]|[上下][来去])(?=[\u4e00-\u9fa5]{2,4}(?:$|[\s,，。!！]))|来(?<=送[^，,。\s]{0,4}[水桶袋包箱]来)(?=[\u4e00-\u9fa5])(?![我你他她送嘛吧呀啊哦了好行得中成可])/g;

// (送上来长坑 / 送过嚟石坑: the way it is sent is no part of where)
const LEAD_WORDS_RE =
  /^(?:刚才|刚刚|今天|明天|后天|昨天|现在|还有|另外|嗯那个|那个|就是|请问|麻烦|[上过下](?:来|去|嚟)|(?:能|可以)(?:来|去|到|送))/;

export function findPlaces(text: string, known: readonly string[] = knownPlaces()): PlaceHit[] {
  const hits: PlaceHit[] = findNamedPlaces(text, known);
  // (罗德明 挂面两把 黄桷树: a landmark needs no word before it)
  if (!/[送放拿带拉运寄组社队村镇场家址在到]|黄桷树|院子|大队部/.test(text))
    return withTrailing(text, joinGroups(hits));
  for (const m of matchesOf(VERB_RE, text)) {
    if (hits.length >= MAX_HITS) break;
    const p = readPlace(text, m.index + m[0].length);
    if (!p) continue;
    const named = hits.find((h) => h.start >= p.start && h.start < p.end);
    // 送到石门坎: the name read by its ending (or known) is the place, said with 送到 it needs no question
    if (named) {
      named.byEnding = false;
      named.sent = true;
      continue;
    }
    const over = hits.find((h) => m.index < h.end && p.end > h.start);
    if (over) {
      over.sent = true;
      continue;
    }
    hits.push({ start: m.index, end: p.end, place: p.place, strict: p.strict, sent: true });
  }
  for (const m of matchesOf(STRICT_RE, text)) {
    if (hits.length >= MAX_HITS) break;
    const start = m.index;
    const end = start + m[0].length;
    if (hits.some((h) => start < h.end && end > h.start)) continue;
    hits.push({ start, end, place: m[0], strict: true });
  }
  // 花园村4组: a village's name before its group
  if (text.includes('村') || /[组社队]/.test(text)) {
    for (const m of matchesOf(VILLAGE_RE, text)) {
      const start = m.index;
      const end = start + m[0].length;
      // free text after 送到/地址 and a group inside it give way to the village and its group
      const over = (h: PlaceHit) => start < h.end && end > h.start;
      if (hits.some((h) => over(h) && h.strict && !(h.start >= start && h.end <= end))) continue;
      for (let k = hits.length - 1; k >= 0; k--) if (over(hits[k] as PlaceHit)) hits.splice(k, 1);
      hits.push({ start, end, place: m[0], strict: true });
    }
  }
  framedPlaces(text, hits);
  return withTrailing(text, withTails(text, joinGroups(hits.sort((a, b) => a.start - b.start))));
}

const VILLAGE_RE =
  /(?<=^|[\s,，。;；:：]|到|在|是|送|住)(?![到在送])[\u4e00-\u9fa5]{2,3}村(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)|(?<=^|[\s,，。;；:：]|到|在|送)(?![到在送我你他她俺咱])[\u4e00-\u9fa5]{1,3}村村委会?(?:门口)?|(?<=^|[\s,，。;；:：]|送|送到)(?![^\s]*?[送到在住我你他她俺咱们家是的要给和跟帮])(?!刚才|刚刚|今天|明天|昨天|后天|上午|下午|晚上|早上|中午|还有|就是|那个|这个)[\u4e00-\u9fa5]{2}(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)(?![长员])/g;

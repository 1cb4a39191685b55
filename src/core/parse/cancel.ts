// Withdrawals: 化肥不要了, 水不用送了, 被子不需要了, 取消化肥, 订单取消 (items [] = the whole earlier order).
import type { CancelRecord } from '../records.js';
import { readObject } from './cancel-object.js';
import { clauseEnd, clauseStart, isClauseEnd, MAX_HITS, matchesOf } from './chars.js';
import { looksLikeGoods } from './item-lexicon.js';
import { findQuantities } from './quantities.js';

export interface CancelHit {
  start: number;
  end: number;
  names: string[];
}

const SUFFIX_RE =
  /(?:都|也|就|先|暂时)?(?:(?:别|莫|不用|不要|甭)给(?:我|俺|额)(?:买|带|捎|送)了|可以不要(?=$|[\s,，。!！])|(?<=[\u4e00-\u9fa5])算(?:哒|了)(?=[\s,，]+[^，,。\s]{1,6}(?:还是|照)要)|(?:嫑|甭)(?:买|带|捎|送)(?:了)?(?=$|[\s,，。!！]|等)|(?<=先|暂时|就)不要(?:买|带|捎|送)(?=$|[\s,，。!！]|等)|不要了|莫带了|莫买了|莫送了|莫要了|不带了|不要带了|甭送了|甭买了|(?:不要|不用|别|莫)拉了|(?<=[\u4e00-\u9fa5])(?:找到了|借到了|寻到了|寻着了|翻出来了)(?=[\s,，。]|$)|删掉|删了|删除|不用了|不用找了|不用来人了|不用(?:过|上)来了|不需要了|不买了|不要买了|不要做了|不用做了|别做了|不换了|不用换了|不要换了|不订了|不定了|不用送了|不要送了|别送了|不用借了|不借了|不要借了|不用再送了|不要再送了|别再送了|不送了|不用买了|别买了|不用带了|不用捎了|别捎了|莫捎了|不要捎了|不用拿了|不要拿了|别拿了|不用拿(?=$|[,，。!！\s])|不用送(?=$|[,，。!！\s])|不用买(?=$|[,，。!！\s])|取消了|取消掉|取消|退掉|(?<![烧热度\d了]\s?)(?<!(?:上回|上次|之前|那次|去年|前天|昨天)[\u4e00-\u9fa5]{0,2})退了(?!\s*(?:3[4-9]|三十|到|\|))|作废|撤了|撤掉|撤销了?|撤单|(?<=那个|这个|(?:那|刚才|之前|上次|昨天)[^，,。!！?？\s]{1,10})算了(?=$|[嘛吧哈哦,，。!！\s]))/g;
const PREFIX_RE =
  /(?:取消|退掉)(?:掉)?(?=[^了吗]|$)|(?:不用|不要(?!忘)|别(?![人的处忘])|莫(?![得有忘搞急慌客电钱事])|甭|不需要)(?!再?(?:送|买|带|拿|给)?[错漏晚迟成])(?!放|加|搁|煮|炒)(?![^，,。]{0,6}[\s,，]*换(?:个|一个|点)别的)再?(?:送|买|带|拿|给)?(?=[\u4e00-\u9fa5]{1,8}了)/g;
/** Withdrawals of goods bought, sent or wanted: one unknown word before them may be the goods (readObject's loose). */
const GOODS_WITHDRAWN_RE =
  /^(?:不要了|不用买了|不买了|不要买了|别买了|莫买了|不用送了|不用带了|不用捎了|不用再送了)$/;
/** Goods said to be had already: 找到了, 借到了, 够了. */
/** A clause that asks for something (要两个, 帮我买): what it names is asked for, not withdrawn. */
const ASKED_RE = /[要买带订送][\d一二两三四五六七八九十几]|帮我|麻烦|能不能|可以/;
/** Words around goods named in passing: 抽屉里有体温计, 刚才说的连花清瘟. */
const NOT_OBJECT_RE = /^.*?(?:里有|有个|说的|要的|订的|买的)/;
const WHERE_FOUND_RE = /^\s*在[\u4e00-\u9fa5]{1,6}?(?:底下|下面|里面|里头|里|上面|上|边上|旁边|后面)\s*$/;
const MY_LINE_RE =
  /^\s*(?:接龙里|单子里|上面)?\s*(?:我|俺|额)?(?:的)?(?:那|这)(?:条|行|单|个)\s*$|(?:^|\s)(?:我|俺|额)?(?:的)?(?:那个|这个)?(?:接龙|单子)(?:里|上)?的?(?:东西|那些)(?:都|也)?\s*$/;
const CANNOT_GET_RE = /(?:买不到|买不着|没得卖|没有卖的|缺货)\s*$/;
const SETTLED_END_RE =
  /(?:能用了|好了|修好了|够了|够用了|有了|(?:找|借|买|翻|寻|搵)(?:到|着|返)(?:[\u4e00-\u9fa5]{1,3}的)?了(?:在[\u4e00-\u9fa5]{1,4})?|借(?:了)?给(?:我|俺)|送来了|拿来了|带来了|送到了|搞定了|解决了|带回来了|拿回来了|买回来了|带了|送了|自己(?:去[\u4e00-\u9fa5]{1,4})?(?:拿|买|带|借)了)$/;

/** 体温计是没电了 / 充电器坏了: the trouble told of goods, no part of their name. */
const TROUBLE_END_RE = /(?:是|又|也|有点)?(?:没电了|没电|坏了|坏掉了|不亮了|不准了?|不灵了|断了|破了)$/;

const PARTICLE_AS_LE_RE =
  /(?<=(?:不要|不需要|不用再?[送买带拿换借捎]?|莫[带买送要捎]|不[带买订换借送]|别再?[送买捎拿]|甭[送买]|取消|找到|借到))[咯喽啰嘞啦哩咧]/g;

/** 小陈 / @李师傅 / 王医生 opening the message, then a space: someone addressed. */
const VOCATIVE_RE =
  /^\s*(?:@\S+\s+|(?:小|老)[\u4e00-\u9fa5](?:师傅|哥|姐)?\s+|[\u4e00-\u9fa5]{1,3}(?:师傅|医生|书记|主任|队长|组长)\s+|[\u4e00-\u9fa5]{2,4}[:：]\s*)/;

const LINE_OF_LIST_RE = /那(?:条|行|一条|一行)(?:也|都)?\s*$/;
const WATER_TOPIC_RE = /(?:天|周|次|回|订|约|号|\|)的水|^\s*的水|^[|\s]*水(?:还|我|就|先|也|自己)/;

const KEPT_RE = /.*(?:还是要|照样要|照旧要|继续要|还要的|要的)/;

/** 大家莫报腊肉了: a notice to everyone that a thing is not to be ordered, no one's withdrawal. */
const NOTICE_NOT_TO_ORDER_RE = /大家[^，,。]{0,4}(?:莫|别|不要|不用)(?:再)?(?:报|买|订|接)/;

const EVENT_OFF_RE =
  /(?:酒席|宴席|坝坝宴|聚会|活动|会议|开会|集市|赶场|婚礼|寿宴|满月酒|庙会|比赛)[^，,。!！]{0,4}(?:取消|不办|不摆|停办|暂停)|(?:卡点|检查站|封路|路障|隔离点)[^，,。!！]{0,4}(?:撤|取消|拆)/;

export function findCancels(said: string): CancelHit[] {
  const hits: CancelHit[] = [];
  if (!/不|别|取消|退|作废|撤|莫|删|甭|算了|找到了|借到了|寻到了|寻着了|翻出来了/.test(said)) return hits;
  // 水不用送咯 / 地膜不要喽: the hills' particle closing a withdrawal is its 了 (one character for one)
  const leveled = /[咯喽啰嘞啦哩咧]/.test(said) ? said.replace(PARTICLE_AS_LE_RE, '了') : said;
  // 不用送水了: the water not to be sent, said inside the verb (as long as 水不用送了, so the places hold)
  const text = leveled.includes('送水了') ? leveled.replace(/(不用|不要|别|莫)送水了/g, '水$1送了') : leveled;
  // 今天的酒席取消了 大家莫聚集: a gathering called off is news, no order withdrawn
  if (EVENT_OFF_RE.test(text)) return hits;
  if (NOTICE_NOT_TO_ORDER_RE.test(text)) return hits;
  // (310 被子收到了 不用再送了: what came needs no more sending, nothing outstanding withdrawn)
  if (/(?:收到|拿到|送到|送来)了[\s,，]*(?:就)?(?:不用|不要|别)再送了/.test(text)) return hits;
  for (const m of matchesOf(SUFFIX_RE, text)) {
    if (hits.length >= MAX_HITS) break;
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 2);
    // (卡点撤了没有: asked whether it was called off; 水还送不送咯: asked whether it comes — nothing withdrawn)
    if (/^(?:吗|\?|没有?|冇|未)/.test(after) || text.endsWith('要', start)) continue;
    if (m[0][0] === '不' && m[0][1] !== undefined && text[start - 1] === m[0][1]) continue;
    if (m[0].endsWith('取消') && !isClauseEnd(text, end) && !'| 吧哈嘛啊哦了'.includes(text[end] as string))
      continue;
    let cs = clauseStart(text, start);
    let object = text.slice(cs, start);
    // 水明天不用送了: the object stands before what another reader claimed (the date, now |||)
    if (object.trim().length === 0 && text[cs - 1] === '|') {
      let bar = cs - 1;
      while (text[bar - 1] === '|') bar--;
      const before = clauseStart(text, bar);
      if (readObject(text.slice(before, bar)).names.length > 0) {
        cs = before;
        object = text.slice(before, bar);
      }
    }
    // 体温计找到了，在床底下 不用送了: where it was found, in the clause of the withdrawal, is no goods
    // (尿素我自己买到了 接龙里我那条删掉: the line of one's own in the list names no goods)
    if (WHERE_FOUND_RE.test(object) || MY_LINE_RE.test(object)) object = '';
    // (那个旱烟买不到就不要了: the goods that cannot be had)
    object = object.replace(CANNOT_GET_RE, '');
    // 充电器借到了，不用拿了: the goods settled in the clause before are what is withdrawn
    if (object.trim().length === 0 && cs > 0) {
      const prevStart = clauseStart(text, cs - 1);
      const prev = text.slice(prevStart, cs).replace(/[\s,，。!！;；]+$/, '');
      if (SETTLED_END_RE.test(prev) && readObject(prev).names.length > 0) {
        cs = prevStart;
        object = prev;
      } else if (prevStart > 0) {
        // 体温计找到了，在枕头底下，不用送了: where it was found may stand between
        const farStart = clauseStart(text, prevStart - 1);
        const far = text.slice(farStart, prevStart).replace(/[\s,，。!！;；]+$/, '');
        if (SETTLED_END_RE.test(far) && readObject(far).names.length > 0 && /^在/.test(prev.trim())) {
          cs = farStart;
          object = far;
        }
      }
      // 抽屉里有体温计，刚看到，不用送了 / 刚才说的连花清瘟，医生说先别吃，不要了: the goods named a clause or two
      // before, with nothing asked between, are what is withdrawn
      if (object.trim().length === 0) {
        let at = cs;
        for (let k = 0; k < 3 && at > 0; k++) {
          const from = clauseStart(text, at - 1);
          const clause = text.slice(from, at).replace(/[\s,，。!！;；]+$/, '');
          if (ASKED_RE.test(clause)) break;
          // 体温计是没电了，换了电池能用了，不用换了: the goods whose trouble the clause told
          const told = clause.replace(TROUBLE_END_RE, '');
          const found = readObject(told.replace(NOT_OBJECT_RE, ''));
          if (found.names.length > 0 && found.names.every(looksLikeGoods)) {
            cs = from;
            object = told;
            break;
          }
          // 明天的水我自己去挑，不用送了: the water the clause is about
          if (WATER_TOPIC_RE.test(clause)) {
            cs = from;
            object = '水';
            break;
          }
          at = from;
        }
      }
    }
    // 取消明天的送水: 取消 first, its object after it (read below)
    if (
      m[0] === '取消' &&
      object.trim().length === 0 &&
      /^[|的\s]*[\u4e00-\u9fa5]/.test(text.slice(end, end + 6))
    )
      continue;
    if (
      object.trim().length === 0 &&
      m[0].startsWith('不用了') &&
      text.replace(/[\s\p{P}]/gu, '').length > 12
    )
      continue;
    // 小陈 我那单不要了: the volunteer addressed first is no part of what is withdrawn
    const called = VOCATIVE_RE.exec(object);
    if (called) {
      cs += called[0].length;
      object = object.slice(called[0].length);
    }
    // 化肥三袋 … 还有上次报的尿素不要了: what is withdrawn follows its 还有 / 另外
    const then = /^.*(?:还有|另外|然后|再就是)/.exec(object);
    if (then && readObject(object.slice(then[0].length)).names.length > 0) {
      cs += then[0].length;
      object = object.slice(then[0].length);
    }
    // 米和油还是要 肉就不要了: goods kept before the withdrawn ones are not withdrawn
    const kept = KEPT_RE.exec(object);
    if (kept) {
      cs += kept.index + kept[0].length;
      object = object.slice(kept.index + kept[0].length);
    }
    // 王建国那条也不要了: a line of the 接龙 withdrawn, whoever's it is
    if (LINE_OF_LIST_RE.test(object)) object = '';
    // 明天的水我自己去挑 不用送了: the water the clause is about, whatever else it says
    if (readObject(object).names.length === 0 && WATER_TOPIC_RE.test(object)) object = '水';
    // (三九胃泰不要了: after a withdrawal of goods bought or sent, one word alone is the goods)
    let { names, other } = readObject(object, GOODS_WITHDRAWN_RE.test(m[0]));
    // 挂面两把 稻种不要了: goods counted (ordered) before the ones withdrawn are no part of the withdrawal
    if (names.length > 1) {
      const qs = findQuantities(object);
      const lastQ = qs[qs.length - 1];
      // (the count closing the goods before it and a pause after: not 两袋化肥和一桶菜籽油不要了, all withdrawn)
      if (lastQ && lastQ.end < object.length && /^[\s,，]/.test(object.slice(lastQ.end))) {
        const after = readObject(object.slice(lastQ.end));
        if (after.names.length > 0 && after.names.length < names.length) {
          cs += lastQ.end;
          object = object.slice(lastQ.end);
          ({ names, other } = after);
        }
      }
    }
    // (马家寨那一桶不要了: the barrels pointed back to, with the hamlet they go to, are the booking withdrawn)
    if (names.length === 0 && other && !/那\s*[\d一二两三四五六七八九十]\s*桶\s*$/.test(object)) continue;
    // 复合肥要两袋 尿素要一袋 算了尿素不要了: counted goods before the one withdrawn are no part of the withdrawal
    const last = names.length === 1 ? object.lastIndexOf(names[0] as string) : -1;
    if (last > 0 && findQuantities(object.slice(0, last)).length > 0) cs += last;
    // 我是石板沟的 上次说的磷肥不要了: the withdrawal is the part (parted by a space) that names the goods
    else if (names.length > 0) {
      const sp = object.lastIndexOf(' ', object.indexOf(names[0] as string));
      if (sp > 0) cs += sp + 1;
    }
    // 今天退了 (the fever): 退 withdraws only what it names
    if (names.length === 0 && object.trim().length === 0 && /^(?:退了|退掉)$/.test(m[0])) continue;
    // 伢吃了药退了: the fever went down after the medicine, the medicine is not withdrawn
    if (/^(?:退了|退掉)$/.test(m[0]) && /吃了?(?:点|些)?(?:[\u4e00-\u9fa5]{0,4})?药|打了?针|烧/.test(object))
      continue;
    hits.push({ start: cs, end, names });
  }
  for (const m of matchesOf(PREFIX_RE, text)) {
    if (hits.length >= MAX_HITS) break;
    const start = m.index;
    if (hits.some((h) => start >= h.start && start < h.end)) continue;
    // 取消明天的送水: skip what other readers claimed (the date) and its 的 to reach the object
    let from = start + m[0].length;
    while (from < text.length && (text[from] === '|' || text[from] === '的' || text[from] === ' ')) from++;
    const ce = clauseEnd(text, from);
    // 不用送水了 谢谢: the object ends at its 了
    const le = text.indexOf('了', from);
    const { names } = readObject(text.slice(from, le >= from && le < ce ? le : ce).replace(/吧$|了$/, ''));
    // 我不要化肥了 withdraws goods; 不要辣了 is a wish about the food, not a cancellation
    if (/^(?:不用|不要|不需要)$/.test(m[0]) && !names.every(looksLikeGoods)) continue;
    if (/^(?:不用|不要|不需要)$/.test(m[0]) && names.length === 0) continue;
    // 正月十五以后就莫出过门了: 莫/别 before what is not goods is no withdrawal (别送了 with nothing between is)
    if (
      /^(?:莫|别|甭)$/.test(m[0]) &&
      names.length === 0 &&
      /[\u4e00-\u9fa5]{2}/.test(text.slice(from, le >= from ? le : ce))
    )
      continue;
    // 不要尿素了 换成两袋复合肥: the withdrawal ends at its 了; what follows is said anew
    hits.push({ start, end: le >= from && le < ce ? le + 1 : ce, names });
  }
  return hits.sort((a, b) => a.start - b.start);
}

export function cancelRecord(hits: readonly CancelHit[]): CancelRecord {
  const names: string[] = [];
  for (const h of hits) for (const n of h.names) if (!names.includes(n)) names.push(n);
  return { type: 'cancel', items: names.map((name) => ({ name })) };
}

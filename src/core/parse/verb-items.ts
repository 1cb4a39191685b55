// Goods named without a quantity of their own: after a verb (需要牙刷、牙膏, 给点酒精), before 用完了/没了
// (卫生纸用完了), after 有没有 / 没有…了, and listed after an item in a 接龙 line (布洛芬1盒 创可贴).
import { clauseStart, matchesOf } from './chars.js';
import { byStart, type Extraction, goodsMentionedBefore } from './item-extraction.js';
import { categoryOf, goodsAt, goodsSuffix, isKindOf, isKnownGoods } from './item-lexicon.js';
import { readNameBackward } from './names.js';

/** Verbs after which goods are asked for (买, 要, 给我, 找点 …). */
const TRIGGER_RE =
  /要的是|借阅|补(?=一?些|一?点|几|[一两二三四五\d]|个)|添(?=一?些|一?点|[一两\d]|个)|想吃(?=点|些|碗|份|一[点些碗份])|(?<=(?<!不)能|可以|能不能|可不可以)(?:吃|做|煮)(?![了完过饭药])|想喝(?=点|些|一[点些杯碗])|代买|代购|订购|购买|预订|帮忙买|帮买|想要|需要|急需|急用|着急用|急着用|给我|买|带|捎|订|要|缺|借|给|拿|送|来|整|弄|申请|提供|求|搞|换|煮|留|配(?=[一两\d]|点|些|个)|记(?=[一两二三四五六七八九十\d]|上)|做(?=点|些|一[点些份碗])|发(?=点|些|几个|一[点些个])|开(?!水)|有没有|我把|[,，、\s]还有(?!没有?)|加(?![饭菜]|油(?![\d一二两三四五六七八九十]))|找(?=点|些|个|[本件条把瓶盒双张根副床](?![\d一二两三四五六七八九十])|一[点些个瓶包盒卷把本件条双张根副床])/g;
/** 有跳绳吗 / 有没有报纸: asking whether the site has something is asking for it. */
const HAVE_RE = /有(?!没|点|些|一点|人|空)(?=[^，,。!?\s|]{1,10}?(?:吗|么|不|没|\?))/g;
const POST_RE =
  /快用完了?(?![饭菜])|快吃完了?(?![饭菜])|快没了|就剩(?:下)?[一两二三四五六七八九十\d]+天的?了?|忘(?:记)?带了?|没(?:有)?带(?:来)?(?=$|[\s,，。!！?？])|(?:落|忘)在?家里了?|用完了|吃完了|喝完了|打完(?:最后一[支针])?了|食完了?|没有了|不够了|不够用|没了|坏了|莫得了|没得了|只剩下?(?:最后)?[\d一二两三四五六七八九十半几]{0,2}[颗粒片支盒瓶包袋天顿次](?:了|药)?|还剩下?[\d一二两三四五六七八九十半几]{1,2}[天日顿次]的量|只够(?:吃|用)?[\d一二两三四五六七八九十半几]{1,2}[天顿次]了?|(?:吃|用)(?:的|了)最后一[颗粒片支包袋瓶盒]了?/g;
/** 牙刷牙膏都冇 / 都没有: goods all gone, closing the clause. */
const ALL_GONE_RE = /(?<=[都也全])没有?(?=$|[\s,，。!！?？~]|了)/g;

const POST_HINT_RE = /[完没够坏剩莫带]/;
/** Every word of POST_RE holds one of these: most messages skip it with one scan. */
const GONE_HINT_RE = /[完没够坏剩莫]|最后|忘带|忘记带|家里/;
const BESIDES_RE = /还有|另外|也要|再要|顺便|再来|再拿|也(?=莫得|没得|没有|没了|用完|快没|冇了|冇得)/;

const OUT_OF_RE = /(?:没得|莫得|没有?)(?!人)(?=[^\s,，。!?|]{1,6}了)/g;
// (盐帮我带点 / 番薯苗帮我捎一下: goods, then a verb of bringing that ends the clause)
const GIVE_RE =
  /给|借|拿|送|(?<=能不能|能否|可以|可不可以|麻烦)(?:再)?发(?=一?点|一?些|几个|[一两二三\d])|(?:各)?补(?=一?些|一?点|几|[一两二三四五\d])|(?<![出起回过进])来(?!看|一趟|个人|人|修)|换|有(?=吗|么|没|不|\?)|(?<=帮我|给我|帮忙|麻烦你?|替我|帮俺|给俺)(?:带|捎|买)(?=(?:一?点|一?些|一?下)?(?:$|[\s,，。!！~]|吧|哈|嘛|啊|呀))/g;

/** 感冒灵一盒、创可贴 / 布洛芬1盒 创可贴 (a 接龙 line): goods listed after an item with no quantity of their own. */
export function readListTails(x: Extraction): void {
  const text = x.text;
  for (const h of [...x.hits]) {
    const sep = /^\s*(?:、|和|及|,|，)\s*|^\s+/.exec(text.slice(h.end, h.end + 4));
    if (sep && goodsAt(text, h.end + sep[0].length)) x.readListAfter(h.end + sep[0].length);
  }
  x.hits.sort(byStart);
}

const OR_ELSE_RE = /或者|或是/g;
const BOOKS = /书|小说|杂志|漫画/;
const PAPERS = /报/;
const ALSO_FINE_RE = /也(?:行|可以|中|得|成)(?=$|[\s,，。!！?？吧啊哈])/g;
const GENERAL_MEDICINE = new Set(['药', '药品', '药物', '药片']);
const DISPENSE_RE = /(?:配|开)(?:一)?(?:点|些)(?:药)?(?=$|[\s,，。!！?？]|吧|嘛|吗|来|给)/g;

export function readVerbItems(x: Extraction): void {
  const text = x.text;
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(text); m !== null; m = TRIGGER_RE.exec(text)) {
    // 给我换一下枕头: 一下 after the verb is how, the goods follow it
    const from = m.index + m[0].length + (text.startsWith('一下', m.index + m[0].length) ? 2 : 0);
    // 他不会弄手机: what someone cannot do is no ask
    if (/(?:不会|不懂|不晓得|不知道怎么)$/.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    if (text[from] !== '的') x.readListAfter(from); // 送的饭: food that was delivered, not asked for
  }
  if (x.hits.length === 0) {
    // 充电器能借一下吗: with nothing after the verb, the goods named first in its clause are asked for
    for (const m of matchesOf(GIVE_RE, text)) {
      if ('不别没'.includes(text[m.index - 1] ?? '|')) continue;
      // (口罩和手套请各补一些: each of the goods named before)
      if (m[0].startsWith('各')) {
        const from = clauseStart(text, m.index);
        for (const g of x.mentions())
          if (g.start >= from && g.end <= m.index && !x.used.overlaps(g.start, g.end))
            x.take(g, null, null, g.start, g.end);
        continue;
      }
      const topic = goodsMentionedBefore(x.mentions(), m.index, x.used, clauseStart(text, m.index));
      if (topic) x.take(topic, null, null, topic.start, topic.end);
    }
  }
  // 每天要吃苯磺酸氨氯地平 … 能不能帮忙配一点 / 平时吃速效救心丸和阿司匹林 … 帮忙开点: medicine dispensed is
  // the medicine named before, in any clause
  if (x.hits.length === 0 && (text.includes('配') || text.includes('开')))
    for (const m of matchesOf(DISPENSE_RE, text)) {
      const named = x
        .mentions()
        .filter(
          (g) => g.end <= m.index && !x.used.overlaps(g.start, g.end) && categoryOf(g.name) === 'medical',
        );
      // (他带的药只够吃到明天了: the medicine named is what 药 was)
      const specific = named.filter((g) => !GENERAL_MEDICINE.has(g.name));
      for (const g of specific.length > 0 ? specific : named) x.take(g, null, null, g.start, g.end);
    }
  if (text.includes('有')) for (const m of matchesOf(HAVE_RE, text)) x.readListAfter(m.index + 1);
  // 有没有跳绳？或者象棋也行 / 借本书 或者报纸都得: the other goods offered instead are asked for too
  if (x.hits.length > 0 && text.includes('或'))
    for (const m of matchesOf(OR_ELSE_RE, text)) x.readListAfter(m.index + m[0].length);
  // 借两本书 有跳绳也行 / 拌饭也行 / 报纸也中: goods offered instead, said before 也行, are asked for too
  if (x.hits.length > 0 && text.includes('也'))
    for (const m of matchesOf(ALSO_FINE_RE, text))
      for (let len = 4; len >= 1; len--)
        if (goodsAt(text, m.index - len)?.length === len) {
          // (借本书看看 小说也行 / 有报纸吗 宁夏日报也行: a kind of what is asked is that ask, no more goods)
          const g = text.slice(m.index - len, m.index);
          // (没有石锅普通碗也行: a bowl to serve it in is no goods asked)
          const same =
            ['碗', '盆', '杯', '盘'].includes(g) ||
            x.hits.some(
              (h) =>
                isKindOf(g, h.item.name) ||
                (BOOKS.test(g) && BOOKS.test(h.item.name)) ||
                (PAPERS.test(g) && PAPERS.test(h.item.name)),
            );
          if (!same) x.readListAfter(m.index - len);
          break;
        }
  // 没有纸巾了 / 没热水了 / 莫得开水了: what has run out is asked for
  if (/没|莫得/.test(text))
    for (const m of matchesOf(OUT_OF_RE, text)) x.readListAfter(m.index + m[0].length);
  // 卫生纸用完了: the goods that ran out are asked for, unless something else is asked for explicitly
  // (垃圾袋没得了 还有消毒液也要一瓶: asked for besides — 还有/另外/也要 — both are)
  const besides = x.hits.length > 0 && POST_HINT_RE.test(text) ? BESIDES_RE.exec(text) : null;
  if (x.hits.length > 0 && !besides) return;
  const gone = GONE_HINT_RE.test(text) ? [...matchesOf(POST_RE, text)] : [];
  if (text.includes('没'))
    for (const m of matchesOf(ALL_GONE_RE, text)) if (!gone.some((g) => g.index === m.index)) gone.push(m);
  gone.sort((a, b) => a.index - b.index);
  // (麻烦送两包卫生纸 纸巾也莫得了: the goods that ran out too are asked for after the others)
  const too = besides !== null && besides[0] === '也';
  for (const m of gone) {
    if (besides && !too && m.index > besides.index) break;
    // 作业本用完了 能帮买两个本子吗 还有几支笔: asked for in its place already, the run-out goods are not
    if (
      besides &&
      !too &&
      x.hits.some(
        (h) =>
          h.start > m.index &&
          h.end <= besides.index &&
          /[\s,，。!！?？]/.test(text.slice(h.end, besides.index)), // (毛巾也要一条: 也要 is its own ask)
      )
    )
      break;
    // 卫生纸和垃圾袋都用完了: every goods word listed in the clause ran out (an adverb may come between)
    let end = m.index;
    while (end > 0 && '都也又全快已'.includes(text[end - 1] as string)) end--;
    const from = clauseStart(text, end);
    const listed = x
      .mentions()
      .filter((g) => g.start >= from && g.end <= end && !x.used.overlaps(g.start, g.end));
    if (listed.length > 1) {
      for (const g of listed) x.take(g, null, null, g.start, g.end);
      continue;
    }
    let b = readNameBackward(text, end);
    // 降压药还有两天就吃完了: the goods opening the clause ran out, whatever stands between
    const only = listed[0];
    if (!(b && (isKnownGoods(b.name) || goodsSuffix(b.name))) && only && listed.length === 1) {
      if (!/是不是|吗|\?/.test(text.slice(only.end, end))) b = only;
    }
    // 是不是温度计坏了啊: asking whether the goods are broken asks for nothing yet
    if (b && /是不是|是否/.test(text.slice(clauseStart(text, b.start), b.start))) continue;
    // 他高血压的药只带了三天的，今天吃的最后一颗了: the last one taken is of the goods named before
    if (!(b && (isKnownGoods(b.name) || goodsSuffix(b.name))) && m[0].includes('最后'))
      b = goodsMentionedBefore(x.mentions(), m.index, x.used) ?? b;
    if (b && !x.used.overlaps(b.start, b.end) && (isKnownGoods(b.name) || goodsSuffix(b.name))) {
      // 药吃完了 降糖药: a kind named beside the general word that ran out is what is asked for
      const kind = x.mentions().find((g) => !x.used.overlaps(g.start, g.end) && isKindOf(g.name, b.name));
      const taken = kind ?? b;
      x.take(taken, null, null, taken.start, taken.end);
    }
  }
}

/** A count after 要 (要五袋, 也要10斤): the quantity the goods before the verb are asked in. */
const VERB_COUNT_AHEAD_RE =
  /^\s+(?:也|还|再)?(?:要|来|买|订)\s*[\d一二两三四五六七八九十半几]+\s*[\u4e00-\u9fa5]?(?=\s|$)/;

/**
 * 尿素 要五袋 复合肥 三袋: known goods, a space, then 要 and a count are that count of those goods (written glued,
 * 尿素要五袋); read with the space, the count went forward to the next goods and the next count back.
 */
export function glueGoodsToVerb(text: string): string {
  if (!/\s(?:也|还|再)?(?:要|来|买|订)\s*[\d一二两三四五六七八九十半几]/.test(text)) return text;
  return text.replace(
    /\s+(?=(?:也|还|再)?(?:要|来|买|订)\s*[\d一二两三四五六七八九十半几])/g,
    (sp, at: number) => {
      if (!VERB_COUNT_AHEAD_RE.test(text.slice(at))) return sp;
      // (看下有没有鸭苗 要二十只: goods asked after are left as written)
      for (let len = 4; len >= 1; len--)
        if (goodsAt(text, at - len)?.length === len) return /有$/.test(text.slice(0, at - len)) ? sp : '';
      return sp;
    },
  );
}

// A 接龙 header's one product (#接龙 豆腐乳 12元一瓶 / #接龙 新寨 猪饲料): what its lines order when they name only a
// count. jielong.ts asks.
import { goodsAt, goodsSuffix } from './item-lexicon.js';
import { readNameBackward } from './names.js';
import { findPlaces } from './places.js';

const PRICE_RE =
  /([\u4e00-\u9fa5]{1,8})\s*(?:\d+(?:\.\d+)?)\s*(?:元|块)(?:钱)?\s*(?:\/|每|一)\s*(公斤|kg|[斤袋桶箱瓶包个盒件提罐份支把条只串板])/;
const FILLER_RE =
  /#|接龙|团购|代购|代买|拼团|预订|预定|报名|统计|登记|开团|今日|今天|明天|本周|新鲜|特价|优惠|第[一二三四五六七八九十\d]{1,3}[期批次轮]|[，,。.!！:：\s]/g;

/** Characters that close a clause rather than a goods name. */
const NOT_NAME_END = '了的到呢吗啊哦要买等和与及都也还送带包份斤个袋箱瓶桶元块';

/** 豆腐乳 12元一瓶: a known word with one more character before a space, a price or the end is that longer goods. */
function withOneMore(text: string, i: number, w: string): string {
  const next = text[i + w.length] ?? '';
  if (!/[\u4e00-\u9fa5]/.test(next) || NOT_NAME_END.includes(next)) return w;
  return /^(?:\s|\d|$)/.test(text.slice(i + w.length + 1, i + w.length + 2)) ? w + next : w;
}

const FORMAT_SHOWN_RE = /格式[:：]|例[:：]|例如|比如/;
const SELLER_AFTER_RE = /^(?:厂|店|站|公司|门市|市场|超市|合作社|批发|车)/;

export function headerProduct(full: string): { name: string; unit: string | null } | null {
  // (格式：名字 东西 多少 送哪儿⏎例：张三 小米10斤 后峁: the format shown and its example name no product)
  const example = FORMAT_SHOWN_RE.exec(full);
  const header = example ? full.slice(0, example.index) : full;
  const p = PRICE_RE.exec(header);
  if (p?.[1]) {
    const cleaned = p[1].replace(FILLER_RE, '');
    const first = goodsAt(cleaned, 0);
    const name =
      (first && withOneMore(cleaned, 0, first) === cleaned ? cleaned : null) ??
      goodsSuffix(cleaned) ??
      readNameBackward(cleaned, cleaned.length)?.name ??
      null;
    if (name) return { name, unit: p[2] ?? null };
  }
  const found: string[] = [];
  // (#接龙 茶园坡片区代购: goods inside a place's name are none)
  let text = header;
  for (const pl of findPlaces(header))
    text = text.slice(0, pl.start) + '|'.repeat(pl.end - pl.start) + text.slice(pl.end);
  for (let i = 0; i < text.length; i++) {
    let w = goodsAt(text, i);
    if (w) {
      // (房县菌棒厂 / 种子站 / 化肥店 / 面包车: the goods of a seller's name are where they come from, a van no goods)
      const seller = SELLER_AFTER_RE.test(text.slice(i + w.length, i + w.length + 3));
      w = withOneMore(text, i, w);
      if (!found.includes(w) && !seller) found.push(w);
      i += w.length - 1;
    }
  }
  if (found.length === 1) return { name: found[0] as string, unit: null };
  return null;
}

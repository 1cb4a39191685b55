// Whether a complaint is denied (没有咳嗽, 无发热、乏力, 咳嗽：无, 咳是不咳了) or answered yes (咳嗽：有): the words before
// it and the answer after it. symptoms.ts reads the complaints; this file only says yes or no.
import { isClauseEnd, startsAny } from './chars.js';
import type { SymptomHit } from './symptoms.js';

const NEGATORS_2 = ['没有', '没得', '莫得', '么得', '木有', '并无', '毫无', '从未', '未见', '否认'];
// (莫咳嗽: the south-west's 莫 for 没; 木发烧: the Central Plains' 木)
// (毛发烧毛咳嗽: Hunan's 毛 for 没)
const NEGATORS_1 = new Set(['不', '无', '没', '未', '冇', '莫', '木', '毛']);
// (莫得哪个发烧: nobody has it; 没咋咳嗽 / 不咋咳了: the north's 咋 for 怎么)
const FILLER = new Set('、和及与或也都还并再太很怎么咋啥什任何明显的等症状是过哪个 '.split(''));
const POST_NEG = [
  '无',
  '没有',
  '否',
  '没了',
  '好了',
  '已好',
  '已经好了',
  '消失',
  '已消失',
  '停了',
  '(-)',
  '(无)',
  '正常',
  '✖',
  '❌',
  '✗',
  '✘',
  '×',
  'x',
  'X',
];
const POST_POS = ['有', '是', '(+)'];

export function negatedBefore(text: string, start: number, byEnd: ReadonlyMap<number, SymptomHit>): boolean {
  let i = start - 1;
  let steps = 0;
  while (i >= 0 && steps < 24) {
    steps++;
    if (isClauseEnd(text, i)) return false;
    const two = text.slice(i - 1, i + 1);
    // (感冒药有没有 嗓子疼: the 没有 of 有没有 asks, it denies nothing)
    if (NEGATORS_2.includes(two)) return !(two === '没有' && text[i - 2] === '有');
    const ch = text[i] as string;
    // (能给点布洛芬不 脑瓜子疼: a 不 closing a question before a pause denies nothing after it)
    if (ch === '不' && /\s/.test(text[i + 1] ?? '') && /[\u4e00-\u9fa5]/.test(text[i - 1] ?? ''))
      return false;
    if (NEGATORS_1.has(ch)) return true;
    const span = byEnd.get(i + 1);
    if (span) {
      i = span.start - 1;
      continue;
    }
    if (!FILLER.has(ch)) return false;
    i--;
  }
  return false;
}

/** 咳嗽也没有 / 发烧都没有: an adverb may stand between the symptom and its 没有. */
const POST_ADVERBS = new Set(['也', '都', '还', '倒', '就', '均', '并']);

/** 没有咳嗽 / 没发烧 / 不咳: a denial followed by a complaint of its own. */
const NEXT_DENIED_RE =
  /^(?:没有|没|无|不)(?:怎么|什么|啥)?(?:咳|发烧|发热|烧|头疼|头痛|流鼻涕|拉肚子|腹泻|乏力|嗓子|喉咙|胸闷|呕吐|恶心|发冷)/;

export function postValue(text: string, end: number): 'neg' | 'pos' | null {
  let k = end;
  while (k < text.length && k < end + 4 && /[\s:：\-—]/.test(text[k] as string)) k++;
  let n = k;
  while (n < k + 2 && POST_ADVERBS.has(text[n] as string)) n++;
  // 咳是不咳了: the complaint is over (咳嗽是不是…: a question, no denial)
  if (/^(?:倒)?是(?:不(?!是)|没)/.test(text.slice(n, n + 3))) return 'neg';
  // (全身酸痛 没有咳嗽: a 没有 that opens the next complaint denies that one, not this)
  if (
    startsAny(text, n, POST_NEG) &&
    !text.startsWith('无力', n) &&
    !(k > end && NEXT_DENIED_RE.test(text.slice(n, n + 6)))
  )
    return 'neg';
  // 咳嗽：有 / 咳嗽 有 — but 没有咳嗽 有点拉肚子 starts a new symptom, it does not answer this one
  // (不发烧 是刚烧完锅量的: a 是 opening the next clause answers nothing)
  if (
    k > end &&
    startsAny(text, k, POST_POS) &&
    !startsAny(text, k + 1, ['点', '些', '一点']) &&
    !(text[k] === '是' && /[\u4e00-\u9fa5]/.test(text[k + 1] ?? ''))
  )
    return 'pos';
  return null;
}

import { simplify } from './traditional.js';

// First step of every parse: fold full-width forms to ASCII, read 。/．/· between digits as a decimal point,
// drop zero-width characters and WeChat's [表情] codes, and cap the length so work stays bounded.

/** Longest text the parser reads; WeChat messages are far shorter, a 接龙 of a few hundred lines fits. */
export const MAX_CHARS = 20_000;

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const SPACES = new Set([0x3000, 0x00a0, 0x2002, 0x2003, 0x2005, 0x2009, 0x202f, 0x0009, 0x000b, 0x000c]);

/** Anything the slow path would change; most messages have none and skip the character loop. */
const NEEDS_WORK = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2005\u2009\u202f\p{Cc}\p{Cf}[。·•]/u;

const SPACED_GAP_RE = /[\u4e00-\u9fa5] (?=[\u4e00-\u9fa5])/g;
const SPACED_PHRASE_RE =
  /(喉咙|嗓子|头|肚子|胸口|肚|腰|牙|全身|浑身) +(痛|疼|闷|胀|痒|酸)|(不要|不用|不消|别|莫) +(了)/g;

/** Two spaces at least, each between Chinese words (one pass, no backtracking over a long text). */
function spacedOut(text: string): boolean {
  if (!text.includes(' ')) return false;
  SPACED_GAP_RE.lastIndex = 0;
  return SPACED_GAP_RE.exec(text) !== null && SPACED_GAP_RE.exec(text) !== null;
}

export function normalise(input: string): string {
  let src = simplify(input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input);
  // 俩个口罩 / 仨白菜: the northern words for two and three (one character for one: offsets hold)
  if (src.includes('俩') || src.includes('仨')) src = src.replace(/俩/g, '两').replace(/仨/g, '三');
  // 五咳嗽 五乏力: voice typing hears 无 as 五 before a complaint (one character for one)
  if (src.includes('五'))
    src = src.replace(
      /(?<=^|[\s,，。;；、])五(?=咳嗽|乏力|发热|发烧|不适|异常|症状|头疼|头痛|腹泻|胸闷|气短|鼻塞|流涕|咽痛)/g,
      '无',
    );
  // 3. 谯大姐 6组 ~~面粉1袋~~ 菜种4包: goods struck through are withdrawn (spaces for them: offsets hold)
  if (src.includes('~~')) src = src.replace(/~~[^~\n]{1,60}~~/g, (m) => ' '.repeat(m.length));
  // 三是六度五: voice typing hears 十 as 是 in a reading said in words (one character for one: offsets hold)
  if (src.includes('三是')) src = src.replace(/三是(?=[四五六七八九](?:度|点))/g, '三十');
  // 3208 早上 36 5: a reading's point typed as a space (one character for one: offsets hold), only with no other
  // reading written with its point
  if (/\s(?:3[5-9]|4[01]) \d(?:$|[\s,，。!！])/.test(src) && !/(?:3[5-9]|4[01])\.\d/.test(src))
    src = src.replace(
      /(?<=(?:^|\s|[:：]|早上|晚上|下午|上午|中午|体温|温度)\s*(?:3[5-9]|4[01])) (?=\d(?:$|[\s,，。!！]))/g,
      '.',
    );
  // 房号:3O3 (a form read off a photo, a letter O among digits): the O is a zero
  if ((src.includes('O') || src.includes('o')) && /\d[Oo]|[Oo]\d/.test(src))
    src = src.replace(/(?<=\d)[Oo](?=\d)|(?<=\d\d)[Oo](?![A-Za-z\d])|(?<![A-Za-z\d])[Oo](?=\d{2})/g, '0');
  // 3杠208: a building said as 杠 (the dash spoken) before its room
  if (src.includes('杠')) src = src.replace(/(?<=\d)杠(?=\d{3})/g, '-');
  // 地膜三卷→改两卷 / 3袋->2袋: an arrow from one count to another changes it, as 改成 does
  if (src.includes('→') || src.includes('->') || src.includes('=>'))
    src = src.replace(ARROW_CHANGE_RE, '改成');
  // 喉咙 痛 有点 / 饵块 不要 了: a second-language writer's spaces between every word, closed inside the few
  // phrases that are read as one (a message spaced so throughout, not a list's spaces)
  if (spacedOut(src)) src = src.replace(SPACED_PHRASE_RE, '$1$2$3$4');
  if (!NEEDS_WORK.test(src)) return readPackSizes(src);
  // Only changed characters cost anything: the unchanged runs between them are copied as slices.
  let text = '';
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c > 0x20 && c < 0xa0) continue;
    let rep: string | null = null;
    if (c >= 0xff01 && c <= 0xff5e) rep = String.fromCharCode(c - 0xfee0);
    else if (SPACES.has(c)) rep = ' ';
    else if (c === 0x0d) rep = src.charCodeAt(i + 1) === 0x0a ? '' : '\n';
    else if (ZERO_WIDTH.has(c)) rep = '';
    else if (c < 0x20 && c !== 0x0a) rep = ' ';
    if (rep === null) continue;
    text += src.slice(from, i) + rep;
    from = i + 1;
  }
  text = from === 0 ? src : text + src.slice(from);
  // WeChat renders emoticons as [微笑] / [抱拳]; they carry nothing here.
  if (text.includes('[')) text = text.replace(/\[[\u4e00-\u9fa5A-Za-z]{1,4}\]/g, ' ');
  // 36。5 / 36．5 / 36·5 typed on a Chinese keyboard mean 36.5.
  // (我36.6。1009: a room after the full stop is no decimal; 7栋203。36.3: nor a reading after a room)
  if (/[。·•]/.test(text)) text = text.replace(/(?<![\d.])(3[4-9]|4[0-2])[。·•](?=\d{1,2}(?![\d.]))/g, '$1.');
  return readPackSizes(text);
}

const ARROW_CHANGE_RE =
  /(?<=[\d一二两三四五六七八九十][\u4e00-\u9fa5]{0,2})\s*(?:→|->|=>)\s*(?:改成?|改为|换成)?\s*(?=[\d一二两三四五六七八九十半]+\s*(?:袋|桶|包|斤|瓶|箱|盒|件|板|把|个|卷|提|支|块|壶|罐|捆|公斤|两))/g;

const MEASURE = '(?:L|l|升|斤|公斤|kg|KG|千克|克|g|ml|ML|毫升)';
const CONTAINER = '(?:桶|袋|瓶|壶|箱|包|罐|件)';
/** 菜籽油 5L/桶 ×2: the pack size, then the count of packs. */
const PACK_THEN_COUNT_RE = new RegExp(
  String.raw`\d+(?:\.\d+)?\s*${MEASURE}\s*/\s*(${CONTAINER})\s*[x×*]\s*(\d{1,3})(?![\d.]|\s*${CONTAINER})`,
  'g',
);
/** 大米 x2 (50斤/袋): the count of packs, then the pack size in brackets. */
const COUNT_THEN_PACK_RE = new RegExp(
  String.raw`([x×*]\s*\d{1,3})\s*[(（]\s*\d+(?:\.\d+)?\s*${MEASURE}\s*/\s*(${CONTAINER})\s*[)）]`,
  'g',
);
/** 一桶5L菜籽油: a pack size glued between the count and the goods. */
const GLUED_PACK_RE = new RegExp(
  String.raw`([\d一二两三四五六七八九十]\s*${CONTAINER})\d+(?:\.\d+)?\s*${MEASURE}(?=[\u4e00-\u9fa5])(?!装|的)`,
  'g',
);
/** 5升菜籽油2桶 / 50斤大米1袋: a weight or volume before goods counted in packs right after them is the pack's size. */
const PACK_BEFORE_GOODS_RE = new RegExp(
  String.raw`(?<![\d.])\d+(?:\.\d+)?\s*${MEASURE}(?:装的?|的)?(?=[^\s\d\p{P}一二两三四五六七八九十半桶袋瓶壶箱包罐件的来要买]{1,6}?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})${CONTAINER})`,
  'gu',
);
const LIQUOR_STRENGTH_RE = /\d{2}\s*(?:度|°)\s*(?:的|嘅)?(?=[白米黄烧高粱苞包玉谷老散]{0,3}酒(?!精))/g;
/** 化肥 2/袋, 猪肉 3/斤 (a receipt's count per unit; not after a price: 3元/斤). */
const COUNT_PER_UNIT_RE =
  /(?<![\d.元块¥￥])(\d{1,2})\s*\/\s*(斤|袋|包|桶|瓶|箱|盒|个|件|提|捆|块|把)(?![\u4e00-\u9fa5]*?元)/g;

/**
 * Pack sizes written as receipts write them are no counts: `5L/桶 ×2` is two barrels, `x2 (50斤/袋)` two bags,
 * `一桶5L菜籽油` one barrel; `化肥 2/袋` is two bags.
 */
function readPackSizes(text: string): string {
  let out = text;
  if (out.includes('/')) {
    if (/[x×*]/.test(out)) out = out.replace(PACK_THEN_COUNT_RE, '×$2$1').replace(COUNT_THEN_PACK_RE, '$1$2');
    if (!/元|块钱|¥|￥/.test(out)) out = out.replace(COUNT_PER_UNIT_RE, '$1$2');
  }
  if (/[桶袋瓶壶箱包罐件]\d/.test(out)) out = out.replace(GLUED_PACK_RE, '$1');
  if (/\d\s*(?:L|l|升|斤|公斤|kg|KG|千克|克|g|ml|ML|毫升)/.test(out))
    out = out.replace(PACK_BEFORE_GOODS_RE, '');
  // 38度嘅白酒两瓶 / 52度的苞谷酒: a liquor's strength is no part of its name (and no reading)
  if (out.includes('酒')) out = out.replace(LIQUOR_STRENGTH_RE, '');
  return out;
}

/**
 * 36,5 / 36，7度 (a comma decimal, as on European keyboards and some voice input) and 36 .6 / 36. 6 (a stray
 * space) mean 36.5: only for a body-temperature whole number with a single digit after it.
 */
const LOOSE_DECIMAL_RE = /(?<![\d.,，、])(3[4-9]|4[0-2])(?:[,，、]| \. ?|\. )(\d)(?![\d.,，、])/g;

export function tightenDecimals(text: string): string {
  let out = text;
  // 36 度 2: a reading typed with spaces around 度
  // 36读5 / 36肚5: the recogniser's 度
  if (out.includes('读') || out.includes('肚'))
    out = out.replace(/(?<![\d.])(3[4-9]|4[0-2])[读肚](\d)(?![\d.])/g, '$1度$2');
  if (out.includes(' 度') || out.includes('度 '))
    out = out.replace(/(?<![\d.])(3[4-9]|4[0-2]) ?度 ?(\d)(?![\d.])/g, '$1度$2');
  if (!/[,，、]\d| \.\d|\. \d/.test(out)) return out;
  return out.replace(LOOSE_DECIMAL_RE, '$1.$2');
}

/** Leading @mentions (WeChat puts a space after each) are addressed to someone, not content. */
export function stripMentions(text: string): string {
  let t = text.trimStart();
  for (let guard = 0; guard < 10 && t.startsWith('@'); guard++) {
    const sp = t.search(/\s/);
    if (sp < 0) return '';
    t = t.slice(sp).trimStart();
  }
  return t;
}

/**
 * 晚上好 / 早上好 / 早安: a greeting names no part of the day (晚上好 想订明天上午的水 is a morning's booking). Blanked
 * with spaces of the same length, so every later offset holds.
 */
const GREETING_RE =
  /(?:早上|上午|中午|下午|晚上)好(?=$|[\s,，。.!！~～、呀啊哈呀嘛哦]|\p{Extended_Pictographic})|早安|晚安|(?:各位|大家)[^，,。.!！?？\s\d]{0,8}?(?:好|辛苦[了晒]?|晚上好|早上好|早晨)(?=$|[\s,，。.!！~～、呀啊哈嘛哦])/gu;

/**
 * 各位领导志愿者好 / 大家辛苦了: a greeting to the group opens a villager's own message; it is no notice to everyone
 * (blanked like the greetings above, so 各位 left in the text still marks a notice).
 */
export function dropGreetings(text: string): string {
  let out = text;
  // 各位乡亲，我是五组刘家的…: the group addressed before one's own words is a greeting too
  if (out.startsWith('各位') || out.startsWith('大家'))
    out = out.replace(VOCATIVE_RE, (g) => ' '.repeat(g.length));
  if (!out.includes('好') && !out.includes('安') && !out.includes('辛苦') && !out.includes('早')) return out;
  return out.replace(GREETING_RE, (g) => ' '.repeat(g.length));
}

// (各位老表晚上冷不冷？我要多一床被子: a word to everyone, asked, then one's own ask)
const VOCATIVE_RE = /^(?:各位|大家)[^，,。.!！?？\s\d]{0,8}[,，!！?？]\s*(?=我|俺|麻烦|请问|帮)/;

/**
 * A WeChat quote reply: 「张医生：请报体温」 then a line of dashes, then the reply. The quoted text is someone
 * else's message (already read when it was posted); only the reply is this sender's.
 */
const QUOTE_RE = /^(?:「[^」]{0,500}」\s*(?:-\s*){3,}|「[^」:：\n]{1,16}[:：][^」]{0,500}」\s*)/;

/** 收到 明天一起送⏎「刘德贵：我还要两袋尿素」: a quote typed as a line of its own after the reply. */
const TRAILING_QUOTE_RE = /\n\s*「[^」\n]{1,300}」\s*$/;

export function stripQuote(text: string): string {
  if (!text.startsWith('「')) {
    const t = TRAILING_QUOTE_RE.exec(text);
    return t && t.index > 0 ? text.slice(0, t.index).trim() : text;
  }
  const m = QUOTE_RE.exec(text);
  return m ? text.slice(m[0].length).trim() : text;
}

/**
 * The quoted message (「name：words」 as `name words`: a nickname often holds the room, 2105王), or null when the
 * text quotes nothing.
 */
export function quotedWords(text: string): string | null {
  const m = text.startsWith('「') ? QUOTE_RE.exec(text) : TRAILING_QUOTE_RE.exec(text);
  if (!m) return null;
  const open = m[0].indexOf('「');
  const inner = m[0].slice(open + 1, m[0].indexOf('」', open));
  const colon = inner.search(/[:：]/);
  const words = colon >= 0 && colon <= 16 ? `${inner.slice(0, colon)} ${inner.slice(colon + 1)}` : inner;
  return words.trim() || null;
}

/** A character standing alone between spaces (` 是 `), or a line of two such: the cheap test before the work. */
function spacedRun(text: string): boolean {
  let at = text.indexOf(' ');
  while (at >= 0 && at + 2 < text.length + 1) {
    // x y: one character, a space, one character, then a space or the line's end
    const before = at < 2 || text[at - 2] === ' ' || text[at - 2] === '\n';
    const after = at + 2 >= text.length || text[at + 2] === ' ' || text[at + 2] === '\n';
    if (
      before &&
      after &&
      text[at - 1] !== undefined &&
      text[at - 1] !== ' ' &&
      text[at + 1] !== undefined &&
      text[at + 1] !== ' '
    )
      return true;
    at = text.indexOf(' ', at + 1);
  }
  return false;
}

/**
 * `我 是 长梁 的 陈 婆 婆 要 大 米` / `3 6 . 4`: some older members type a space after every character. A line whose
 * words are (nearly) all single characters is run together again (a word of two or more keeps its spaces), and a
 * message whose every line was so, or is a word or two, is read as one line (`2 栋\n1 0 3\n早 上\n3 6 . 4`).
 */
export function joinSpacedLetters(text: string): string {
  if (!spacedRun(text)) return text;
  const lines = text.split('\n');
  let spaced = 0;
  const out = lines.map((line) => {
    const words = line.trim().split(/ +/);
    const single = words.filter((w) => [...w].length === 1).length;
    if (words.length < 2 || single < Math.max(2, Math.ceil(words.length * 0.7))) return line;
    spaced++;
    let joined = '';
    words.forEach((w, i) => {
      const prev = words[i - 1];
      joined +=
        i === 0 ? w : [...w].length === 1 && prev !== undefined && [...prev].length === 1 ? w : ` ${w}`;
    });
    return joined;
  });
  if (spaced === 0) return text;
  const short = out.every((l) => l.trim().length <= 8);
  return lines.length > 1 && spaced * 2 >= lines.length && short ? out.join(' ') : out.join('\n');
}

/** 早晚36.4 36.7 / 早晚体温分别是36.5、36.8: the morning's reading, then the evening's. */
const MORNING_EVENING_RE =
  /早晚(?:体温|温度)?(?:分别)?(?:是|为)?\s*((?:3[4-9]|4[0-2])(?:\.\d)?)\s*(?:度|℃)?\s*[,，、/\s]\s*((?:3[4-9]|4[0-2])(?:\.\d)?)(?![\d.])/g;

export function splitMorningEvening(text: string): string {
  return text.includes('早晚') ? text.replace(MORNING_EVENING_RE, '早上$1 晚上$2') : text;
}

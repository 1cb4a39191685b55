// Orders typed in toneless pinyin by the young (`yi bao yan liang ping jiang you 平溪`), read as the characters
// they stand for before anything else reads the message (dialect.ts calls it with the English reader). A run of
// Latin words is read only when every word in it is known here and it counts goods; anything else stays as it is.

/** Words of more than one syllable, goods first (longest first when read). */
const WORDS: Readonly<Record<string, string>> = {
  'fang bian mian': '方便面',
  'xi yi fen': '洗衣粉',
  'wei sheng zhi': '卫生纸',
  'fu he fei': '复合肥',
  'jiang you': '酱油',
  'hua fei': '化肥',
  'gu zhong': '谷种',
  'cai you': '菜油',
  'cai zi you': '菜籽油',
  'cha you': '茶油',
  'hua sheng you': '花生油',
  'da mi': '大米',
  'nuo mi': '糯米',
  'mian fen': '面粉',
  'mian tiao': '面条',
  'gua mian': '挂面',
  'la rou': '腊肉',
  'niao su': '尿素',
  'kou zhao': '口罩',
  'ji dan': '鸡蛋',
  'bai tang': '白糖',
  'hong tang': '红糖',
  'dou fu': '豆腐',
  'nong yao': '农药',
  'si liao': '饲料',
  'tui shao yao': '退烧药',
  'gan mao yao': '感冒药',
};
/** Days, parts of the day and thanks said around the goods. */
const SAID: Readonly<Record<string, string>> = {
  'ming tian': '明天',
  'jin tian': '今天',
  'hou tian': '后天',
  'shang wu': '上午',
  'xia wu': '下午',
  'wan shang': '晚上',
  'xie xie': '谢谢',
};

/** One-syllable goods (盐 for yan: 一条烟 is said with tiao). */
const GOODS_ONE: Readonly<Record<string, string>> = {
  yan: '盐',
  mi: '米',
  tang: '糖',
  cu: '醋',
  mian: '面',
  cha: '茶',
};
const NUMERALS: Readonly<Record<string, string>> = {
  yi: '一',
  er: '二',
  liang: '两',
  san: '三',
  si: '四',
  wu: '五',
  liu: '六',
  qi: '七',
  ba: '八',
  jiu: '九',
  shi: '十',
  ban: '半',
  ji: '几',
};
const MEASURES: Readonly<Record<string, string>> = {
  bao: '包',
  dai: '袋',
  ping: '瓶',
  tong: '桶',
  xiang: '箱',
  jin: '斤',
  he: '盒',
  ge: '个',
  kuai: '块',
  tiao: '条',
  hu: '壶',
  ti: '提',
  zhi: '支',
  ba: '把',
  dan: '担',
  juan: '卷',
  ban: '板',
  wan: '碗',
};
/** Words around the goods (要 opens an ask; after a count, yao is 药 and you is 油). */
const OTHERS: Readonly<Record<string, string>> = {
  yao: '要',
  mai: '买',
  song: '送',
  dai: '带',
  zai: '再',
  hai: '还',
  he: '和',
  gei: '给',
  wo: '我',
  bang: '帮',
  jia: '家',
  de: '的',
  you: '有',
};
const AFTER_COUNT: Readonly<Record<string, string>> = { yao: '药', you: '油', yan: '盐' };

const MULTI = [...Object.keys(WORDS), ...Object.keys(SAID)].sort(
  (a, b) => b.split(' ').length - a.split(' ').length,
);

/** The characters for a run of pinyin words, or null when a word is not known or no goods are counted. */
function readRun(run: string): string | null {
  const words = run.toLowerCase().split(/\s+/);
  let out = '';
  let goods = false;
  let counted = false;
  let prev: 'numeral' | 'measure' | 'other' = 'other';
  for (let i = 0; i < words.length; ) {
    const multi = MULTI.find((m) => {
      const parts = m.split(' ');
      return parts.every((p, k) => words[i + k] === p);
    });
    if (multi) {
      out += WORDS[multi] ?? SAID[multi];
      goods ||= multi in WORDS;
      i += multi.split(' ').length;
      prev = 'other';
      continue;
    }
    const w = words[i] as string;
    if (prev === 'numeral' && MEASURES[w]) {
      out += MEASURES[w];
      prev = 'measure';
      counted = true;
    } else if (prev === 'measure' && (AFTER_COUNT[w] ?? (w === 'yan' && out.endsWith('条') ? '烟' : null))) {
      out += w === 'yan' && out.endsWith('条') ? '烟' : AFTER_COUNT[w];
      goods = true;
      prev = 'other';
    } else if (NUMERALS[w] && (MEASURES[words[i + 1] ?? ''] || NUMERALS[words[i + 1] ?? ''])) {
      out += NUMERALS[w];
      prev = 'numeral';
    } else if (GOODS_ONE[w]) {
      out += GOODS_ONE[w];
      goods = true;
      prev = 'other';
    } else if (OTHERS[w]) {
      out += OTHERS[w];
      prev = 'other';
    } else return null;
    i++;
  }
  return goods && counted ? out : null;
}

const RUN_RE = /[a-z]+(?: +[a-z]+)+/gi;

/** The text with its pinyin orders in characters; most texts have none. */
export function readPinyin(text: string): string {
  if (!/[a-z]{2,} [a-z]/i.test(text)) return text;
  return text.replace(RUN_RE, (run) => readRun(run) ?? run);
}

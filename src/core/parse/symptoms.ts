// Symptoms to the contract's codes, with negation (不咳嗽, 无发热、乏力, 咳嗽：无) and generic or conditional
// mentions (如有发热请报告, 退烧药) left out: only symptoms the person says they have count.
import type { SymptomCode } from '../records.js';
import { anyOf, clauseEnd, clauseStart, endsAny, MAX_HITS, matchesOf, startsAny } from './chars.js';
import { burnsNoFever } from './symptom-burns.js';
import { negatedBefore, postValue } from './symptom-negation.js';

export interface SymptomHit {
  start: number;
  end: number;
  code: SymptomCode;
  negated: boolean;
}

// An adverb between the part and the complaint, a pair of them as one (嗓子还是有点疼).
/** 去年 / 上个月 / 小时候: a time long gone, whose fever or complaint is told, not reported. */
export const LONG_AGO = '前年|去年|那年|小时候|上个?月|上个?(?:礼拜|星期)|上周';
const LONG_AGO_RE = new RegExp(LONG_AGO);
const INT =
  '(?:更加|越来越|更|略感|略有|略微|稍感|感觉有点儿?|感觉|有一丢丢|一丢丢|(?<=[子咙头肚])毛(?=[疼痛])|有少少|少少|有啲|仍然|依然|有一点点|一点点|有点点|还是有点儿?|还有点儿?|还是很|也有点儿?|不太|没那么|没有|不|没|有点儿?|有些|有一点|稍微|还是|还|很|好|特别|一直|老是|也|都|发|比较|非常|挺|总是|又|开始|有点开始){0,3}';
const LEXICON: readonly [SymptomCode, string][] = [
  [
    'loss_of_smell_taste',
    '(?:嗅觉|味觉)(?:好像|有点|也|都|完全)?(?:减退|丧失|失灵|下降|没了|消失|不灵)|(?:闻|尝)(?:东西)?(?:也|都)?(?:闻|尝)?不(?:到|出)(?:味道|气味|味儿|味)?|(?:吃东西|吃饭|嘴里|嘴巴|饭菜吃起来|吃起来)(?:也|都)?没(?:有|得)?味道?|吃(?:啥|什么|东西|饭)?都?没(?:有|得)?味道?|没有?(?:味觉|嗅觉)',
  ],
  [
    'fatigue',
    '乏力|(?<=人|身上|浑身|全身|讲|说)(?:蛮|有点|有些|很|好)吃力|(?<=有点|有些|好)乏(?![味])|(?:浑身|全身|周身)?(?:没(?:有|得|啥|什么)?|莫得)力气|使不上劲|(?:浑身|全身|周身|成身|四肢|身上)(?:无力|没劲|没力|软得很|软绵绵|发软|软)|没得劲|没啥劲|没劲|没得?力|冇得?力气?|冇得?劲|没精神|疲劳|疲倦|无力',
  ],
  ['muscle_pain', `(?:肌肉|全身|浑身|周身|身上|四肢|骨头|身体|骨头节)${INT}(?:酸痛|酸疼|疼|痛|酸)`],
  [
    'fever',
    '发热|发烧|低烧|高烧|烧到|有点烧|有些烧|还在烧|还是烧|还是有点烧|烧得|烧起来|体温(?:偏高|有点高|升高|高)',
  ],
  ['cough', '咳嗽|干咳|咳痰|咳'],
  [
    'sore_throat',
    `咽痛|(?:嗓子|喉咙口?|咽喉|咽部|嗓子眼儿?)\\s?${INT}\\s?(?:疼|痛|哑|不舒服|不适|难受)|(?:嗓子|喉咙)(?:有点|有些)?干(?:又|还|也)?(?:有点|有些)?(?:疼|痛)|(?<!说|说是|诊断为?)(?:嗓子|喉咙|咽喉)发炎`,
  ],
  // 脑壳 / 脑袋 / 脑阔: the head in Chongqing speech and voice input (打脑壳: Guizhou's headache)
  // (投疼: voice input's 投 for 头, before a pain)
  [
    'headache',
    `(?:头|脑壳|脑袋|脑阔|脑瓜子|脑瓜仁儿?|脑瓜)${INT}(?:痛|疼|胀痛)|偏头痛|打脑壳|(?<=有点|有些|点)投(?:疼|痛)`,
  ],
  [
    'chills',
    '畏寒|发冷|怕冷|喊冷|觉得冷|(?<=[他她]说)冷(?=$|[\\s,，。!！]|得很)|(?<=(?:她|他|我|人)(?:说)?)有(?:点|些)冷(?![静水])|浑身冷|身上冷|打寒颤|打寒战|打冷战|打冷噤|打摆子|冷得(?:直|发|打)?(?:发抖|打颤|哆嗦|打抖|抖)|打哆嗦|冷起打抖|(?<=烧|度[一二三四五六七八九\\d]|\\d\\.\\d)[^，,。]{0,3}还是冷(?![静水])',
  ],
  [
    'runny_nose',
    `流鼻涕|流鼻子|流清鼻涕|流涕|鼻涕(?:还|也)?(?:有点|有些|多|有(?=$|[\\s,，。])|流(?:得|个)?(?:不停|停不下|止不住|不止))|鼻塞|(?:鼻子|鼻头)${INT}(?:不通|塞|堵|不透气)`,
  ],
  [
    'shortness_of_breath',
    `胸闷|(?:胸口|心口子?)${INT}(?:闷|发闷|憋)|气短|气促|呼吸${INT}(?:困难|急促|不畅)|喘不(?:上|过)(?:来)?气|喘气不赢|喘不赢|气(?:有点|都|也)?接不上|喘气${INT}(?:困难|费劲|急促)|上不来气|透不过气|气喘|憋气|(?:有点|有些|一直|老是|还)喘|喘得(?:厉害|很|凶|不行|慌)`,
  ],
  [
    'diarrhea',
    '肚屙|肚痾|拉肚皮|(?<=(?:还|还在|又|一直|老是)\\s?)拉(?=$|[\\s,，。!！]|了(?:$|[\\s,，。!！]))|跑了?[一二两三四五六七八九几好多]{0,2}[趟次回]厕所|腹泻|(?<=上吐)下泻|泻肚子|跑肚子?|拉(?:了)?(?:[一二两三四五六七八九几好多]{1,2}[次回趟])?肚子|拉了[一二两三四五六七八九几好多]{1,2}[次回趟](?![\u4e00-\u9fa5]{0,2}(?:货|车|水|柴|东西|粪|人))|拉稀|窜稀|闹肚子|屙(?:了)?(?:[一二两三四五六七八九几好]{0,2}[回次道]|好几[回次道])?稀|屙肚子',
  ],
  [
    'nausea',
    '上吐(?=下泻)|恶心|呕吐|想吐|想呕|作呕|干呕|反胃|吐了|一直(?:在)?吐|(?:还在|老是|又在|还是|还|又)吐(?![出字痰口])|吐个不停|吐得(?:很|厉害|不行)',
  ],
];
const ASSERTED_RE = /有点|有些|有一点|一丢丢|特别|一直|老是|还是/;
const INNER_NEG_RE =
  /(?:不太|没那么|没有|不|没)(?:酸痛|酸疼|疼|痛|干|哑|难受|痒|酸|不通|塞|堵|困难|急促|不畅|闷|发闷|憋)$/;
const CODES = LEXICON.map(([c]) => c);
const SYMPTOM_RE = new RegExp(LEXICON.map(([, p]) => `(${p})`).join('|'), 'g');

/** Symptom words used as medicine names or prevention (退烧药, 止咳糖浆, 预防发热). */
const AFTER_NOT = [
  '药',
  '粉',
  '贴',
  '片',
  '糖浆',
  '灵',
  '冲剂',
  '的药',
  '颗粒',
  '胶囊',
  '喷雾',
  '症状的',
  '的人',
  '的请',
  '者',
  '门诊',
  '病人',
  '患者',
  '病例',
];
const BEFORE_NOT = ['水', '止', '退', '防', '治', '镇', '抗', '预防'];
/** A clause with these is a rule or a question about symptoms, not a report of one. */
const CONDITIONAL = [
  '如有',
  '如果',
  '要是',
  '万一',
  '假如',
  '若有',
  '的话',
  '请及时',
  '是否',
  '是不是',
  // (孩儿他奶嗓子疼不疼: asked of someone)
  '疼不疼',
  '痛不痛',
  '咳不咳',
  '烧不烧',
  '有没有',
  '有无',
  '注意',
  '算',
  '以上的',
  '以上者',
  '以上请',
  '以上要',
  '以上算',
  '以上就',
  '标准',
  // 体温≥37.3或有咳嗽、胸闷的 / 发烧的别自己买药吃: those who have it, told what to do
  '或有',
  '或者有',
  '或出现',
  '≥',
  '的别',
  '的不要',
  '的请',
  '的直接',
  '的马上',
  '的立即',
  // (有发烧37.3以上、咳嗽的 一定别自己扛着)
  '的一定',
  '的 一定',
  '以上、',
];
const CONDITIONAL_RE = anyOf(CONDITIONAL);

function clauseOf(text: string, start: number, end: number): string {
  return text.slice(clauseStart(text, start), clauseEnd(text, end));
}

/** 是不是中招了 / 也不知道是不是屋里太热了: a part of the clause asking what the complaint comes of. */
const CAUSE_PART_RE = /^(?:也|我|又|就)?(?:怕|担心|不知道|不晓得|不清楚|搞不清)?(?:是不是|是否)/;

/** The clause's only conditional word is a 有没有 after the complaint, parted from it by a space. */
function asksAfter(text: string, start: number, end: number): boolean {
  const before = text.slice(clauseStart(text, start), end);
  const after = text.slice(end, clauseEnd(text, end));
  if (CONDITIONAL_RE.test(before)) return false;
  // 头疼 浑身酸痛 是不是中招了: a question opening a later part (after a space) asks about that part, not this
  const parts = after.split(/\s+/);
  if (
    parts.length > 1 &&
    !CONDITIONAL_RE.test(parts[0] as string) &&
    parts.slice(1).some((p) => CAUSE_PART_RE.test(p)) &&
    parts.slice(1).every((p) => CAUSE_PART_RE.test(p) || !CONDITIONAL_RE.test(p))
  )
    return true;
  return /^[^有]*\s[^有]*有没有/.test(after) && !CONDITIONAL_RE.test(after.replace('有没有', ''));
}

/**
 * 有没有感冒药 鼻子堵得很: a 有没有 asking for goods, in its own part of the clause before the complaint (parted by a
 * space), asks nothing about the complaint.
 */
function askedBefore(text: string, start: number, end: number): boolean {
  const from = clauseStart(text, start);
  const before = text.slice(from, start);
  const cut = before.search(/\s\S*$/);
  if (cut < 0) return false;
  const own = text.slice(from + cut, clauseEnd(text, end));
  const head = before.slice(0, cut);
  // (系唔系要报 有少少头痛: whether to report, asked before the complaint said in a part of its own)
  const report =
    /(?:是不是|是否)(?:要|需要)?[\u4e00-\u9fa5]{0,3}了?\s*$/.test(head) &&
    /^\s*(?:还|也)?有(?:点|些|少少|啲|滴)/.test(own);
  const asked = /有没有/.test(head) && !CONDITIONAL_RE.test(head.replace(/有没有/g, ''));
  return !CONDITIONAL_RE.test(own) && (asked || report);
}

/** 今天好了 / 现在已经好了 right after a complaint: it is over. */
const OVER_RE =
  /^[了的]?\s*[，,]?\s*(?:今天|现在|已经|现在已经|今天已经)(?:都)?(?:好了|好多了|没事了|不疼了|不痛了)|^\s*退了/;
const ANIMAL_RE =
  /[羊猪牛鸡鸭鹅狗猫兔驴马](?:子|儿|娃)?(?:(?:病了|生病了|也|又|有点|一直|老是|开始)[^，,。]{0,3})?$|(?:^|[\s,，。])它(?:也|又|还|是不是|好像)?$/;
const NEIGHBOUR_RE =
  /听讲|听说|听人(?:讲|说)|楼上|楼下|隔壁|对门|对面房间|邻居|别的房间|其他房间|旁边房间|别人|(?<!没)有人|楼道里/;

/** 是不是空调吹的 / 是不是感冒了 / 是不是着凉了: a question about a complaint's cause, not about having it. */
const CAUSE_ASKED_RE =
  /(?:是不是|是否|会不会)(?=(?:感冒|着凉|受凉|冻|上火|空调|吹|吃|中暑|累|没睡好)[^，,。?？]{0,6}(?:的|了|引起|造成|导致)?)/g;

const BEDDING_RE = /被子|毯子|棉被|被褥|铺盖|暖气|空调|电热毯|热水袋|暖宝宝|取暖器|电烤炉/;

/** Every symptom phrase contains one of these characters; a message without any skips the big pattern. */
const SYMPTOM_CHARS = /[嗅味乏力劲精疲倦酸疼痛热烧高咳咽嗓喉炎寒冷涕鼻闷气呼喘泻拉恶吐呕胃稀噤摆厕屙壳]/;

export function findSymptoms(text: string): SymptomHit[] {
  const hits: SymptomHit[] = [];
  const byEnd = new Map<number, SymptomHit>();
  if (!SYMPTOM_CHARS.test(text)) return hits;
  for (const m of matchesOf(SYMPTOM_RE, text)) {
    if (hits.length >= MAX_HITS) break;
    const start = m.index;
    const end = start + m[0].length;
    let g = 0;
    for (let k = 1; k < m.length; k++) {
      if (m[k] !== undefined) {
        g = k - 1;
        break;
      }
    }
    const code = CODES[g] as SymptomCode;
    if (startsAny(text, end, AFTER_NOT) || endsAny(text, start, BEFORE_NOT)) continue;
    // 楼上1901一直在咳嗽: a neighbour's symptom is not the sender's (a space parts clauses in WeChat)
    if (NEIGHBOUR_RE.test(text.slice(clauseStart(text, start), start).split(/\s+/).pop() ?? '')) continue;
    // (有少少头痛 会唔会系发烧: a fever asked about is not had; the headache is)
    if (code === 'fever' && /(?:会不会|是不是|是否)是?$/.test(text.slice(Math.max(0, start - 4), start)))
      continue;
    // 羊病了 拉肚子 / 猪也拉稀: an animal's complaint is nobody's
    if (ANIMAL_RE.test(text.slice(Math.max(0, start - 8), start))) continue;
    if (text.includes('兽医') && /[猪牛羊鸡鸭狗猫兔]/.test(text.slice(Math.max(0, start - 12), start)))
      continue;
    // (我前年也是烧到38度几: a complaint years past is not had now)
    if (LONG_AGO_RE.test(text.slice(Math.max(0, start - 12), start))) continue;
    // (发烧了要先给陈医生说: what to do if one has it, said to everyone, is no one's complaint)
    if (/^了?(?:要先|就要|先要|先给|要告诉|要跟)/.test(text.slice(end, end + 4))) continue;
    // 昨天也有点头疼 今天好了: a complaint said to be over is not had now
    if (OVER_RE.test(text.slice(end, end + 10))) continue;
    // 能不能加个被子 晚上冷得打抖: the cold of a room asked to be warmed is no chill (with a fever it is)
    if (code === 'chills' && m[0].startsWith('冷得') && BEDDING_RE.test(text) && !/烧|度|℃|\d\.\d/.test(text))
      continue;
    if (code === 'fever' && burnsNoFever(text, m[0], start, end)) continue;
    const post = postValue(text, end);
    // (嗓子又有点痛了是不是空调吹的 / 身上发冷是不是感冒了: asked what caused it, after it, the complaint stands)
    const clause = clauseOf(text, start, end).replace(CAUSE_ASKED_RE, '');
    // (有没有 asks about the complaint only before it: 拉肚子了 有没有蒙脱石散 asks for medicine)
    if (
      post === null &&
      CONDITIONAL_RE.test(clause) &&
      !asksAfter(text, start, end) &&
      !askedBefore(text, start, end)
    )
      continue;
    // 嗓子不疼了 / 头不痛: a negation inside the phrase itself
    const inner = INNER_NEG_RE.test(m[0]);
    // 没有发烧喉咙有点干 (voice input, no commas): a complaint said with a degree word asserts itself
    const asserted = ASSERTED_RE.test(m[0]);
    const negated =
      inner || post === 'neg' || (post !== 'pos' && negatedBefore(text, start, asserted ? new Map() : byEnd));
    byEnd.set(end, { start, end, code, negated });
    hits.push({ start, end, code, negated });
  }
  return hits;
}

const NORMAL_RE =
  /体温(?:都|均|一直)?正常|一切(?:都)?正常|一切(?:都)?(?:好|安好|良好)|(?:身体|状况|情况)(?:都)?良好|身体(?:都)?(?:正常|很好|挺好|没问题)|(?:都|均|全部|各项)正常|无异常|没有?异常|无不适|没有?(?:什么|啥)?(?:不适|不舒服)|无症状|没有?(?:任何)?症状|症状\s*[:：]\s*(?:无|没有|正常)|正常|三十六七度(?!以上|以下|的话)/g;

export interface NormalHit {
  start: number;
  end: number;
  /** A lone 正常 is weak: it counts only in a short report. */
  weak: boolean;
}

/** 体温正常 / 一切正常 / 无不适: a health report with no number. Not in a question or a rule. */
const EVERYONE_RE = /大家|各位|全体|所有人|全部(?:住户|人员)|全组|全村/;

export function findNormal(text: string): NormalHit[] {
  const hits: NormalHit[] = [];
  // (三十六七度: a reading said roughly, 36 or 37, is a report of no exact temperature)
  if (!/[常切身适舒症]|六七度/.test(text)) return hits;
  for (const m of matchesOf(NORMAL_RE, text)) {
    if (hits.length >= MAX_HITS) break;
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 2);
    if (after.startsWith('吗') || after.startsWith('的') || after.startsWith('么') || after.startsWith('不'))
      continue;
    if (text.endsWith('不', start) || text.endsWith('是否', start)) continue;
    const clause = clauseOf(text, start, end);
    if (CONDITIONAL_RE.test(clause) || clause.includes('?')) continue;
    // 今晚大家体温都正常: a summary of everyone (staff's) is no one's report (体温一直正常 谢谢大家 is one)
    if (EVERYONE_RE.test(clause.slice(0, Math.max(0, clause.lastIndexOf(m[0]))))) continue;
    hits.push({ start, end, weak: m[0] === '正常' });
  }
  return hits;
}

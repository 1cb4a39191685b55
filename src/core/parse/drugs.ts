// Medicines named by their proper names (奥美拉唑, 硝苯地平缓释片, 卡托普利): far too many for a list, but their
// endings are few and mean nothing else — the stems of drug classes (-唑, -沙星, -地平, -普利, -他汀 …) and the
// forms medicine comes in (缓释片, 胶囊, 颗粒, 口服液, 糖浆 …). A name found so is read as goods, medical.

const STEMS =
  '唑|沙星|霉素|西林|地平|普利|沙坦|洛尔|他汀|双胍|洛芬|那敏|泼尼松|氨酚|替丁|拉唑|格列[齐吡美]特|格列[齐吡美本]脲|仙碱|甘油(?<=硝酸甘油)';

import { matchesOf } from './chars.js';

const FORMS =
  '缓释片|控释片|肠溶片|分散片|缓释胶囊|软胶囊|肠溶胶囊|胶囊|颗粒|口服液|糖浆|滴丸|软膏|乳膏|滴眼液|喷雾剂|混悬液';
const ENDING = `(?:(?:${STEMS})(?:${FORMS}|片)?|${FORMS})`;
/** A run of up to ten characters ending so, with no more Chinese after it than a particle (…颗粒吗) or the
 * words of running out or taking (硝苯地平快吃完了, 二甲双胍每天吃两次). */
const DRUG_RE = new RegExp(
  `[\\u4e00-\\u9fa5]{1,10}?${ENDING}(?=$|[^\\u4e00-\\u9fa5]|[吗吧呢啊哈嘛不呀]|快|吃|用完|没|也|都|还|只|就|已|每|一天|要|买)`,
  'g',
);
const DRUG_END_RE = new RegExp(`${ENDING}$`);
const QUICK_RE = new RegExp(`${STEMS}|${FORMS}`);
/** Words before a name that are not part of it: the asking, the counting, the pointing (买一盒…, 叫…, 就是…). */
const CUT_RE =
  /.*(?:买|要|带|叫|是|拿|点|吃|得|盒|瓶|[一两二三四五六七八九十\d](?:板|支|个)|的|[那这]个|那|就|有|还|和|跟|或)/;

/** Drug names in `text`, each as written (硝苯地平缓释片). */
export function drugNames(text: string): string[] {
  if (!QUICK_RE.test(text)) return [];
  const out: string[] = [];
  for (const m of matchesOf(DRUG_RE, text)) {
    const end = DRUG_END_RE.exec(m[0]);
    if (!end) continue;
    const stem = m[0].slice(0, end.index);
    const cut = CUT_RE.exec(stem);
    const name = (cut ? stem.slice(cut[0].length) : stem) + end[0];
    if (name.length >= 3 && !out.includes(name)) out.push(name);
    if (out.length >= 10) break;
  }
  return out;
}

export function isDrugName(name: string): boolean {
  return name.length >= 3 && DRUG_END_RE.test(name);
}

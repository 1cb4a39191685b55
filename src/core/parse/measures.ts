// How a message says one person was measured: again (复测, 量了两次), several ways (额温/耳温), so many times
// (测了三次), or for several people counted (一家三口) — and when two readings are one report.
import type { HealthRecord } from '../records.js';
import { normalPersons } from './health-context.js';
import { findPersons } from './persons.js';

/** One person measured again or two ways: 量了两次, 复测, 额温/耳温, 第一次…第二次, 一次…一次. */
export const REMEASURED_RE =
  /两遍|三遍|几遍|两次|三次|几次|复测|复查|再量|又量|重新|重量|第[一二三]次|一次|额温|耳温|腋温|口温|腋下|耳朵|额头|左右|哪个准|越来越|一直|(?<!顺序)还是|降|升|退(?!烧药|热药|烧贴|烧片)|分别/;

/** Measured again, said so: each reading is a report of its own. */
export const MEASURED_AGAIN_RE =
  /两遍|三遍|几遍|两次|三次|几次|复测|再量|又量|又测|再测|重新量|重新测|第[一二三]次|一次|(?:额温|耳温|腋下|腋温|口温|水银|电子)[^，,。]{0,6}(?:3[4-9]|4[0-2])[\s\S]*(?:额温|耳温|腋下|腋温|口温|水银|电子)/;

/** 测了三次 / 量了两遍: how many times it was measured, said. */
export const COUNTED_MEASURES_RE = /(?:量|测)(?:了)?(?:两|三|四|几)(?:次|遍)/;

/** The message says one slot was measured again (each reading is kept, not only the last). */
export function measuredAgain(text: string): boolean {
  return MEASURED_AGAIN_RE.test(text);
}

/** Several people counted: their readings are one record each even with no one named. */
export const SEVERAL_RE =
  /两口子|老两口|家[两二三四五六七八九]口|[两二三四五六七八九]口人|[两二三四五六七八九]个人|两人|[三四五六]人|分别|各自|我们俩|我俩|全家|一家人/;

/**
 * Whether a message's readings are several people's: counted (一家三口, 两人, 分别), or three readings or more of
 * more than one value with no word of measuring again (2栋206 今朝 36.5 36.6 36.8 36.4: a family's, `byCount`).
 */
export function severalPeople(
  text: string,
  temps: readonly { value: number }[],
): { several: boolean; byCount: boolean } {
  const byCount =
    temps.length >= 3 && !REMEASURED_RE.test(text) && new Set(temps.map((t) => t.value)).size > 1;
  return { several: SEVERAL_RE.test(text) || byCount, byCount };
}

export function sameReport(a: HealthRecord, b: HealthRecord): boolean {
  return a.room === b.room && a.slot === b.slot && a.person === b.person && a.earlier === b.earlier;
}

export function mergeInto(into: HealthRecord, from: HealthRecord): void {
  if ((from.temperature ?? -1) > (into.temperature ?? -1)) into.temperature = from.temperature;
  for (const c of from.symptoms) if (!into.symptoms.includes(c)) into.symptoms.push(c);
}

const COUNT_WORDS: Readonly<Record<string, number>> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** How many people a message counts before saying they all read the same (都/也/均), or 0. */
export function countedPeople(text: string): number {
  const couple =
    /两口子|老两口|我们俩|我俩|咱俩|咱们俩|(?:娘|爷|父子|母子|母女|父女|姐妹|兄弟|姊妹|夫妻)儿?[俩两](?=都|也|今|早|晚|体温|\s)|(?:我们|咱们|俺们|我|俺|咱|他们|她们|他|她)两(?=都|也|今|早|晚|体温)|(?:我们|咱们|阿拉|我哋|我)两(?:个|人)|爸妈|父母|公婆|岳父母/.exec(
      text,
    );
  // (刘洋 36.6 我爸妈要报吗: the couple named after the reading are asked about, not read)
  if (
    couple &&
    /都|也|均|一样/.test(text.slice(couple.index)) &&
    !/^[^\d三]*$/.test(text.slice(couple.index))
  )
    return 2;
  const m = /(?:一家|全家)?([两二三四五六])(?:口人|口|个人|人)[^\d]{0,8}?(?:都|也|均|全)/.exec(text);
  return m ? (COUNT_WORDS[m[1] as string] ?? 0) : 0;
}

const PAIR_RE =
  /(?:^|[\s,，。:：])([\u4e00-\u9fa5]{1,4}?)(?:和|跟|同|与)([\u4e00-\u9fa5]{1,4}?)(?:的)?(?:今天|今早|今晚)?(?:早上|晚上|上午|下午)?(?:的)?(?:体温)?(?:都|也都|俩都|两个都)/;

/**
 * 我和老公体温都正常: the two people said together, each a person; 爹爹 婆婆 体温都正常 / 阿爸阿妈尕娃都正常: the kin
 * listed side by side before 都正常, each a person; null when neither.
 */
export function pairedPersons(text: string): string[] | null {
  const m = PAIR_RE.exec(text);
  if (!m) return listedBeforeNormal(text);
  const persons = findPersons(text);
  const sides: string[] = [];
  for (const [k, side] of [m[1], m[2]].entries()) {
    const at = m.index + m[0].indexOf(side as string, k === 0 ? 0 : (m[1] as string).length);
    // (俺家妞儿: the person is the kin word at the side's end, its possessive before it)
    const hit = persons.find((p) => p.start >= at && p.end === at + (side as string).length);
    if (!hit) return null;
    // 爸妈和俺都正常 / 我和爸妈都正常: persons side by side before the side's last (爸 of 爸妈) are listed with it
    const run = [hit];
    for (
      let prev = persons.find((p) => p.end === hit.start);
      prev;
      prev = persons.find((p) => p.end === prev?.start)
    )
      run.unshift(prev);
    sides.push(...run.map((p) => (p.self ? '我' : p.person)));
  }
  return sides;
}

const BOTH_SLOTS_RE =
  /早晚(?:两次)?(?:体温)?(?:都是|都|均为|均|也都)|(?:早上|上午)(?:和|跟)?(?:晚上|下午)(?:体温)?(?:都是|都|均|也都)/;

/** 早晚都是36.5: one reading said of the morning and the evening is a report for each (in place, in `records`). */
export function splitBothSlots(text: string, records: { record: HealthRecord }[]): void {
  const one = records[0]?.record;
  if (records.length !== 1 || !one || one.temperature === null || !BOTH_SLOTS_RE.test(text)) return;
  one.slot = 'am';
  records.push({ ...(records[0] as { record: HealthRecord }), record: { ...one, slot: 'pm' } });
}

const ALL_NORMAL_RE = /(?:体温|温度)?\s*都(?:很)?正常/;

function listedBeforeNormal(text: string): string[] | null {
  const all = ALL_NORMAL_RE.exec(text);
  if (!all) return null;
  const listed = normalPersons(text, findPersons(text), all.index + all[0].indexOf('都'));
  return listed.length >= 2 ? listed : null;
}

// Persons named after their readings (`36.5 俺 / 36.6 俺对象 / 36.4 大妮`, `36.6俺 36.5俺对象`) or listed after all of
// them in order (`36.5 36.6 36.4 我 老婆 娃娃 按顺序`): each reading is the person who follows it, or the one at its
// place in the list. Read only when no one is named before the first reading.
import type { HealthRecord, SymptomCode } from '../records.js';
import { SURNAMES } from './name-words.js';
import type { PersonHit } from './persons.js';

/** Said before or after a list read in order: 按顺序是…, …顺序, 依次, 分别. */
const ORDER_WORDS_RE = /按顺序(?:是|为)?|顺序(?:还是|也是|是|为)?|依次(?:是|为)?|分别(?:是|为)?/g;
/** Words that are no one's name: a slot, a day, a state or a complaint (36.5 早 36.8 晚, 36.5 正常). */
const NOT_A_NAME_RE = /[早晚上下午中体温度今天现在又了是的都也你们不没有点常好烧咳疼痛热冷量测报房号栋楼]/;
/** A word that may name a person: a kin word or title found by the person reader, or a short name (小三, 大妮). */
const SHORT_NAME_RE = new RegExp(
  `^(?:[大二三四小老幺细满][\\u4e00-\\u9fa5]{1,2}|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2})$`,
);

function nameOf(token: string, at: number, persons: readonly PersonHit[]): string | null {
  const hit = persons.find((p) => p.start === at && p.end === at + token.length);
  if (hit) return hit.person;
  return SHORT_NAME_RE.test(token) && !NOT_A_NAME_RE.test(token) ? token : null;
}

/** The person words after the readings, one for each, or null when the message is not laid out so. */
export function listedAfter(
  text: string,
  persons: readonly PersonHit[],
  temps: readonly { start: number; end: number }[],
): string[] | null {
  if (temps.length < 2) return null;
  const first = temps[0] as { start: number };
  if (persons.some((p) => p.end <= first.start)) return null;
  return eachFollowed(text, persons, temps) ?? listAtEnd(text, persons, temps);
}

/** 36.5 俺 36.6 俺对象 …: one word after each reading, before the next. */
function eachFollowed(
  text: string,
  persons: readonly PersonHit[],
  temps: readonly { start: number; end: number }[],
): string[] | null {
  const out: string[] = [];
  for (let i = 0; i < temps.length; i++) {
    const from = (temps[i] as { end: number }).end;
    const to = temps[i + 1]?.start ?? text.length;
    const m = /^[\s,，、:：]*([^\s,，、:：。.!！?？]{1,4})[\s,，、。.;；]*$/.exec(text.slice(from, to));
    const token = m?.[1];
    if (!token || !m) return null;
    const name = nameOf(token, from + m[0].indexOf(token), persons);
    if (!name) return null;
    out.push(name);
  }
  return new Set(out).size === out.length ? out : null;
}

/** 36.5 36.6 36.4 我 老婆 娃娃 按顺序: the readings side by side, then as many persons. */
function listAtEnd(
  text: string,
  persons: readonly PersonHit[],
  temps: readonly { start: number; end: number }[],
): string[] | null {
  for (let i = 1; i < temps.length; i++)
    if (
      !/^[\s,，、]*$/.test(
        text.slice((temps[i - 1] as { end: number }).end, (temps[i] as { start: number }).start),
      )
    )
      return null;
  const tailAt = (temps[temps.length - 1] as { end: number }).end;
  const tail = text.slice(tailAt);
  const cleared = tail.replace(ORDER_WORDS_RE, (w) => ' '.repeat(w.length));
  if (cleared === tail) return null;
  const out: string[] = [];
  for (const m of cleared.matchAll(/[^\s,，、:：。.!！?？]+/g)) {
    const name = nameOf(m[0], tailAt + (m.index ?? 0), persons);
    if (!name) return null;
    out.push(name);
  }
  return out.length === temps.length && new Set(out).size === out.length ? out : null;
}

/**
 * 3318 早 建国36.4 李梅36.5 我妈36.3: in a family's list where every later reading has its person, the word standing
 * alone right before the first reading (a given name, a pet name) is the first one's.
 */
export function nameTheFirst(
  text: string,
  out: readonly { at: number; record: { person?: string | null } }[],
): void {
  const first = out[0];
  if (!first || out.length < 2 || first.record.person) return;
  if (!out.slice(1).every((a) => a.record.person && a.record.person !== '我' && a.record.person !== '俺'))
    return;
  const m = /(?:^|[\s,，、。:：])([\u4e00-\u9fa5]{2,3})\s*$/.exec(text.slice(0, first.at));
  const w = m?.[1];
  if (!w || NOT_A_NAME_RE.test(w) || /^[一二两三四五六七八九十几]|家$|[吧呢啊呀哦嘛哈]$/.test(w)) return;
  first.record.person = w;
}

/**
 * …李老奶37.6 李小娃36.7。李老奶37.6，有点咳: one person's reading said again later in the message is one report (its
 * complaints joined), not a second reading.
 */
export function withoutRepeats<
  R extends {
    person?: string | null;
    temperature: number | null;
    slot: string | null;
    room: string | null;
    symptoms: string[];
  },
>(out: { record: R }[]): void {
  for (let i = out.length - 1; i > 0; i--) {
    const r = (out[i] as { record: R }).record;
    if (!r.person || r.temperature === null) continue;
    const first = out
      .slice(0, i)
      .find(
        (a) =>
          a.record.person === r.person &&
          a.record.temperature === r.temperature &&
          a.record.slot === r.slot &&
          a.record.room === r.room,
      );
    if (!first) continue;
    for (const c of r.symptoms) if (!first.record.symptoms.includes(c)) first.record.symptoms.push(c);
    out.splice(i, 1);
  }
}

/**
 * 囡囡37.5 我36.5 囡囡昨晚开始咳 / 冉老三37度6 婆娘36.4 女儿36.6 老三有点咳: a complaint whose clause opens with someone
 * named before (or the end of their name) is that person's, not the last reading's.
 */
export function symptomsOfNamed(
  text: string,
  symptoms: readonly { start: number; code: SymptomCode; negated: boolean }[],
  out: { at: number; record: HealthRecord }[],
): void {
  if (out.length < 2) return;
  for (const s of symptoms) {
    if (s.negated) continue;
    let cs = s.start;
    while (cs > 0 && !/[\s,，。;；!！?？\n]/.test(text[cs - 1] as string)) cs--;
    const lead = text.slice(cs, s.start);
    if (lead.length === 0) continue;
    const target = out.find((a) => {
      const p = a.record.person;
      return (
        p !== undefined &&
        p !== null &&
        p !== '我' &&
        (lead.startsWith(p) || (p.length >= 3 && lead.startsWith(p.slice(-2))))
      );
    });
    if (!target) continue;
    const holders = out.filter((a) => a !== target && a.at < cs && a.record.symptoms.includes(s.code));
    if (holders.length === 0) continue;
    for (const h of holders) h.record.symptoms = h.record.symptoms.filter((c) => c !== s.code);
    if (!target.record.symptoms.includes(s.code)) target.record.symptoms.push(s.code);
  }
}

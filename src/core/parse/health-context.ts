// Where and when a health reading stands in its message: the slot from the clock or a part-of-day word, the
// symptoms of its part of the message, its room, and the day words (昨晚, 现在) that tie it to a day.
import type { HealthRecord, Slot, SymptomCode } from '../records.js';
import { clauseEnd, matchesOf } from './chars.js';
import type { Anchored } from './health.js';
import type { LocalDate } from './local-time.js';
import type { PersonHit } from './persons.js';
import type { RoomHit } from './rooms.js';
import type { SlotHit } from './slots.js';
import type { SymptomHit } from './symptoms.js';
import type { TempHit } from './temperature.js';

export function slotFromClock(local: LocalDate | null): Slot | null {
  if (local === null) return null;
  return local.hour < 12 ? 'am' : 'pm';
}

/**
 * 这两天晚上总是咳嗽，白天还好，体温…36.6: a slot word in an earlier clause that says when a symptom comes
 * is not when the temperature was taken.
 */
export function whenOfSymptom(
  text: string,
  s: SlotHit,
  tempStart: number,
  symptoms: readonly SymptomHit[],
): boolean {
  const ce = clauseEnd(text, s.end);
  if (ce >= tempStart) return false;
  // 从昨晚开始一直低烧，37.5: a fever's time is its reading's time
  for (const x of symptoms) if (x.start >= s.end && x.start < ce && x.code !== 'fever') return true;
  return false;
}

export function postfix(text: string, s: SlotHit, prevEnd: number): boolean {
  return s.start - prevEnd <= 2 && text[s.start - 1] === '(' && text[s.end] === ')';
}

export function codesIn(symptoms: readonly SymptomHit[], from: number, to: number): SymptomCode[] {
  const codes: SymptomCode[] = [];
  for (const s of symptoms) {
    if (!s.negated && s.start >= from && s.start < to && !codes.includes(s.code)) codes.push(s.code);
  }
  return codes;
}

/** Two or more rooms listed together before the first reading (2201 2202 / 2010、2011), or null. */
export function roomList(text: string, rooms: readonly RoomHit[], first: TempHit): string[] | null {
  const before = rooms.filter((r) => r.end <= first.start);
  if (before.length < 2 || before.length !== rooms.length) return null;
  for (let k = 1; k < before.length; k++)
    if (!/^[\s、,，和]+$/.test(text.slice((before[k - 1] as RoomHit).end, (before[k] as RoomHit).start)))
      return null;
  return before.map((r) => r.room);
}

/** A short message that is only a room, a slot word and 正常. */
export function shortReport(text: string, rooms: readonly RoomHit[]): boolean {
  let rest = text;
  for (const r of rooms) rest = rest.replace(r.room, '');
  return rest.replace(/[\s\p{P}\p{S}]/gu, '').length <= 8;
}

/** The day words that tie a reading to the local day before (昨晚37.1) or to today (现在36.8). */
const DAY_HINT_RE = /[昨今现刚目这前头]/;
const EARLIER_RE = /昨天|昨晚|昨日|昨夜|前晚|头天晚上/g;
const TODAY_RE = /今天|今早|今晚|今日|现在|刚才|刚刚|目前|这会|今儿/g;

function lastIndex(re: RegExp, s: string): number {
  let at = -1;
  for (const m of matchesOf(re, s)) at = m.index;
  return at;
}

/** true / false when the text between `from` and the reading names its day; undefined when it does not. */
export function dayOf(text: string, from: number, to: number): boolean | undefined {
  if (!DAY_HINT_RE.test(text)) return undefined;
  const seg = text.slice(from, to);
  const y = lastIndex(EARLIER_RE, seg);
  const t = lastIndex(TODAY_RE, seg);
  if (y < 0 && t < 0) return undefined;
  return y > t;
}

/** What may stand between a person and the complaint said of them: 娃有点咳, 爸爸说怕冷, 老婆也一直拉肚子. */
// (娃昨晚拉了两次肚子 / 父亲自述有些怕冷 / 娃娃说肚子疼 拉了两回: the night before, the patient's own word, a
// complaint that is no symptom of the list, between the person and the complaint)
const SAID_OF_RE =
  /^\s*(?:说|讲|话|自述|自己说|还|也|又|一直|今天|晚上|早上|昨晚|昨天|昨夜|夜里|刚才|刚刚|好像|感觉|觉得|有点|有些|就是|就|是|肚子(?:疼|痛)|一下午|一上午|一晚上|一整天|都在|在|[,，\s])*\s*$/;

/** 爸爸有点发烧 头疼: the person's other complaints (and the pauses between them) stand between it and this one. */
function withoutComplaints(text: string, from: number, to: number, symptoms: readonly SymptomHit[]): string {
  let between = text.slice(from, to);
  for (const o of symptoms)
    if (!o.negated && o.start >= from && o.end <= to)
      between = between.replace(text.slice(o.start, o.end), ' ');
  // (nothing but pauses left: the complaint follows the person directly)
  return between.replace(/[\s,，、和还也又]+/g, '') === '' ? '' : between;
}

/** A clause opened by 她/他 (她说有点头疼, 他今天也有点咳): the complaint of someone named before. */
const PRONOUN_CLAUSE_RE =
  /(?:^|[,，。;；!！\s])[他她](?:说|讲)?(?:这两天|这几天|今天|昨天|最近|也|还|又|一直)*(?:有点|有些)?[^,，。;；\s\d]{0,2}$/;
const SELF_WORDS = new Set(['我', '俺', '额', '我自己', '本人', '自己']);

/**
 * 娃36度9 我36度5 2210 娃有点咳 / 爸爸37.7 妈妈36.6 爸爸说怕冷: a complaint said right after a person named is that
 * person's, whichever reading it stands beside. Moved only when every mention of the complaint names its person
 * and that person has a reading of their own.
 */
export function symptomsToTheirPersons(
  text: string,
  records: readonly { person?: string | null; symptoms: SymptomCode[] }[],
  symptoms: readonly SymptomHit[],
  persons: readonly { start: number; end: number; person: string }[],
): void {
  const withPerson = records.filter((r) => r.person);
  if (withPerson.length < 2) return;
  const owners = new Map<SymptomCode, Set<(typeof records)[number]> | null>();
  let last: { end: number; owner: (typeof records)[number] } | null = null;
  for (const s of symptoms) {
    if (s.negated) continue;
    let who: (typeof persons)[number] | undefined;
    for (const p of persons) if (p.end <= s.start && s.start - p.end <= 8) who = p;
    // 王强37.5 李明36.6 … 王强说有点咳: a person of a record named again before the complaint
    for (const r of withPerson) {
      const name = r.person as string;
      const at = text.lastIndexOf(name, s.start - name.length);
      if (at >= 0 && s.start - (at + name.length) <= 8 && (!who || at + name.length > who.end))
        who = { start: at, end: at + name.length, person: name };
    }
    let owner =
      who && SAID_OF_RE.test(withoutComplaints(text, who.end, s.start, symptoms))
        ? withPerson.find((r) => r.person === who.person)
        : undefined;
    // 媳妇37.1 俺36.6 她说有点头疼: 她/他 opening the complaint is the last one named who is not the sender
    if (!owner && PRONOUN_CLAUSE_RE.test(text.slice(Math.max(0, s.start - 10), s.start))) {
      let named: (typeof persons)[number] | undefined;
      for (const p of persons)
        if (p.end <= s.start && !SELF_WORDS.has(p.person) && p.person !== '她' && p.person !== '他')
          named = p;
      owner = named ? withPerson.find((r) => r.person === named.person) : undefined;
    }
    // (他说浑身发冷 头疼: complaints run on after the one said of him are his too)
    if (!owner && last && /^[\s,，、和也还又有点些]*$/.test(text.slice(last.end, s.start)))
      owner = last.owner;
    if (owner) last = { end: s.end, owner };
    const set = owners.get(s.code);
    if (!owner) owners.set(s.code, null);
    else if (set !== null) owners.set(s.code, (set ?? new Set()).add(owner));
  }
  for (const [code, set] of owners) {
    if (!set) continue;
    for (const r of records) {
      const has = r.symptoms.indexOf(code);
      if (set.has(r) && has < 0) r.symptoms.push(code);
      else if (!set.has(r) && has >= 0) r.symptoms.splice(has, 1);
    }
  }
}

/** The person (not the sender) named within a short stretch before a complaint with no reading, or null. */
export function complainant(
  text: string,
  persons: readonly { start: number; end: number; person: string; self: boolean }[],
  at: number,
): string | null {
  let who: (typeof persons)[number] | undefined;
  for (const p of persons) if (p.end <= at && at - p.end <= 12) who = p;
  // 帮我家老人买点感冒药和止咳糖浆，他这两天有点咳嗽: 他/她 opening the complaint's clause is the one named before
  if (
    !who &&
    /(?:^|[,，。;；\s])[他她](?:这两天|这几天|今天|昨天|最近|也|还|一直)?(?:有点|有些)?[^,，。;；\s]{0,2}$/.test(
      text.slice(Math.max(0, at - 10), at),
    )
  )
    for (const p of persons) if (p.end <= at && !p.self) who = p;
  if (!who || who.self) return null;
  // at most one clause boundary between, and no other sentence
  if ((text.slice(who.end, at).match(/[,，。;；!！?？]/g) ?? []).length > 1) return null;
  return who.person;
}

/** 大人正常 / 爸爸妈妈体温都正常: the persons named right before a 正常 (not the sender). */
export function normalPersons(text: string, persons: readonly PersonHit[], at: number): string[] {
  const near = persons.filter((p) => !p.self && p.end <= at && at - p.end <= 6);
  const last = near[near.length - 1];
  if (
    !last ||
    !/^\s*(?:今天|今早|早上|晚上|今晚)?(?:的)?\s*(?:体温|温度)?\s*(?:都|也|均)?\s*$/.test(
      text.slice(last.end, at),
    )
  )
    return [];
  // 爸爸妈妈: persons side by side before one 正常 are each normal
  const out: string[] = [last.person];
  for (let k = near.length - 2; k >= 0; k--) {
    const p = near[k] as PersonHit;
    if (!/^[\s、和跟]*$/.test(text.slice(p.end, (near[k + 1] as PersonHit).start))) break;
    out.unshift(p.person);
  }
  return out;
}

/**
 * `person` is set when a message reports for someone other than the sender or for several people: with only
 * the sender named (我36.5), it is left out.
 */
export function namePersons(out: Anchored<HealthRecord>[], persons: readonly PersonHit[]): void {
  const named = new Set(out.map((a) => a.record.person).filter((p) => p !== undefined));
  const selfOnly = [...named].every((p) => persons.some((x) => x.self && x.person === p));
  if (named.size === 0 || (named.size === 1 && selfOnly)) {
    for (const a of out) delete a.record.person;
  }
}

/** A word of two characters or more, not a slot or a filler, right before a reading (大宝36.5): maybe a person. */
/**
 * 1108 我36.4 老婆36.5 乐乐36.8: in a family's list, the word standing alone right before a reading (a pet name, 小的,
 * 幺妹儿) is whose it is, not the person before's; null when the words between are no such word.
 */
export function listedNameBefore(text: string, from: number, to: number): string | null {
  const m = /(?:^|[\s,，、。])([\u4e00-\u9fa5]{2,3})\s*$/.exec(text.slice(from, to));
  // 我也36度6 / 老伴也36.5: the 也 said after the person is no part of them
  const w = m?.[1]?.replace(/(?<=.)[也都还又]$/, '');
  if (w === '我' || w === '俺') return w;
  if (
    w?.length === 1 ||
    !w ||
    /^(?:今|昨|明|早|晚|上|下|中|体|温|复|再|现|刚|还|也|都|又|才|量|测|是|有|没|不|好|一|正|差|额|耳|腋)/.test(
      w,
    )
  )
    return null;
  return w !== '小的' && w !== '大的' && /[度了的吧呢啊呀哦]$/.test(w) ? null : w;
}

export function unknownWordBefore(text: string, from: number, to: number): boolean {
  const before = text
    .slice(from, to)
    .replace(/早上|早晨|上午|中午|下午|晚上|体温|温度|今天|现在|又|了|是|的|度|℃|:|：/g, '');
  return /[\u4e00-\u9fa5]{2}\s*$/.test(before);
}

/**
 * 36.5 36.6 / 体温36.5/36.8: two readings side by side with nothing between but a pause — two people, or one twice
 * (both kept, asked). Not a stutter of voice input (三十六度 三十六度六: the whole degrees, then the reading) nor
 * two readings offered as one (36.5 or 36.3? / 36.5还是36.3).
 */
export function twoReadings(
  text: string,
  from: number,
  to: number,
  a: { temperature: number | null },
  b: { temperature: number | null },
): 'ask' | 'each' | null {
  if (a.temperature === null || b.temperature === null || a.temperature === b.temperature) return null;
  if (Number.isInteger(a.temperature) && Math.floor(b.temperature) === a.temperature) return null;
  // (我们两个 一个36.4一个36.6: one each, said so, nothing to ask)
  if (!/^[\s,，、/]*(?:(?:另外)?一(?:个|位))?[\s,，、/]*$/.test(text.slice(from, to))) return null;
  return ONE_EACH_RE.test(text) ? 'each' : 'ask';
}

/** 一个36.4一个36.6: two people's readings, one each, said so. */
const ONE_EACH_RE =
  /一(?:个|位)\s*(?:3[4-9]|4[0-2]|三十)[^，,。]{0,8}?(?:另外)?一(?:个|位)\s*(?:3[4-9]|4[0-2]|三十)/;

/** 36.5还是36.3 / 36.5 or 36.3: two readings offered as one, the sender unsure which. */
export function eitherOr(text: string, from: number, to: number): boolean {
  return /^\s*(?:还是|或者|或|or)\s*$/i.test(text.slice(from, to));
}

// Health records: one per temperature (two slots give two records), symptoms assigned to the slot whose part
// of the message they sit in; with no number, a record for symptoms or for 体温正常 / 一切正常 / 无不适.
import type { GroupContext, HealthRecord } from '../records.js';
import { nobodysComplaint } from './complaints-general.js';
import { doubt } from './doubts.js';
import {
  codesIn,
  complainant,
  dayOf,
  eitherOr,
  listedNameBefore,
  namePersons,
  normalPersons,
  postfix,
  roomList,
  shortReport,
  slotFromClock,
  symptomsToTheirPersons,
  twoReadings,
  unknownWordBefore,
  whenOfSymptom,
} from './health-context.js';
import { shareAmongRooms, wellInEachRoom } from './health-rooms.js';
import type { LocalDate } from './local-time.js';
import {
  COUNTED_MEASURES_RE,
  countedPeople,
  MEASURED_AGAIN_RE,
  mergeInto,
  pairedPersons,
  REMEASURED_RE,
  sameReport,
  severalPeople,
  splitBothSlots,
} from './measures.js';
import { listedInOrder, namesBeforeEach, type PersonHit, personsBefore } from './persons.js';
import { listedAfter, nameTheFirst, symptomsOfNamed, withoutRepeats } from './persons-after.js';
import { type RoomHit, roomBetween, roomFor, roomOfReading } from './rooms.js';
import { headingEndOf, LATE_RE, NOW_RE, type SlotHit } from './slots.js';
import type { NormalHit, SymptomHit } from './symptoms.js';
import type { TempHit } from './temperature.js';

export interface HealthInput {
  text: string;
  temps: readonly TempHit[];
  symptoms: readonly SymptomHit[];
  normals: readonly NormalHit[];
  slots: readonly SlotHit[];
  rooms: readonly RoomHit[];
  local: LocalDate | null;
  context: GroupContext | null;
  persons: readonly PersonHit[];
}

export interface Anchored<T> {
  at: number;
  record: T;
}

export function buildHealth(h: HealthInput): Anchored<HealthRecord>[] {
  const { text, temps, symptoms, rooms, local } = h;
  const out: Anchored<HealthRecord>[] = [];
  if (temps.length > 0) {
    // 娃娃哭了一晚上 量了38度2: a span of time is no slot of a reading
    const slots = h.slots.some((s) => s.span) ? h.slots.filter((s) => !s.span) : h.slots;
    const headingEnd = headingEndOf(text); // (晚上体温：⏎1.王姐1301 36.6: the heading's part of the day holds)
    const headingSlot =
      headingEnd > 0 && !/\d{2}/.test(text.slice(0, headingEnd))
        ? slots.filter((s) => s.end <= headingEnd).pop()?.slot
        : undefined;
    const bounds: number[] = [0];
    for (let i = 1; i < temps.length; i++) {
      const prevEnd = (temps[i - 1] as TempHit).end;
      const start = (temps[i] as TempHit).start;
      const between = slots.filter((s) => s.start >= prevEnd && s.end <= start);
      // 我爸早上36.8 有点咳嗽 我36.3: the next reading's person opens its part of the message
      const who = personsBefore(text, h.persons, prevEnd, start)[0];
      const slotAt = between.length > 0 ? (between[between.length - 1] as SlotHit).start : prevEnd;
      // 505 37.4 自述有点发冷 507 36.7 / 207 38.1 说昨晚就全身酸痛 208 …: the next room opens the next reading's part
      const room = roomBetween(rooms, prevEnd, start);
      bounds.push(room ?? (who && who.start > slotAt ? who.start : slotAt));
    }
    bounds.push(text.length);
    const { several, byCount } = severalPeople(text, temps);
    // 2201 2202 … 36.5 36.6: rooms listed before as many readings are read in order
    const listed = roomList(text, rooms, temps[0] as TempHit);
    const inOrderRooms = listed && listed.length === temps.length ? listed : null;
    const inOrder = listedInOrder(text, h.persons, temps) ?? listedAfter(text, h.persons, temps);
    temps.forEach((t, i) => {
      const prevEnd = i === 0 ? 0 : (temps[i - 1] as TempHit).end;
      const nextStart = temps[i + 1]?.start ?? text.length;
      // 36.5（早） 36.8（晚）: a slot in brackets right after the previous reading is that reading's
      const opens = i === 0 ? null : roomBetween(rooms, prevEnd, t.start);
      const before = slots.filter(
        (s) =>
          s.start >= (opens ?? prevEnd) &&
          s.end <= t.start &&
          !(i > 0 && postfix(text, s, prevEnd)) &&
          !whenOfSymptom(text, s, t.start, symptoms),
      );
      // (1512 36度5 昨晚有点咳嗽: last night opens the complaint's clause, it is not the reading's)
      const after = slots.find(
        (s) =>
          s.start >= t.end &&
          s.start <= t.end + 2 &&
          s.end <= nextStart &&
          // (36.8 昨晚36.5: a slot set apart from this reading, right before the next, is the next one's)
          !(i + 1 < temps.length && nextStart - s.end <= 1 && /[\s,，]/.test(text.slice(t.end, s.start))) &&
          !(
            text.startsWith('昨', s.start) &&
            /^[^\s,，。]*?(?:有点|有些|一直|开始|就)/.test(text.slice(s.end, s.end + 6))
          ),
      );
      // 昨晚发烧了 今天退了 36.8: 今天 / 现在 after the slot word brings the reading back to now
      // 1510 早上 老大36.4 老二36.6 我36.5: a slot said before a list of people holds for each reading in it
      const carried =
        before.length === 0 &&
        i > 0 &&
        !after &&
        out.length > 0 &&
        !/[，。,.;；!！?？\n]|今|现在|刚|昨|好点|退|降/.test(text.slice(prevEnd, t.start))
          ? out[out.length - 1]?.record.slot
          : undefined;
      const said = before[before.length - 1];
      // (早上忘报了，现在补 36.5: a late report is the slot it was missed in)
      const now =
        said !== undefined &&
        NOW_RE.test(text.slice(said.end, t.start)) &&
        !LATE_RE.test(text.slice(said.end, t.start));
      const heading = t.start > headingEnd ? headingSlot : undefined;
      const slot = (now ? null : said?.slot) ?? after?.slot ?? carried ?? heading ?? slotFromClock(local);
      const symptomsHere = codesIn(symptoms, bounds[i] as number, bounds[i + 1] as number);
      // 我和老婆都是36.5: one record a person; 1205 爸爸36.6 妈妈36.8: each reading its person
      const named = personsBefore(text, h.persons, prevEnd, t.start);
      const prevPerson = out[out.length - 1]?.record.person;
      // 孩子…37.5左右，今天早上还是37.4: the last person's named; 2110 36.4（帮刘婆婆报的）: the bracket's
      const bracketed = h.persons.find(
        (p) =>
          p.start >= t.end &&
          p.start <= t.end + 4 &&
          /^\s*[（(](?:帮|替|给|是)?$/.test(text.slice(t.end, p.start)),
      );
      const who = bracketed
        ? [bracketed.person]
        : inOrder
          ? [inOrder[i] as string]
          : named.length > 0
            ? named.map((p) => p.person)
            : [prevPerson && (listedNameBefore(text, prevEnd, t.start) ?? prevPerson)].filter((p) => !!p);
      const said2 = dayOf(text, prevEnd, t.start);
      const prev = out[out.length - 1]?.record;
      // 昨天早上36.5 晚上36.9: the day holds for the next reading unless its slot comes earlier (昨晚38.2 早上36.8)
      const nextDay = before.length > 0 && prev?.slot === 'pm' && slot === 'am';
      const earlier = said2 ?? (prev?.earlier === undefined ? undefined : nextDay ? false : prev.earlier);
      for (const p of who.length > 0 ? who : [null]) {
        const record: HealthRecord = {
          type: 'health',
          temperature: t.value,
          slot,
          symptoms: [...symptomsHere],
          room: inOrderRooms ? (inOrderRooms[i] as string) : roomOfReading(text, rooms, t, nextStart),
        };
        if (p) record.person = p;
        // which reading is which room's is read from the order alone: the bot asks
        if (inOrderRooms) doubt(record, 'person');
        if (earlier !== undefined) record.earlier = earlier;
        if (t.doubtful) doubt(record, 'number');
        const last = out[out.length - 1]?.record;
        // 额温36.2 耳温36.5 (taken two ways, each said): a record each, as 早上测了37.3 又测了一次37.1; people counted:
        // one record each;
        // each reading kept, once a value, twice when counted (测了三次 37.4 37.5 37.4)
        const again =
          MEASURED_AGAIN_RE.test(text) &&
          (COUNTED_MEASURES_RE.test(text) ||
            !out.some((a) => sameReport(a.record, record) && a.record.temperature === record.temperature));
        // 36.5 36.6 with nothing said: one person twice, or two people? Both kept (no reading is dropped), asked
        const same =
          last !== undefined && !several && !again && before.length === 0 && sameReport(last, record);
        const twoOrOne =
          same && last?.person === undefined && twoReadings(text, prevEnd, t.start, last, record);
        const names =
          last && same && !p ? namesBeforeEach(text, out[out.length - 1]?.at ?? 0, prevEnd, t.start) : null;
        if (last && names && last.person === undefined) [last.person, record.person] = names;
        if (last && same && !names && !(twoOrOne && !REMEASURED_RE.test(text))) {
          // (我36.6，大宝36.5 / two values merged with no word of measuring again: the bot asks)
          const asked =
            last.person === undefined ||
            last.temperature !== record.temperature ||
            (named.length === 0 && unknownWordBefore(text, prevEnd, t.start));
          mergeInto(last, record);
          if (eitherOr(text, prevEnd, t.start)) doubt(last, 'number');
          else if (!REMEASURED_RE.test(text) && asked) doubt(last, 'person');
        } else {
          // (a reading with no word of its own before it, after a person's: kept apart, taking that person: asked)
          if (byCount && last?.person && record.person === last.person && !before.length)
            doubt(record, 'person');
          if (last && twoOrOne === 'ask') for (const r of [last, record]) doubt(r, 'person');
          out.push({ at: t.start, record });
        }
      }
    });
    // 我们两口子都三十六度五 / 一家三口都是36.5: one reading said of people counted is each one's
    const counted = temps.length === 1 && out.length === 1 ? countedPeople(text) : 0;
    for (let k = 1; k < counted; k++)
      out.push({ at: out[0]?.at ?? 0, record: { ...(out[0]?.record as HealthRecord) } });
    if (temps.length === 1) splitBothSlots(text, out);
    // 2010 2011 都是36.5: one reading said of rooms listed is each room's
    if (listed && temps.length === 1 && out.length === 1 && /都|均|也都|全是/.test(text)) {
      const one = out[0] as Anchored<HealthRecord>;
      one.record.room = listed[0] as string;
      for (const r of listed.slice(1)) out.push({ at: one.at, record: { ...one.record, room: r } });
    }
    // 2106 2108 2110 都36.5 2112 36.8: rooms listed before a reading said of them all are each that reading's
    else if (!inOrderRooms && rooms.length > 1 && /都|均|全是/.test(text))
      shareAmongRooms(text, rooms, temps, out);
    symptomsToTheirPersons(
      text,
      out.map((a) => a.record),
      symptoms,
      h.persons,
    );
    namePersons(out, h.persons);
    nameTheFirst(text, out);
    withoutRepeats(out);
    symptomsOfNamed(text, symptoms, out);
    // 早上体温正常 晚上37.5: a slot reported normal without a number is a report of its own
    for (const n of h.normals) {
      let slot = slotFromClock(local);
      for (const s of slots) if (s.end <= n.start) slot = s.slot;
      // 孩子37度5 大人正常: people said to be normal beside a reading are a report each, with no number
      const said = normalPersons(text, h.persons, n.start).filter(
        (p) => !out.some((a) => a.record.person === p),
      );
      if (n.weak && said.length === 0) continue;
      if (said.length > 0) {
        for (const person of said) {
          const room = roomFor(rooms, n.start);
          out.push({
            at: n.start,
            record: { type: 'health', temperature: null, slot, symptoms: [], room, person },
          });
        }
        continue;
      }
      if (out.some((a) => a.record.slot === slot)) continue;
      out.push({ at: n.start, record: noReading(slot, roomFor(rooms, n.start)) });
      out.sort((a, b) => a.at - b.at);
    }
    return out;
  }
  const positive = codesIn(symptoms, 0, text.length);
  const slots = h.slots;
  const slot = slots[0]?.slot ?? slotFromClock(local);
  // (in a village group, a complaint is a report when someone in the family is said to have it: 我妈这两天有点咳
  // 帮买盒急支糖浆 — the village doctor sees it)
  const first = symptoms.find((s) => !s.negated);
  const villager = h.context === 'village' && first ? complainant(text, h.persons, first.start) : null;
  if (first && positive.length > 0 && !nobodysComplaint(text, h.context === 'village' && !villager)) {
    // 急得我一晚上没睡好 … 鼻子塞得很: a span of time away from the complaint is no slot (咳了一晚上 is)
    const near = first.end + 8;
    const timed = slots.find((s) => !s.span || (s.start >= first.start - 2 && s.start <= near));
    const own = timed?.slot ?? slotFromClock(local);
    const record: HealthRecord = {
      type: 'health',
      temperature: null,
      slot: own,
      symptoms: positive,
      room: roomFor(rooms, first.start),
    };
    // 快来人 我老汉胸口闷得很 / 娃娃踢被子，今天有点流鼻涕: the person named just before the complaint has it
    const who = complainant(text, h.persons, first.start);
    if (who) record.person = who;
    // 老汉儿昨天打电话说… 鼻子塞得很: a day word in talk about something else is not when the complaint is had
    const part = Math.max(text.slice(0, first.start).search(/[^,，。!！?？;；]*$/), first.start - 12);
    const earlier = dayOf(text, part, text.length);
    if (earlier !== undefined) record.earlier = earlier;
    return [{ at: first.start, record }];
  }
  const strong = h.normals.find((n) => !n.weak);
  const negated = symptoms.find((s) => s.negated);
  const weak = h.normals.find((n) => n.weak && shortReport(text, rooms));
  const anchor = strong ?? negated ?? weak;
  if (anchor && (positive.length === 0 || h.context === 'village')) {
    const record = noReading(slot, roomFor(rooms, anchor.start));
    const earlier = dayOf(text, 0, anchor.start);
    if (earlier !== undefined) record.earlier = earlier;
    // 我和老公体温都正常: each of the two said together is a report
    const pair = pairedPersons(text);
    if (pair)
      return pair.map((person) => ({ at: anchor.start, record: { ...record, symptoms: [], person } }));
    return wellInEachRoom(text, rooms, anchor.start, record);
  }
  return out;
}

/** A report with no number (正常, 不咳了): the slot and room only. */
function noReading(slot: HealthRecord['slot'], room: string | null): HealthRecord {
  return { type: 'health', temperature: null, slot, symptoms: [], room };
}

// Understanding a group message, once: the text is read here and nowhere after. The robot calls it when a
// message arrives; listeners and use cases get the result and never look at the text again.
import { type Command, readCommand } from './commands.js';
import type { GroupRole, MessageKind, SiteKind } from './domain.js';
import { type Jielong, measuredAgain, parseMessage, readJielong } from './parse/index.js';
import { findQuantities } from './parse/quantities.js';
import { needsConfirmation, normaliseRoom, reportDay, slotOf } from './quarantine/observation.js';
import { leftoverState } from './quarantine/unplaced.js';
import type { CancelRecord, HealthRecord, ParsedRecord, Slot, Vocabulary } from './records.js';
import { localDate } from './time.js';
import { appMessageTitle, isAppPayload } from './village/app-message.js';
import { looksMeant, negatedOrder, placeOnly } from './village/intent.js';

export interface Heard {
  /** The body as the bot reads it (leading @mentions stripped). */
  body: string;
  kind: MessageKind;
  at: Date;
  role: GroupRole | null;
  siteKind: SiteKind | null;
  timeZone: string;
  /** What the site's groups are known to say (places, names, rooms, words staff taught). */
  vocabulary?: Vocabulary;
}

/** A health record with the day and slot it is filed under. */
export interface Reading extends HealthRecord {
  slot: Slot;
  /** Local date YYYY-MM-DD. */
  day: string;
  /** For a day before the message's. */
  earlier: boolean;
  /** The value as typed looked like a slip or is implausible: ask the sender. */
  confirm: boolean;
}

export interface Understanding {
  /** A `#command` (known to this group or not); null for anything else, a 接龙 included. */
  command: Command | null;
  /** The records, commands left out; a village's `不要化肥了` read as an order is the cancel it is. */
  records: ParsedRecord[];
  /** Residents' groups: every health record with its day and slot. */
  readings: Reading[];
  /** Villagers' groups: the message is a 接龙 (its lines are the order records). */
  jielong: Jielong | null;
  /** Villagers' groups: the message names only a place (it fills earlier orders without one). */
  place: string | null;
  /**
   * Villagers' groups: the message asks for more on top of what was ordered (再送, 另外, 还要, 多送): an
   * order or booking like an earlier one is then a new one, not the earlier one said again.
   */
  more: boolean;
  /** The words of a fix of what the bot read before (不对，醋是两瓶 / 改成二十斤 / 不是白糖 是红糖). */
  fix: boolean;
  /** A bare yes (对, 是的, 确认) or no (不对, 不是) — an answer to a question the bot asked. */
  answer: 'yes' | 'no' | null;
  /** A recall (撤回): the provider id of the message the sender took back. */
  recalled: string | null;
  /** What the message is when nothing comes of it: for staff to review, or to let go. */
  leftover: { state: 'unplaced' | 'ignored'; note: string | null };
}

const NOTHING: Omit<Understanding, 'command' | 'leftover'> = {
  fix: false,
  answer: null,
  more: false,
  recalled: null,
  records: [],
  readings: [],
  jielong: null,
  place: null,
};

const MORE = /再(?:送|来|买|带|要|订|加)|另外|还要|多送|加送|追加|又要/;
const FIX = /不对|错了|搞错|弄错|写错|打错|改成|改为|换成|应该是|更正|不是.{1,10}是/;
const YES = /^(?:对|对的|对头|是的?|没错|好的?|嗯+|确认|可以|行|要得|ok|OK)[!！。.~～]*$/;
const NO = /^(?:不对|不是|错了|不是的|搞错了|弄错了)[!！。.~～]*$/;

/** A bare yes or no, as an answer to the bot's question. */
function answerOf(text: string): 'yes' | 'no' | null {
  const t = text.trim();
  return YES.test(t) ? 'yes' : NO.test(t) ? 'no' : null;
}

export function understand(m: Heard): Understanding {
  if (m.kind === 'recall')
    return {
      ...NOTHING,
      command: null,
      recalled: m.body.trim() || null,
      leftover: { state: 'ignored', note: null },
    };
  const command = m.kind === 'media' ? null : readCommand(m.body, m.role);
  if (command) return { ...NOTHING, command, leftover: { state: 'ignored', note: 'a command' } };
  if (m.kind === 'media') return { ...NOTHING, command: null, leftover: { state: 'ignored', note: null } };
  if (m.role === 'villagers' && m.siteKind === 'village') return villagers(m);
  if (m.role === 'residents' && m.siteKind === 'quarantine') return residents(m);
  return { ...NOTHING, command: null, leftover: { state: 'ignored', note: null } };
}

function residents(m: Heard): Understanding {
  const records = parseMessage({
    text: m.body,
    at: m.at,
    context: 'quarantine',
    timeZone: m.timeZone,
  })
    .filter((r) => r.type === 'health' || r.type === 'request' || r.type === 'cancel')
    // (A1205 as written is the roster's A-1205: rooms are kept one way, however the sender wrote them)
    .map((r) => ('room' in r && r.room ? { ...r, room: normaliseRoom(r.room) } : r));
  const today = localDate(m.at, m.timeZone);
  const all = records
    .filter((r): r is HealthRecord => r.type === 'health')
    .map((r): Reading => {
      const slot = slotOf(r.slot, m.at, m.timeZone);
      const day = reportDay(m.body, slot, m.at, m.timeZone, r.earlier);
      const confirm = r.temperature !== null && needsConfirmation(m.body, r.temperature);
      return { ...r, slot, day, earlier: day < today, confirm };
    });
  return {
    ...NOTHING,
    command: null,
    records,
    readings: boundReadings(all, measuredAgain(m.body)),
    leftover: { state: leftoverState(m.body), note: null },
  };
}

/** Most readings one message gives: a household's worth. */
export const MAX_READINGS = 8;

/** Most readings of one person's slot one message gives: 量了三次 37.1 37.3 37.2. */
const MAX_PER_SLOT = 3;

/**
 * One reading per person, room, day and slot — the last said, as a later reading corrects an earlier one — unless
 * the message says the slot was measured again (又测了一次, 量了两次: each value kept, at most MAX_PER_SLOT; the
 * service files the highest last); MAX_READINGS in all: `早 38.0 早 38.1 …` pasted 150 times is one report, not 150
 * reports and 150 alerts for staff.
 */
function boundReadings(all: readonly Reading[], again: boolean): Reading[] {
  const perSlot = again ? MAX_PER_SLOT : 1;
  const bySlot = new Map<string, Map<number | null, Reading>>();
  for (const r of all) {
    const key = `${r.person ?? ''}|${r.room ?? ''}|${r.day}|${r.slot}`;
    const values = bySlot.get(key) ?? new Map<number | null, Reading>();
    values.delete(r.temperature);
    values.set(r.temperature, r);
    if (values.size > perSlot) values.delete(values.keys().next().value as number | null);
    bySlot.delete(key);
    bySlot.set(key, values);
  }
  const out: Reading[] = [];
  for (const values of bySlot.values()) out.push(...values.values());
  return out.slice(0, MAX_READINGS);
}

function villagers(m: Heard): Understanding {
  const app = m.kind === 'app' || isAppPayload(m.body);
  const text = isAppPayload(m.body) ? appMessageTitle(m.body) : m.body;
  const letGo = (note: string) => ({
    ...NOTHING,
    command: null,
    leftover: { state: 'ignored' as const, note },
  });
  if (text === null) return letGo('app message without a title');
  const parsed = parseMessage({
    text,
    at: m.at,
    context: 'village',
    timeZone: m.timeZone,
    vocabulary: m.vocabulary,
  });
  const jielong = readJielong(text);
  if (jielong === null && app) return letGo('app message that is not a 接龙');
  const records = jielong
    ? parsed
    : parsed.flatMap((r): ParsedRecord[] => {
        if (r.type !== 'order') return r.type === 'command' ? [] : [r];
        const withdrawal: CancelRecord | null = negatedOrder(text, r);
        if (withdrawal) return [withdrawal];
        // (an order like the last one names no goods: the service looks them up)
        return r.items.length || (r.doubts ?? []).includes('copied') ? [r] : [];
      });
  const place = placeOnly(text);
  const meant = looksMeant(text);
  const leftover: Understanding['leftover'] =
    meant === 'question'
      ? { state: 'unplaced', note: 'a question for the volunteers' }
      : meant === 'unread'
        ? { state: 'unplaced', note: 'looks like an order or booking the bot could not read' }
        : { state: 'ignored', note: null };
  return {
    ...NOTHING,
    command: null,
    records,
    jielong,
    place,
    leftover,
    more: MORE.test(text),
    answer: answerOf(text),
    fix: FIX.test(text) && !correctsItself(text, records),
  };
}

/**
 * 要两袋化肥 哦不对 三袋: goods counted before the fix words are this message's own, corrected in it — not a fix of
 * the order before (醋不对 是两瓶 and 大米改成20斤 count nothing before them, and fix it).
 */
function correctsItself(text: string, records: readonly ParsedRecord[]): boolean {
  const m = FIX.exec(text);
  if (!m) return false;
  const before = text.slice(0, m.index);
  if (!findQuantities(before).some((q) => q.qty !== null && q.unit !== null)) return false;
  return records.some((r) => r.type === 'order' && r.items.some((i) => before.includes(i.name)));
}

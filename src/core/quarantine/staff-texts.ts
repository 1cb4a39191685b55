// What the bot says in a site's staff group: alerts, tickets, command answers and timetable notices.
// Staff see names, rooms and values; every notice says which command settles it.
import type { SymptomCode } from '../records.js';
import { celsius, monthDay, SLOT_NAMES, slotLabel, symptomList } from './texts.js';

export interface Person {
  name: string;
  room: string | null;
}

export const who = (p: Person): string => (p.room ? `${p.room} ${p.name}` : p.name);
export const people = (list: readonly Person[]): string => list.map(who).join('、');

/** One entry a person, their readings after their name: 2106 李某 37.8℃（07:40）、38.2℃（20:00）. */
export function readingsByPerson(readings: readonly (readonly [Person, string])[]): string[] {
  const byPerson = new Map<string, string[]>();
  for (const [p, reading] of readings) byPerson.set(who(p), [...(byPerson.get(who(p)) ?? []), reading]);
  return [...byPerson].map(([p, rs]) => `${p} ${rs.join('、')}`);
}

export interface AlertFacts {
  ref: string;
  person: Person;
  /** The sender is not yet bound to a resident: `person.name` is their WeChat nickname. */
  unregistered: boolean;
  slot: 'am' | 'pm';
  /** The slot is of the day before the message (昨晚). */
  earlier?: boolean;
  temperature: number | null;
  symptoms: readonly SymptomCode[];
  time: string;
}

function alertBody(a: AlertFacts, retest: boolean): string {
  const subject = a.unregistered
    ? `未登记的“${a.person.name}”${a.person.room ? `（自报 ${a.person.room}）` : ''}`
    : who(a.person);
  const value = a.temperature === null ? '' : `${retest ? '复测 ' : ''}${celsius(a.temperature)}`;
  const sym = a.symptoms.length ? symptomList(a.symptoms) : '';
  return `${subject} ${slotLabel(a.slot, a.earlier)} ${[value, sym].filter(Boolean).join('，')}（${a.time}）`;
}

export const staffTexts = {
  alert: (a: AlertFacts) => `【告警 ${a.ref}】${alertBody(a, false)}。处理后请回复 #已处理 ${a.ref}`,
  alertUpdate: (a: AlertFacts) =>
    `【告警 ${a.ref} 更新】${alertBody(a, true)}。处理后请回复 #已处理 ${a.ref}`,
  alertRetestNormal: (a: AlertFacts) =>
    `【告警 ${a.ref}】${alertBody(a, true)}，告警仍待处理：#已处理 ${a.ref}`,
  alertAcked: (ref: string, by: string) => `${ref} 已确认处理（${by}）。`,
  alertAlready: (ref: string, by: string | null, at: string) =>
    `${ref} 已${by ? `由 ${by} ` : ''}于 ${at} 处理过。`,
  alertUsage: '请写上告警号，如 #已处理 A-0003 已电话联系',
  notFound: (ref: string) => `没有找到 ${ref}。`,

  urgentRequest: (ref: string, p: Person, what: string, time: string, said: string) =>
    `【紧急需求 ${ref}】${who(p)}：${what}（${time}）\n原话：“${said}”\n接单 #接单 ${ref}，办好后 #完成 ${ref}`,
  /** A resident asking after tickets not yet done (前几天要的书还没送来). */
  chased: (p: Person, tickets: string) => `【催办】${who(p)}问：${tickets}，什么时候能办好。`,
  /** `told`: when the resident hears of it (outgoing.whenTold). */
  requestDone: (ref: string, told: string) => `${ref} 已办结，住户${told}。`,
  requestAlready: (ref: string, at: string) => `${ref} 已于 ${at} 办结。`,
  requestCancelledByResident: (ref: string) => `${ref} 已被住户取消。`,
  requestAssigned: (ref: string, p: Person, what: string, by: string) =>
    `${ref}（${who(p)} ${what}）由 ${by} 负责。`,
  requestUsage: (cmd: string) => `请写上工单号，如 #${cmd} R-0012`,
  openRequests: (lines: readonly string[]) =>
    lines.length ? `待办需求 ${lines.length} 件：\n${lines.join('\n')}` : '目前没有待办需求。',
  openRequestLine: (
    ref: string,
    p: Person,
    what: string,
    urgent: boolean,
    when: string,
    assignee: string | null,
  ) =>
    `${ref} ${who(p)} ${what}（${[urgent ? '紧急' : '', when, assignee ? `${assignee}负责` : '']
      .filter(Boolean)
      .join('，')}）`,

  noneInRoom: (room: string) => `${room} 没有在观察的住户。`,
  ambiguous: (cmd: string, room: string, names: readonly string[]) =>
    `${room} 有 ${names.length} 位在观察：${names.join('、')}，请写上姓名，如 #${cmd} ${room} ${names[0]}`,
  released: (p: Person, days: number) => `已解除：${who(p)}（观察 ${days} 天）。`,
  transferred: (p: Person) => `已登记转院：${who(p)}。`,
  extended: (p: Person, days: number, end: string) =>
    `${who(p)} 观察期延长 ${days} 天，预计 ${monthDay(end)} 解除。`,
  extendUsage: '请这样写：#延长 房号 天数，如 #延长 2105 3（只能延长，不能缩短）',
  registerConflict: (p: Person, boundNick: string | null, newNick: string) =>
    `【登记冲突】${who(p)} 已绑定微信“${boundNick ?? '（未知昵称）'}”，现在“${newNick}”也用这个房号和姓名登记。` +
    '请电话核实是谁，需要更换时在后台改住户的微信绑定。',
  selfRegistered: (p: Person, start: string, days: number) =>
    `【新登记】${who(p)} 自助登记，名单中原无此人，观察期暂按 ${monthDay(start)} 起 ${days} 天计，请核对。`,

  missing: (slot: 'am' | 'pm', day: string, list: readonly Person[]) =>
    `【${SLOT_NAMES[slot]}报未报 ${monthDay(day)}】${people(list)}，共 ${list.length} 人。`,
  /** `fevers`: one entry a person (their readings in it). */
  morningSummary: (day: string, fevers: readonly string[], urgent: readonly string[]) =>
    [
      `【夜间情况 ${monthDay(day)}】`,
      fevers.length ? `发热 ${fevers.length} 人：${fevers.join('；')}` : '',
      urgent.length ? `紧急需求未办 ${urgent.length} 件：${urgent.join('、')}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  releaseNotices: (today: readonly Person[], tomorrow: readonly Person[]) =>
    [
      '【解除提醒】',
      today.length ? `今天到期 ${today.length} 人：${people(today)}` : '',
      tomorrow.length ? `明天到期 ${tomorrow.length} 人：${people(tomorrow)}` : '',
      '办理后请发 #解除 房号 姓名；需延长请发 #延长 房号 天数。',
    ]
      .filter(Boolean)
      .join('\n'),
};

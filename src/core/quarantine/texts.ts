// What the bot says at an observation site: short, natural Chinese for a WeChat group. Residents only
// ever see their own health data (a report's echo, #状态); everything about others goes to staff.
import type { Item, RequestCategory, Slot, SymptomCode } from '../records.js';
import { addDays } from '../time.js';

export const SYMPTOM_NAMES: Record<SymptomCode, string> = {
  fever: '发热',
  cough: '咳嗽',
  sore_throat: '咽痛',
  fatigue: '乏力',
  headache: '头痛',
  muscle_pain: '肌肉酸痛',
  chills: '畏寒',
  runny_nose: '鼻塞流涕',
  shortness_of_breath: '胸闷气短',
  diarrhea: '腹泻',
  nausea: '恶心呕吐',
  loss_of_smell_taste: '嗅觉味觉减退',
};

export const CATEGORY_NAMES: Record<RequestCategory, string> = {
  medical: '医疗',
  protective: '防护用品',
  daily: '生活用品',
  meal: '用餐',
  leisure: '文娱',
  other: '其他',
};

export const SLOT_NAMES: Record<Slot, string> = { am: '早', pm: '晚' };

export const symptomList = (codes: readonly SymptomCode[]): string =>
  codes.map((c) => SYMPTOM_NAMES[c]).join('、');

export const celsius = (t: number): string => `${t.toFixed(1)}℃`;

/** 2020-02-15 → 2月15日 */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}

export const ref = (prefix: 'R' | 'A', n: number): string => `${prefix}-${String(n).padStart(4, '0')}`;

/** 体温计 1个、口罩 2个; the category when nothing concrete was named. */
export function itemsText(items: readonly Item[], category: RequestCategory): string {
  if (items.length === 0) return `${CATEGORY_NAMES[category]}需求`;
  return items
    .map((i) => (i.qty === null ? i.name : `${i.name} ${formatQty(i.qty)}${i.unit ?? ''}`))
    .join('、');
}

/** Item names only, for notices that do not need quantities: 体温计、口罩. */
export function itemNames(items: readonly Item[], category: RequestCategory): string {
  return items.length ? items.map((i) => i.name).join('、') : `${CATEGORY_NAMES[category]}需求`;
}

const formatQty = (q: number) => (Number.isInteger(q) ? String(q) : String(Math.round(q * 100) / 100));

export interface ReportEcho {
  slot: Slot;
  temperature: number | null;
  symptoms: readonly SymptomCode[];
  /** A slot of the day before the message (昨晚37.1 sent this morning). */
  earlier?: boolean;
  /** Someone else's reading the sender gave, as they named them (老公). */
  person?: string;
}

/** A slot's name, 昨晚 / 昨早 when it is the day before the message's. */
export const slotLabel = (slot: Slot, earlier = false): string =>
  earlier ? (slot === 'pm' ? '昨晚' : '昨早') : SLOT_NAMES[slot];

/** One slot as the sender sees it: 早 36.5℃，咽痛 / 早 体温正常 / 昨晚 37.1℃. */
export function echoSlot(r: ReportEcho): string {
  const value = r.temperature === null ? (r.symptoms.length ? '' : '体温正常') : celsius(r.temperature);
  const sym = r.symptoms.length ? symptomList(r.symptoms) : '';
  return `${r.person ? `${r.person} ` : ''}${slotLabel(r.slot, r.earlier)} ${[value, sym].filter(Boolean).join('，')}`;
}

export const texts = {
  recorded: (room: string | null, reports: readonly ReportEcho[]) =>
    `已记录：${room ? `${room} ` : ''}${reports.map(echoSlot).join('；')}`,
  confirm: (t: number) => `您报告的体温是 ${celsius(t)} 吗？已先按此记录，如有误请重新发一次。`,
  pleaseRegister: (pending: boolean, room: string | null = null) =>
    `您好，还不知道您是哪个房间的住户，请发送${
      room ? `“#登记 ${room} 您的姓名”` : '“#登记 房号 姓名”（如 #登记 2105 张三）'
    }。${pending ? '登记后刚才报的体温会自动补记。' : ''}`,
  registerUsage: '请这样登记：#登记 房号 姓名，如 #登记 2105 张三',
  registered: (room: string, name: string, attached: number) =>
    `已登记：${room} ${name}。${attached ? `刚才的 ${attached} 条上报已补记。` : ''}`,
  registeredNew: (room: string, name: string, start: string, days: number, end: string, attached: number) =>
    `已登记：${room} ${name}。名单里还没有您，先按今天（${monthDay(start)}）起算观察 ${days} 天，` +
    `预计 ${monthDay(end)} 解除，工作人员会再核对。${attached ? `刚才的 ${attached} 条上报已补记。` : ''}`,
  boundElsewhere: (room: string, name: string) =>
    `${room} ${name} 已由另一个微信登记过了，如需更换请联系工作人员。`,
  notObserving: (room: string, name: string) =>
    `${room} ${name} 目前不在观察名单中，如有疑问请联系工作人员。`,
  requestAck: (n: string, what: string, urgent: boolean) =>
    urgent
      ? `已收到您的紧急需求，工单 ${n}（${what}），已通知工作人员马上处理。`
      : `已收到您的需求，工单 ${n}（${what}），工作人员会尽快处理。`,
  requestPending: (n: string, what: string) => `您的需求 ${n}（${what}）还在处理中，工作人员会尽快办好。`,
  requestCancelled: (refs: readonly string[]) => `已取消工单 ${refs.join('、')}。`,
  jielongRequests: (refs: readonly string[]) =>
    `接龙已登记 ${refs.length} 条：${refs.join('、')}，工作人员会统一安排。`,
  requestDone: (n: string, what: string, note: string | null) =>
    `您的需求 ${n}（${what}）已办好${note ? `：${note}` : '。'}`,
  /** To the residents group: `您` (@mentioned) or the room, never a name. */
  released: (who: string) => `恭喜${who === '您' ? '您' : ` ${who} 房间的住户`}解除医学观察，祝您平安回家！`,
  remind: (slot: Slot) =>
    slot === 'am'
      ? '早上好！请各位在群里报告今早的体温，如“2105 36.5”。有不舒服请一并说明。'
      : '晚上好！请各位在群里报告今晚的体温，如“2105 36.5”。有不舒服请一并说明。',
  nudge: (slot: Slot, unboundRooms: readonly string[]) =>
    `${slot === 'am' ? '今早' : '今晚'}的体温还没收到，请看到后在群里报一下，谢谢！` +
    (unboundRooms.length ? `（${unboundRooms.join('、')} 房间的朋友也请报一下）` : ''),
};

export interface StatusFacts {
  room: string | null;
  name: string;
  status: 'observing' | 'released' | 'hospital' | 'left';
  /** Local date of the last status change. */
  statusDate: string | null;
  /** Day N of the observation and the planned length. */
  dayN: number;
  length: number;
  plannedEnd: string;
  /** Today's current reports, per slot the site asks for. */
  today: Partial<Record<Slot, ReportEcho>>;
  slots: readonly Slot[];
}

/** `#状态`: the sender's own observation period and today's reports. */
export function statusText(s: StatusFacts): string {
  // The residents group reads this: the room says who, never the name.
  const who = s.room ?? '您';
  const subject = s.room ? `${s.room} ` : '您';
  const since = s.statusDate ? `已于 ${monthDay(s.statusDate)} ` : '已';
  if (s.status === 'released') return `${subject}${since}解除医学观察，祝您平安！`;
  if (s.status === 'hospital') return `${subject}${since}转院治疗，祝早日康复。`;
  if (s.status === 'left') return `${subject}${since}离开观察点。`;
  const period =
    s.dayN < 1
      ? `医学观察将于 ${monthDay(addDays(s.plannedEnd, -s.length))} 开始（共 ${s.length} 天）`
      : s.dayN > s.length
        ? `医学观察已满 ${s.length} 天，请等候工作人员办理解除`
        : `医学观察第 ${s.dayN} 天（共 ${s.length} 天），预计 ${monthDay(s.plannedEnd)} 解除`;
  const today = s.slots
    .map((slot) => {
      const r = s.today[slot];
      return r ? echoSlot(r) : `${SLOT_NAMES[slot]} 未报`;
    })
    .join('；');
  return `${who}：${period}。今天：${today}。`;
}

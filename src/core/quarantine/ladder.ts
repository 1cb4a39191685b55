// The ladder for a resident who has not reported (issue 21): the group reminder, the @nudge, a private
// message, then staff's call list — and every step recorded, so nobody goes a whole slot unaccounted for
// without staff knowing who was tried, how, and with what result. Pure: ranking and words.
import { compareRooms } from '../text.js';
import { monthDay, SLOT_NAMES } from './texts.js';

export type Step = 'nudge' | 'private' | 'call-list' | 'call' | 'visit';
export type StepOutcome = 'sent' | 'listed' | 'reached' | 'no-answer' | 'visited' | 'transferred';
/** What staff record of a call or visit. */
export const CALL_OUTCOMES = ['reached', 'no-answer', 'visited', 'transferred'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface Attempt {
  step: Step;
  outcome: StepOutcome;
  at: Date;
  by: string | null;
}

export interface CallCandidate {
  residentId: number;
  name: string;
  room: string | null;
  phone: string | null;
  /** A fever or symptoms in the last two days. */
  unwell: boolean;
  /** Age this year, from the roster's year of birth (null: not known). */
  age: number | null;
  /** Slots of the last three days this resident was on the call list already. */
  missedBefore: number;
  attempts: Attempt[];
}

export interface CallEntry extends CallCandidate {
  /** After an unanswered call, when to try again (null: now). */
  tryAgainAt: Date | null;
  /** Why they are where they are on the list, in staff's words. */
  why: string[];
}

/** From this age a resident is called before others who are as well. */
export const ELDERLY_AGE = 60;

/** An unanswered call puts the resident back on the list this much later. */
export const RETRY_AFTER_MS = 30 * 60_000;

/**
 * Who to call first: those unwell lately, then the elderly, then repeat non-reporters, then the rest by
 * room; anyone whose
 * call just went unanswered waits at the end until they are due again.
 */
const elderly = (c: CallCandidate) => c.age !== null && c.age >= ELDERLY_AGE;

export function rankCallList(list: readonly CallCandidate[], now: Date): CallEntry[] {
  const entries = list.map((c): CallEntry => {
    const lastNoAnswer = [...c.attempts]
      .reverse()
      .find((a) => a.step === 'call' && a.outcome === 'no-answer');
    const again = lastNoAnswer ? new Date(lastNoAnswer.at.getTime() + RETRY_AFTER_MS) : null;
    const why = [
      c.unwell ? '近两天有发热或症状' : '',
      elderly(c) ? `${c.age} 岁` : '',
      c.missedBefore > 0 ? `近三天第 ${c.missedBefore + 1} 次未报` : '',
    ].filter(Boolean);
    return { ...c, tryAgainAt: again && again > now ? again : null, why };
  });
  return entries.sort(
    (a, b) =>
      Number(a.tryAgainAt !== null) - Number(b.tryAgainAt !== null) ||
      Number(b.unwell) - Number(a.unwell) ||
      Number(elderly(b)) - Number(elderly(a)) ||
      b.missedBefore - a.missedBefore ||
      compareRooms(a.room, b.room),
  );
}

const STEP_WORDS: Record<Step, string> = {
  nudge: '群里提醒',
  private: '私信',
  'call-list': '列入电话名单',
  call: '电话',
  visit: '上门',
};
const OUTCOME_WORDS: Partial<Record<StepOutcome, string>> = {
  reached: '已接通',
  'no-answer': '未接通',
  visited: '已上门',
  transferred: '已转院',
};

/** What was tried, in order, repeats counted: 群里提醒、电话未接通 ×2. */
export function triedText(attempts: readonly Attempt[]): string {
  const parts: [string, number][] = [];
  for (const a of attempts) {
    const word = `${STEP_WORDS[a.step]}${a.step === 'call' ? (OUTCOME_WORDS[a.outcome] ?? '') : ''}`;
    const last = parts[parts.length - 1];
    if (last && last[0] === word) last[1]++;
    else parts.push([word, 1]);
  }
  return parts.map(([w, n]) => (n > 1 ? `${w} ×${n}` : w)).join('、') || '还没联系';
}

export const ladderTexts = {
  /** The private message (step 3): to the resident alone, no one else sees it. */
  privateNudge: (slot: 'am' | 'pm') =>
    `您好，${slot === 'am' ? '今早' : '今晚'}的体温还没收到，方便时请在住户群报一下（如“2105 36.5”）。有不舒服请直接告诉我们。`,

  /** The staff call list: who to call, first things first, with what was tried. */
  callList(slot: 'am' | 'pm', day: string, entries: readonly CallEntry[], time: (d: Date) => string): string {
    if (entries.length === 0)
      return `【${SLOT_NAMES[slot]}报电话名单 ${monthDay(day)}】都已报了，不用打电话。`;
    const lines = entries.map((e, i) => {
      const who = `${e.room ? `${e.room} ` : ''}${e.name}${e.phone ? `（${e.phone}）` : ''}`;
      const notes = [...e.why, `已试：${triedText(e.attempts)}`];
      if (e.tryAgainAt) notes.push(`${time(e.tryAgainAt)} 后再打`);
      return `${i + 1}. ${who}：${notes.join('；')}`;
    });
    return [
      `【${SLOT_NAMES[slot]}报电话名单 ${monthDay(day)}】共 ${entries.length} 人，按先后打：`,
      ...lines,
      '打完请回：#已联系 房号 体温、#未接通 房号 或 #上门 房号。',
    ].join('\n');
  },

  reached: (who: string, reading: number | null) =>
    `已记下：${who} 电话联系上了${reading === null ? '' : `，体温 ${reading.toFixed(1)}℃ 已记为本次上报（电话）`}。`,
  noAnswer: (who: string, again: string) => `已记下：${who} 未接通，${again} 后会再出现在电话名单上。`,
  visited: (who: string) => `已记下：${who} 已上门。`,
  usage: (cmd: string) =>
    cmd === '已联系'
      ? '请这样写：#已联系 房号 [体温] [备注]，如 #已联系 2105 36.6'
      : `请这样写：#${cmd} 房号，如 #${cmd} 2105`,
};

// The rules every outgoing message is held to, in one place. WeChat lets one account send a message every
// 1.5–2.5 s and about 300 non-urgent messages a group a day before it bans the account; residents mute a
// group where the bot talks as much as everyone else. So each message has:
// - a priority: urgent alerts and answers first, then answers to a named person, then reminders and
//   notices, then routine acknowledgements (the queue is claimed in that order, oldest first within one);
// - a budget: urgent messages spend none of the group's day, reminders and notices to a named resident
//   may spend all of it, routine answers only what is left after a reserve for those;
// - an expiry where a late message would be wrong (a nudge for a slot that has passed, an
//   acknowledgement hours late): held past it, it is dropped, never sent the next morning;
// - a merge key where several pending messages are better as one (acknowledgements of a busy morning,
//   updates of one person's alert);
// - quiet hours for what is not an answer in the public groups.
// The outbox service applies them when a message is queued; the worker holds to them when it sends
// (the order, the budget, expiry, merging), and splits nothing: the repository splits long texts.
import type { GroupRole } from './domain.js';
import type { Slot } from './records.js';
import { compareRooms } from './text.js';
import { addDays, localDate, localTime, zonedInstant } from './time.js';

export type Budget = 'urgent' | 'reserved' | 'routine';
export type Priority = 0 | 1 | 2 | 3;

export interface OutgoingClass {
  priority: Priority;
  budget: Budget;
}

/** Kinds of notice a group must get even on a busy day: they may spend the reserve. */
const RESERVED_NOTICES = new Set([
  'request-done',
  'delivered',
  'release',
  'register',
  'water-late',
  'village-care',
  'request',
  'alert',
]);
/** Timetable messages: reminders, nudges, lists and digests. */
const TIMETABLE = new Set([
  'remind',
  'nudge',
  'missing',
  'digest',
  'summary',
  'evening-lists',
  'morning-deliveries',
  'cap-warning',
]);

/**
 * Non-urgent timetable messages and notices to the public groups (residents, villagers) wait for the end
 * of the site's quiet hours; answers to a message just sent, and everything urgent, go at once.
 */
export function heldByQuietHours(role: GroupRole, kind: string, urgent: boolean): boolean {
  return (role === 'residents' || role === 'villagers') && !urgent && kind !== 'reply' && kind !== 'ack';
}

export function classOf(kind: string, urgent: boolean): OutgoingClass {
  if (urgent) return { priority: 0, budget: 'urgent' };
  if (kind === 'ack') return { priority: 3, budget: 'routine' };
  if (RESERVED_NOTICES.has(kind)) return { priority: 1, budget: 'reserved' };
  if (TIMETABLE.has(kind)) return { priority: 2, budget: 'reserved' };
  return { priority: 1, budget: 'routine' };
}

/** How long a routine answer stays worth sending. */
export const ACK_TTL_MS = 60 * 60_000;
export const REPLY_TTL_MS = 6 * 3_600_000;

/**
 * When a message stops making sense. A reminder or nudge for a slot: when the slot is over (noon for the
 * morning, the start of quiet hours for the evening). Acknowledgements and answers: a while after they
 * were queued. Notices and staff messages keep.
 */
export function expiryOf(
  kind: string,
  createdAt: Date,
  ctx: { zone: string; quietStart: string; slot?: Slot | null },
): Date | null {
  if (kind === 'ack') return new Date(createdAt.getTime() + ACK_TTL_MS);
  if (kind === 'reply' || kind === 'review-note') return new Date(createdAt.getTime() + REPLY_TTL_MS);
  if ((kind === 'remind' || kind === 'nudge' || kind === 'private') && ctx.slot) {
    const day = localDate(createdAt, ctx.zone);
    if (ctx.slot === 'am') return zonedInstant(day, '12:00', ctx.zone);
    const end = zonedInstant(day, ctx.quietStart, ctx.zone);
    // Quiet hours that start after midnight end the evening slot the next day.
    return end > createdAt ? end : zonedInstant(addDays(day, 1), ctx.quietStart, ctx.zone);
  }
  return null;
}

/** Most rooms named in one merged acknowledgement; the rest are counted. */
const MAX_NAMED = 60;

/**
 * Acknowledgements of a busy spell as one message: `08:00–08:05 已收到 23 人的上报：2101、2103…`. Only what
 * the senders wrote themselves is named (their rooms); readings stay with each sender's own answer.
 */
export function mergedAckText(
  entries: readonly { who: string; label: string | null }[],
  from: string,
  to: string,
): string {
  const named = [...new Set(entries.map((e) => e.label).filter((l): l is string => Boolean(l)))].sort(
    naturalCompare,
  );
  const shown = named.slice(0, MAX_NAMED);
  const more = named.length - shown.length;
  const span = from === to ? from : `${from}–${to}`;
  const people = new Set(entries.map((e) => e.who)).size;
  const rooms = shown.length ? `：${shown.join('、')}${more > 0 ? ` 等` : ''}` : '';
  return `${span} 已收到 ${people} 人的上报${rooms}。没看到自己房号的请再发一次。`;
}

export const naturalCompare = (a: string, b: string): number => compareRooms(a, b);

/** Share of a group's daily cap at which staff are warned that routine answers will stop soon. */
export const CAP_WARNING_SHARE = 0.8;

/** What staff are told when a group nears its cap. */
export const capWarning = (topic: string, sent: number, cap: number): string =>
  `提醒：“${topic}”今天已发 ${sent} 条消息，上限 ${cap} 条。` +
  '快到上限时普通回复会合并或暂停，提醒和通知照常发送，明天恢复。如有急事请电话联系住户。';

/**
 * What staff are told about a notice to a person: it goes now, or after quiet hours (a notice at 05:55
 * goes at 07:00; "已通知" would be untrue until then).
 */
export function whenTold(now: Date, at: Date, zone: string): string {
  if (at.getTime() - now.getTime() < 60_000) return '马上会收到通知';
  const day = localDate(at, zone) === localDate(now, zone) ? '' : '明天';
  return `会在${day} ${localTime(at, zone)} 收到通知（免打扰时段过后）`;
}

/** Notices to a named person: if one cannot be sent, staff must tell the person another way. */
export const PERSONAL_NOTICES = new Set(['request-done', 'delivered', 'release', 'register']);

export const noticeFailedText = (topic: string, text: string): string =>
  `【没发出去】给“${topic}”的通知发送失败：${text.length > 60 ? `${text.slice(0, 60)}…` : text}\n请电话告诉本人。`;

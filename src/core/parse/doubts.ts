// Doubts: why a record is flagged `unsure` (CONTRACT.md section 2). The codes are internal (records' `doubts`):
// the bot words its one short question from them, and staff see them in review.
import type { Doubtful } from '../records.js';

export type DoubtCode =
  /** A place read by its geographic ending alone, unknown to the group (石门坎). */
  | 'new-place'
  /** Quantities and goods do not pair up one to one (白糖 醋两瓶三瓶). */
  | 'pairing'
  /** A number that may be a reading or something else (a format example, a threshold asked about). */
  | 'number'
  /** Who the readings are for is not clear (36.5 36.6: one person twice, or two people?). */
  | 'person'
  /** A 接龙 line that copies another (同上): what it copies is a guess. */
  | 'copied'
  /** A day said loosely (周末, 过两天): which day is asked. */
  | 'day';

export function doubt<T extends Doubtful>(record: T, code: DoubtCode): T {
  record.unsure = true;
  const list = record.doubts ?? [];
  if (!list.includes(code)) list.push(code);
  record.doubts = list;
  return record;
}

/** Takes a doubt back (the reading was settled another way); `unsure` goes with the last one. */
export function undoubt<T extends Doubtful>(record: T, code: DoubtCode): T {
  const list = (record.doubts ?? []).filter((d) => d !== code);
  if (list.length > 0) record.doubts = list;
  else {
    delete record.doubts;
    delete record.unsure;
  }
  return record;
}

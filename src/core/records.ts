// The records message understanding produces: the shapes of ../shared/CONTRACT.md section 2.
// Every consumer (services, CLI, tests) uses these types; keep them in step with the contract.

export type Slot = 'am' | 'pm';
export type GroupContext = 'quarantine' | 'village';

export const SYMPTOM_CODES = [
  'fever',
  'cough',
  'sore_throat',
  'fatigue',
  'headache',
  'muscle_pain',
  'chills',
  'runny_nose',
  'shortness_of_breath',
  'diarrhea',
  'nausea',
  'loss_of_smell_taste',
] as const;
export type SymptomCode = (typeof SYMPTOM_CODES)[number];

export const REQUEST_CATEGORIES = ['medical', 'protective', 'daily', 'meal', 'leisure', 'other'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export interface Item {
  name: string;
  qty: number | null;
  unit: string | null;
}

/**
 * What every record may carry besides its contract fields. `unsure` is the contract's flag (the bot asks or
 * keeps the message for review instead of acting). `doubts` says why, for the question and for staff; it is
 * internal and `shouwang parse` leaves it out.
 */
export interface Doubtful {
  unsure?: true;
  doubts?: string[];
}

export interface HealthRecord extends Doubtful {
  type: 'health';
  temperature: number | null;
  slot: Slot | null;
  symptoms: SymptomCode[];
  room: string | null;
  /** Who the reading is for, as written (爸爸, 老公, 2306的刘爷爷); absent or null for the sender alone. */
  person?: string | null;
  /**
   * Internal (left out of `shouwang parse`): true when the reading is of the local day before the
   * message's (昨晚37.1忘了报), false when the text ties it to today (现在, 今早), absent when it says nothing.
   */
  earlier?: boolean;
}

export interface RequestRecord extends Doubtful {
  type: 'request';
  category: RequestCategory;
  urgent: boolean;
  items: Item[];
  room: string | null;
  /**
   * Internal (left out of `shouwang parse`): the 接龙 line this request is, its number and text as written, so
   * that a list re-posted as it grows opens a ticket for each line once.
   */
  jielongLine?: { seq: number | null; line: string };
}

export interface OrderRecord extends Doubtful {
  type: 'order';
  items: Item[];
  deliverTo: string | null;
  customer: string | null;
  seq: number | null;
  /**
   * Goods whose earlier order this one changes (尿素改成3袋, 说错了 要三袋), internal: blind writers read a changed
   * count as the one order (118 held-out labels against 83); the service withdraws the earlier order of these goods.
   */
  changed?: string[];
}

export type DayPart = 'am' | 'pm' | 'evening';

export interface WaterRecord extends Doubtful {
  type: 'water';
  qty: number | null;
  unit: string | null;
  /** Local date YYYY-MM-DD in the site's zone, or null when the text names none. */
  date: string | null;
  part: DayPart | null;
  deliverTo: string | null;
  /**
   * The sender's booking moved or recounted (水改到后天, 水改成三桶), not a booking more (internal). Blind writers read a
   * move as one booking with no withdrawal beside it; the service withdraws the booking this one replaces.
   */
  moved?: boolean;
}

export interface CancelRecord extends Doubtful {
  type: 'cancel';
  items: { name: string }[];
}

export interface CommandRecord {
  type: 'command';
  name: string;
  args: string[];
}

export type ParsedRecord =
  | HealthRecord
  | RequestRecord
  | OrderRecord
  | WaterRecord
  | CancelRecord
  | CommandRecord;

export interface ParseInput {
  text: string;
  /** The instant the message was posted; resolves 明天, 周三, and the slot when no slot word is given. */
  at?: Date;
  context?: GroupContext;
  /** IANA zone of the site; Asia/Shanghai when absent. */
  timeZone?: string;
  /**
   * What the bot knows of the group (optional: `shouwang parse` runs without it): places, household and
   * customer names, rooms, residents' names, and aliases of goods staff have taught it. A known name is
   * recognised even with no grammar around it.
   */
  vocabulary?: Vocabulary;
}

export interface Vocabulary {
  places?: readonly string[];
  names?: readonly string[];
  rooms?: readonly string[];
  /** Goods as people write them → the name to record (`尿素` taught as `化肥`, say). */
  goods?: Readonly<Record<string, string>>;
  units?: readonly string[];
}

/** Internal fields `shouwang parse` leaves out of its output. */
export function publicRecord(r: ParsedRecord): ParsedRecord {
  if (!('doubts' in r) && !('earlier' in r) && !('jielongLine' in r) && !('changed' in r)) return r;
  const {
    doubts: _d,
    earlier: _e,
    jielongLine: _j,
    changed: _c,
    ...rest
  } = r as HealthRecord & {
    jielongLine?: unknown;
    changed?: unknown;
  };
  return rest as ParsedRecord;
}

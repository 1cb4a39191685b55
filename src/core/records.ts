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

export interface HealthRecord {
  type: 'health';
  temperature: number | null;
  slot: Slot | null;
  symptoms: SymptomCode[];
  room: string | null;
}

export interface RequestRecord {
  type: 'request';
  category: RequestCategory;
  urgent: boolean;
  items: Item[];
  room: string | null;
}

export interface OrderRecord {
  type: 'order';
  items: Item[];
  deliverTo: string | null;
  customer: string | null;
  seq: number | null;
}

export type DayPart = 'am' | 'pm' | 'evening';

export interface WaterRecord {
  type: 'water';
  qty: number | null;
  unit: string | null;
  /** Local date YYYY-MM-DD in the site's zone, or null when the text names none. */
  date: string | null;
  part: DayPart | null;
  deliverTo: string | null;
}

export interface CancelRecord {
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
}

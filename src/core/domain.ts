// Domain vocabulary shared by every layer (the database schema included).
export const SITE_KINDS = ['quarantine', 'village'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** What a WeChat group is for: residents and staff at an observation site, villagers and volunteers in a village. */
export const GROUP_ROLES = ['residents', 'staff', 'villagers', 'volunteers'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const RESIDENT_STATUSES = ['observing', 'released', 'hospital', 'left'] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

/** A site's timetable beyond its report times, local HH:MM in the site's zone. */
export interface SiteSchedule {
  /** Minutes after each report time before the nudge that @mentions who has not reported. */
  nudgeAfterMin: number;
  /** Minutes after each report time before a private WeChat message to each resident still missing. */
  privateAfterMin: number;
  /** Minutes after each report time before the staff group gets the list of who is still missing. */
  staffMissingAfterMin: number;
  /** The ladder's steps after the reminder, each on or off (issue 21): the @nudge, the private message, the call list. */
  ladderNudge: boolean;
  ladderPrivate: boolean;
  ladderCallList: boolean;
  /** The daily staff digest. */
  digestTime: string;
  /** The morning summary of the night's fevers and open urgent requests. */
  morningSummaryTime: string;
  /** Release-due notices (the day before and the day itself). */
  releaseNoticeTime: string;
  /** Villages: the evening-before list of water deliveries and goods to buy. */
  volunteerEveningTime: string;
  /** Villages: the morning delivery list. */
  deliveryMorningTime: string;
  /** Non-urgent sends are held during quiet hours. */
  quietStart: string;
  quietEnd: string;
}

export const DEFAULT_SCHEDULE: SiteSchedule = {
  nudgeAfterMin: 60,
  privateAfterMin: 90,
  staffMissingAfterMin: 120,
  ladderNudge: true,
  ladderPrivate: true,
  ladderCallList: true,
  digestTime: '21:00',
  morningSummaryTime: '08:30',
  releaseNoticeTime: '09:00',
  volunteerEveningTime: '19:00',
  deliveryMorningTime: '07:30',
  quietStart: '22:00',
  quietEnd: '07:00',
};

export const MESSAGE_STATES = ['received', 'handled', 'unplaced', 'ignored', 'failed', 'reviewed'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** Text, a WeChat app message (XML, e.g. the 接龙 tool), or media stored as a label (see media.ts). */
/** `recall`: the sender took back (撤回) an earlier message; its text is that message's provider id. */
export const MESSAGE_KINDS = ['text', 'app', 'media', 'recall'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const OUTBOX_STATES = [
  'pending',
  'sending',
  'sent',
  'merged',
  'failed',
  'cancelled',
  'expired',
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface Mention {
  id: string;
  name: string;
}

/** One group message as the chat adapter hands it over, before storage. */
export interface IncomingMessage {
  /** The provider's message id: the key that makes a message stored once. */
  providerId: string;
  roomId: string;
  roomTopic: string;
  talkerId: string;
  /** The sender's display name in that group (group nickname, else WeChat name). */
  talkerName: string;
  kind: MessageKind;
  /** The text as sent (app messages: their XML; media: a label such as [图片]). */
  text: string;
  at: Date;
  mentionsSelf: boolean;
  mentionIds: string[];
}

export interface GroupInfo {
  id: number;
  topic: string;
  role: GroupRole | null;
  siteId: number | null;
  siteName: string | null;
  siteKind: SiteKind | null;
  timeZone: string;
  /** The site's settings, read together with the group (saves handling a message a look-up). */
  site?: SiteSettings | null;
}

/** A site's settings (its `sites` row). */
export interface SiteSettings {
  id: number;
  name: string;
  kind: SiteKind;
  timeZone: string;
  observationDays: number;
  feverThreshold: number;
  reportTimes: string[];
  schedule: Partial<SiteSchedule>;
  demo: boolean;
  createdAt: Date;
}

/** A stored message with what the bot knows about its group, as listeners see it. */
export interface ChatMessage extends IncomingMessage {
  id: number;
  group: GroupInfo | null;
  /** The text without leading @mentions, which is what people mean. */
  body: string;
}

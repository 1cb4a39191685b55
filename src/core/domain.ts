// Domain vocabulary shared by every layer (the database schema included).
export const SITE_KINDS = ['quarantine', 'village'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** What a WeChat group is for: residents and staff at an observation site, villagers and volunteers in a village. */
export const GROUP_ROLES = ['residents', 'staff', 'villagers', 'volunteers'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const MESSAGE_STATES = ['received', 'handled', 'unplaced', 'ignored', 'failed', 'reviewed'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
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
  kind: 'text' | 'app';
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
}

/** A stored message with what the bot knows about its group, as listeners see it. */
export interface ChatMessage extends IncomingMessage {
  id: number;
  group: GroupInfo | null;
  /** The text without leading @mentions, which is what people mean. */
  body: string;
}

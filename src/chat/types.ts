// The chat layer's vocabulary, shared by the Wechaty adapter (below) and the robot and bots (above).
import type { IncomingMessage } from '../core/domain.js';

export type ChatState = 'stopped' | 'starting' | 'online' | 'offline';

/** What the robot and the outbox worker need from a transport (the Wechaty adapter implements it). */
export interface ChatTransport {
  readonly kind: 'mock' | 'service';
  state(): ChatState;
  /** The bot's own contact, once logged in. */
  self(): { id: string; name: string } | null;
  start(onMessage: (msg: IncomingMessage) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
  sendText(
    roomId: string,
    text: string,
    mentionIds: string[],
  ): Promise<{ providerId: string | null; at: Date | null }>;
  /** A private message to one contact (the ladder's private step). */
  sendToContact(contactId: string, text: string): Promise<{ providerId: string | null; at: Date | null }>;
  /** Rooms the account is in, to bind configured groups (by topic) to room ids. */
  rooms(): Promise<{ id: string; topic: string }[]>;
}

export class ChatError extends Error {
  constructor(
    readonly code:
      | 'CHAT_LOGIN_TIMEOUT'
      | 'CHAT_START_FAILED'
      | 'CHAT_OFFLINE'
      | 'CHAT_THROTTLED'
      | 'CHAT_SEND_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChatError';
  }
}

// One message's turn through the use cases: what the robot hands a listener. The message was stored and its
// group and site resolved once; its text was understood once (core/understand.ts); the transaction is the
// unit of work the message is handled in; what the bot answers is collected and sent as one reply.
import type { Tx } from '../../db/client.js';
import type { ChatMessage, MessageState } from '../core/domain.js';
import type { Understanding } from '../core/understand.js';

export interface Reply {
  text: string;
  /** @mention the sender. */
  mention?: boolean;
  /** Goes ahead of everything routine (an emergency answered). */
  urgent?: boolean;
  /**
   * What kind of message it is (reply, digest …), for the outbox's rules and the console. An `ack` (a
   * routine "recorded", nothing else said) may wait to be merged with others when the group is busy.
   */
  kind?: string;
  /** An acknowledgement's label in a merged one: the sender's room, never a name or a reading. */
  label?: string | null;
}

export interface Turn {
  message: ChatMessage;
  understood: Understanding;
  tx: Tx;
  /** Answers in the message's group; a turn's answers go out as one message. */
  reply(reply: string | Reply): void;
  /** Says what became of the message; the outcome that needs the most attention wins. */
  done(state: Exclude<MessageState, 'received' | 'reviewed'>, note?: string | null): void;
}

/** The outcome a use case reports for its turn. */
export interface Outcome {
  state: Exclude<MessageState, 'received' | 'reviewed'>;
  note?: string | null;
}

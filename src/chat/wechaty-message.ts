// From a Wechaty message to the IncomingMessage the intake stores, after the guards: the bot's own
// messages, private chats, messages from before login and kinds that carry nothing to keep (red
// envelopes, transfers, system notices) go no further. A recall is kept: it withdraws what its message made.
import type { Message } from 'wechaty';
import * as PUPPET from 'wechaty-puppet';
import type { IncomingMessage } from '../core/domain.js';
import { MEDIA_LABELS, type MediaKind } from '../core/media.js';

const T = PUPPET.types.Message;

// Wechaty's message types for media, and the label each is stored with.
const MEDIA_TYPES = new Map<number, MediaKind>([
  [T.Image, 'image'],
  [T.Audio, 'voice'],
  [T.Video, 'video'],
  [T.Attachment, 'file'],
  [T.Emoticon, 'sticker'],
  [T.Url, 'link'],
  [T.MiniProgram, 'mini-program'],
  [T.Location, 'location'],
  [T.Contact, 'card'],
  [T.ChatHistory, 'chat-history'],
]);

const APP_MESSAGE = /<appmsg[\s>]/;

export interface MessageGuards {
  /** Messages sent before this instant are dropped (null: keep all). */
  notBefore: Date | null;
}

export async function toIncoming(msg: Message, guards: MessageGuards): Promise<IncomingMessage | null> {
  if (msg.self()) return null;
  const room = msg.room();
  if (!room) return null;
  if (guards.notBefore && msg.date().getTime() < guards.notBefore.getTime()) return null;
  const type = msg.type();
  const raw = msg.text() ?? '';
  let kind: IncomingMessage['kind'];
  let text = raw;
  if (type === T.Text) kind = 'text';
  // A recall (撤回) carries the id of the message taken back as its text (Wechaty's Message#toRecalled).
  else if (type === T.Recalled) kind = 'recall';
  else if (APP_MESSAGE.test(raw)) kind = 'app';
  else {
    const media = MEDIA_TYPES.get(type);
    if (!media) return null;
    kind = 'media';
    // What a file or picture holds stays in WeChat: only the label is stored.
    text = MEDIA_LABELS[media];
  }
  const talker = msg.talker();
  const [topic, alias, mentions, mentionsSelf] = await Promise.all([
    room.topic(),
    room.alias(talker).catch(() => undefined),
    msg.mentionList().catch(() => []),
    msg.mentionSelf().catch(() => false),
  ]);
  return {
    providerId: msg.id,
    roomId: room.id,
    roomTopic: topic,
    talkerId: talker.id,
    talkerName: alias || talker.name() || talker.id,
    kind,
    text,
    at: msg.date(),
    mentionsSelf,
    mentionIds: mentions.map((c) => c.id),
  };
}

// Messages that are not text: a photo of a thermometer, a voice message from an older villager, a
// prescription as a file, a shared location to deliver to. The bot cannot read them, so they are stored
// with a label in place of the content and left for staff to look at in WeChat. Stickers, shared
// articles and mini-programs are chatter.
import type { MessageState } from './domain.js';

export const MEDIA_KINDS = [
  'image',
  'voice',
  'video',
  'file',
  'sticker',
  'link',
  'mini-program',
  'location',
  'card',
  'chat-history',
] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const MEDIA_LABELS: Record<MediaKind, string> = {
  image: '[图片]',
  voice: '[语音]',
  video: '[视频]',
  file: '[文件]',
  sticker: '[表情]',
  link: '[链接]',
  'mini-program': '[小程序]',
  location: '[位置]',
  card: '[名片]',
  'chat-history': '[聊天记录]',
};

const CHATTER = new Set([MEDIA_LABELS.sticker, MEDIA_LABELS.link, MEDIA_LABELS['mini-program']]);

/** What becomes of a stored media message (its text is its label) when no listener says otherwise. */
export function mediaOutcome(label: string): {
  state: Extract<MessageState, 'ignored' | 'unplaced'>;
  note: string | null;
} {
  if (CHATTER.has(label)) return { state: 'ignored', note: null };
  return { state: 'unplaced', note: `${label} not read by the bot` };
}

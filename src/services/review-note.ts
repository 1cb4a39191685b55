// A message the bot could not place is kept for staff; its sender hears that a person will look, so
// nobody waits for an answer that will not come. Once in a while per sender, not every time.
import { createOutboxRepo } from '../../db/repositories/outbox.js';
import type { Turn } from './turn.js';

/** A sender is told at most this often. */
export const REVIEW_NOTE_EVERY_MS = 6 * 3_600_000;

export const REVIEW_NOTES = {
  residents: '收到，这条消息工作人员会看一下，需要时会联系您。',
  villagers: '收到，这条没看懂，已转给志愿者看，需要时会联系您。',
} as const;

/** Tells the sender their message went to staff review, unless they were told so lately. */
export async function noteReview(turn: Turn, text: string): Promise<void> {
  const group = turn.message.group;
  if (!group) return;
  const since = new Date(turn.message.at.getTime() - REVIEW_NOTE_EVERY_MS);
  if (await createOutboxRepo(turn.tx).toldSince(group.id, turn.message.talkerId, 'review-note', since))
    return;
  turn.reply({ text, mention: true, kind: 'review-note' });
}

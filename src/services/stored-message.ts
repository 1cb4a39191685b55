// A stored message as the road takes it (with its group), for reading it again: a message the process died
// before handling, or one a staff fix taught the bot to read.
import type { GroupsRepo } from '../../db/repositories/groups.js';
import type { MessagesRepo } from '../../db/repositories/messages.js';
import type { ChatMessage } from '../core/domain.js';
import { stripLeadingMentions } from '../core/text.js';

type Row = NonNullable<Awaited<ReturnType<MessagesRepo['byId']>>>;

export async function chatMessageOf(row: Row, groups: Pick<GroupsRepo, 'byId'>): Promise<ChatMessage> {
  const group = row.groupId ? await groups.byId(row.groupId) : null;
  return {
    id: row.id,
    providerId: row.providerId,
    roomId: row.roomId,
    roomTopic: group?.topic ?? '',
    talkerId: row.talkerId,
    talkerName: row.talkerName,
    kind: row.kind,
    text: row.text,
    body: stripLeadingMentions(row.text),
    at: row.sentAt,
    mentionsSelf: row.mentionsSelf,
    mentionIds: [],
    group,
  };
}

// What a villager's message says: the body of a text message, or the list in a 接龙-tool app message.
import { appMessageTitle, isAppPayload } from '../../core/village/app-message.js';

/** The readable text of a message body; null for an app message without a title. */
export function villagerText(body: string): string | null {
  return isAppPayload(body) ? appMessageTitle(body) : body;
}

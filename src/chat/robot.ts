// The robot: hubot-style dispatch between the transport (below) and the bots (above). Each stored message
// goes to every listener that matches it; a failing listener is logged and never stops the others. What
// became of the message (handled, unplaced for staff review, ignored, failed) is recorded on it.
import type { ChatMessage, GroupRole, MessageState } from '../core/domain.js';
import type { Logger } from '../log.js';

export interface Reply {
  text: string;
  /** @mention the sender. */
  mention?: boolean;
  urgent?: boolean;
}

export interface Response {
  message: ChatMessage;
  match: RegExpMatchArray | null;
  /** Answer in the same group (through the outbox). */
  reply(reply: string | Reply): Promise<void>;
  /** Say what became of the message; the strongest outcome across listeners wins. */
  done(state: Exclude<MessageState, 'received' | 'reviewed'>, note?: string): void;
}

export type Handler = (res: Response) => Promise<void> | void;

export interface ListenerOptions {
  /** Only in groups with one of these roles; any group when absent. */
  roles?: readonly GroupRole[];
}

export interface RobotDeps {
  log: Logger;
  /** Queues a reply in the message's group. */
  reply(msg: ChatMessage, reply: Reply): Promise<void>;
  /** Records the outcome on the stored message. */
  finish(id: number, state: MessageState, note: string | null): Promise<void>;
}

interface Listener {
  name: string;
  roles: readonly GroupRole[] | null;
  match: (msg: ChatMessage) => RegExpMatchArray | null;
  handler: Handler;
}

// When listeners disagree, the outcome that needs the most attention wins.
const RANK: Record<string, number> = { ignored: 0, handled: 1, unplaced: 2, failed: 3 };

export class Robot {
  private readonly listeners: Listener[] = [];
  private readonly fallbacks: Listener[] = [];

  constructor(private readonly deps: RobotDeps) {}

  /** Listen for messages whose body matches `pattern`. */
  hear(name: string, pattern: RegExp, handler: Handler, opts: ListenerOptions = {}): void {
    this.listeners.push({ name, roles: opts.roles ?? null, match: (m) => m.body.match(pattern), handler });
  }

  /** Listen for `#name args…` (also with the full-width ＃). */
  command(names: string | readonly string[], handler: Handler, opts: ListenerOptions = {}): void {
    const list = typeof names === 'string' ? [names] : names;
    const pattern = new RegExp(
      `^[#＃]\\s*(${list.map(escapeRegExp).join('|')})(?=$|[\\s:：,，])\\s*[:：]?\\s*([\\s\\S]*)$`,
    );
    this.listeners.push({
      name: `#${list[0]}`,
      roles: opts.roles ?? null,
      match: (m) => m.body.trim().match(pattern),
      handler,
    });
  }

  /** Runs when no listener matched a message in a group of these roles. */
  fallback(name: string, handler: Handler, opts: ListenerOptions = {}): void {
    this.fallbacks.push({ name, roles: opts.roles ?? null, match: () => null, handler });
  }

  async dispatch(msg: ChatMessage): Promise<MessageState> {
    const role = msg.group?.role ?? null;
    const inScope = (l: Listener) => l.roles === null || (role !== null && l.roles.includes(role));
    let outcome: MessageState = 'ignored';
    let note: string | null = null;
    const settle = (state: MessageState, why?: string) => {
      if ((RANK[state] ?? 0) >= (RANK[outcome] ?? 0)) {
        outcome = state;
        note = why ?? note;
      }
    };

    let matched = 0;
    for (const l of this.listeners) {
      if (!inScope(l)) continue;
      const match = l.match(msg);
      if (!match) continue;
      matched++;
      await this.run(l, msg, match, settle);
    }
    if (matched === 0) {
      for (const l of this.fallbacks) if (inScope(l)) await this.run(l, msg, null, settle);
    }
    try {
      await this.deps.finish(msg.id, outcome, note);
    } catch (err) {
      this.deps.log.error({ err, messageId: msg.id }, 'could not record message outcome');
    }
    return outcome;
  }

  private async run(
    l: Listener,
    msg: ChatMessage,
    match: RegExpMatchArray | null,
    settle: (s: MessageState, why?: string) => void,
  ): Promise<void> {
    let explicit = false;
    const res: Response = {
      message: msg,
      match,
      reply: (r) => this.deps.reply(msg, typeof r === 'string' ? { text: r } : r),
      done: (state, why) => {
        explicit = true;
        settle(state, why);
      },
    };
    try {
      await l.handler(res);
      if (!explicit && match) settle('handled');
    } catch (err) {
      this.deps.log.error({ err, listener: l.name, messageId: msg.id }, 'listener failed');
      settle('failed', `${l.name}: ${(err as Error).message ?? String(err)}`.slice(0, 500));
    }
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

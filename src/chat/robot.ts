// The robot: hubot-style dispatch between the transport (below) and the bots (above). Each stored message
// goes to every listener that matches it; a failing listener is logged and never stops the others. What
// became of the message (handled, unplaced for staff review, ignored, failed) is recorded on it.
// A failure that says "try again later" (the database is away) is different: the dispatch stops there
// and throws DispatchInterrupted; dispatching the same message again carries on from that listener, so
// listeners that already ran do not run twice.
import type { ChatMessage, GroupRole, MessageState } from '../core/domain.js';
import { mediaOutcome } from '../core/media.js';
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
  /** Failures worth waiting out (the database is away); default: none. */
  isTransient?: (err: unknown) => boolean;
}

/** A dispatch stopped by a transient failure; dispatch the message again to carry on. */
export class DispatchInterrupted extends Error {
  readonly code = 'DISPATCH_INTERRUPTED';
  constructor(messageId: number, cause: unknown) {
    // The cause's own message may quote a query with people's messages in it: it stays in `cause`.
    super(`dispatch of message ${messageId} interrupted`, { cause });
    this.name = 'DispatchInterrupted';
  }
}

// How far an interrupted dispatch got.
interface Progress {
  done: Set<Listener>;
  outcome: MessageState;
  note: string | null;
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
  private readonly interrupted = new Map<number, Progress>();
  private readonly inFlight = new Set<number>();

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

  /**
   * Runs the matching listeners and records the outcome. Returns null when the message is being
   * dispatched already (a re-delivery racing the first delivery). Throws DispatchInterrupted when a
   * listener or the recording failed transiently.
   */
  async dispatch(msg: ChatMessage): Promise<MessageState | null> {
    if (this.inFlight.has(msg.id)) return null;
    this.inFlight.add(msg.id);
    try {
      const progress = this.interrupted.get(msg.id) ?? this.begin(msg);
      this.interrupted.set(msg.id, progress);
      await this.runListeners(msg, progress);
      try {
        await this.deps.finish(msg.id, progress.outcome, progress.note);
      } catch (err) {
        if (this.deps.isTransient?.(err)) throw new DispatchInterrupted(msg.id, err);
        this.deps.log.error({ err, messageId: msg.id }, 'could not record message outcome');
      }
      this.interrupted.delete(msg.id);
      return progress.outcome;
    } finally {
      this.inFlight.delete(msg.id);
    }
  }

  /**
   * Runs the matching listeners and returns the outcome without recording it, for a caller that records
   * the outcomes of many messages at once (a batch handled in one transaction). Any failure of a listener
   * is thrown, not recorded: the caller rolls the batch back and dispatches its messages one by one.
   * Null when the message is being dispatched already.
   */
  async outcomeOf(msg: ChatMessage): Promise<{ state: MessageState; note: string | null } | null> {
    if (this.inFlight.has(msg.id) || this.interrupted.has(msg.id)) return null;
    this.inFlight.add(msg.id);
    try {
      const progress = this.begin(msg);
      await this.runListeners(msg, progress, true);
      return { state: progress.outcome, note: progress.note };
    } finally {
      this.inFlight.delete(msg.id);
    }
  }

  /** A dispatch of this message is running, or was interrupted and has to be carried on. */
  busy(id: number): boolean {
    return this.inFlight.has(id) || this.interrupted.has(id);
  }

  private begin(msg: ChatMessage): Progress {
    // Media (a photo, a voice message) is for a person to look at unless a fallback says otherwise.
    const start = msg.kind === 'media' ? mediaOutcome(msg.text) : { state: 'ignored' as const, note: null };
    return { done: new Set(), outcome: start.state, note: start.note };
  }

  private async runListeners(msg: ChatMessage, progress: Progress, strict = false): Promise<void> {
    const role = msg.group?.role ?? null;
    const inScope = (l: Listener) => l.roles === null || (role !== null && l.roles.includes(role));
    const settle = (state: MessageState, why?: string) => {
      if ((RANK[state] ?? 0) >= (RANK[progress.outcome] ?? 0)) {
        progress.outcome = state;
        progress.note = why ?? progress.note;
      }
    };
    const matches: [Listener, RegExpMatchArray | null][] = [];
    // Listeners read text; media messages go to the fallbacks only.
    if (msg.kind !== 'media') {
      for (const l of this.listeners) {
        const match = inScope(l) ? l.match(msg) : null;
        if (match) matches.push([l, match]);
      }
    }
    if (matches.length === 0) for (const l of this.fallbacks) if (inScope(l)) matches.push([l, null]);
    for (const [l, match] of matches) {
      if (progress.done.has(l)) continue;
      const transient = await this.run(l, msg, match, settle, strict);
      if (transient) throw new DispatchInterrupted(msg.id, transient);
      progress.done.add(l);
    }
  }

  private async run(
    l: Listener,
    msg: ChatMessage,
    match: RegExpMatchArray | null,
    settle: (s: MessageState, why?: string) => void,
    strict: boolean,
  ): Promise<unknown> {
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
      if (strict) throw err;
      if (this.deps.isTransient?.(err)) {
        this.deps.log.warn({ listener: l.name, messageId: msg.id }, 'listener interrupted, will retry');
        return err;
      }
      this.deps.log.error({ err, listener: l.name, messageId: msg.id }, 'listener failed');
      settle('failed', `${l.name}: ${(err as Error).message ?? String(err)}`.slice(0, 500));
    }
    return null;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The robot: hubot-style dispatch between the transport (below) and the bots (above). A stored message is
// received once: its text is understood (core/understand.ts), and the listeners keyed by what it means run
// in the message's unit of work — the listeners of its command (one grammar, core/commands.ts), or of the
// record types it carries, else the group's `otherwise` listeners. What they answer goes out as one reply
// through the response step; what became of the message (handled, unplaced for staff review, ignored,
// failed) is returned for the caller to record with the rest of the unit.
import type { Tx } from '../../db/client.js';
import { savepoint } from '../../db/unit.js';
import type { CommandName } from '../core/commands.js';
import type { ChatMessage, GroupRole, MessageState } from '../core/domain.js';
import { mediaOutcome } from '../core/media.js';
import type { ParsedRecord, Vocabulary } from '../core/records.js';
import { DEFAULT_ZONE } from '../core/time.js';
import { type Understanding, understand } from '../core/understand.js';
import type { Logger } from '../log.js';
import type { Reply, Turn } from '../services/turn.js';

export type { Reply } from '../services/turn.js';
export type Response = Turn;
export type Handler = (res: Response) => Promise<void> | void;
export type RecordType = Exclude<ParsedRecord['type'], 'command'>;

export interface ListenerOptions {
  /** Only in groups with one of these roles; any group when absent. */
  roles?: readonly GroupRole[];
}

export interface RobotDeps {
  log: Logger;
  /** The response step: queues a turn's answers (in its transaction) under every outgoing rule. */
  respond(msg: ChatMessage, replies: Reply[], tx: Tx): Promise<unknown>;
  /** Failures worth waiting out (the database is away): they end the turn and the unit. */
  isTransient?: (err: unknown) => boolean;
  /** What the message's site is known to say, read in the turn's transaction (a cache in front of it). */
  vocabularyOf?(siteId: number | null, tx: Tx): Promise<Vocabulary | undefined>;
  /** Whether this command was sent by the same person just before and answered then: not answered again. */
  repeatedCommand?(msg: ChatMessage, tx: Tx): Promise<boolean>;
}

export interface Received {
  state: Exclude<MessageState, 'received' | 'reviewed'>;
  note: string | null;
}

type Key =
  | { command: CommandName }
  | { records: readonly RecordType[] }
  | 'unknown-command'
  | 'recall'
  | 'otherwise';

interface Listener {
  name: string;
  key: Key;
  roles: readonly GroupRole[] | null;
  handler: Handler;
}

// When listeners disagree, the outcome that needs the most attention wins.
const RANK: Record<string, number> = { ignored: 0, handled: 1, unplaced: 2, failed: 3 };

export class Robot {
  private readonly listeners: Listener[] = [];

  constructor(private readonly deps: RobotDeps) {}

  /** Listen for a command of the grammar (by its canonical name; its other words come with it). */
  command(name: CommandName, handler: Handler, opts: ListenerOptions = {}): void {
    this.add(`#${name}`, { command: name }, handler, opts);
  }

  /** Listen for messages that carry records of these types. */
  on(records: readonly RecordType[], handler: Handler, opts: ListenerOptions = {}): void {
    this.add(`records:${records.join(',')}`, { records }, handler, opts);
  }

  /** Runs for a `#command` this group does not have. */
  unknownCommand(handler: Handler, opts: ListenerOptions = {}): void {
    this.add('unknown-command', 'unknown-command', handler, opts);
  }

  /** Runs when a member recalls (撤回) an earlier message. */
  recall(handler: Handler, opts: ListenerOptions = {}): void {
    this.add('recall', 'recall', handler, opts);
  }

  /** Runs for a message no other listener took (chatter, a question, a place, media). */
  otherwise(handler: Handler, opts: ListenerOptions = {}): void {
    this.add('otherwise', 'otherwise', handler, opts);
  }

  /**
   * Runs the message's listeners on `tx` and queues the turn's reply. With `isolate`, each listener runs in
   * a savepoint: one that fails is rolled back and recorded as the message's failure while the others go
   * on; without it any failure is thrown (a batch's caller rolls the batch back and takes its messages one
   * by one). A transient failure is always thrown.
   */
  async receive(msg: ChatMessage, tx: Tx, opts: { isolate?: boolean } = {}): Promise<Received> {
    const publicGroup = msg.group?.role === 'residents' || msg.group?.role === 'villagers';
    const vocabulary =
      publicGroup && msg.kind !== 'media'
        ? await this.deps.vocabularyOf?.(msg.group?.siteId ?? null, tx)
        : undefined;
    const understood = understand({
      body: msg.body,
      kind: msg.kind,
      at: msg.at,
      role: msg.group?.role ?? null,
      siteKind: msg.group?.siteKind ?? null,
      timeZone: msg.group?.timeZone ?? DEFAULT_ZONE,
      vocabulary,
    });
    // Media (a photo, a voice message) is for a person to look at unless a listener says otherwise.
    const outcome: Received =
      msg.kind === 'media' ? mediaOutcome(msg.text) : { state: 'ignored', note: null };
    const settle = (state: Received['state'], note?: string | null) => {
      if ((RANK[state] ?? 0) >= (RANK[outcome.state] ?? 0)) {
        outcome.state = state;
        outcome.note = note ?? outcome.note;
      }
    };
    const replies: Reply[] = [];
    for (const l of this.matching(msg, understood)) {
      const mine: Reply[] = [];
      let explicit = false;
      const res: Response = {
        message: msg,
        understood,
        tx,
        reply: (r) => void mine.push(typeof r === 'string' ? { text: r } : r),
        done: (state, note) => {
          explicit = true;
          settle(state, note);
        },
      };
      try {
        if (opts.isolate) await savepoint(tx, (sp) => Promise.resolve(l.handler({ ...res, tx: sp })));
        else await l.handler(res);
      } catch (err) {
        if (!opts.isolate || this.deps.isTransient?.(err)) throw err;
        this.deps.log.error({ err, listener: l.name, messageId: msg.id }, 'listener failed');
        settle('failed', `${l.name}: ${(err as Error).message ?? String(err)}`.slice(0, 500));
        continue;
      }
      replies.push(...mine);
      if (!explicit && l.key !== 'otherwise' && l.key !== 'recall') settle('handled');
    }
    if (replies.length && understood.command && (await this.deps.repeatedCommand?.(msg, tx))) {
      // Three hundred #帮助 from one member would spend the group's day: one answer per few minutes.
      outcome.note = 'repeated command: answered before';
      return outcome;
    }
    if (replies.length) await this.deps.respond(msg, replies, tx);
    return outcome;
  }

  private add(name: string, key: Key, handler: Handler, opts: ListenerOptions): void {
    this.listeners.push({ name, key, roles: opts.roles ?? null, handler });
  }

  private matching(msg: ChatMessage, u: Understanding): Listener[] {
    const role = msg.group?.role ?? null;
    const inScope = this.listeners.filter(
      (l) => l.roles === null || (role !== null && l.roles.includes(role)),
    );
    const keyed = (test: (k: Key) => boolean) => inScope.filter((l) => test(l.key));
    if (u.recalled) return keyed((k) => k === 'recall');
    if (u.command) {
      const name = u.command.name;
      const own = name ? keyed((k) => typeof k === 'object' && 'command' in k && k.command === name) : [];
      return own.length ? own : keyed((k) => k === 'unknown-command');
    }
    const types = new Set(u.records.map((r) => r.type));
    const taken = keyed(
      (k) => typeof k === 'object' && 'records' in k && k.records.some((t) => types.has(t)),
    );
    return taken.length ? taken : keyed((k) => k === 'otherwise');
  }
}

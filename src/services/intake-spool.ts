// The intake's spool: messages that wait for the database are also written to a local file, one JSON line
// each, flushed to disk before the intake goes on. If the process dies (or is stopped) while the database
// is away, the next start takes them from the file again; storing is once per provider id, so a message
// already stored before the crash is not stored twice. The file is emptied once everything written to it
// is stored. Nothing is written while the database answers.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage } from '../core/domain.js';
import type { Logger } from '../log.js';

export interface IntakeSpool {
  /** Writes the messages down; resolves once they are on disk. */
  append(messages: readonly IncomingMessage[]): Promise<void>;
  /** What an earlier process left (a torn last line is skipped, and cut off the file). */
  load(): Promise<IncomingMessage[]>;
  /** Empties the spool: everything written to it is stored. */
  clear(): Promise<void>;
}

export function createFileSpool(file: string, log: Logger): IntakeSpool {
  // One operation at a time, in the order asked: an append never races the clear after it.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const run = chain.then(op, op);
    chain = run.catch(() => {});
    return run;
  };

  return {
    append: (messages) =>
      serial(async () => {
        if (messages.length === 0) return;
        await fs.mkdir(path.dirname(file), { recursive: true });
        const handle = await fs.open(file, 'a');
        try {
          await handle.write(messages.map((m) => `${JSON.stringify(m)}\n`).join(''));
          await handle.datasync();
        } finally {
          await handle.close();
        }
      }),

    load: () =>
      serial(async () => {
        let text: string;
        try {
          text = await fs.readFile(file, 'utf8');
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
          throw err;
        }
        // A torn last line (the process died while writing it) is cut off, or the next append would
        // continue it and the two lines would be lost together.
        const end = text.lastIndexOf('\n') + 1;
        if (end < text.length) {
          await fs.truncate(file, Buffer.byteLength(text.slice(0, end)));
          log.error({ file }, 'torn last line in the intake spool, cut off');
        }
        const messages: IncomingMessage[] = [];
        const lines = text.split('\n').filter((l) => l.trim() !== '');
        lines.forEach((line, i) => {
          const m = revive(line);
          if (m) messages.push(m);
          else log.error({ file, line: i + 1 }, 'unreadable line in the intake spool, skipped');
        });
        return messages;
      }),

    clear: () =>
      serial(async () => {
        await fs.rm(file, { force: true });
      }),
  };
}

function revive(line: string): IncomingMessage | null {
  try {
    const m = JSON.parse(line) as IncomingMessage & { at: string };
    const at = new Date(m.at);
    if (typeof m.providerId !== 'string' || typeof m.roomId !== 'string' || Number.isNaN(at.getTime()))
      return null;
    return { ...m, at };
  } catch {
    return null;
  }
}

/** What the keeper needs of a buffered message. */
export interface Spoolable {
  incoming: IncomingMessage;
  /** Written to the spool and not yet stored. */
  spooled: boolean;
}

/**
 * Which buffered messages are written down: each is written once, and the spool is emptied once none of
 * them waits any more (stored, a duplicate, given up or dropped). Without a spool it does nothing.
 */
export function createSpoolKeeper(spool: IntakeSpool | undefined, log: Logger) {
  let pending = 0;
  return {
    /** Writes down those of `entries` not written yet. */
    async write(entries: readonly Spoolable[]): Promise<void> {
      if (!spool) return;
      const waiting = entries.filter((e) => !e.spooled);
      if (waiting.length === 0) return;
      for (const e of waiting) e.spooled = true;
      pending += waiting.length;
      try {
        await spool.append(waiting.map((e) => e.incoming));
      } catch (err) {
        log.error(
          { err, messages: waiting.length },
          'cannot write the intake spool; the messages wait in memory only',
        );
      }
    },
    /** An entry taken from the spool by a new process: it is written down already. */
    adopt(entry: Spoolable): void {
      entry.spooled = true;
      pending++;
    },
    /** The entry no longer needs the spool. */
    release(entry: Spoolable): void {
      if (!entry.spooled) return;
      entry.spooled = false;
      if (--pending === 0 && spool)
        spool.clear().catch((err) => log.error({ err }, 'cannot empty the intake spool'));
    },
  };
}

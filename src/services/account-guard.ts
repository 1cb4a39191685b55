// One WeChat account, one instance: while it runs, an instance holds a lock on its account in the
// database (`Database.tryLock`), so a second instance logging into the same account refuses to start (two
// would each pace their sends and together send too fast). The lock is asked for again every minute: one
// lost with its connection is taken back on a new one; if another instance took the account meanwhile,
// `onLost` runs (the instance stops sending), and once that instance lets it go, this one takes it back
// at a later check and `onRegained` runs (it sends again).
import type { Database, HeldLock } from '../../db/client.js';
import { AccountInUseError } from '../core/errors.js';
import type { Logger } from '../log.js';

export interface AccountGuardDeps {
  database: Pick<Database, 'tryLock'>;
  log: Logger;
  onLost: () => Promise<void>;
  onRegained: () => Promise<void> | void;
  checkEveryMs?: number;
}

export function createAccountGuard(deps: AccountGuardDeps) {
  let lock: HeldLock | null = null;
  let account: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lost = false;

  async function check(): Promise<boolean | null> {
    if (!lock) return null;
    const held = await lock.refresh();
    if (held === false && !lost) {
      lost = true;
      deps.log.error({ account }, 'another instance now serves this WeChat account: this one stops sending');
      await deps.onLost();
    } else if (held === true && lost) {
      lost = false;
      deps.log.warn({ account }, 'this WeChat account is free again: this instance sends again');
      await deps.onRegained();
    }
    return held;
  }

  return {
    /** Takes the account's lock; throws AccountInUseError when another instance holds it. */
    async take(id: string): Promise<void> {
      lock = await deps.database.tryLock(`shouwang:account:${id}`);
      if (!lock) throw new AccountInUseError(id);
      account = id;
      timer = setInterval(() => void check(), deps.checkEveryMs ?? 60_000);
    },
    /** Asks now whether the lock is still held: true, false (another instance has it), null (not known). */
    check,
    /** Gives the lock back; safe to call twice. */
    async release(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await lock?.release();
      lock = null;
    },
  };
}

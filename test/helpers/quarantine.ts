// An observation site on a whole shouwang in simulated time: residents and staff write in their groups
// through the mock puppet, and each step returns exactly what the bot said in reply.
import { createRegistryRepo } from '../../db/repositories/registry.js';
import type { SentMessage } from '../../src/chat/sandbox.js';
import { createSimulatedClock, type SimulatedClock } from '../../src/core/clock.js';
import { createSetupService } from '../../src/services/setup.js';
import { startTestService, type TestService } from './service.js';
import { waitFor } from './wait.js';

export const SITE = '五指山观察点';
export const RESIDENTS = '五指山观察点住户群';
export const STAFF = '五指山观察点工作群';

export interface RosterEntry {
  name: string;
  room: string;
  start: string;
  wechat?: string;
  days?: number;
}

export function siteSetup(residents: RosterEntry[], extra: Record<string, unknown> = {}) {
  return {
    sites: [
      {
        name: SITE,
        kind: 'quarantine',
        timezone: 'Asia/Shanghai',
        observationDays: 14,
        feverThreshold: 37.3,
        reportTimes: ['08:00', '20:00'],
        groups: [
          { topic: RESIDENTS, role: 'residents' },
          { topic: STAFF, role: 'staff' },
        ],
        residents,
        ...extra,
      },
    ],
  };
}

export interface SiteHarness {
  t: TestService;
  clock: SimulatedClock;
  siteId: number;
  /** Posts a message at a local Shanghai time ("2020-02-15 07:58") and returns what the bot then sent. */
  say(room: string, from: string, text: string, at: string): Promise<SentMessage[]>;
  /** Sends what is queued and due at the clock's time; returns what went out. */
  flush(): Promise<SentMessage[]>;
  stop(): Promise<void>;
}

export const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

/**
 * A site in simulated time. Every answer goes out on its own unless `mergeAcks` (these tests read what the
 * bot says to each message; test/bots/acks.test.ts tests the merging of a busy group's acknowledgements).
 */
export async function startSite(
  residents: RosterEntry[],
  startAt: string,
  opts: { mergeAcks?: boolean } = {},
): Promise<SiteHarness> {
  const clock = createSimulatedClock(shanghai(startAt));
  const t = await startTestService({
    clock,
    jobs: false,
    ignoreBeforeLogin: false,
    outboxPolicy: { mergeAcks: opts.mergeAcks ?? false },
  });
  await createSetupService({ db: t.db.db, defaultZone: 'Asia/Shanghai' }).apply(siteSetup(residents));
  await t.sw.syncRooms();
  const site = await createRegistryRepo(t.db.db).siteByName(SITE);
  if (!site) throw new Error('setup did not create the site');
  let seen = 0;
  const flush = async () => {
    const n = await t.sw.outboxWorker.drain();
    await waitFor(() => t.world.sent().length >= seen + n, { what: `${n} messages to arrive` });
    const fresh = t.world.sent().slice(seen);
    seen += fresh.length;
    return fresh;
  };
  return {
    t,
    clock,
    siteId: site.id,
    async say(room, from, text, at) {
      const when = shanghai(at);
      clock.set(when);
      const id = t.world.say({ room, from, text, at: when });
      if (!(await t.sw.waitProcessed(id))) throw new Error(`message ${text} was not processed`);
      return flush();
    },
    flush,
    stop: () => t.stop(),
  };
}

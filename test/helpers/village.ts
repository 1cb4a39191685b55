// A village (七星洞村) with households, its villagers' and volunteers' groups, and a simulated clock: tests
// talk in the groups through the mock puppet and read what the bot answered to each message.
import { asc, eq } from 'drizzle-orm';
import { outbox } from '../../db/schema.js';
import { createSimulatedClock, type SimulatedClock } from '../../src/core/clock.js';
import { createSetupService } from '../../src/services/setup.js';
import type { TestDatabase } from './db.js';
import { startTestService, type TestService } from './service.js';

export const VILLAGE = '七星洞村';
export const VILLAGERS = '七星洞村村民群';
export const VOLUNTEERS = '七星洞村志愿队';

export const VILLAGE_SETUP = {
  sites: [
    {
      name: VILLAGE,
      kind: 'village',
      timezone: 'Asia/Shanghai',
      groups: [
        { topic: VILLAGERS, role: 'villagers' },
        { topic: VOLUNTEERS, role: 'volunteers' },
      ],
      households: [
        { name: '刘家', group: '三组', address: '三组12号', phone: '13800001111', wechat: '刘婆婆' },
        { name: '老王', group: '五组', phone: '13900002222' },
        { name: '张三', group: '二组', phone: '13700003333' },
      ],
    },
  ],
};

export interface Said {
  text: string;
  mentions: string[];
  topic: string;
}

export interface VillageTest extends TestService {
  clock: SimulatedClock;
  /** Says `text` at `at` (local ISO) and returns what the bot queued in answer, once it is handled. */
  say(room: string, from: string, text: string, at: string, opts?: { app?: boolean }): Promise<Said[]>;
  /** The stored message's state after `say`. */
  stateOf(providerId: string): Promise<string | null>;
  lastId: string;
}

export async function startVillage(opts: { db?: TestDatabase } = {}): Promise<VillageTest> {
  const clock = createSimulatedClock(new Date('2020-02-15T08:00:00+08:00'));
  const t = await startTestService({ clock, ignoreBeforeLogin: false, db: opts.db });
  await createSetupService({ db: t.db.db, defaultZone: 'Asia/Shanghai' }).apply(VILLAGE_SETUP);
  await t.sw.syncRooms();
  const v: VillageTest = {
    ...t,
    clock,
    lastId: '',
    async say(room, from, text, at, sayOpts = {}) {
      const when = new Date(at);
      clock.set(when);
      const id = t.world.say({ room, from, text, at: when, app: sayOpts.app });
      v.lastId = id;
      if (!(await t.sw.waitProcessed(id))) throw new Error(`message not processed: ${text}`);
      const row = await t.sw.services.messages.byProviderId(id);
      if (!row) return [];
      const rows = await t.db.db
        .select()
        .from(outbox)
        .where(eq(outbox.sourceMessageId, row.id))
        .orderBy(asc(outbox.id));
      return rows.map((r) => ({ text: r.text, mentions: r.mentions.map((m) => m.name), topic: r.topic }));
    },
    async stateOf(providerId) {
      return (await t.sw.services.messages.byProviderId(providerId))?.state ?? null;
    },
  };
  return v;
}

// The observation-site services on a test database without the chat stack: messages are stored through
// intake as the bot would store them, and what the services queue is read from the outbox.
import { asc } from 'drizzle-orm';
import { createRegistryRepo } from '../../db/repositories/registry.js';
import { outbox } from '../../db/schema.js';
import { createSimulatedClock, type SimulatedClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/log.js';
import { createRoad, type Road } from '../../src/road.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createSetupService } from '../../src/services/setup.js';
import { chatMessageOf } from '../../src/services/stored-message.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { type RosterEntry, SITE, shanghai, siteSetup } from './quarantine.js';

export interface ServiceSite {
  db: TestDatabase;
  services: Services;
  road: Road;
  clock: SimulatedClock;
  siteId: number;
  /** Stores a message as intake would and hands it to the quarantine service. */
  say(topic: string, from: string, text: string, at: string): Promise<void>;
  /** What has been queued, oldest first: [topic, text, mentioned names]. */
  queued(): Promise<[string, string, string[]][]>;
  close(): Promise<void>;
}

export async function serviceSite(
  residents: RosterEntry[],
  extra: Record<string, unknown> = {},
): Promise<ServiceSite> {
  const db = await createTestDatabase();
  const clock = createSimulatedClock(shanghai('2020-02-15 00:00'));
  const services = createServices({
    database: db,
    clock,
    log: silentLogger,
    defaultZone: 'Asia/Shanghai',
    notifyOutbox: () => {},
  });
  await createSetupService({ db: db.db, defaultZone: 'Asia/Shanghai' }).apply(siteSetup(residents, extra));
  const site = await createRegistryRepo(db.db).siteByName(SITE);
  if (!site) throw new Error('no site');
  const road = roadOf(db, services, clock);
  let n = 0;
  return {
    db,
    services,
    road,
    clock,
    siteId: site.id,
    async say(topic, from, text, at) {
      await sayThrough({ services, road, clock }, `m${++n}`, { topic, from, text, at });
    },
    async queued() {
      const rows = await db.db.select().from(outbox).orderBy(asc(outbox.id));
      return rows.map((r) => [r.topic, r.text, r.mentions.map((m) => m.name)]);
    },
    close: () => db.close(),
  };
}

/** The message road (robot, bots, handling) over these services, without the chat stack. */
export function roadOf(db: TestDatabase, services: Services, clock: SimulatedClock): Road {
  const road = createRoad({
    db: db.db,
    clock,
    log: silentLogger,
    services,
    committed: () => services.outbox.notify(),
  });
  services.admin.review.onReadAgain(async (id) => {
    const row = await services.messages.byId(id);
    if (row) await road.handle(await chatMessageOf(row, services.groups));
  });
  return road;
}

/**
 * `from` writes `text` in the group `topic` at a local Shanghai time ("2020-02-15 08:05"): stored as intake
 * stores it and handled on the road every message takes. Returns the message id.
 */
export async function sayThrough(
  t: { services: Services; road: Road; clock: SimulatedClock },
  providerId: string,
  m: { topic: string; from: string; text: string; at: string },
): Promise<number> {
  t.clock.set(shanghai(m.at));
  const msg = await t.services.intake.store({
    providerId,
    roomId: `${m.topic}@chatroom`,
    roomTopic: m.topic,
    talkerId: `wxid-${m.from}`,
    talkerName: m.from,
    kind: 'text',
    text: m.text,
    at: shanghai(m.at),
    mentionsSelf: false,
    mentionIds: [],
  });
  if (!msg) throw new Error('not stored');
  await t.road.handle(msg);
  return msg.id;
}

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { households, residents, rooms, sites } from '../../db/schema.js';
import { createSimulatedClock } from '../../src/core/clock.js';
import { DEMO_SITE, DEMO_VILLAGE } from '../../src/core/demo.js';
import { loadDemoIfEmpty } from '../../src/services/demo.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('the sandbox demo', () => {
  it('loads the seed article’s site and village into an empty database, marked as demo, once', async () => {
    const clock = createSimulatedClock(new Date('2020-02-15T02:00:00Z'));
    expect(await loadDemoIfEmpty({ db: db.db, clock, timeZone: 'Asia/Shanghai' })).toBe(true);
    expect(await loadDemoIfEmpty({ db: db.db, clock, timeZone: 'Asia/Shanghai' })).toBe(false);
    const all = await db.db.select().from(sites).orderBy(sites.id);
    expect(all.map((s) => [s.name, s.kind, s.demo])).toEqual([
      [DEMO_SITE, 'quarantine', true],
      [DEMO_VILLAGE, 'village', true],
    ]);
    const site = all[0]?.id as number;
    expect(await db.db.select().from(rooms).where(eq(rooms.siteId, site))).toHaveLength(82);
    const people = await db.db.select().from(residents);
    expect(people.length).toBeGreaterThanOrEqual(14);
    expect(people.every((p) => p.demo && p.name.includes('演示'))).toBe(true);
    // Residents at different days of observation, from the first to the last.
    expect(new Set(people.map((p) => p.startDate)).size).toBe(14);
    expect(await db.db.select().from(households)).toHaveLength(10);
  });
});

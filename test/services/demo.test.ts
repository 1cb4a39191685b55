import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { households, residents, rooms, sites } from '../../db/schema.js';
import { createSimulatedClock } from '../../src/core/clock.js';
import { DEMO_SITE, DEMO_VILLAGE } from '../../src/core/demo.js';
import { createTokensService } from '../../src/services/admin/tokens.js';
import { DEMO_TOKEN_NAME, issueDemoToken, loadDemoIfEmpty } from '../../src/services/demo.js';
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

describe('the demo admin token', () => {
  it('is a fresh admin token at each call when demo data is present, the previous one revoked', async () => {
    const clock = createSimulatedClock(new Date('2020-02-15T02:00:00Z'));
    const tokens = createTokensService({ db: db.db, clock });
    const first = await issueDemoToken({ db: db.db, tokens });
    expect(first).toEqual(expect.any(String));
    expect(await tokens.authenticate(first as string)).toMatchObject({
      name: DEMO_TOKEN_NAME,
      role: 'admin',
      siteIds: null,
    });
    const second = await issueDemoToken({ db: db.db, tokens });
    expect(second).not.toBe(first);
    expect(await tokens.authenticate(first as string)).toBeNull();
    expect(await tokens.authenticate(second as string)).toMatchObject({ role: 'admin' });
  });

  it('is not made without demo data', async () => {
    const empty = await createTestDatabase();
    try {
      const tokens = createTokensService({ db: empty.db, clock: createSimulatedClock(new Date()) });
      expect(await issueDemoToken({ db: empty.db, tokens })).toBeNull();
      expect(await tokens.all()).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});

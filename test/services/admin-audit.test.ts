// A write and its audit row commit together: when the audit row cannot be written, the write is undone.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryRepo } from '../../db/repositories/registry.js';
import { createSimulatedClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/log.js';
import { anySite } from '../../src/services/admin/guard.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let db: TestDatabase;
let services: Services;
let siteId: number;
beforeAll(async () => {
  db = await createTestDatabase();
  services = createServices({
    database: db,
    clock: createSimulatedClock(new Date('2020-02-15T08:00:00+08:00')),
    log: silentLogger,
    defaultZone: 'Asia/Shanghai',
    notifyOutbox: () => {},
  });
  siteId = (
    await createRegistryRepo(db.db).upsertSite({
      name: '五指山观察点',
      kind: 'quarantine',
      timeZone: 'Asia/Shanghai',
    })
  ).id;
});
afterAll(() => db.close());

const actor = { tokenId: null, name: 'test' };

describe('audited writes', () => {
  it('write one audit row each', async () => {
    await services.admin.sites.update(actor, siteId, { feverThreshold: 37.5 }, anySite);
    const rows = await services.audit.list({ entity: 'site', limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorName: 'test',
      action: 'update',
      before: { feverThreshold: 37.3 },
      after: { feverThreshold: 37.5 },
      at: new Date('2020-02-15T08:00:00+08:00'),
    });
  });

  it('are undone when their audit row cannot be written', async () => {
    await db.db.execute(
      sql`alter table audit_log add constraint refuse_updates check (action <> 'update') not valid`,
    );
    try {
      await expect(
        services.admin.sites.update(actor, siteId, { observationDays: 21 }, anySite),
      ).rejects.toThrow(/insert into "audit_log"/);
      expect((await createRegistryRepo(db.db).siteById(siteId))?.observationDays).toBe(14);
    } finally {
      await db.db.execute(sql`alter table audit_log drop constraint refuse_updates`);
    }
  });

  it('are refused by the guard before anything is written', async () => {
    const refuse = () => {
      throw new Error('out of scope');
    };
    await expect(services.admin.sites.update(actor, siteId, { observationDays: 10 }, refuse)).rejects.toThrow(
      'out of scope',
    );
    expect((await createRegistryRepo(db.db).siteById(siteId))?.observationDays).toBe(14);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema.js';
import { createSimulatedClock } from '../../src/core/clock.js';
import { toZonedIso, zonedInstant } from '../../src/core/time.js';
import { createOutboxService } from '../../src/services/outbox.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { addSite } from '../helpers/fixtures.js';

let db: TestDatabase;
let siteId: number;
const SH = 'Asia/Shanghai';
const clock = createSimulatedClock(zonedInstant('2020-02-15', '23:00', SH));
let notified = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  ({ siteId } = await addSite(db.db, { name: '五指山观察点', kind: 'quarantine' }, [
    { topic: '住户群', role: 'residents' },
    { topic: '工作群', role: 'staff' },
  ]));
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.db.delete(outbox);
  notified = 0;
});

const service = () => createOutboxService({ db: db.db, clock, notify: () => void notified++ });

describe('messages to a site’s group', () => {
  it('go only to the group of the role asked for, and wake the worker', async () => {
    await service().toSiteGroup(siteId, 'staff', { text: '日报', kind: 'digest' });
    const rows = await db.db.select().from(outbox);
    expect(rows.map((r) => r.topic)).toEqual(['工作群']);
    expect(notified).toBe(1);
  });

  it('find nobody when the site has no group of that role', async () => {
    expect(await service().toSiteGroup(siteId, 'volunteers', { text: 'x', kind: 'digest' })).toEqual([]);
  });

  it('wait for the end of quiet hours in the residents group unless urgent or a reply', async () => {
    const s = service();
    await s.toSiteGroup(siteId, 'residents', { text: '提醒', kind: 'reminder' });
    await s.toSiteGroup(siteId, 'residents', { text: '紧急通知', kind: 'notice', urgent: true });
    await s.toSiteGroup(siteId, 'staff', { text: '未报名单', kind: 'missing' });
    const rows = await db.db.select().from(outbox).orderBy(outbox.id);
    expect(rows.map((r) => [r.text, toZonedIso(r.notBefore, SH)])).toEqual([
      ['提醒', '2020-02-16T07:00:00+08:00'],
      ['紧急通知', '2020-02-15T23:00:00+08:00'],
      ['未报名单', '2020-02-15T23:00:00+08:00'],
    ]);
  });

  it('send once per dedupe key', async () => {
    const s = service();
    await s.toSiteGroup(siteId, 'staff', { text: '日报', kind: 'digest', dedupeKey: 'digest:1:2020-02-15' });
    await s.toSiteGroup(siteId, 'staff', { text: '日报', kind: 'digest', dedupeKey: 'digest:1:2020-02-15' });
    expect(await db.db.select().from(outbox)).toHaveLength(1);
  });
});

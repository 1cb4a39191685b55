// Issue 17.2 and 17.3: one member can neither flood the staff group nor spend the group's day.
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { healthReports, outbox } from '../../db/schema.js';
import { RESIDENTS, STAFF } from '../helpers/quarantine.js';
import { type ServiceSite, serviceSite } from '../helpers/quarantine-services.js';

let s: ServiceSite;
afterEach(async () => {
  await s.close();
});
const ROSTER = [{ name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' }];

describe('one member', () => {
  it('gets one report and one alert from a message of 150 readings', async () => {
    s = await serviceSite(ROSTER);
    const flood = Array.from({ length: 150 }, (_, i) => `早 ${(38 + i / 100).toFixed(2)}`).join(' ');
    await s.say(RESIDENTS, '2105高', flood, '2020-02-15 07:40');
    const [reports] = await s.db.db.select({ n: count() }).from(healthReports);
    expect(reports?.n).toBe(1);
    const toStaff = (await s.queued()).filter(([topic]) => topic === STAFF);
    expect(toStaff).toHaveLength(1);
  });

  it('makes repeated alert updates within minutes one message for staff', async () => {
    s = await serviceSite(ROSTER);
    for (let i = 0; i < 20; i++)
      await s.say(RESIDENTS, '2105高', `早 38.${i % 10}`, `2020-02-15 07:${10 + i}`);
    const pending = await s.db.db.select({ text: outbox.text }).from(outbox).where(eq(outbox.kind, 'alert'));
    // The alert and the one pending update that took each later reading.
    expect(pending).toHaveLength(2);
    expect(pending[1]?.text).toContain('38.9');
  });

  it('is answered once for the same command repeated within minutes, and again later', async () => {
    s = await serviceSite(ROSTER);
    for (let i = 0; i < 30; i++)
      await s.say(RESIDENTS, '2105高', '#帮助', `2020-02-15 09:0${Math.floor(i / 10)}`);
    const help = async () => (await s.queued()).filter(([, text]) => text.includes('守望小助手可以帮您'));
    expect(await help()).toHaveLength(1);
    await s.say(RESIDENTS, '2105高', '#帮助', '2020-02-15 09:10');
    expect(await help()).toHaveLength(2);
  });
});

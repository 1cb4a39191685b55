// Issue 17.11: a message recalled in WeChat (撤回) stops acting. What it made that nobody has acted on is
// withdrawn; an alert that came from it stays, and staff are told. Through the real Wechaty stack.
import { asc } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { healthReports, orders, requests, waterBookings } from '../../db/schema.js';
import { RESIDENTS, type SiteHarness, STAFF, shanghai, startSite } from '../helpers/quarantine.js';
import { startVillage, VILLAGERS, type VillageTest, VOLUNTEERS } from '../helpers/village.js';

let h: SiteHarness | null = null;
let v: VillageTest | null = null;
afterEach(async () => {
  await h?.stop();
  await v?.stop();
  h = v = null;
});

const texts = (said: { topic: string; text: string }[]) => said.map((m) => [m.topic, m.text]);

describe('a recalled message', () => {
  it('withdraws a request not yet taken and a report, and tells staff of the alert it raised', async () => {
    h = await startSite(
      [{ name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' }],
      '2020-02-15 07:00',
    );
    const site = h;
    await site.say(RESIDENTS, '2105高', '36.5', '2020-02-15 07:30');
    const id = site.t.world.say({
      room: RESIDENTS,
      from: '2105高',
      text: '38.2 需要一个体温计',
      at: shanghai('2020-02-15 07:40'),
    });
    await site.t.sw.waitProcessed(id);
    await site.flush();
    site.clock.set(shanghai('2020-02-15 07:41'));
    const recall = site.t.world.recall(id, {
      room: RESIDENTS,
      from: '2105高',
      at: shanghai('2020-02-15 07:41'),
    });
    expect(await site.t.sw.waitProcessed(recall)).toBe(true);
    expect(texts(await site.flush())).toEqual([
      [STAFF, '【撤回】2105 高某 撤回了 07:40 的上报（早 38.2℃）。告警 A-0001 仍待处理，请电话核实。'],
      [RESIDENTS, '@2105高 您撤回了消息，已取消：工单 R-0001、这条体温记录。'],
    ]);
    const db = site.t.db.db;
    expect((await db.select().from(requests)).map((r) => r.status)).toEqual(['cancelled']);
    // The report before it counts again.
    const reports = await db.select().from(healthReports).orderBy(asc(healthReports.id));
    expect(reports.map((r) => [r.temperature, r.current])).toEqual([
      [36.5, true],
      [38.2, false],
    ]);
  });

  it('withdraws an order not yet bought and a water booking, and says what cannot be taken back', async () => {
    v = await startVillage();
    const village = v;
    await village.say(VILLAGERS, '刘婆婆', '帮我买两袋化肥', '2020-02-15T08:00:00+08:00');
    const bought = village.lastId;
    await village.say(
      VILLAGERS,
      '刘婆婆',
      '明天下午送两桶水到三组，再带一桶菜油',
      '2020-02-15T08:05:00+08:00',
    );
    const booked = village.lastId;
    await village.say(VOLUNTEERS, '小李', '#已买 O-0001', '2020-02-15T09:00:00+08:00');
    for (const id of [booked, bought]) {
      const r = village.world.recall(id, {
        room: VILLAGERS,
        from: '刘婆婆',
        at: new Date('2020-02-15T09:10:00+08:00'),
      });
      expect(await village.sw.waitProcessed(r)).toBe(true);
    }
    const db = village.db.db;
    expect(
      (await db.select().from(orders).orderBy(asc(orders.number))).map((o) => [o.number, o.status]),
    ).toEqual([
      [1, 'bought'],
      [2, 'cancelled'],
    ]);
    expect((await db.select().from(waterBookings)).map((w) => w.status)).toEqual(['cancelled']);
    await village.botSays(VILLAGERS, '您撤回了消息，已取消：O-0002、W-0001。');
    await village.botSays(VILLAGERS, 'O-0001 已经买了，没法撤回，请联系工作人员。');
  });

  it('is ignored when it recalls another member’s message', async () => {
    v = await startVillage();
    const village = v;
    await village.say(VILLAGERS, '刘婆婆', '帮我买两袋化肥', '2020-02-15T08:00:00+08:00');
    const r = village.world.recall(village.lastId, { room: VILLAGERS, from: '老王' });
    expect(await village.sw.waitProcessed(r)).toBe(true);
    expect(await village.stateOf(r)).toBe('ignored');
    expect((await village.db.db.select().from(orders)).map((o) => o.status)).toEqual(['open']);
  });
});

// The village timetable: the evening-before lists and the morning delivery list, to the volunteers'
// group once per site and day, nothing when there is nothing to do.
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema.js';
import { startVillage, VILLAGE, VILLAGERS, type VillageTest, VOLUNTEERS } from '../helpers/village.js';

let v: VillageTest;
let siteId: number;
beforeEach(async () => {
  v = await startVillage();
  const site = await v.sw.services.groups.list();
  siteId = site.find((g) => g.topic === VILLAGERS)?.siteId as number;
});
afterEach(async () => {
  await v.stop();
});

const at = (hhmm: string, day = '15') => `2020-02-${day}T${hhmm}:00+08:00`;
const sent = async (kind: string) =>
  (await v.db.db.select().from(outbox).where(eq(outbox.kind, kind)).orderBy(asc(outbox.id))).map((r) => [
    r.topic,
    r.text,
    r.dedupeKey,
  ]);

describe(`${VILLAGE}'s timetable`, () => {
  it('says nothing when there is nothing to buy, deliver or bring water to', async () => {
    await v.sw.services.village.timetable.eveningLists(siteId, '2020-02-15');
    await v.sw.services.village.timetable.morningDeliveries(siteId, '2020-02-16');
    expect(await v.db.db.select().from(outbox)).toEqual([]);
  });

  it('sends tomorrow’s water and the purchase list in the evening, once', async () => {
    await v.say(VILLAGERS, '老王', '明天下午送两桶水到5组', at('09:00'));
    await v.say(VILLAGERS, '刘婆婆', '今天下午送一桶水', at('09:05'));
    await v.say(VILLAGERS, '刘婆婆', '帮我买两袋化肥和一桶菜籽油', at('09:10'));
    v.clock.set(new Date(at('19:00')));
    await v.sw.services.village.timetable.eveningLists(siteId, '2020-02-15');
    await v.sw.services.village.timetable.eveningLists(siteId, '2020-02-15');
    expect(await sent('evening-lists')).toEqual([
      [
        VOLUNTEERS,
        [
          '【明天送水 2月16日】1 家，共 2 桶',
          '五组：',
          '· 老王（13900002222）：送水 2桶 下午 W-0001',
          '',
          '【明天要买】共 2 样',
          '· 菜籽油 1桶（1单）',
          '· 化肥 2袋（1单）',
        ].join('\n'),
        `evening-lists:${siteId}:2020-02-15`,
      ],
    ]);
  });

  it('sends the morning delivery list with the day’s water, once', async () => {
    await v.say(VILLAGERS, '老王', '明天上午送两桶水', at('09:00'));
    await v.say(VILLAGERS, '刘婆婆', '帮我买两袋化肥', at('09:10'));
    await v.say(VOLUNTEERS, '小李', '#已买 O-0001', at('15:00'));
    v.clock.set(new Date(at('07:30', '16')));
    await v.sw.services.village.timetable.morningDeliveries(siteId, '2020-02-16');
    await v.sw.services.village.timetable.morningDeliveries(siteId, '2020-02-16');
    expect(await sent('morning-deliveries')).toEqual([
      [
        VOLUNTEERS,
        [
          '【送货单 2月16日】货 1 单，送水 1 家',
          '三组：',
          '· 刘家 三组12号（13800001111）：化肥 2袋 O-0001',
          '五组：',
          '· 老王（13900002222）：送水 2桶 上午 W-0001',
        ].join('\n'),
        `morning-deliveries:${siteId}:2020-02-16`,
      ],
    ]);
  });
});

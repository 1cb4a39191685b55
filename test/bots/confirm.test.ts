// Issue 16 on the real Wechaty stack: what the bot doubts it asks about and does not act on until the
// sender answers; what the sender fixes, it changes.
import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderItems, orders } from '../../db/schema.js';
import { startVillage, VILLAGERS, type VillageTest } from '../helpers/village.js';

let v: VillageTest;
beforeEach(async () => {
  v = await startVillage();
});
afterEach(() => v.stop());

const at = (hhmm: string) => `2020-02-15T${hhmm}:00+08:00`;
const texts = (said: { text: string }[]) => said.map((s) => s.text);
async function goods() {
  const rows = await v.db.db.select().from(orders).orderBy(asc(orders.number));
  const items = await v.db.db.select().from(orderItems).orderBy(asc(orderItems.id));
  return rows.map(
    (o) =>
      `${o.status} ${items
        .filter((i) => i.orderId === o.id && !i.cancelled)
        .map((i) => `${i.name}${i.qty}${i.unit}`)
        .join('+')} ${o.deliverTo ?? '-'}`,
  );
}

describe('a doubtful message', () => {
  it('is asked about, not acted on, and placed on 对; the place it named is known from then on', async () => {
    expect(texts(await v.say(VILLAGERS, '老王', '谷子要五十斤 石门坎', at('09:00')))).toEqual([
      '您是要订：谷子 50斤，送到石门坎，对吗？回复“对”确认，不对请直接说哪里不对。',
    ]);
    expect(await goods()).toEqual([]);
    expect(texts(await v.say(VILLAGERS, '老王', '对', at('09:02')))[0]).toMatch(
      /^已下单 O-0001：谷子 50斤，送到石门坎/,
    );
    expect(await goods()).toEqual(['open 谷子50斤 石门坎']);
    // Another villager naming 石门坎 is not asked again (the site's words are read afresh after a minute).
    v.clock.set(new Date(at('09:05')));
    expect(texts(await v.say(VILLAGERS, '刘婆婆', '菜油一桶 送石门坎', at('09:05')))[0]).toMatch(
      /^已下单 O-0002/,
    );
  });

  it('is placed as the sender fixes it, or sent to the volunteers on a bare 不对', async () => {
    await v.say(VILLAGERS, '老王', '白糖 醋两瓶 三包', at('09:00'));
    expect(texts(await v.say(VILLAGERS, '老王', '不对 白糖是三包 醋两瓶', at('09:01')))[0]).toMatch(
      /^已下单 O-0001/,
    );
    expect(await goods()).toEqual(['open 白糖3包+醋2瓶 五组']);
    await v.say(VILLAGERS, '刘婆婆', '谷子要五十斤 石门坎', at('09:10'));
    expect(texts(await v.say(VILLAGERS, '刘婆婆', '不对', at('09:11')))).toEqual([
      '好的，这条已转给志愿者核对，需要时会联系您。',
    ]);
    expect(await v.stateOf(v.lastId)).toBe('unplaced');
    expect(await goods()).toEqual(['open 白糖3包+醋2瓶 五组']);
  });
});

describe('goods named by a word the bot does not know', () => {
  it('are asked about, placed on 对 and known from then on', async () => {
    expect(texts(await v.say(VILLAGERS, '老王', '帮我带两袋麸皮 五组', at('09:00')))).toEqual([
      '您是要订：麸皮 2袋，送到五组，对吗？回复“对”确认，不对请直接说哪里不对。',
    ]);
    expect(await goods()).toEqual([]);
    expect(texts(await v.say(VILLAGERS, '老王', '对', at('09:02')))[0]).toMatch(/^已下单 O-0001：麸皮 2袋/);
    // (the site's words are read afresh after a minute)
    v.clock.set(new Date(at('09:05')));
    expect(texts(await v.say(VILLAGERS, '刘婆婆', '麸皮一袋 五组', at('09:05')))[0]).toMatch(
      /^已下单 O-0002/,
    );
    expect(await goods()).toEqual(['open 麸皮2袋 五组', 'open 麸皮1袋 五组']);
  });
});

describe('a fix of an order just placed', () => {
  it('changes the order and says so', async () => {
    expect(texts(await v.say(VILLAGERS, '老王', '白糖买两包 醋三瓶 味精一袋', at('09:00')))[0]).toMatch(
      /^已下单 O-0001/,
    );
    expect(texts(await v.say(VILLAGERS, '老王', '不对，醋是两瓶', at('09:03')))).toEqual([
      '已改好 O-0001：白糖 2包、醋 2瓶、味精 1袋，送到五组。',
    ]);
    expect(await goods()).toEqual(['open 白糖2包+醋2瓶+味精1袋 五组']);
  });
});

describe('an order like the last one', () => {
  it('is filled from the sender’s latest order and asked about; with none before, the bot asks what', async () => {
    expect(texts(await v.say(VILLAGERS, '老王', '白糖买两包 醋三瓶', at('09:00')))[0]).toMatch(
      /^已下单 O-0001/,
    );
    // (delivered since: the same goods while O-0001 is still open would be no new order)
    await v.db.db.update(orders).set({ status: 'delivered' });
    expect(texts(await v.say(VILLAGERS, '老王', '跟上回一样的 送石门坎', at('11:00')))).toEqual([
      '您是要订：白糖 2包、醋 3瓶，送到石门坎，对吗？回复“对”确认，不对请直接说哪里不对。',
    ]);
    expect(await goods()).toEqual(['delivered 白糖2包+醋3瓶 五组']);
    expect(texts(await v.say(VILLAGERS, '老王', '对', at('11:01')))[0]).toMatch(
      /^已下单 O-0002：白糖 2包、醋 3瓶/,
    );
    expect(await goods()).toEqual(['delivered 白糖2包+醋3瓶 五组', 'open 白糖2包+醋3瓶 石门坎']);
    expect(texts(await v.say(VILLAGERS, '刘婆婆', '老规矩', at('11:05')))).toEqual([
      '没找到您上次的订单，请直接说要买什么、要多少。',
    ]);
    expect(await v.stateOf(v.lastId)).toBe('unplaced');
    expect(await goods()).toHaveLength(2);
  });
});

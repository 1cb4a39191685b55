// Villagers order, book water and withdraw in their group, through the mock puppet; the bot answers once
// per message with the numbers and the items as it understood them.
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { households, orderItems, orders, waterBookings } from '../../db/schema.js';
import { startVillage, VILLAGERS, type VillageTest, VOLUNTEERS } from '../helpers/village.js';

let v: VillageTest;
beforeEach(async () => {
  v = await startVillage();
});
afterEach(async () => {
  await v.stop();
});

const at = (hhmm: string, day = '15') => `2020-02-${day}T${hhmm}:00+08:00`;

async function orderRows() {
  const rows = await v.db.db.select().from(orders).orderBy(asc(orders.number));
  const items = await v.db.db.select().from(orderItems).orderBy(asc(orderItems.id));
  return rows.map((o) => ({
    number: o.number,
    customer: o.customer,
    deliverTo: o.deliverTo,
    status: o.status,
    items: items
      .filter((i) => i.orderId === o.id)
      .map((i) => `${i.name}/${i.canonical} ${i.qty ?? '-'}${i.unit ?? ''}${i.cancelled ? ' ✗' : ''}`),
  }));
}

describe('orders', () => {
  it('confirms an order with its number and items, @mentioning the sender, and binds the household', async () => {
    const said = await v.say(VILLAGERS, '刘婆婆', '帮我买两袋化肥和一桶菜籽油，送到三组', at('09:00'));
    expect(said).toEqual([
      {
        topic: VILLAGERS,
        mentions: ['刘婆婆'],
        text: '已下单 O-0001：化肥 2袋、菜籽油 1桶，送到三组。如有不对请直接更正。',
      },
    ]);
    // Through Wechaty and the mock puppet, with the @mention in front.
    expect(await v.botSays(VILLAGERS, '已下单 O-0001')).toMatch(
      /^@刘婆婆\s已下单 O-0001：化肥 2袋、菜籽油 1桶，送到三组。如有不对请直接更正。$/,
    );
    expect(await orderRows()).toEqual([
      {
        number: 1,
        customer: '刘家',
        deliverTo: '三组',
        status: 'open',
        items: ['化肥/化肥 2袋', '菜籽油/菜籽油 1桶'],
      },
    ]);
    const [liu] = await v.db.db.select().from(households).where(eq(households.name, '刘家'));
    expect(liu?.wechatId).toMatch(/^wxid-/);
  });

  it('delivers to the sender’s household when the text names no place, and asks a stranger where', async () => {
    expect((await v.say(VILLAGERS, '老王', '我要10斤大米 2壶菜油', at('09:00')))[0]?.text).toBe(
      '已下单 O-0001：大米 10斤、菜油 2壶，送到五组。如有不对请直接更正。',
    );
    expect((await v.say(VILLAGERS, '赵大爷', '帮我带一瓶酱油', at('09:10')))[0]?.text).toBe(
      '已下单 O-0002：酱油 1瓶。送到哪里？请回一句，如“送到三组”。',
    );
    expect(await v.say(VILLAGERS, '赵大爷', '送到四组', at('09:12'))).toEqual([
      { topic: VILLAGERS, mentions: ['赵大爷'], text: '好的，O-0002 送到四组。' },
    ]);
    expect((await orderRows()).map((o) => [o.customer, o.deliverTo])).toEqual([
      ['老王', '五组'],
      ['赵大爷', '四组'],
    ]);
  });

  it('orders for someone else by name, delivering to their household', async () => {
    expect((await v.say(VILLAGERS, '小陈', '帮张三买两袋化肥', at('09:00')))[0]?.text).toBe(
      '已下单 O-0001（张三）：化肥 2袋，送到二组。如有不对请直接更正。',
    );
  });

  it('books water and orders goods from one message, in one reply', async () => {
    const said = await v.say(VILLAGERS, '老王', '帮我买两袋化肥，明天上午送一桶水到三组', at('09:00'));
    expect(said.map((s) => s.text)).toEqual([
      '已下单 O-0001：化肥 2袋，送到三组。如有不对请直接更正。\n已预约送水 W-0001：2月16日上午 1桶，送到三组。',
    ]);
  });

  it('takes one order per household from one message, and one per row from a pasted table', async () => {
    const said = await v.say(VILLAGERS, '老王', '我家要米一袋 老李家要油一桶 都送到三组', at('09:00'));
    expect(said).toHaveLength(1);
    expect(said[0]?.text).toContain('O-0001');
    expect(said[0]?.text).toContain('O-0002');
    await v.say(VILLAGERS, '小陈', '赵婆婆 面粉 10斤 二组\n刘大爷 盐 2包 三组', at('09:10'));
    expect(
      (await orderRows()).map((o) => ({ customer: o.customer, deliverTo: o.deliverTo, items: o.items })),
    ).toEqual([
      { customer: '老王', deliverTo: '三组', items: ['米/大米 1袋'] },
      { customer: '老李家', deliverTo: '三组', items: ['油/油 1桶'] },
      { customer: '赵婆婆', deliverTo: '二组', items: ['面粉/面粉 10斤'] },
      { customer: '刘大爷', deliverTo: '三组', items: ['盐/盐 2包'] },
    ]);
  });

  it('takes an order said again as the same order, unless more is asked for', async () => {
    await v.say(VILLAGERS, '路人甲', '买两袋复合肥', at('09:00'));
    expect((await v.say(VILLAGERS, '路人甲', '买两袋复合肥', at('09:05')))[0]?.text).toBe(
      '这一单刚才已经记下了（O-0001），不重复下单。',
    );
    // In other words, later, with the place the first one lacked: still that order, now with its place.
    expect((await v.say(VILLAGERS, '路人甲', '复合肥要两袋 送到五组', at('10:00')))[0]?.text).toBe(
      '复合肥 2袋 已经记在 O-0001 里了，送到五组，不重复下单；要再加一份请说“再买…”。',
    );
    expect((await v.say(VILLAGERS, '路人甲', '再买两袋复合肥', at('10:30')))[0]?.text).toMatch(
      /^已下单 O-0002/,
    );
    expect((await orderRows()).map((o) => [o.number, o.items])).toEqual([
      [1, ['复合肥/复合肥 2袋']],
      [2, ['复合肥/复合肥 2袋']],
    ]);
    expect((await orderRows())[0]?.deliverTo).toBe('五组');
  });

  it('keeps what it cannot read but looks meant for review, answers no chatter', async () => {
    await v.say(VILLAGERS, '老王', '菜籽油多少钱一桶', at('09:00'));
    expect(await v.stateOf(v.lastId)).toBe('unplaced');
    await v.say(VILLAGERS, '老王', '我要那个', at('09:01'));
    expect(await v.stateOf(v.lastId)).toBe('unplaced');
    expect(await v.say(VILLAGERS, '老王', '大家辛苦了', at('09:02'))).toEqual([]);
    expect(await v.stateOf(v.lastId)).toBe('ignored');
    expect(await orderRows()).toEqual([]);
  });
});

describe('water', () => {
  it('books a day and part, says what it assumed, and tells volunteers of a booking for today at once', async () => {
    expect((await v.say(VILLAGERS, '老王', '明天下午送两桶水到5组，谢谢', at('15:00')))[0]?.text).toBe(
      '已预约送水 W-0001：2月16日下午 2桶，送到五组。',
    );
    expect((await v.say(VILLAGERS, '老王', '送水', at('15:10')))[0]?.text).toBe(
      '已预约送水 W-0002：2月16日 1桶，送到五组。没说哪天，按明天安排；没说几桶，先记1桶。',
    );
    const today = await v.say(VILLAGERS, '刘婆婆', '今天下午送一桶水', at('15:20'));
    expect(today).toEqual([
      { topic: VOLUNTEERS, mentions: [], text: '新的送水预约 W-0003：今天下午 1桶，刘家，送到三组12号。' },
      { topic: VILLAGERS, mentions: ['刘婆婆'], text: '已预约送水 W-0003：2月15日下午 1桶，送到三组12号。' },
    ]);
    const rows = await v.db.db.select().from(waterBookings).orderBy(asc(waterBookings.number));
    expect(rows.map((w) => [w.number, w.day, w.part, w.qty, w.unit, w.deliverTo, w.customer])).toEqual([
      [1, '2020-02-16', 'pm', 2, '桶', '五组', '老王'],
      [2, '2020-02-16', null, 1, '桶', '五组', '老王'],
      [3, '2020-02-15', 'pm', 1, '桶', '三组12号', '刘家'],
    ]);
  });

  it('takes a booking said twice as one (volunteers would carry it twice), unless more is asked for', async () => {
    expect((await v.say(VILLAGERS, '老王', '后天下午送三桶水到5组', at('15:00')))[0]?.text).toBe(
      '已预约送水 W-0001：2月17日下午 3桶，送到五组。',
    );
    expect((await v.say(VILLAGERS, '老王', '后天下午送三桶水到5组', at('15:40')))[0]?.text).toBe(
      '2月17日下午 3桶 已经约好了（W-0001），不重复预约；要多送请说“再送…”。',
    );
    expect((await v.say(VILLAGERS, '老王', '后天下午再送三桶水到5组', at('16:00')))[0]?.text).toMatch(
      /^已预约送水 W-0002/,
    );
  });

  it('withdraws a water booking', async () => {
    await v.say(VILLAGERS, '老王', '明天送两桶水', at('09:00'));
    expect((await v.say(VILLAGERS, '老王', '水不用送了', at('09:30')))[0]?.text).toBe('已取消送水 W-0001。');
    const [w] = await v.db.db.select().from(waterBookings);
    expect(w?.status).toBe('cancelled');
  });

  it('moves a booking to another day, keeping its amount and place (one delivery, not two)', async () => {
    await v.say(VILLAGERS, '老王', '明天送两桶水到5组', at('09:00'));
    const said = await v.say(VILLAGERS, '老王', '水改到后天送', at('09:30'));
    expect(said[0]?.text).toBe('已取消送水 W-0001。\n已预约送水 W-0002：2月17日 2桶，送到五组。');
    const rows = await v.db.db.select().from(waterBookings).orderBy(asc(waterBookings.number));
    expect(rows.map((r) => [r.number, r.status, r.day, r.qty])).toEqual([
      [1, 'cancelled', '2020-02-16', 2],
      [2, 'booked', '2020-02-17', 2],
    ]);
  });
});

describe('withdrawals', () => {
  it('changes an order when its count is changed (尿素改成3袋: one order, its count changed)', async () => {
    await v.say(VILLAGERS, '刘婆婆', '帮我买两袋尿素', at('09:00'));
    const said = await v.say(VILLAGERS, '刘婆婆', '尿素改成3袋', at('09:10'));
    expect(said[0]?.text).toBe('已改好 O-0001：尿素 3袋，送到三组12号。');
    const rows = await orderRows();
    expect(rows.map((r) => [r.number, r.status, r.items])).toEqual([[1, 'open', ['尿素/尿素 3袋']]]);
  });

  it('changes an order the next day too: the earlier 尿素 withdrawn, the new count ordered', async () => {
    await v.say(VILLAGERS, '刘婆婆', '帮我买两袋尿素', at('09:00'));
    await v.say(VILLAGERS, '刘婆婆', '尿素改成3袋', at('09:00', '16'));
    const rows = await orderRows();
    expect(rows.map((r) => [r.number, r.status, r.items])).toEqual([
      [1, 'cancelled', ['尿素/尿素 2袋 ✗']],
      [2, 'open', ['尿素/尿素 3袋']],
    ]);
  });

  it('withdraws an item, then the latest order, and says when there is nothing to withdraw', async () => {
    await v.say(VILLAGERS, '刘婆婆', '帮我买两袋化肥和一桶菜籽油', at('09:00'));
    await v.say(VILLAGERS, '刘婆婆', '再买5斤盐', at('09:10'));
    expect(await v.say(VILLAGERS, '刘婆婆', '化肥不要了', at('09:20'))).toEqual([
      { topic: VILLAGERS, mentions: ['刘婆婆'], text: '已取消 O-0001 的化肥。' },
    ]);
    expect((await v.say(VILLAGERS, '刘婆婆', '取消订单', at('09:30')))[0]?.text).toBe('已取消 O-0002。');
    expect((await v.say(VILLAGERS, '刘婆婆', '菜油也不要了', at('09:40')))[0]?.text).toBe(
      '已取消 O-0001 的菜籽油。这一单没有别的了，整单取消。',
    );
    expect((await v.say(VILLAGERS, '刘婆婆', '取消订单', at('09:50')))[0]?.text).toBe(
      '没有找到您可以取消的订单。',
    );
    expect((await v.say(VILLAGERS, '老王', '化肥不要了', at('09:55')))[0]?.text).toBe(
      '没有找到您可以取消的订单。',
    );
    expect(await orderRows()).toEqual([
      {
        number: 1,
        customer: '刘家',
        deliverTo: '三组12号',
        status: 'cancelled',
        items: ['化肥/化肥 2袋 ✗', '菜籽油/菜籽油 1桶 ✗'],
      },
      { number: 2, customer: '刘家', deliverTo: '三组12号', status: 'cancelled', items: ['盐/盐 5斤'] },
    ]);
  });

  it('reads 不要化肥了 as a withdrawal, and sends a bought order to the volunteers', async () => {
    await v.say(VILLAGERS, '老王', '买两袋化肥', at('09:00'));
    expect((await v.say(VILLAGERS, '老王', '不要化肥了', at('09:05')))[0]?.text).toBe(
      '已取消 O-0001 的化肥。这一单没有别的了，整单取消。',
    );
    await v.say(VILLAGERS, '老王', '买一袋尿素', at('09:10'));
    await v.say(VOLUNTEERS, '小李', '#已买 O-0002', at('11:00'));
    expect((await v.say(VILLAGERS, '老王', '尿素不要了', at('12:00')))[0]?.text).toBe(
      'O-0002 志愿者已经买好了，不能在群里取消，请联系志愿者。',
    );
    expect((await v.say(VILLAGERS, '老王', '订单取消', at('12:01')))[0]?.text).toBe(
      'O-0002 志愿者已经买好了，不能在群里取消，请联系志愿者。',
    );
  });
});

describe('asking after an order not yet come', () => {
  it('says where each order stands and reminds the volunteers once a day, instead of sending it to review', async () => {
    await v.say(VILLAGERS, '老王', '买两袋化肥', at('09:00'));
    await v.say(VILLAGERS, '老王', '再要一桶菜籽油', at('09:01'));
    expect(await v.say(VILLAGERS, '老王', '昨天订的化肥咋个还没到', at('10:00'))).toEqual([
      { topic: VOLUNTEERS, mentions: [], text: '【催单】老王问：O-0001 化肥 2袋（待买），什么时候到。' },
      {
        topic: VILLAGERS,
        mentions: ['老王'],
        text: 'O-0001 化肥 2袋：还没买到\n已提醒志愿者，请稍等。',
      },
    ]);
    expect(await v.stateOf(v.lastId)).toBe('handled');
    await v.say(VOLUNTEERS, '小李', '#已买 O-0001', at('11:00'));
    // the same day again: answered with where it stands now, the volunteers not told twice
    expect(await v.say(VILLAGERS, '老王', '化肥到了没', at('12:00'))).toEqual([
      {
        topic: VILLAGERS,
        mentions: ['老王'],
        text: 'O-0001 化肥 2袋：志愿者已买好，正在安排送\n已提醒志愿者，请稍等。',
      },
    ]);
    // nothing named: every order still to come
    const all = await v.say(VILLAGERS, '老王', '咋还没送来哦', at('12:30'));
    expect(all.map((s) => s.text)).toEqual([
      '【催单】老王问：O-0002 菜籽油 1桶（待买）；O-0001 化肥 2袋（已买待送），什么时候到。',
      'O-0002 菜籽油 1桶：还没买到\nO-0001 化肥 2袋：志愿者已买好，正在安排送\n已提醒志愿者，请稍等。',
    ]);
  });

  it('answers a chase of water from the booking, and keeps a chase of nothing for the volunteers to look at', async () => {
    await v.say(VILLAGERS, '老王', '明天下午送两桶水到5组', at('09:00'));
    const water = await v.say(VILLAGERS, '老王', '水咋个还没送来哦', at('16:00', '16'));
    expect(water.map((s) => s.text)).toEqual([
      '【催单】老王问：W-0001 送水 2桶（2月16日下午），什么时候到。',
      'W-0001 送水 2桶（2月16日下午）：还没送到\n已提醒志愿者，请稍等。',
    ]);
    expect(await v.say(VILLAGERS, '小陈', '我的尿素还没到', at('16:10', '16'))).toEqual([
      {
        topic: VILLAGERS,
        mentions: ['小陈'],
        text: '没查到您还没送到的订单或送水。请说一下订的是什么、哪天订的，志愿者会看一下。',
      },
    ]);
    expect(await v.stateOf(v.lastId)).toBe('unplaced');
  });
});

describe('health and the village doctor', () => {
  it('tells the volunteers of a fever or a call for the doctor, and the villager only that it was passed on', async () => {
    const said = await v.say(VILLAGERS, '刘婆婆', '老汉今天38.6 咳得凶 村医能来看一下不', at('09:00'));
    expect(said).toEqual([
      {
        topic: VOLUNTEERS,
        mentions: [],
        text: '【村民健康】刘家（三组）：老汉 38.6℃，咳嗽。请村医尽快上门。',
      },
      { topic: VILLAGERS, mentions: ['刘婆婆'], text: '已转告村医和志愿者，马上联系您。' },
    ]);
    expect(await v.stateOf(v.lastId)).toBe('handled');
    // a complaint beside the medicine ordered for it goes on the purchase list, not to the doctor
    const order = await v.say(VILLAGERS, '老王', '有点咳嗽 帮我带盒感冒药', at('09:10'));
    expect(order.map((s) => s.topic)).toEqual([VILLAGERS]);
    expect(order[0]?.text).toMatch(/^已下单 O-0001：感冒药 1盒/);
    // a normal reading calls for no one: the volunteers are not told, and the villager hears it was received
    expect(await v.say(VILLAGERS, '老王', '今天36.5', at('09:20'))).toEqual([
      { topic: VILLAGERS, mentions: ['老王'], text: '收到，谢谢。' },
    ]);
    expect(await v.stateOf(v.lastId)).toBe('handled');
  });
});

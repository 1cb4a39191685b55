// Volunteers in their group: the purchase list, bought and delivered reports with what they paid, the
// delivery list by village group and household, water lists; villagers are told when goods arrive.
import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderItems, orders, waterBookings } from '../../db/schema.js';
import { startVillage, VILLAGERS, type VillageTest, VOLUNTEERS } from '../helpers/village.js';

let v: VillageTest;
beforeEach(async () => {
  v = await startVillage();
});
afterEach(async () => {
  await v.stop();
});

const at = (hhmm: string, day = '15') => `2020-02-${day}T${hhmm}:00+08:00`;
const texts = (said: { text: string }[]) => said.map((s) => s.text);

async function villagersOrder() {
  await v.say(VILLAGERS, '刘婆婆', '帮我买两袋化肥和一桶菜籽油', at('08:30'));
  await v.say(VILLAGERS, '老王', '我要10斤大米 2壶菜油', at('08:40'));
  await v.say(VILLAGERS, '赵大爷', '买5公斤大米 送到四组', at('08:50'));
  await v.say(VILLAGERS, '小陈', '帮张三买两袋化肥', at('08:55'));
  await v.say(VILLAGERS, '张三', '买点感冒药', at('09:00'));
  await v.say(VILLAGERS, '老王', '买2kg大米', at('09:05'));
}

describe('the purchase list and bought reports', () => {
  it('sums what is not yet bought and shrinks as volunteers report purchases', async () => {
    await villagersOrder();
    const list = [
      [
        '【采购单】共 6 样',
        '· 菜籽油 2壶（1单）',
        '· 菜籽油 1桶（1单）',
        '· 大米 7公斤（2单）',
        '· 大米 10斤（1单）',
        '· 感冒药 若干（1单）',
        '· 化肥 4袋（2单）',
      ].join('\n'),
    ];
    expect(texts(await v.say(VOLUNTEERS, '小李', '#采购单', at('10:00')))).toEqual(list);
    // What volunteers also call it.
    expect(texts(await v.say(VOLUNTEERS, '小李', '#采购清单', at('10:01')))).toEqual(list);
    expect(await v.say(VOLUNTEERS, '小李', '#已买 O-0001 O-0002 O-0009', at('11:00'))).toEqual([
      {
        topic: VOLUNTEERS,
        mentions: ['小李'],
        text: '已记为买好 2 单：O-0001、O-0002。\n没有 O-0009 这一单。',
      },
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小李', '#已买 O-0001', at('11:01')))).toEqual([
      'O-0001 之前已记为买好。',
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小李', '＃采购单', at('11:02')))).toEqual([
      '【采购单】共 3 样\n· 大米 7公斤（2单）\n· 感冒药 若干（1单）\n· 化肥 2袋（1单）',
    ]);
    // An amount after the number is what was paid, not another order.
    expect(texts(await v.say(VOLUNTEERS, '小李', '#已买 O-0003 23.5元', at('11:03')))).toEqual([
      '已记为买好 1 单：O-0003（23.5 元）。',
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小刘', '#已买 全部', at('12:00')))).toEqual([
      '已记为买好 3 单：O-0004、O-0005、O-0006。',
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小刘', '#采购单', at('12:01')))).toEqual([
      '【采购单】现在没有要买的东西。',
    ]);
    const rows = await v.db.db.select().from(orders).orderBy(asc(orders.number));
    expect(rows.map((o) => [o.number, o.status, o.volunteer, o.boughtAt?.toISOString()])).toEqual([
      [1, 'bought', '小李', '2020-02-15T03:00:00.000Z'],
      [2, 'bought', '小李', '2020-02-15T03:00:00.000Z'],
      [3, 'bought', '小李', '2020-02-15T03:03:00.000Z'],
      [4, 'bought', '小刘', '2020-02-15T04:00:00.000Z'],
      [5, 'bought', '小刘', '2020-02-15T04:00:00.000Z'],
      [6, 'bought', '小刘', '2020-02-15T04:00:00.000Z'],
    ]);
  });
});

describe('deliveries', () => {
  it('lists what to bring to whom by village group, and tells villagers when it arrives', async () => {
    await villagersOrder();
    await v.say(VILLAGERS, '老王', '今天下午送两桶水', at('09:30'));
    await v.say(VOLUNTEERS, '小李', '#已买 全部', at('11:00'));
    expect(texts(await v.say(VOLUNTEERS, '小李', '#送货单', at('13:00')))).toEqual([
      [
        '【送货单 2月15日】货 6 单，送水 1 家',
        '二组：',
        '· 张三（13700003333）：化肥 2袋 O-0004；感冒药 O-0005',
        '三组：',
        '· 刘家 三组12号（13800001111）：化肥 2袋、菜籽油 1桶 O-0001',
        '四组：',
        '· 赵大爷：大米 5公斤 O-0003',
        '五组：',
        '· 老王（13900002222）：大米 10斤、菜油 2壶 O-0002；大米 2kg O-0006；送水 2桶 下午 W-0001',
      ].join('\n'),
    ]);

    expect(await v.say(VOLUNTEERS, '小李', '#送达 O-0001 85元', at('14:00'))).toEqual([
      { topic: VILLAGERS, mentions: ['刘婆婆'], text: '您的订单 O-0001 已送到，垫付 85 元。' },
      { topic: VOLUNTEERS, mentions: ['小李'], text: 'O-0001 已记为送到，垫付 85 元，刘家马上会收到通知。' },
    ]);
    expect(await v.botSays(VILLAGERS, '您的订单 O-0001 已送到')).toMatch(
      /^@刘婆婆\s您的订单 O-0001 已送到，垫付 85 元。$/,
    );

    // 张三 has no WeChat the bot knows and 小陈 ordered for him: the notice names him instead.
    expect(await v.say(VOLUNTEERS, '小李', '#送达 O-0004 120 O-0005 18.5元 W-0001', at('15:00'))).toEqual([
      { topic: VILLAGERS, mentions: [], text: '张三的订单 O-0004 已送到，垫付 120 元。' },
      { topic: VILLAGERS, mentions: ['张三'], text: '您的订单 O-0005 已送到，垫付 18.5 元。' },
      { topic: VILLAGERS, mentions: ['老王'], text: '您预约的水 W-0001 已送到。' },
      {
        topic: VOLUNTEERS,
        mentions: ['小李'],
        text: 'O-0004 已记为送到，垫付 120 元，张三马上会收到通知。\nO-0005 已记为送到，垫付 18.5 元，张三马上会收到通知。\nW-0001 已记为送到，老王马上会收到通知。',
      },
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小李', '#送达 O-0002', at('15:10')))).toEqual([
      '您的订单 O-0002 已送到。',
      'O-0002 已记为送到，老王马上会收到通知。没写垫付金额，如有垫付请再发 #送达 O-0002 金额。',
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小李', '#送达 O-0002 60元', at('15:11')))).toEqual([
      'O-0002 的垫付金额改为 60 元。',
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小李', '#送达 O-0001 85元', at('15:12')))).toEqual([
      'O-0001 之前已记为送到。',
    ]);

    const rows = await v.db.db.select().from(orders).orderBy(asc(orders.number));
    expect(rows.map((o) => [o.number, o.status, o.costFen])).toEqual([
      [1, 'delivered', 8500],
      [2, 'delivered', 6000],
      [3, 'bought', null],
      [4, 'delivered', 12000],
      [5, 'delivered', 1850],
      [6, 'bought', null],
    ]);
    const [water] = await v.db.db.select().from(waterBookings);
    expect(water?.status).toBe('delivered');
    expect(texts(await v.say(VOLUNTEERS, '小李', '#送货单', at('16:00')))).toEqual([
      '【送货单 2月15日】货 2 单\n四组：\n· 赵大爷：大米 5公斤 O-0003\n五组：\n· 老王（13900002222）：大米 2kg O-0006',
    ]);
  });

  it('lists the water of a day, and answers what it cannot read', async () => {
    await v.say(VILLAGERS, '老王', '明天下午送两桶水到5组', at('09:00'));
    await v.say(VILLAGERS, '刘婆婆', '明天上午送一桶水', at('09:10'));
    expect(texts(await v.say(VOLUNTEERS, '小李', '#送水单 明天', at('10:00')))).toEqual([
      '【送水单 2月16日】2 家，共 3 桶\n三组：\n· 刘家 三组12号（13800001111）：送水 1桶 上午 W-0002\n五组：\n· 老王（13900002222）：送水 2桶 下午 W-0001',
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小李', '#送水单', at('10:01')))).toEqual([
      '【送水单 2月15日】没有预约。',
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小李', '#送水单 下周', at('10:02')))).toEqual([
      '日期没看懂，请写 #送水单 明天 或 #送水单 2月16日。',
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小李', '#送达', at('10:03')))).toEqual([
      '请写上单号和垫付金额，如 #送达 O-0031 85元；送水写 #送达 W-0005。',
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小李', '#已卖 O-0001', at('10:04')))).toEqual([
      '没有这个指令，发 #帮助 看看能用哪些。',
    ]);
    expect((await v.say(VOLUNTEERS, '小李', '#帮助', at('10:05')))[0]?.text).toMatch(
      /^志愿队指令：\n· #采购单/,
    );
    expect(await v.say(VOLUNTEERS, '小李', '今天路上有点滑，大家注意', at('10:06'))).toEqual([]);
    expect(await v.stateOf(v.lastId)).toBe('ignored');
  });

  it('sums goods written in traditional script or with a slip with their plain spelling', async () => {
    await v.say(VILLAGERS, '刘婆婆', '幫我買十個雞蛋 兩袋付合肥', at('08:30'));
    await v.say(VILLAGERS, '老王', '我要5个鸡蛋 一袋复合肥', at('08:40'));
    // the orders keep what each wrote; the list sums them under one name
    const items = await v.db.db.select().from(orderItems).orderBy(asc(orderItems.id));
    expect(items.map((i) => [i.name, i.canonical])).toEqual([
      ['雞蛋', '鸡蛋'],
      ['付合肥', '复合肥'],
      ['鸡蛋', '鸡蛋'],
      ['复合肥', '复合肥'],
    ]);
    expect(texts(await v.say(VOLUNTEERS, '小李', '#采购单', at('10:00')))).toEqual([
      '【采购单】共 2 样\n· 复合肥 3袋（2单）\n· 鸡蛋 15个（2单）',
    ]);
  });
});

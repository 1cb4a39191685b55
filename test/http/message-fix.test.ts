// Issue 16: a staff fix in 待处理消息 teaches the site's vocabulary, the message is read again with it (and
// acts: the order is placed, the villager answered), and the next such message is read right.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, orderItems, orders, outbox } from '../../db/schema.js';
import { type ApiHarness, createApiHarness, TOPICS } from '../helpers/api.js';
import { say } from '../helpers/api-village.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const goods = async () =>
  (
    await h.db.db
      .select({
        number: orders.number,
        customer: orders.customer,
        name: orderItems.name,
        qty: orderItems.qty,
        unit: orderItems.unit,
      })
      .from(orders)
      .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
      .orderBy(asc(orders.number))
  ).map((o) => `${o.customer} ${o.name} ${o.qty}${o.unit}`);

describe('POST /api/v1/messages/:id/fix', () => {
  it('learns the words the records stand on, reads the message again, and reads the next one right', async () => {
    const msg = await say(h, TOPICS.vVillagers, '老王', '要三背柴火', '2020-02-15 09:00');
    const [row] = await h.db.db.select().from(messages).where(eq(messages.id, msg.id));
    expect(row?.state).toBe('unplaced');

    const res = await h.call(h.tokens.admin, 'POST', `/api/v1/messages/${msg.id}/fix`, {
      records: [
        {
          type: 'order',
          items: [{ name: '柴火', qty: 3, unit: '背' }],
          deliverTo: null,
          customer: null,
          seq: null,
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().learned).toMatchObject({ units: ['背'] });
    expect(res.json().message.state).toBe('handled');
    expect(await goods()).toEqual(['老王 柴火 3背']);
    const told = await h.db.db.select().from(outbox).where(eq(outbox.sourceMessageId, msg.id));
    // First the note that a person would look, then the order once read.
    expect(told.map((o) => o.text)).toEqual([
      '收到，这条没看懂，已转给志愿者看，需要时会联系您。',
      expect.stringMatching(/^已下单 O-0001：柴火 3背/),
    ]);

    // Another villager says it the same way: read right at once.
    await say(h, TOPICS.vVillagers, '刘婆婆', '要两背柴火', '2020-02-15 09:30');
    expect(await goods()).toEqual(['老王 柴火 3背', '刘婆婆 柴火 2背']);
  });

  it('refuses a message that is not waiting for review, and bounds what it takes', async () => {
    const msg = await say(h, TOPICS.vVillagers, '老王', '帮我买两袋化肥', '2020-02-15 10:00');
    const order = {
      type: 'order',
      items: [{ name: '化肥', qty: 2, unit: '袋' }],
      deliverTo: null,
      customer: null,
      seq: null,
    };
    expect(
      (await h.call(h.tokens.admin, 'POST', `/api/v1/messages/${msg.id}/fix`, { records: [order] }))
        .statusCode,
    ).toBe(409);
    const long = { ...order, items: [{ name: '化'.repeat(500), qty: 1, unit: '袋' }] };
    expect(
      (await h.call(h.tokens.admin, 'POST', `/api/v1/messages/${msg.id}/fix`, { records: [long] }))
        .statusCode,
    ).toBe(400);
    expect(
      (await h.call(h.tokens.viewerA, 'POST', `/api/v1/messages/${msg.id}/fix`, { records: [order] }))
        .statusCode,
    ).toBe(403);
  });
});

import { describe, expect, it } from 'vitest';
import { readCorrection } from '../../../src/core/parse/correction.js';
import type { HealthRecord, OrderRecord, RequestRecord, WaterRecord } from '../../../src/core/records.js';

const order: OrderRecord = {
  type: 'order',
  items: [
    { name: '白糖', qty: 2, unit: '包' },
    { name: '醋', qty: 3, unit: '瓶' },
    { name: '味精', qty: 1, unit: '袋' },
  ],
  deliverTo: '石门坎',
  customer: null,
  seq: null,
};
const rice: OrderRecord = {
  type: 'order',
  items: [{ name: '大米', qty: 10, unit: '斤' }],
  deliverTo: null,
  customer: null,
  seq: null,
};
const health = (t: number): HealthRecord => ({
  type: 'health',
  temperature: t,
  slot: 'am',
  symptoms: [],
  room: '2105',
});

function itemsOf(rs: ReturnType<typeof readCorrection>) {
  return (rs as OrderRecord[] | null)?.[0]?.items;
}

describe('readCorrection', () => {
  it('fixes the quantity of the goods named: 不对，醋是两瓶', () => {
    expect(itemsOf(readCorrection({ text: '不对，醋是两瓶', before: [order] }))).toEqual([
      { name: '白糖', qty: 2, unit: '包' },
      { name: '醋', qty: 2, unit: '瓶' },
      { name: '味精', qty: 1, unit: '袋' },
    ]);
  });

  it('fixes the only item when none is named: 改成二十斤', () => {
    expect(itemsOf(readCorrection({ text: '改成二十斤', before: [rice] }))).toEqual([
      { name: '大米', qty: 20, unit: '斤' },
    ]);
  });

  it('fixes a reading: 不是36.8 是36.3', () => {
    const out = readCorrection({ text: '不是36.8 是36.3', before: [health(36.8)] }) as HealthRecord[];
    expect(out[0]?.temperature).toBe(36.3);
    expect(out[0]?.room).toBe('2105');
  });

  it('fixes the reading named among two', () => {
    const out = readCorrection({
      text: '37.6写错了，应该是36.7',
      before: [health(36.4), { ...health(37.6), slot: 'pm' }],
    }) as HealthRecord[];
    expect(out.map((r) => r.temperature)).toEqual([36.4, 36.7]);
  });

  it('reads the fix under a quoted bot reply', () => {
    const text =
      '「守望：您是要订：白糖 2包、醋 3瓶、味精 1袋，送到石门坎，对吗？」\n- - - - - - -\n醋是两瓶';
    expect(itemsOf(readCorrection({ text, before: [order] }))?.[1]).toEqual({
      name: '醋',
      qty: 2,
      unit: '瓶',
    });
  });

  it('fixes each quantity to its own goods: 白糖一包 味精两袋', () => {
    const items = itemsOf(readCorrection({ text: '错了 白糖一包 味精两袋', before: [order] }));
    expect(items?.map((i) => i.qty)).toEqual([1, 3, 2]);
  });

  it('fixes the place: 不是三组，送到石门坎', () => {
    const water: WaterRecord = {
      type: 'water',
      qty: 2,
      unit: '桶',
      date: null,
      part: null,
      deliverTo: '三组',
    };
    const out = readCorrection({ text: '不对 送到石门坎', before: [water] }) as WaterRecord[];
    expect(out[0]?.deliverTo).toBe('石门坎');
  });

  it('takes goods back: 味精不要了', () => {
    expect(itemsOf(readCorrection({ text: '味精不要了', before: [order] }))?.map((i) => i.name)).toEqual([
      '白糖',
      '醋',
    ]);
  });

  it('renames goods: 不是白糖 是红糖', () => {
    expect(itemsOf(readCorrection({ text: '不是白糖 是红糖', before: [order] }))?.[0]).toEqual({
      name: '红糖',
      qty: 2,
      unit: '包',
    });
  });

  it('knows goods by another name: 菜油要三桶 for 菜籽油', () => {
    const oil: OrderRecord = { ...rice, items: [{ name: '菜籽油', qty: 2, unit: '桶' }] };
    expect(itemsOf(readCorrection({ text: '不对 菜油要三桶', before: [oil] }))).toEqual([
      { name: '菜籽油', qty: 3, unit: '桶' },
    ]);
  });

  it('drops a request whose only goods are taken back', () => {
    const req: RequestRecord = {
      type: 'request',
      category: 'protective',
      urgent: false,
      items: [{ name: '口罩', qty: 2, unit: '个' }],
      room: null,
    };
    expect(readCorrection({ text: '口罩不要了', before: [req, health(36.5)] })).toEqual([health(36.5)]);
  });

  it('is null for a confirmation, thanks or a new message', () => {
    expect(readCorrection({ text: '对', before: [order] })).toBeNull();
    expect(readCorrection({ text: '谢谢', before: [order] })).toBeNull();
    expect(readCorrection({ text: '再要两袋化肥', before: [order] })).toBeNull();
    expect(readCorrection({ text: '不对', before: [order] })).toBeNull();
    expect(readCorrection({ text: '改成二十斤', before: [] })).toBeNull();
  });

  it('never throws and leaves the records it was given alone', () => {
    const before = [order];
    const copy = JSON.stringify(before);
    for (const text of ['', '不是', '改成', '不是不是是是', '醋是两瓶'.repeat(100), '\u0000']) {
      expect(() => readCorrection({ text, before })).not.toThrow();
    }
    expect(readCorrection({ text: 5 as unknown as string, before })).toBeNull();
    expect(JSON.stringify(before)).toBe(copy);
  });
});

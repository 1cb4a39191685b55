import { describe, expect, it } from 'vitest';
import { canonicalPlace } from '../../../src/core/village/places.js';
import { purchaseLineText, purchaseList } from '../../../src/core/village/purchase.js';

describe('purchaseList', () => {
  it('sums per item and unit, keeps 斤 and 公斤 apart, folds kg into 公斤, lists unsized items', () => {
    const lines = purchaseList([
      { orderId: 1, canonical: '化肥', qty: 2, unit: '袋' },
      { orderId: 2, canonical: '化肥', qty: 3, unit: '袋' },
      { orderId: 2, canonical: '大米', qty: 10, unit: '斤' },
      { orderId: 3, canonical: '大米', qty: 5, unit: '公斤' },
      { orderId: 4, canonical: '大米', qty: 2.5, unit: 'kg' },
      { orderId: 5, canonical: '感冒药', qty: null, unit: null },
      { orderId: 6, canonical: '感冒药', qty: null, unit: null },
      { orderId: 7, canonical: '化肥', qty: null, unit: '袋' },
      { orderId: 8, canonical: '菜籽油', qty: 0.5, unit: '桶' },
      { orderId: 9, canonical: '菜籽油', qty: 0.25, unit: '桶' },
    ]);
    expect(lines).toEqual([
      { name: '菜籽油', unit: '桶', qty: 0.75, orders: 2, unsized: 0 },
      { name: '大米', unit: '公斤', qty: 7.5, orders: 2, unsized: 0 },
      { name: '大米', unit: '斤', qty: 10, orders: 1, unsized: 0 },
      { name: '感冒药', unit: null, qty: null, orders: 2, unsized: 2 },
      { name: '化肥', unit: '袋', qty: 5, orders: 3, unsized: 1 },
    ]);
    expect(lines.map(purchaseLineText)).toEqual([
      '菜籽油 0.75桶（2单）',
      '大米 7.5公斤（2单）',
      '大米 10斤（1单）',
      '感冒药 若干（2单）',
      '化肥 5袋（3单，1单没说数量）',
    ]);
  });

  it('counts an order once per line even when it names the item twice', () => {
    expect(
      purchaseList([
        { orderId: 1, canonical: '盐', qty: 1, unit: '袋' },
        { orderId: 1, canonical: '盐', qty: 2, unit: '袋' },
      ]),
    ).toEqual([{ name: '盐', unit: '袋', qty: 3, orders: 1, unsized: 0 }]);
  });

  it('sums a unit written in traditional script with its plain spelling (個 is 个)', () => {
    expect(
      purchaseList([
        { orderId: 1, canonical: '鸡蛋', qty: 10, unit: '個' },
        { orderId: 2, canonical: '鸡蛋', qty: 5, unit: '个' },
      ]),
    ).toEqual([{ name: '鸡蛋', unit: '个', qty: 15, orders: 2, unsized: 0 }]);
  });
});

describe('canonicalPlace', () => {
  it('lists a place written in traditional script under its plain spelling', () => {
    expect(canonicalPlace('石板溝')).toBe('石板沟');
    expect(canonicalPlace('三組')).toBe(canonicalPlace('3组'));
  });
});

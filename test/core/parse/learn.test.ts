import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/parse/index.js';
import { vocabularyFromFix } from '../../../src/core/parse/learn.js';
import type { OrderRecord, ParsedRecord } from '../../../src/core/records.js';

const order = (o: Partial<OrderRecord>): OrderRecord => ({
  type: 'order',
  items: [],
  deliverTo: null,
  customer: null,
  seq: null,
  ...o,
});

describe('vocabularyFromFix', () => {
  it('learns an alias of goods and a place from what staff entered', () => {
    const fix = order({ items: [{ name: '玉米', qty: 2, unit: '袋' }], deliverTo: '石门坎' });
    expect(vocabularyFromFix('苞米两袋 石门坎', [fix])).toEqual({
      goods: { 苞米: '玉米' },
      places: ['石门坎'],
    });
  });

  it('learns a unit and a customer the parser did not know', () => {
    const fix = order({ items: [{ name: '洋芋种', qty: 1, unit: '背' }], customer: '老幺' });
    expect(vocabularyFromFix('老幺 洋芋种一背', [fix])).toEqual({ names: ['老幺'], units: ['背'] });
  });

  it('adds nothing the parser already reads', () => {
    const text = '帮我买两袋化肥，送到三组';
    const records = parseMessage({ text, context: 'village' });
    expect(vocabularyFromFix(text, records)).toEqual({});
  });

  it('learns nothing from records that do not stand on the text', () => {
    const fix = order({ items: [{ name: '化肥', qty: 2, unit: '袋' }], deliverTo: '王家湾' });
    expect(vocabularyFromFix('谢谢大家', [fix])).toEqual({});
  });

  it('never throws', () => {
    expect(vocabularyFromFix(undefined as unknown as string, [])).toEqual({});
    expect(vocabularyFromFix('x', null as unknown as ParsedRecord[])).toEqual({});
    expect(() =>
      vocabularyFromFix('\u0000'.repeat(50), [order({ items: [{ name: '', qty: null, unit: null }] })]),
    ).not.toThrow();
  });
});

// The group's vocabulary (ParseInput.vocabulary): a known place, name, room, goods alias or unit is read even
// with no grammar around it; without a vocabulary the parser reads as before.
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/parse/index.js';
import { vocabularyFromFix } from '../../../src/core/parse/learn.js';
import type { OrderRecord, RequestRecord } from '../../../src/core/records.js';

const at = new Date('2020-03-10T09:00:00+08:00');

describe('vocabulary', () => {
  it('knows a place with no 组, 村 or geographic ending, and does not doubt it', () => {
    const text = '化肥两袋 老林家';
    // (unknown, the word standing alone is read as the place only with a doubt: the bot asks)
    const [bare] = parseMessage({ text, at, context: 'village' }) as OrderRecord[];
    expect(bare?.deliverTo).toBe('老林家');
    expect(bare?.doubts).toEqual(['new-place']);
    const [o] = parseMessage({
      text,
      at,
      context: 'village',
      vocabulary: { places: ['老林家'] },
    }) as OrderRecord[];
    expect(o).toEqual({
      type: 'order',
      items: [{ name: '化肥', qty: 2, unit: '袋' }],
      deliverTo: '老林家',
      customer: null,
      seq: null,
    });
  });

  it('flags a place read by its ending alone, unless the group knows it', () => {
    const text = '谷子要五十斤 石门坎';
    const [o] = parseMessage({ text, at, context: 'village' }) as OrderRecord[];
    expect(o?.deliverTo).toBe('石门坎');
    expect(o?.unsure).toBe(true);
    expect(o?.doubts).toEqual(['new-place']);
    const [k] = parseMessage({
      text,
      at,
      context: 'village',
      vocabulary: { places: ['石门坎'] },
    }) as OrderRecord[];
    expect(k?.unsure).toBeUndefined();
  });

  it('records taught goods under the name staff gave them, and reads taught units', () => {
    const vocabulary = { goods: { 苞米: '玉米' }, units: ['背'] };
    const [o] = parseMessage({ text: '苞米两背', at, context: 'village', vocabulary }) as OrderRecord[];
    expect(o?.items).toEqual([{ name: '玉米', qty: 2, unit: '背' }]);
  });

  it('knows a customer by name', () => {
    const [o] = parseMessage({
      text: '幺妹 菜油一桶',
      at,
      context: 'village',
      vocabulary: { names: ['幺妹'] },
    }) as OrderRecord[];
    expect(o?.customer).toBe('幺妹');
  });

  it('knows a room written bare in the middle of a message', () => {
    const text = '数据线要一根 1907 谢谢';
    const [r] = parseMessage({
      text,
      at,
      context: 'quarantine',
      vocabulary: { rooms: ['1907'] },
    }) as RequestRecord[];
    expect(r?.room).toBe('1907');
  });

  it('reads the next such message right once a staff fix became vocabulary', () => {
    const text = '苞米两袋 送到老林家';
    const fix: OrderRecord = {
      type: 'order',
      items: [{ name: '玉米', qty: 2, unit: '袋' }],
      deliverTo: '老林家',
      customer: null,
      seq: null,
    };
    const vocabulary = vocabularyFromFix(text, [fix]);
    const next = parseMessage({
      text: '苞米三袋 送到老林家',
      at,
      context: 'village',
      vocabulary,
    }) as OrderRecord[];
    expect(next).toEqual([{ ...fix, items: [{ name: '玉米', qty: 3, unit: '袋' }] }]);
  });

  it('never throws on a malformed vocabulary', () => {
    const bad = { places: [null, 3, ''], goods: { '': 'x', a: 5 }, units: [{}], rooms: 'x', names: [''] };
    expect(() => parseMessage({ text: '化肥两袋 石门坎 2105', vocabulary: bad as never })).not.toThrow();
  });
});

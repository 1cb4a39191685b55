import { describe, expect, it } from 'vitest';
import { canonicalItemName, ITEM_ALIASES, parseMessage, readJielong } from '../../../src/core/parse/index.js';

describe('readJielong', () => {
  it('exposes header, product and numbered lines so re-posts can be de-duplicated', () => {
    const first = '团购接龙 苹果 6元/斤\n① 老王 5斤\n② 小李 3斤';
    const repost = `${first}\n③ 张姐\n④ 刘婆婆 两斤半`;
    const a = readJielong(first);
    const b = readJielong(repost);
    expect(a?.header).toBe('团购接龙 苹果 6元/斤');
    expect(a?.product).toBe('苹果');
    expect(b?.header).toBe(a?.header);
    expect(b?.lines.slice(0, 2)).toEqual(a?.lines);
    expect(b?.lines).toEqual([
      { seq: 1, raw: '① 老王 5斤', customer: '老王', items: [{ name: '苹果', qty: 5, unit: '斤' }] },
      { seq: 2, raw: '② 小李 3斤', customer: '小李', items: [{ name: '苹果', qty: 3, unit: '斤' }] },
      { seq: 3, raw: '③ 张姐', customer: '张姐', items: [] },
      { seq: 4, raw: '④ 刘婆婆 两斤半', customer: '刘婆婆', items: [{ name: '苹果', qty: 2.5, unit: '斤' }] },
    ]);
  });

  it.each([
    ['1. 张三 化肥2袋', 1],
    ['1、张三 化肥2袋', 1],
    ['① 张三 化肥2袋', 1],
    ['（1）张三 化肥2袋', 1],
    ['(12) 张三 化肥2袋', 12],
    ['3 张三 化肥2袋', 3],
  ])('reads the numbering of %s', (line, seq) => {
    const j = readJielong(`#接龙\n${line}`);
    expect(j?.lines).toEqual([
      {
        seq,
        raw: line.replace('（', '(').replace('）', ')'),
        customer: '张三',
        items: [{ name: '化肥', qty: 2, unit: '袋' }],
      },
    ]);
  });

  it('is not a 接龙 without numbered lines, or a list without names', () => {
    expect(readJielong('#接龙')).toBeNull();
    expect(readJielong('帮我买两袋化肥')).toBeNull();
    expect(readJielong('我需要：\n1. 化肥两袋\n2. 尿素一袋')).toBeNull();
    expect(readJielong('1. 张三 化肥2袋')).toBeNull();
  });

  it('gives no records for a 接龙 of non-orders', () => {
    expect(parseMessage({ text: '报平安接龙\n1. 2105 高某 平安\n2. 2203 李某 平安' })).toEqual([]);
    expect(parseMessage({ text: '#接龙\n核酸时间\n1. 2105 9:00\n2. 2106 9:30' })).toEqual([]);
  });
});

describe('canonicalItemName', () => {
  it.each([
    ['菜油', '菜籽油'],
    ['菜籽油', '菜籽油'],
    ['米', '大米'],
    ['大米', '大米'],
    ['肥料', '化肥'],
    ['尿素', '尿素'],
    ['洋芋', '土豆'],
    ['包谷种', '玉米种子'],
    ['Ｎ９５', 'N95口罩'],
    [' 口罩 ', '口罩'],
    ['锄头', '锄头'],
    // written in traditional script or with a slip, and returned as written by the parser: summed as one
    ['雞蛋', '鸡蛋'],
    ['付合肥', '复合肥'],
    ['口照', '口罩'],
    ['麵條', '面条'],
  ])('%s → %s', (name, canonical) => {
    expect(canonicalItemName(name)).toBe(canonical);
  });

  it('keeps the alias list as plain data with no alias under two names', () => {
    const seen = new Map<string, string>();
    for (const { canonical, aliases } of ITEM_ALIASES) {
      for (const a of [canonical, ...aliases]) {
        expect(seen.get(a) ?? canonical).toBe(canonical);
        seen.set(a, canonical);
      }
    }
  });
});

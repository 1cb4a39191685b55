// Whole families of messages the blind rounds showed one member of: every combination must read. A name never
// hides a reading (钱大爷今早37.8 was lost to 钱 as a money word), and two counted goods side by side are both read
// (牙膏一个 毛巾一条 lost 毛巾 to the trailing-place reader; 笔记本 was cut at 记), and words staff also use never
// hide a reading beside them.
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/parse/index.js';
import { SEED_VEGETABLES, SURNAMES } from '../../../src/core/parse/name-words.js';
import type { ParsedRecord } from '../../../src/core/records.js';

const at = new Date('2020-02-16T08:30:00+08:00');

function fevers(records: ParsedRecord[]): number[] {
  return records.flatMap((r) =>
    r.type === 'health' && r.temperature !== null && r.temperature >= 37.3 ? [r.temperature] : [],
  );
}

function goodsNames(records: ParsedRecord[]): string[] {
  return records.flatMap((r) =>
    r.type === 'order' || r.type === 'request' ? r.items.map((i) => i.name) : [],
  );
}

describe('a named person’s reading', () => {
  const givens = ['满妹', '德明', '元春', '共和', '老师', '大爷', '小军', '金花'];
  it('is read whatever the surname and given name, in both kinds of group', () => {
    const missed: string[] = [];
    for (const s of SURNAMES)
      for (const g of givens) {
        const cases: [string, 'village' | 'quarantine'][] = [
          [`${s}${g}今早37.8`, 'village'],
          [`1203 ${s}${g} 37.6`, 'quarantine'],
          [`${s}${g} 三十七度五`, 'village'],
        ];
        for (const [text, context] of cases)
          if (fevers(parseMessage({ text, at, context })).length === 0) missed.push(text);
      }
    expect(missed).toEqual([]);
  });

  it('is read beside words staff also use (记下了, 大家注意, 村医马上过来, 不算发烧吧, 我来复测)', () => {
    const forms: [string, number][] = [
      ['37.8', 37.8],
      ['37度8', 37.8],
      ['三十七度八', 37.8],
      ['38度', 38],
      ['37点6', 37.6],
    ];
    const leads = [
      '',
      '1203 ',
      '大家注意 ',
      '村医马上过来 ',
      '医生说 ',
      '收到 ',
      '1203 好的，医生一会儿上来 ',
      '每人一份 ',
    ];
    const tails = [
      '',
      ' 记下了',
      ' 多喝水了',
      ' 不算发烧吧',
      ' 医生快来',
      ' 多喝水 明天早上我来复测',
      ' 有点偏高 晚上再量一下',
      ' 一家两桶',
      ' 满14天就能解除观察了吗',
      ' 不算发烧吧 要不要再量一次报给你们',
    ];
    const missed: string[] = [];
    for (const context of ['quarantine', 'village'] as const)
      for (const lead of leads)
        for (const who of ['', '孩子', '老汉'])
          for (const tail of tails)
            for (const [form, value] of forms) {
              const text = `${lead}${who}${form}${tail}`;
              const read = parseMessage({ text, at, context }).some(
                (r) => r.type === 'health' && r.temperature === value,
              );
              if (!read) missed.push(`${context}: ${text}`);
            }
    expect(missed).toEqual([]);
  });

  it('still leaves a price a price', () => {
    expect(parseMessage({ text: '白菜价36.5一斤 太贵了', at, context: 'quarantine' })).toEqual([]);
  });
});

describe('two counted goods side by side', () => {
  const goods: [string, string][] = [
    ['牙膏', '支'],
    ['毛巾', '条'],
    ['拖鞋', '双'],
    ['口罩', '个'],
    ['卫生纸', '提'],
    ['方便面', '箱'],
    ['鸡蛋', '板'],
    ['挂面', '把'],
    ['菜油', '桶'],
    ['大米', '袋'],
    ['白糖', '斤'],
    ['酱油', '瓶'],
    ['感冒药', '盒'],
    ['电池', '节'],
    ['筷子', '双'],
    ['笔记本', '本'],
    ['扑克', '副'],
    ['奶粉', '罐'],
    ['地膜', '卷'],
    ['洗衣粉', '包'],
  ];
  it('are both read, after a space or a comma, in both kinds of group', () => {
    const lost: string[] = [];
    const counts = ['一', '两', '3'];
    for (const context of ['quarantine', 'village'] as const)
      for (const [k, [a, ua]] of goods.entries())
        for (const [j, [b, ub]] of goods.entries()) {
          if (a === b) continue;
          const text = `${a}${counts[k % 3]}${ua}${j % 2 ? '，' : ' '}${b}${counts[j % 3]}${ub}`;
          const names = goodsNames(parseMessage({ text, at, context }));
          if (!names.includes(a) || !names.includes(b)) lost.push(`${context}: ${text} → ${names.join(',')}`);
        }
    expect(lost).toEqual([]);
  });
});

describe('seed of every vegetable and crop', () => {
  const crops = [...SEED_VEGETABLES, '花椒'];
  const more = ['玉米', '包谷', '洋芋', '花生', '芝麻', '油菜', '谷', '稻', '麦', '菜'];
  it('is counted at the end of a 接龙 line and of a message (辣椒种2包 lost its count to 种, a stop word)', () => {
    const lost: string[] = [];
    for (const crop of [...crops, ...more])
      for (const seed of ['种', '种子', '籽']) {
        const name = `${crop}${seed}`;
        for (const text of [`#接龙 春播\n1. 陈明 ${name}2包`, `${name}2包`, `帮我带${name}两包`]) {
          const order = parseMessage({ text, at, context: 'village' }).find((r) => r.type === 'order');
          const item = order?.type === 'order' ? order.items[0] : undefined;
          if (item?.name !== name || item.qty !== 2 || item.unit !== '包')
            lost.push(`${text.replace('\n', '⏎')} → ${JSON.stringify(item ?? null)}`);
        }
      }
    expect(lost).toEqual([]);
  });
});

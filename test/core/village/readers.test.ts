import { describe, expect, it } from 'vitest';
import { appMessageTitle, isAppPayload } from '../../../src/core/village/app-message.js';
import { readDayArg, readDeliveries, readRef, readYuan } from '../../../src/core/village/commands.js';
import { looksMeant, negatedOrder, placeOnly } from '../../../src/core/village/intent.js';
import { householdPlace, villageGroupOf, villageGroupRank } from '../../../src/core/village/places.js';

describe('volunteers’ command arguments', () => {
  it('reads order and water numbers', () => {
    expect(['O-0031', 'o31', '0031', '31', 'W-0005', 'w5', 'x1', '0'].map(readRef)).toEqual([
      { kind: 'order', number: 31 },
      { kind: 'order', number: 31 },
      { kind: 'order', number: 31 },
      { kind: 'order', number: 31 },
      { kind: 'water', number: 5 },
      { kind: 'water', number: 5 },
      null,
      null,
    ]);
  });

  it('reads amounts in yuan as fen', () => {
    expect(['85元', '85', '85.5', '¥40', '85块5', '12块', 'abc'].map(readYuan)).toEqual([
      8500,
      8500,
      8550,
      4000,
      8550,
      1200,
      null,
    ]);
  });

  it('pairs deliveries with what was paid', () => {
    expect(readDeliveries(['O-0031', '85元', 'O-0032', 'W-0005', '32', '40', '好的'])).toEqual({
      deliveries: [
        { ref: { kind: 'order', number: 31 }, costFen: 8500 },
        { ref: { kind: 'order', number: 32 }, costFen: null },
        { ref: { kind: 'water', number: 5 }, costFen: null },
        { ref: { kind: 'order', number: 32 }, costFen: 4000 },
      ],
      unknown: ['好的'],
    });
    expect(readDeliveries(['O-0031垫付85元']).deliveries).toEqual([
      { ref: { kind: 'order', number: 31 }, costFen: 8500 },
    ]);
  });

  it('reads a day relative to today', () => {
    const today = '2020-02-15';
    expect(
      [undefined, '明天', '后天', '2020-02-20', '2月16日', '2月16号', '2-17', '2.18', '3月40日', '下周'].map(
        (a) => readDayArg(a, today),
      ),
    ).toEqual([
      '2020-02-15',
      '2020-02-16',
      '2020-02-17',
      '2020-02-20',
      '2020-02-16',
      '2020-02-16',
      '2020-02-17',
      '2020-02-18',
      null,
      null,
    ]);
  });
});

describe('places', () => {
  it('names village groups one way', () => {
    expect(
      ['三组', '3组', '第三组', '5社', '十一组', '12组', '两组', '七星洞村', null].map(villageGroupOf),
    ).toEqual(['三组', '三组', '三组', '五组', '十一组', '十二组', '二组', null, null]);
    expect(
      ['二组', '十一组', '三组', '没写组的'].sort((a, b) => villageGroupRank(a) - villageGroupRank(b)),
    ).toEqual(['二组', '三组', '十一组', '没写组的']);
  });

  it('makes an address of a household', () => {
    expect(householdPlace({ villageGroup: '三组', address: '三组12号' })).toBe('三组12号');
    expect(householdPlace({ villageGroup: '三组', address: '12号' })).toBe('三组12号');
    expect(householdPlace({ villageGroup: '五组', address: null })).toBe('五组');
    expect(householdPlace({ villageGroup: null, address: null })).toBeNull();
  });
});

describe('villagers’ messages the parser leaves alone', () => {
  it('reads a place given on its own', () => {
    expect(['送到三组', '地址：五组12号', '我家在3社', '送三组吧', '在家', '好的'].map(placeOnly)).toEqual([
      '三组',
      '五组12号',
      '3社',
      '三组',
      null,
      null,
    ]);
  });

  it('tells what looks meant from chatter', () => {
    expect(['菜籽油多少钱一桶', '我要那个', '明天下雨', '大家辛苦了', '36.5'].map(looksMeant)).toEqual([
      'question',
      'unread',
      null,
      null,
      'unread',
    ]);
  });

  it('turns 不要化肥了 into a withdrawal', () => {
    const order = {
      type: 'order' as const,
      items: [{ name: '化肥', qty: null, unit: null }],
      deliverTo: null,
      customer: null,
      seq: null,
    };
    expect(negatedOrder('不要化肥了', order)).toEqual({ type: 'cancel', items: [{ name: '化肥' }] });
    expect(negatedOrder('帮我买化肥', order)).toBeNull();
  });
});

describe('WeChat 接龙-tool messages', () => {
  it('reads the list from the title, entities and CDATA decoded', () => {
    const xml =
      '<msg><appmsg appid="" sdkver="0"><title>#接龙 代买&#x0A;1. 老李 尿素2袋&#10;2. 张三 &lt;大米&gt; 20斤</title><type>53</type></appmsg></msg>';
    expect(isAppPayload(xml)).toBe(true);
    expect(appMessageTitle(xml)).toBe('#接龙 代买\n1. 老李 尿素2袋\n2. 张三 <大米> 20斤');
    expect(
      appMessageTitle('<msg><appmsg><title><![CDATA[#接龙\n1. 老王 盐1袋]]></title></appmsg></msg>'),
    ).toBe('#接龙\n1. 老王 盐1袋');
    expect(appMessageTitle('<msg><appmsg><des>x</des></appmsg></msg>')).toBeNull();
    expect(isAppPayload('帮我买化肥')).toBe(false);
  });
});

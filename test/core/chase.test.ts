// What a villager's message without records asks after: goods by their canonical name, the water booked, or
// everything still to come.
import { describe, expect, it } from 'vitest';
import { chaseOf } from '../../src/core/chase.js';

describe('chaseOf', () => {
  it('names the goods asked after, by their canonical name', () => {
    expect(chaseOf('昨天订的化肥咋个还没到')).toEqual({ goods: ['化肥'], water: false });
    expect(chaseOf('我那两袋菜油到了没得')).toEqual({ goods: ['菜籽油'], water: false });
  });

  it('reads the water booked, and everything still to come when nothing is named', () => {
    expect(chaseOf('水咋个还没送来哦 等了一上午')).toEqual({ goods: [], water: true });
    expect(chaseOf('咋还没送来哦')).toEqual({ goods: [], water: false });
  });

  it('is no chase when more is asked for, or nothing is asked after', () => {
    expect(chaseOf('化肥还没到 再要两袋尿素')).toBeNull();
    expect(chaseOf('化肥收到了 谢谢')).toBeNull();
    expect(chaseOf('水果到了 分给大家')).toBeNull();
  });

  it('never throws, and leaves long texts alone', () => {
    expect(chaseOf(undefined as unknown as string)).toBeNull();
    expect(chaseOf(`${'啊'.repeat(400)}还没到`)).toBeNull();
  });
});

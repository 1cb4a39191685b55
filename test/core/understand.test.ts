// The one reading of a group message: what the robot and the use cases act on.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/core/understand.js';

function villager(body: string) {
  return understand({
    body,
    kind: 'text',
    at: new Date('2020-02-16T10:00:00+08:00'),
    role: 'villagers',
    siteKind: 'village',
    timeZone: 'Asia/Shanghai',
  });
}

describe('a fix of the order before', () => {
  it('is a fix when the message counts nothing before its fix words', () => {
    expect(villager('不对，醋是两瓶').fix).toBe(true);
    expect(villager('大米改成20斤').fix).toBe(true);
  });

  it('is no fix of the order before when the message corrects itself', () => {
    const u = villager('要两袋化肥 哦不对 三袋 送五组');
    expect(u.fix).toBe(false);
    expect(u.records).toEqual([
      {
        type: 'order',
        items: [{ name: '化肥', qty: 3, unit: '袋' }],
        deliverTo: '五组',
        customer: null,
        seq: null,
      },
    ]);
  });
});

describe('a room as the sender wrote it', () => {
  function resident(body: string) {
    return understand({
      body,
      kind: 'text',
      at: new Date('2020-02-16T08:00:00+08:00'),
      role: 'residents',
      siteKind: 'quarantine',
      timeZone: 'Asia/Shanghai',
    });
  }

  it('is the roster’s one way of writing it, however it was typed', () => {
    // the parser gives A1205 as typed; the roster keeps A座1205, A-1205 and A1205 as one room
    expect(resident('A1205 早上36.5').readings.map((r) => r.room)).toEqual(['A-1205']);
    expect(resident('A座1205 要两个口罩').records.map((r) => ('room' in r ? r.room : null))).toEqual([
      'A-1205',
    ]);
  });
});

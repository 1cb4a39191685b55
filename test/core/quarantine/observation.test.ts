import { describe, expect, it } from 'vitest';
import {
  highestLast,
  isFever,
  keepsSlotReport,
  needsConfirmation,
  normaliseRoom,
  observationDay,
  plannedEndDate,
  reportDay,
  roomInNickname,
  slotOf,
} from '../../../src/core/quarantine/observation.js';
import { parseRef, splitRefs } from '../../../src/core/quarantine/refs.js';
import { leftoverState } from '../../../src/core/quarantine/unplaced.js';
import { registrationArgs } from '../../../src/services/quarantine/identity.js';

describe('the observation period', () => {
  it('runs from the start date for the site’s days', () => {
    expect(plannedEndDate('2020-02-07', 14)).toBe('2020-02-21');
    expect(plannedEndDate('2020-02-20', 14)).toBe('2020-03-05');
    expect(observationDay('2020-02-07', '2020-02-07')).toBe(1);
    expect(observationDay('2020-02-07', '2020-02-15')).toBe(9);
  });

  it('calls a fever at the threshold, in tenths, whatever the float', () => {
    expect(isFever(37.3, 37.3)).toBe(true);
    expect(isFever(37.299999237060547, 37.3)).toBe(true);
    expect(isFever(37.2, 37.3)).toBe(false);
    expect(isFever(null, 37.3)).toBe(false);
    expect(isFever(37.4, 37.5)).toBe(false);
  });

  it('takes the slot the text names, else the local time of day', () => {
    const at = new Date('2020-02-15T03:59:00Z'); // 11:59 in Shanghai, 22:59 the day before in New York
    expect(slotOf(null, at, 'Asia/Shanghai')).toBe('am');
    expect(slotOf(null, new Date('2020-02-15T04:00:00Z'), 'Asia/Shanghai')).toBe('pm');
    expect(slotOf('pm', at, 'Asia/Shanghai')).toBe('pm');
  });

  it('dates a report of last night to yesterday', () => {
    const at = new Date('2020-02-15T07:30:00+08:00');
    expect(reportDay('36.5', 'am', at, 'Asia/Shanghai')).toBe('2020-02-15');
    expect(reportDay('昨晚37.5', 'pm', at, 'Asia/Shanghai')).toBe('2020-02-14');
    expect(reportDay('昨晚37.5 今早36.5', 'pm', at, 'Asia/Shanghai')).toBe('2020-02-14');
    expect(reportDay('昨晚37.5 今早36.5', 'am', at, 'Asia/Shanghai')).toBe('2020-02-15');
  });

  it('keeps a slot’s report with a temperature when a later message has none', () => {
    expect(keepsSlotReport({ temperature: 37.8 }, { temperature: null })).toBe(true);
    expect(keepsSlotReport({ temperature: 37.8 }, { temperature: 36.5 })).toBe(false);
    expect(keepsSlotReport({ temperature: null }, { temperature: null })).toBe(false);
    expect(keepsSlotReport(null, { temperature: null })).toBe(false);
  });
});

describe('a slot measured twice in one message', () => {
  it('files the highest reading of a day and slot last, keeping the order said otherwise', () => {
    const r = (day: string, slot: 'am' | 'pm', temperature: number | null) => ({ day, slot, temperature });
    const got = highestLast([
      r('2020-02-16', 'am', 37.5),
      r('2020-02-16', 'am', 37.1),
      r('2020-02-16', 'pm', 36.6),
    ]);
    expect(got.map((x) => x.temperature)).toEqual([37.1, 37.5, 36.6]);
    expect(
      highestLast([r('2020-02-15', 'pm', 38.2), r('2020-02-16', 'am', 36.8)]).map((x) => x.temperature),
    ).toEqual([38.2, 36.8]);
  });
});

describe('confirming a temperature', () => {
  it.each([
    ['365', 36.5, true],
    ['2105 365', 36.5, true],
    ['3.65', 36.5, true],
    ['36..5', 36.5, true],
    ['36,5', 36.5, true],
    ['36.5', 36.5, false],
    ['３６．５', 36.5, false],
    ['36。5', 36.5, false],
    ['36度5', 36.5, false],
    ['三十六度五', 36.5, false],
    ['2105 早上36.4', 36.4, false],
    ['34.6', 34.6, true],
    ['41.6', 41.6, true],
    ['38.5', 38.5, false],
  ])('%s → %s asks: %s', (text, t, asks) => {
    expect(needsConfirmation(text, t)).toBe(asks);
  });
});

describe('rooms', () => {
  it.each([
    ['2105高', '2105'],
    ['2105-高先生', '2105'],
    ['高先生2105', '2105'],
    ['3-201李', '3-201'],
    ['3栋201', '3-201'],
    ['２１０５高', '2105'],
    ['2105高 13800138000', '2105'],
    ['高先生', null],
    ['2105和2106', null],
  ])('nickname %s → %s', (nick, room) => {
    expect(roomInNickname(nick)).toBe(room);
  });

  it.each([
    ['2105', '2105'],
    [' ２１０５ ', '2105'],
    ['2105房', '2105'],
    ['房间2105', '2105'],
    ['3栋201', '3-201'],
    ['03-201室', '3-201'],
    // (as the parser writes it, so a roster's A座1205 is the room a resident's `A座1205 36.5` names)
    ['A座1205', 'A-1205'],
    ['a1205', 'A-1205'],
    ['B区218', 'B-218'],
    ['B-1106房', 'B-1106'],
    ['西楼 702', '西楼702'],
    // (a building, then its floor and room with a dash: A座6-12 is A-6-12 on the roster and in a message alike)
    ['A座6-12', 'A-6-12'],
    ['3号楼6-12房', '3-6-12'],
    ['A-6-12', 'A-6-12'],
    ['B区5-06', 'B-5-06'],
    ['3#楼204', '3-204'],
    // (a building, its stairway and the room: 6号楼1单元302 is 6-1-302)
    ['6号楼1单元302', '6-1-302'],
    ['6-1-302', '6-1-302'],
    ['3栋2单元1502房', '3-2-1502'],
    // (a room with its letter after: the roster's 1108a is the parser's 1108A)
    ['1108a', '1108A'],
    ['1108A房', '1108A'],
  ])('room %s → %s', (input, room) => {
    expect(normaliseRoom(input)).toBe(room);
  });

  it.each([
    ['2105 高某', { room: '2105', name: '高某' }],
    ['2105高某', { room: '2105', name: '高某' }],
    ['高某 2105', { room: '2105', name: '高某' }],
    ['2105房，高某', { room: '2105', name: '高某' }],
    ['3栋201 李四', { room: '3-201', name: '李四' }],
    ['高某', null],
    ['', null],
    ['2105 高某 2106', null],
  ])('#登记 %s', (rest, args) => {
    expect(registrationArgs(rest)).toEqual(args);
  });
});

describe('ticket and alert numbers', () => {
  it('reads the ways staff type them', () => {
    expect(parseRef('R-0012', 'R')).toBe(12);
    expect(parseRef('r12', 'R')).toBe(12);
    expect(parseRef('12', 'R')).toBe(12);
    expect(parseRef('Ｒ－００１２', 'R')).toBe(12);
    expect(parseRef('A-0003', 'R')).toBeNull();
    expect(parseRef('R-0', 'R')).toBeNull();
    expect(parseRef('已放门口', 'R')).toBeNull();
  });

  it('splits the numbers from the note and keeps the note as written', () => {
    expect(splitRefs('R-0012 R-13，已放门口，请取', 'R')).toEqual({
      numbers: [12, 13],
      note: '已放门口，请取',
    });
    expect(splitRefs('R-0012', 'R')).toEqual({ numbers: [12], note: null });
    expect(splitRefs('已放门口', 'R')).toEqual({ numbers: [], note: '已放门口' });
  });
});

describe('what is left for staff review', () => {
  it.each([
    ['谢谢医生！辛苦了', 'ignored'],
    ['好的', 'ignored'],
    ['收到👍', 'ignored'],
    ['[强][强]', 'ignored'],
    ['武汉加油！', 'ignored'],
    ['大家早上好', 'ignored'],
    ['', 'ignored'],
    ['我的核酸结果出来了没有', 'unplaced'],
    ['医生能来一下吗', 'unplaced'],
    ['什么时候可以回家', 'unplaced'],
    ['隔壁晚上太吵了睡不着', 'unplaced'],
    ['2105', 'unplaced'],
    // Symptoms or a need said in emoji are for a person to look at; thanks in emoji are not.
    ['😷🤒', 'unplaced'],
    ['🤧🤧', 'unplaced'],
    ['🆘', 'unplaced'],
    ['🙏🙏😊', 'ignored'],
  ])('%s → %s', (text, state) => {
    expect(leftoverState(text)).toBe(state);
  });
});

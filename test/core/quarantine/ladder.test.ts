import { describe, expect, it } from 'vitest';
import { isSelf, whichRoommate } from '../../../src/core/quarantine/household.js';
import { type CallCandidate, rankCallList, triedText } from '../../../src/core/quarantine/ladder.js';

const at = (hhmm: string) => new Date(`2020-02-15T${hhmm}:00+08:00`);
const candidate = (room: string, extra: Partial<CallCandidate> = {}): CallCandidate => ({
  residentId: Number(room),
  name: `住户${room}`,
  room,
  phone: null,
  unwell: false,
  age: null,
  missedBefore: 0,
  attempts: [],
  ...extra,
});

describe('the call list', () => {
  it('puts the unwell first, then repeat non-reporters, then rooms in order; an unanswered call waits 30 minutes', () => {
    const ranked = rankCallList(
      [
        candidate('2110'),
        candidate('2103', { missedBefore: 2 }),
        candidate('2108', { unwell: true }),
        candidate('2101', {
          unwell: true,
          attempts: [{ step: 'call', outcome: 'no-answer', at: at('10:20'), by: '张医生' }],
        }),
        candidate('2102'),
      ],
      at('10:30'),
    );
    expect(ranked.map((e) => e.room)).toEqual(['2108', '2103', '2102', '2110', '2101']);
    expect(ranked[0]?.why).toEqual(['近两天有发热或症状']);
    expect(ranked[1]?.why).toEqual(['近三天第 3 次未报']);
    expect(ranked[4]?.tryAgainAt).toEqual(at('10:50'));
    // Due again after 30 minutes: back in its place.
    expect(rankCallList(ranked, at('10:51'))[0]?.room).toBe('2101');
  });

  it('puts the elderly after the unwell and before repeat non-reporters, and says their age', () => {
    const ranked = rankCallList(
      [
        candidate('2101', { missedBefore: 1, age: 45 }),
        candidate('2102', { age: 59 }),
        candidate('2103', { age: 72 }),
        candidate('2104', { unwell: true, age: 30 }),
        candidate('2105', { age: 60, unwell: true }),
      ],
      at('10:30'),
    );
    expect(ranked.map((e) => e.room)).toEqual(['2105', '2104', '2103', '2101', '2102']);
    expect(ranked[0]?.why).toEqual(['近两天有发热或症状', '60 岁']);
    expect(ranked[2]?.why).toEqual(['72 岁']);
    expect(ranked[4]?.why).toEqual([]);
  });

  it('says what was tried, repeats counted', () => {
    expect(triedText([])).toBe('还没联系');
    expect(
      triedText([
        { step: 'nudge', outcome: 'sent', at: at('09:00'), by: null },
        { step: 'private', outcome: 'sent', at: at('09:30'), by: null },
        { step: 'call', outcome: 'no-answer', at: at('10:05'), by: '张' },
        { step: 'call', outcome: 'no-answer', at: at('10:40'), by: '张' },
        { step: 'visit', outcome: 'visited', at: at('11:00'), by: '李' },
      ]),
    ).toBe('群里提醒、私信、电话未接通 ×2、上门');
  });
});

describe('readings for someone else', () => {
  const room = [{ name: '张强' }];
  it('knows the sender', () => {
    expect(isSelf(null)).toBe(true);
    expect(isSelf('我')).toBe(true);
    expect(isSelf('老公')).toBe(false);
  });
  it('finds the roommate by name, by surname and relation, or as the only other person for one relation', () => {
    expect(whichRoommate('张强', room)).toEqual({ name: '张强' });
    expect(whichRoommate('2306的刘爷爷', [{ name: '刘建国' }, { name: '王芳' }])).toEqual({ name: '刘建国' });
    expect(whichRoommate('老公', room)).toEqual({ name: '张强' });
    expect(whichRoommate('我老公', room, 1)).toEqual({ name: '张强' });
    // the northern possessive, kept as written by the parser
    expect(whichRoommate('俺媳妇', room, 1)).toEqual({ name: '张强' });
    expect(whichRoommate('俺家那口子', room, 1)).toEqual({ name: '张强' });
  });
  it('does not guess', () => {
    expect(whichRoommate('老公', room, 2)).toBeNull();
    expect(whichRoommate('老公', [{ name: '张强' }, { name: '张小宝' }])).toBeNull();
    expect(whichRoommate('隔壁老王', room)).toBeNull();
    expect(whichRoommate('', room)).toBeNull();
    expect(whichRoommate('刘爷爷', [{ name: '刘建国' }, { name: '刘小明' }])).toBeNull();
  });
});

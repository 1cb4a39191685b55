import { describe, expect, it } from 'vitest';
import { digestText, type QuarantineDigest } from '../../../src/core/quarantine/digest.js';
import { itemsText, statusText, texts } from '../../../src/core/quarantine/texts.js';

const base: QuarantineDigest = {
  site: '五指山观察点',
  date: '2020-02-15',
  observing: 0,
  reported: { am: 0, pm: 0 },
  missing: { am: [], pm: [] },
  fever: [],
  openRequests: 0,
  releasesDue: [],
  admittedTotal: 0,
  releasedTotal: 0,
  urgentRequests: 0,
  openAlerts: 0,
  unplaced: 0,
  releasesTomorrow: [],
  overdue: [],
  reportedVia: { phone: 0, visit: 0, relative: 0 },
  unaccounted: { am: [], pm: [] },
  people: { missing: { am: [], pm: [] }, releasesDue: [], releasesTomorrow: [], overdue: [] },
  slots: ['am', 'pm'],
};

describe('digest text', () => {
  it('counts reports by phone and by relatives, and names who is still unaccounted for after the ladder', () => {
    const d: QuarantineDigest = {
      ...base,
      observing: 3,
      reported: { am: 2, pm: 0 },
      reportedVia: { phone: 1, visit: 0, relative: 1 },
      unaccounted: {
        am: [{ name: '王某', room: '2107', tried: '群里提醒、私信、列入电话名单、电话未接通 ×2' }],
        pm: [],
      },
      people: { ...base.people, missing: { am: [{ name: '王某', room: '2107' }], pm: [] } },
      slots: ['am'],
    };
    expect(digestText(d).split('\n').slice(1, 5)).toEqual([
      '在观察 3 人；早报 2/3',
      '未报（早）：2107 王某',
      '其中电话 1，家人代报 1 人次',
      '仍未联系上（早）1 人：2107 王某（群里提醒、私信、列入电话名单、电话未接通 ×2）',
    ]);
  });

  it('is short when there is nothing to say', () => {
    expect(digestText(base)).toBe(
      '【五指山观察点 2月15日日报】\n在观察 0 人\n发热：无\n待办需求 0 件\n累计接收 0 人，解除 0 人',
    );
  });

  it('cuts long lists of names', () => {
    const many = Array.from({ length: 35 }, (_, i) => ({ name: `住户${i + 1}`, room: String(3001 + i) }));
    const text = digestText({
      ...base,
      observing: 35,
      missing: { am: many.map((p) => p.name), pm: [] },
      people: { ...base.people, missing: { am: many, pm: [] } },
      urgentRequests: 1,
      openRequests: 2,
    });
    expect(text).toContain('、3030 住户30 等 35 人\n');
    expect(text).toContain('待办需求 2 件（紧急 1）');
  });
});

describe('resident texts', () => {
  it('names items with quantities, or the kind of need', () => {
    expect(
      itemsText(
        [
          { name: '口罩', qty: 2, unit: '个' },
          { name: '纸巾', qty: null, unit: null },
          { name: '大米', qty: 0.5, unit: '斤' },
        ],
        'daily',
      ),
    ).toBe('口罩 2个、纸巾、大米 0.5斤');
    expect(itemsText([], 'meal')).toBe('用餐需求');
  });

  it('tells a resident where they are in their period', () => {
    const s = {
      room: '2105',
      name: '高某',
      status: 'observing' as const,
      statusDate: null,
      dayN: 15,
      length: 14,
      plannedEnd: '2020-02-21',
      today: { am: { slot: 'am' as const, temperature: 36.5, symptoms: [] } },
      slots: ['am', 'pm'] as ('am' | 'pm')[],
    };
    expect(statusText(s)).toBe('2105：医学观察已满 14 天，请等候工作人员办理解除。今天：早 36.5℃；晚 未报。');
    expect(statusText({ ...s, dayN: 0 })).toContain('医学观察将于 2月7日 开始（共 14 天）');
    expect(statusText({ ...s, status: 'hospital', statusDate: '2020-02-16' })).toBe(
      '2105 已于 2月16日 转院治疗，祝早日康复。',
    );
    // The residents group reads it: a name never, the room or 您.
    expect(statusText({ ...s, room: null, status: 'released', statusDate: '2020-02-21' })).toBe(
      '您已于 2月21日 解除医学观察，祝您平安！',
    );
    expect(texts.recorded('2105', [{ slot: 'pm', temperature: null, symptoms: ['cough', 'fatigue'] }])).toBe(
      '已记录：2105 晚 咳嗽、乏力',
    );
  });
});

// The calls the admin API makes: acknowledging alerts, taking and closing tickets, the review list.
import { afterEach, describe, expect, it } from 'vitest';
import { RESIDENTS } from '../helpers/quarantine.js';
import { type ServiceSite, serviceSite } from '../helpers/quarantine-services.js';

let s: ServiceSite;
afterEach(async () => {
  await s.close();
});

describe('staff actions outside the chat', () => {
  it('acknowledges alerts and closes tickets, telling the resident, and lists what needs review', async () => {
    s = await serviceSite([{ name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' }]);
    const q = s.services.quarantine;
    await s.say(RESIDENTS, '2105高', '37.9，需要退烧药', '2020-02-15 07:40');
    await s.say(RESIDENTS, '2105高', '我家人能来送东西吗', '2020-02-15 07:45');
    s.clock.set(new Date('2020-02-15T08:00:00+08:00'));
    expect(await q.acknowledgeAlert(s.siteId, 1, { name: '张医生', note: '已复测' })).toEqual({
      outcome: 'done',
      answer: 'A-0001 已确认处理（张医生）。',
    });
    expect(await q.acknowledgeAlert(s.siteId, 1, { name: '李护士' })).toEqual({
      outcome: 'already',
      answer: 'A-0001 已由 张医生 于 2月15日 08:00 处理过。',
    });
    expect((await q.acknowledgeAlert(s.siteId, 7, { name: '李护士' }))?.outcome).toBe('not-found');
    expect(await q.acknowledgeAlert(s.siteId + 100, 1, { name: '李护士' })).toBeNull();
    expect(await q.ticket(s.siteId, 1, 'assign', { name: '李护士' })).toEqual({
      outcome: 'done',
      answer: 'R-0001（2105 高某 退烧药）由 李护士 负责。',
    });
    expect((await q.ticket(s.siteId, 1, 'done', { name: '李护士', note: '已送到门口' }))?.outcome).toBe(
      'done',
    );
    expect((await s.queued()).at(-1)).toEqual([
      RESIDENTS,
      '您的需求 R-0001（退烧药）已办好：已送到门口',
      ['2105高'],
    ]);
    expect((await q.unplaced(s.siteId)).map((m) => [m.talkerName, m.text])).toEqual([
      ['2105高', '我家人能来送东西吗'],
    ]);
  });
});

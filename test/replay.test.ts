// Two days of an observation site replayed in simulated time (the same path as `shouwang replay`):
// reminders, nudges with the right mentions, alerts, missing lists and digests at their local times,
// each once, and nothing of one resident's health in the residents group but their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRepo } from '../db/repositories/outbox.js';
import { loadConfig } from '../src/config.js';
import { parseReplayLog } from '../src/core/replay-file.js';
import { toZonedIso } from '../src/core/time.js';
import { silentLogger } from '../src/log.js';
import { replay } from '../src/replay.js';
import { createSetupService } from '../src/services/setup.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { RESIDENTS, STAFF, siteSetup } from './helpers/quarantine.js';

let db: TestDatabase;
let out: { at: string; topic: string; text: string; mentions: string[] }[];

const at = (day: number, time: string) => `2020-02-${14 + day}T${time}:00+08:00`;
const LOG = [
  { at: at(1, '07:45'), room: RESIDENTS, from: '2105高', text: '2105 早上36.5' },
  { at: at(1, '08:10'), room: RESIDENTS, from: '2106李', text: '早 37.5 有点乏力' },
  { at: at(1, '20:05'), room: RESIDENTS, from: '2105高', text: '晚上36.6' },
  { at: at(2, '07:50'), room: RESIDENTS, from: '2105高', text: '36.4' },
  { at: at(2, '08:40'), room: RESIDENTS, from: '2106李', text: '36.9' },
  { at: at(2, '08:45'), room: RESIDENTS, from: '2107王', text: '#登记 2107 王某' },
  { at: at(2, '08:46'), room: RESIDENTS, from: '2107王', text: '36.7' },
];

beforeAll(async () => {
  db = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent' }, '/nonexistent');
  await createSetupService({ db: db.db, defaultZone: config.timeZone }).apply(
    siteSetup([
      { name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' },
      { name: '李某', room: '2106', wechat: '2106李', start: '2020-02-10' },
      { name: '王某', room: '2107', start: '2020-02-12' },
    ]),
  );
  const { events, problems } = parseReplayLog(LOG.map((e) => JSON.stringify(e)).join('\n'));
  expect(problems).toEqual([]);
  const result = await replay({
    config,
    database: db,
    log: silentLogger,
    events,
    until: new Date(at(2, '23:59')),
  });
  expect(result).toMatchObject({ messages: 7, unprocessed: 0 });
  out = (await createOutboxRepo(db.db).list()).map((r) => ({
    at: toZonedIso(r.sentAt ?? r.notBefore, 'Asia/Shanghai'),
    topic: r.topic,
    text: r.text,
    mentions: r.mentions.map((m) => m.name),
  }));
});
afterAll(() => db.close());

const inResidents = () => out.filter((m) => m.topic === RESIDENTS);
const inStaff = () => out.filter((m) => m.topic === STAFF);

describe('two days replayed', () => {
  it('reminds at each report time, once per slot and day', () => {
    const reminders = inResidents().filter((m) => /请各位在群里报告/.test(m.text));
    expect(reminders.map((m) => m.at)).toEqual([
      at(1, '08:00'),
      at(1, '20:00'),
      at(2, '08:00'),
      at(2, '20:00'),
    ]);
    expect(out.filter((m) => m.text === reminders[0]?.text && m.at === at(1, '08:00'))).toHaveLength(1);
  });

  it('nudges an hour later, @mentioning only those who have not reported', () => {
    const nudges = inResidents().filter((m) => /还没收到/.test(m.text));
    expect(nudges.map((m) => [m.at, m.mentions])).toEqual([
      [at(1, '09:00'), []], // 2107 is not bound: named by room, not @mentioned
      [at(1, '21:00'), ['2106李']],
      [at(2, '21:00'), ['2105高', '2106李', '2107王']],
    ]);
    expect(nudges[0]?.text).toContain('2107');
  });

  it('alerts staff at once about a fever, and lists who is still missing two hours after', () => {
    const staff = inStaff();
    expect(staff.find((m) => m.text.includes('A-0001'))).toMatchObject({ at: at(1, '08:10') });
    expect(staff.find((m) => m.text.includes('A-0001'))?.text).toMatch(/2106 李某 早 37\.5℃.*乏力/);
    const missing = staff.filter((m) => /电话名单 /.test(m.text));
    expect(missing.map((m) => m.at)).toEqual([at(1, '10:00'), at(1, '22:00'), at(2, '22:00')]);
    expect(missing[0]?.text).toBe(
      '【早报电话名单 2月15日】共 1 人，按先后打：\n1. 2107 王某：已试：群里提醒\n打完请回：#已联系 房号 体温、#未接通 房号 或 #上门 房号。',
    );
  });

  it('posts the daily digest at 21:00 each day', () => {
    const digests = inStaff().filter((m) => m.text.startsWith('【五指山观察点'));
    expect(digests.map((m) => m.at)).toEqual([at(1, '21:00'), at(2, '21:00')]);
    expect(digests[0]?.text).toContain('发热 1 人：2106 李某 37.5℃');
  });

  it('never shows one resident’s health data to the others', () => {
    // Each reading or symptom may appear in the residents group only in a reply to its own sender.
    const owner: [RegExp, string][] = [
      [/36\.[456]℃/, '2105高'],
      [/37\.5|36\.9|乏力/, '2106李'],
      [/36\.7/, '2107王'],
    ];
    for (const m of inResidents()) {
      for (const [data, who] of owner) if (data.test(m.text)) expect(m.mentions).toEqual([who]);
    }
  });
});

// setup → replay → outbox through the `shouwang` commands (in-process).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSession } from '../helpers/cli.js';

const cli = cliSession('sw-setup-');
const shouwang = cli.run;
const dir = cli.dir;

beforeAll(async () => {
  await cli.open();
});
afterAll(async () => {
  await cli.close();
});

const write = (name: string, content: string) => {
  fs.writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};

const SETUP = {
  sites: [
    {
      name: '五指山观察点',
      kind: 'quarantine',
      timezone: 'Asia/Shanghai',
      observationDays: 14,
      feverThreshold: 37.3,
      reportTimes: ['08:00', '20:00'],
      groups: [
        { topic: '五指山观察点住户群', role: 'residents' },
        { topic: '五指山观察点工作群', role: 'staff' },
      ],
      residents: [{ name: '高某', room: '2105', wechat: '2105高', start: '2020-02-07' }],
    },
    {
      name: '七星洞村',
      kind: 'village',
      groups: [
        { topic: '七星洞村村民群', role: 'villagers' },
        { topic: '七星洞村志愿队', role: 'volunteers' },
      ],
    },
  ],
};

// Generous for a busy machine.
const SLOW = 300_000;

describe('shouwang setup and replay', () => {
  it(
    'applies the contract’s setup file, idempotently',
    async () => {
      const file = write('setup.json', JSON.stringify(SETUP));
      const first = await shouwang('setup', file);
      expect(first.stderr).toBe('');
      expect(first.stdout).toContain('2 sites, 4 groups, 1 residents added, 0 updated');
      const again = await shouwang('setup', file);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('0 residents added, 1 updated');
    },
    SLOW,
  );

  it(
    'names the problems of a bad setup file and writes nothing',
    async () => {
      const bad = structuredClone(SETUP);
      (bad.sites[0] as { groups: { role: string }[] }).groups[1] = { topic: 'x', role: 'villagers' } as never;
      (bad.sites[0] as { residents: { start: string }[] }).residents[0] = {
        name: '李',
        room: '1',
        start: '2020-02-30',
      } as never;
      const r = await shouwang('setup', write('bad.json', JSON.stringify(bad)));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^shouwang: the setup file has problems: /);
      expect(r.stderr).toContain('sites[0].residents[0].start: must be a date YYYY-MM-DD');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'replays a chat log through the bot and lists what it said with simulated times',
    async () => {
      const log = write(
        'log.jsonl',
        [
          { at: '2020-02-15T09:00:00+08:00', room: '七星洞村村民群', from: '老王', text: '#帮助' },
          { at: '2020-02-15T07:58:00+08:00', room: '五指山观察点住户群', from: '2105高', text: '#帮助' },
        ]
          .map((e) => JSON.stringify(e))
          .join('\n'),
      );
      const r = await shouwang('replay', log);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^replayed 2 messages/);
      const out = JSON.parse((await shouwang('outbox', '--json')).stdout) as {
        at: string;
        room: string;
        text: string;
        mentions: string[];
      }[];
      const replies = out.filter((o) => o.mentions.length > 0);
      expect(replies.map((o) => [o.at, o.room, o.mentions])).toEqual([
        ['2020-02-15T07:58:00+08:00', '五指山观察点住户群', ['2105高']],
        ['2020-02-15T09:00:00+08:00', '七星洞村村民群', ['老王']],
      ]);
      // Between the two messages the clock passed 08:00: the morning reminder went out at its time.
      expect(out.find((o) => o.text.startsWith('早上好'))).toMatchObject({
        at: '2020-02-15T08:00:00+08:00',
        room: '五指山观察点住户群',
      });
      const one = JSON.parse((await shouwang('outbox', '--json', '--room', '七星洞村村民群')).stdout);
      expect(one).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'reports a bad chat log line by number',
    async () => {
      const r = await shouwang(
        'replay',
        write('bad.jsonl', '{"at":"yesterday","room":"r","from":"a","text":"x"}\nnot json\n'),
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/line 1: at must be an ISO date-time.*line 2: not JSON/);
    },
    SLOW,
  );
});
